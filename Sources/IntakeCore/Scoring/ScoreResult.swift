/// An answer that a finding rests on.
public struct Evidence: Sendable, Hashable, Codable {
    public var questionID: String
    public var answer: AnswerValue
}

/// An indicator that was raised, with the answers behind it.
public struct RaisedIndicator: Sendable {
    public var indicator: Indicator
    public var evidence: [Evidence]
    public var id: String { indicator.id }
}

/// A domain's finding: positive or not, and the indicators raised in it.
public struct DomainFinding: Sendable {
    public var domain: Domain
    public var positive: Bool
    public var indicators: [RaisedIndicator]
    /// How the rule read the indicators, e.g. "1 strong + 1 medium".
    public var tally: StrengthTally
}

public struct StrengthTally: Sendable, Equatable {
    public var strong = 0
    public var medium = 0
    public var weak = 0
    public init(strong: Int = 0, medium: Int = 0, weak: Int = 0) {
        self.strong = strong
        self.medium = medium
        self.weak = weak
    }

    /// The ILO reading: two strong, or one strong plus one medium or weak,
    /// or three medium, or two medium plus one weak.
    public var meetsTiers: Bool {
        strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)
    }
}

public struct AppliedOverride: Sendable {
    public var override: Override
    /// The result before this override applied.
    public var before: ResultLevel
    public var after: ResultLevel
    /// The answers its condition rested on (through indicators it reads too).
    public var evidence: [Evidence]
}

/// Whether the person's immediate safety was established.
public enum SafetyStatus: Sendable, Equatable {
    /// Something the person said makes the summary urgent.
    case urgent
    /// The urgent rule could not be read: these questions it reads were
    /// declined, answered "don't know" or not asked.
    case notEstablished([String])
    /// The safety questions were answered and none raised a concern.
    case noConcernReported
}

public struct ReferralFinding: Sendable {
    public var referral: Referral
    /// The answers that raised it (only those that did).
    public var evidence: [Evidence] = []
    /// Its `time_critical` condition is true.
    public var timeCritical: Bool = false
}

/// The outcome of scoring one interview.
public struct ScoreResult: Sendable {
    public var result: ResultLevel
    /// The result from the `likely`/`possible` rules, before overrides.
    public var ruleResult: ResultLevel
    public var urgent: Bool
    /// Why the result is urgent: "rule" for the `urgent` rule, or override ids.
    public var urgentBecause: [String]
    /// The answers that made the `urgent` rule true (only those that did).
    public var urgentEvidence: [Evidence]
    public var safety: SafetyStatus
    public var domains: [DomainFinding]
    public var indicators: [RaisedIndicator]
    public var scores: [String: Double]
    public var overrides: [AppliedOverride]
    public var referrals: [ReferralFinding]
    public var unanswered: [(questionID: String, reason: UnansweredReason)]
    public var relevance: Relevance
    /// The answers of the relevant questions by position, when scored with
    /// a `ScoringProgram` (what its conditions read), for its `endedBy`:
    /// building them again hashed every id (bench/README.md, "Issue 19,
    /// round 5"). Nil from the general path.
    var relevantAnswers: [AnswerValue?]? = nil

    public func domain(_ id: String) -> DomainFinding? { domains.first { $0.domain.id == id } }
    public var positiveDomains: [String] { domains.filter(\.positive).map(\.domain.id) }
}
