/// The referral summary: everything the renderers print, already in the
/// advocate's language, with free text cleaned of control characters.
/// The JSON renderer writes this model as schema version 2
/// (docs/summary.schema.json; version 2 added the `concerns` result, domain
/// kinds, safety status, override evidence and the situation's status).
public struct Summary: Sendable, Codable, Equatable {
    public static let schemaVersion = 2

    /// Whether the person's immediate safety was established.
    public enum Safety: String, Sendable, Codable, Equatable {
        case urgent
        case notEstablished = "not_established"
        case noConcernReported = "no_concern_reported"
    }

    public struct QuestionnaireRef: Sendable, Codable, Equatable {
        public var id: String
        public var version: String
        public var title: String
    }

    public struct EvidenceItem: Sendable, Codable, Equatable {
        public var question: String
        public var questionText: String
        public var answer: String
        enum CodingKeys: String, CodingKey { case question, questionText = "question_text", answer }
    }

    public struct IndicatorItem: Sendable, Codable, Equatable {
        public var id: String
        public var strength: Strength
        public var phase: Phase
        public var why: String?
        public var evidence: [EvidenceItem]
    }

    public struct DomainItem: Sendable, Codable, Equatable {
        public var title: String
        public var core: Bool
        /// `indicator` for trafficking indicators, `concern` for labour or
        /// safety concerns that are not.
        public var kind: DomainKind
        public var positive: Bool
        public var indicators: [IndicatorItem]
    }

    public struct OverrideItem: Sendable, Codable, Equatable {
        public var id: String
        public var reason: String
        /// The answers that made the override apply.
        public var evidence: [EvidenceItem]
    }

    public struct ReferralItem: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var reason: String
        /// The directory's services for this referral, those that speak the
        /// person's language first; nil when no directory was given, empty
        /// when it lists none (see SummaryServices.swift).
        public var services: [ServiceItem]? = nil
    }

    public struct UnansweredItem: Sendable, Codable, Equatable {
        public var question: String
        public var questionText: String
        public var reason: UnansweredReason
        enum CodingKeys: String, CodingKey { case question, questionText = "question_text", reason }
    }

    public struct RemarkItem: Sendable, Codable, Equatable {
        /// The question remarked on; nil for the whole interview.
        public var question: String?
        public var questionText: String?
        public var text: String
        enum CodingKeys: String, CodingKey { case question, questionText = "question_text", text }
    }

    public struct ChoiceItem: Sendable, Codable, Equatable {
        public var question: String
        public var answer: String?
        public var text: String
    }

    public var schemaVersion: Int = Summary.schemaVersion
    public var questionnaire: QuestionnaireRef
    /// The language the summary is written in (the advocate's).
    public var language: String
    public var intervieweeLanguage: String
    public var result: ResultLevel
    public var resultText: String
    public var urgent: Bool
    /// The answers that made it urgent, and urgent overrides' reasons.
    public var urgentReasons: [String]
    public var safety: Safety
    /// The safety questions left without an answer when safety was not established.
    public var safetyUnanswered: [UnansweredItem]
    /// Domains in the questionnaire's order, keyed by id in JSON.
    public var domainOrder: [String]
    public var domains: [String: DomainItem]
    public var overrides: [OverrideItem]
    public var referrals: [ReferralItem]
    public var needs: [String]
    public var lawEnforcementPreference: ChoiceItem?
    public var advocateConcern: ChoiceItem?
    /// Whether the situation is still going on, and when it ended.
    public var situation: ChoiceItem?
    public var situationEnded: ChoiceItem?
    public var unanswered: [UnansweredItem]
    public var remarks: [RemarkItem]
    public var endedEarly: Bool
    public var disclaimer: String
    /// Whether some text is shown in the source language for want of a translation.
    public var usesFallbackText: Bool
    /// The directory's emergency numbers and hotlines, for an urgent summary
    /// (nil otherwise, or without a directory).
    public var emergencyServices: [ServiceItem]? = nil

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", questionnaire, language
        case intervieweeLanguage = "interviewee_language", result, resultText = "result_text", urgent
        case urgentReasons = "urgent_reasons", safety, safetyUnanswered = "safety_unanswered", domainOrder = "domain_order", domains, overrides, referrals, needs
        case lawEnforcementPreference = "law_enforcement_preference", advocateConcern = "advocate_concern"
        case situation, situationEnded = "situation_ended"
        case unanswered, remarks, endedEarly = "ended_early", disclaimer, usesFallbackText = "uses_fallback_text"
        case emergencyServices = "emergency_services"
    }
}
