/// A text written in the questionnaire's source language, with its stable
/// translation key and where it was written.
public struct SourceText: Hashable, Sendable {
    /// The `msgctxt` of this string in every PO file.
    public var key: String
    /// The source-language text.
    public var text: String
    /// A note for translators (`#.`), if the author gave one.
    public var note: String?
    public var location: SourceLocation

    public init(key: String, text: String, note: String? = nil, location: SourceLocation) {
        self.key = key
        self.text = text
        self.note = note
        self.location = location
    }
}

/// A validated questionnaire. Everything the interview shows, asks, scores
/// and recommends comes from here.
public struct Questionnaire: Sendable {
    public let id: String
    public let version: String
    public let language: String
    public let title: SourceText
    public let description: SourceText?
    public let intro: SourceText?
    public let endMessage: SourceText?
    public let parameters: [Parameter]
    public let domains: [Domain]
    public let sections: [Section]
    /// Every indicator: those attached to answers and those raised by conditions.
    public let indicators: [Indicator]
    public let scores: [Score]
    public let result: ResultRules
    public let referrals: [Referral]
    public let summaryHooks: SummaryHooks
    public let resources: [Resource]
    /// Renamed and removed question ids, oldest first.
    public let changelog: [ChangelogEntry]
    /// The path it was loaded from.
    public let path: String
    /// SHA-256 of the file's bytes, hex; a session records it to detect change.
    public let contentHash: String

    public func question(_ id: String) -> Question? {
        guard let p = questionIndex[id] else { return nil }
        return sections[p.section].questions[p.question]
    }

    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }
    public func domain(_ id: String) -> Domain? { domains.first { $0.id == id } }

    /// What an id from an earlier version of this questionnaire is now,
    /// following renames in order.
    public func historicQuestion(_ id: String) -> HistoricQuestionID {
        var current = id
        for entry in changelog {
            if let next = entry.renamed[current] { current = next }
            if entry.removed.contains(current) && questionIndex[current] == nil { return .removed(version: entry.version) }
        }
        return questionIndex[current] != nil ? .current(current) : .unknown
    }
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// Where `id` is when it names a current question as written, that is
    /// when `historicQuestion(id) == .current(id)`; nil otherwise. One
    /// lookup when there is no changelog (the answer-file fast path calls
    /// it for every answer; bench/README.md, "Issue 19, round 3").
    public func currentQuestionPosition(_ id: String) -> (section: Int, question: Int)? {
        guard let p = questionIndex[id] else { return nil }
        if changelog.isEmpty { return p }
        return historicQuestion(id) == .current(id) ? p : nil
    }

    /// Section index and question index of each question id.
    public let questionIndex: [String: (section: Int, question: Int)]
    /// All questions in interview order.
    public let questions: [Question]
    /// Each question id's position in `questions`.
    public let positions: [String: Int]

    public init(id: String, version: String, language: String, title: SourceText,
                description: SourceText? = nil, intro: SourceText? = nil, endMessage: SourceText? = nil,
                parameters: [Parameter] = [], domains: [Domain], sections: [Section],
                indicators: [Indicator], scores: [Score] = [], result: ResultRules,
                referrals: [Referral] = [], summaryHooks: SummaryHooks = .init(),
                resources: [Resource] = [], changelog: [ChangelogEntry] = [], path: String, contentHash: String) {
        self.id = id; self.version = version; self.language = language; self.title = title
        self.description = description; self.intro = intro; self.endMessage = endMessage
        self.parameters = parameters; self.domains = domains; self.sections = sections
        self.indicators = indicators; self.scores = scores; self.result = result
        self.referrals = referrals; self.summaryHooks = summaryHooks; self.resources = resources
        self.changelog = changelog
        self.path = path; self.contentHash = contentHash
        var map: [String: (section: Int, question: Int)] = [:]
        for (si, s) in sections.enumerated() {
            for (qi, q) in s.questions.enumerated() { map[q.id] = (si, qi) }
        }
        self.questionIndex = map
        self.questions = sections.flatMap(\.questions)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(questions.count)
        for (i, q) in questions.enumerated() { positions[q.id] = i }
        self.positions = positions
    }
}

/// Two questionnaires are equal when everything loaded from the file is
/// (the question index and the flat question list are derived from it).
extension Questionnaire: Equatable {
    public static func == (a: Questionnaire, b: Questionnaire) -> Bool {
        a.id == b.id && a.version == b.version && a.language == b.language && a.title == b.title
            && a.description == b.description && a.intro == b.intro && a.endMessage == b.endMessage
            && a.parameters == b.parameters && a.domains == b.domains && a.sections == b.sections
            && a.indicators == b.indicators && a.scores == b.scores && a.result == b.result
            && a.referrals == b.referrals && a.summaryHooks == b.summaryHooks && a.resources == b.resources
            && a.changelog == b.changelog && a.path == b.path && a.contentHash == b.contentHash
    }
}

public struct Section: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var intro: SourceText?
    public var contentNote: SourceText?
    public var relevant: Condition?
    public var questions: [Question]
    public var location: SourceLocation
}

public enum QuestionType: String, Sendable, CaseIterable {
    case yesNo = "yes_no"
    case single, multiple, number, date
    case monthYear = "month_year"
    case text, note

    /// Whether answers are option ids.
    public var hasOptions: Bool { self == .yesNo || self == .single || self == .multiple }
}

/// A special answer: the person doesn't know, or prefers not to answer.
public enum SpecialAnswer: String, Sendable, CaseIterable, Codable {
    case dontKnow = "dont_know"
    case declined
}

public struct AnswerOption: Sendable, Hashable {
    public var id: String
    public var text: SourceText
}

public struct Question: Sendable, Equatable, Identifiable {
    public var id: String
    public var type: QuestionType
    public var text: SourceText
    public var guidance: SourceText?
    public var relevant: Condition?
    /// `nil`: not required. A condition (possibly the constant `true`).
    public var required: Condition?
    public var constraint: Condition?
    public var constraintMessage: SourceText?
    public var options: [AnswerOption]
    public var min: Double?
    public var max: Double?
    public var integer: Bool
    public var multiline: Bool
    public var special: [SpecialAnswer]
    public var endIf: Condition?
    public var endMessage: SourceText?
    /// Ids of the indicators attached to this question's answers.
    public var indicatorIDs: [String]
    public var location: SourceLocation
    /// The section this question belongs to.
    public var sectionID: String

    public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }
    public var takesAnswer: Bool { type != .note }
}

public enum Strength: String, Sendable, CaseIterable, Codable, Comparable {
    case strong, medium, weak
    private var rank: Int { self == .strong ? 0 : self == .medium ? 1 : 2 }
    public static func < (a: Strength, b: Strength) -> Bool { a.rank < b.rank }
}

public enum Phase: String, Sendable, CaseIterable, Codable {
    case recruitment, travel, destination, any
}

public struct Indicator: Sendable, Equatable, Identifiable {
    public var id: String
    public var domain: String
    public var strength: Strength
    public var phase: Phase
    public var weight: Double
    /// When it is raised. For an indicator on a question this is derived
    /// from `answer:` (e.g. `q == yes` or `q has any [a, b]`).
    public var when: Condition
    /// The question it is attached to, if any.
    public var questionID: String?
    public var why: SourceText?
    public var location: SourceLocation
}

public enum DomainRule: Sendable, Equatable {
    /// ILO reading: 2 strong, or 1 strong + 1 medium/weak, or 3 medium, or 2 medium + 1 weak.
    case tiers
    /// Any one indicator.
    case any
    case condition(Condition)
}

/// What a domain's indicators are signs of.
public enum DomainKind: String, Sendable, CaseIterable, Codable {
    /// Signs of trafficking or forced labour: counted by `indicators()`,
    /// `strong()`, `medium()`, `weak()` and `weight()` without a domain.
    case indicator
    /// Labour or safety concerns that are not trafficking indicators (for
    /// example violence by a client or by police): shown apart in the
    /// summary and never counted by the functions above without a domain.
    case concern
}

public struct Domain: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var core: Bool
    public var kind: DomainKind = .indicator
    public var rule: DomainRule
    public var location: SourceLocation
}

public struct Parameter: Sendable, Equatable, Identifiable {
    public var id: String
    public var defaultValue: Double
    /// Per-language values, by language tag.
    public var byLanguage: [String: Double]
    public var location: SourceLocation

    public func value(for language: String) -> Double {
        if let v = byLanguage[language] { return v }
        // "zh-Hans-CN" falls back to "zh-Hans", then "zh".
        var parts = language.split(separator: "-")
        while parts.count > 1 {
            parts.removeLast()
            if let v = byLanguage[parts.joined(separator: "-")] { return v }
        }
        return defaultValue
    }
}

public struct ScoreItem: Sendable, Equatable {
    public var when: Condition
    public var points: Double
}

public struct Score: Sendable, Equatable, Identifiable {
    public var id: String
    public var items: [ScoreItem]
    public var location: SourceLocation
}

/// The screening's result, from least to most concern. `concerns` means
/// labour or safety concerns were noted (a lone medium or weak sign, or harm
/// by someone who does not control the work) without reaching "possible
/// trafficking indicators".
public enum ResultLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case noIndicators = "no_indicators"
    case concerns, possible, likely
    private var rank: Int {
        switch self {
        case .noIndicators: return 0
        case .concerns: return 1
        case .possible: return 2
        case .likely: return 3
        }
    }
    public static func < (a: ResultLevel, b: ResultLevel) -> Bool { a.rank < b.rank }
}

public struct Override: Sendable, Equatable, Identifiable {
    public var id: String
    public var when: Condition
    public var result: ResultLevel?
    public var atLeast: ResultLevel?
    public var urgent: Bool
    /// Listed in the summary even when it changed nothing (a flag such as
    /// "age not established"); other overrides are listed only when they
    /// changed the result or made it urgent.
    public var flag: Bool = false
    public var reason: SourceText
    public var location: SourceLocation
}

public struct ResultRules: Sendable, Equatable {
    public var likely: Condition?
    public var possible: Condition?
    /// Labour or safety concerns short of possible trafficking indicators.
    public var concerns: Condition?
    public var urgent: Condition?
    public var overrides: [Override]
}

public struct Referral: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var when: Condition
    /// When the referral cannot wait (a court date, no safe place tonight).
    public var timeCritical: Condition?
    public var reason: SourceText
    /// Questions whose answers travel with the referral whatever raised it
    /// (the interpreter's language with Interpretation).
    public var details: [String] = []
    public var location: SourceLocation
}

/// A fixed place in the summary that a question's answer fills.
public enum SummaryHook: String, Sendable, CaseIterable {
    case lawEnforcementPreference = "law_enforcement_preference"
    case needs
    case advocateConcern = "advocate_concern"
    /// Whether the situation is still going on, and when it ended.
    case situation
    case situationEnded = "situation_ended"
    /// The summary's header: interpreter and the person's languages.
    case interpreterUsed = "interpreter_used"
    case interpreterLanguage = "interpreter_language"
    case preferredLanguages = "preferred_languages"
    /// The advocate's closing remark, listed with the other remarks.
    case closingRemark = "closing_remark"
    case dependants
    case dependantsSafe = "dependants_safe"
    /// How the person may be reached safely, and what must never be used.
    case safeContact = "safe_contact"
    case safeContactTimes = "safe_contact_times"
    case neverContact = "never_contact"
    /// The referrals the person agreed to share with (option ids are
    /// referral ids), and the limits they set.
    case consentToShare = "consent_to_share"
    case shareLimits = "share_limits"
    /// The person's age band and kind of work: counted (never shown) in
    /// aggregate reports (`intake report`).
    case ageBand = "age_band"
    case sector

    /// The question types that can fill it.
    public var types: [QuestionType] {
        switch self {
        case .lawEnforcementPreference, .advocateConcern, .situation, .interpreterUsed, .dependants, .dependantsSafe:
            return [.single, .yesNo]
        case .needs: return [.multiple, .single, .text]
        case .situationEnded: return [.single, .monthYear, .date, .text]
        case .interpreterLanguage, .preferredLanguages, .closingRemark, .safeContactTimes, .neverContact, .shareLimits:
            return [.text]
        case .safeContact: return [.multiple, .single, .text]
        case .consentToShare: return [.multiple]
        case .ageBand: return [.single]
        case .sector: return [.multiple, .single]
        }
    }
}

/// Questions whose answers have a fixed place in the summary.
public struct SummaryHooks: Sendable, Equatable {
    public var questions: [SummaryHook: String]
    public init(_ questions: [SummaryHook: String] = [:]) { self.questions = questions }
    public subscript(hook: SummaryHook) -> String? {
        get { questions[hook] }
        set { questions[hook] = newValue }
    }
    public var lawEnforcementPreference: String? { questions[.lawEnforcementPreference] }
    public var needs: String? { questions[.needs] }
    public var advocateConcern: String? { questions[.advocateConcern] }
    public var situation: String? { questions[.situation] }
    public var situationEnded: String? { questions[.situationEnded] }
}

/// One version's changes to question ids, so that sessions and answer
/// files written for an earlier version still load, with a note.
public struct ChangelogEntry: Sendable, Equatable {
    /// The version that made the change.
    public var version: String
    /// Question ids that no longer exist; their answers are set aside.
    public var removed: [String]
    /// Old question id → new id, for questions whose meaning is unchanged.
    public var renamed: [String: String]
    public var location: SourceLocation
    public init(version: String, removed: [String] = [], renamed: [String: String] = [:], location: SourceLocation) {
        self.version = version
        self.removed = removed
        self.renamed = renamed
        self.location = location
    }
}

/// What a question id from an older version of a questionnaire is now.
public enum HistoricQuestionID: Sendable, Equatable {
    /// The id exists in this version (possibly after a rename).
    case current(String)
    /// The changelog says it was removed in `version`.
    case removed(version: String)
    /// Neither a question nor in the changelog.
    case unknown
}

public struct Resource: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var text: SourceText
}
