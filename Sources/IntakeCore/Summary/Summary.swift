/// The referral summary: everything the renderers print, already in the
/// advocate's language, with free text cleaned of control characters.
/// The JSON renderer writes this model as schema version 4
/// (docs/summary.schema.json; version 2 added the `concerns` result, domain
/// kinds, safety status, override evidence and the situation's status;
/// version 3 the header, dependants, safe contact, consent to share and the
/// answers behind each referral; version 4 a referral's `details`).
public struct Summary: Sendable, Codable, Equatable {
    public static let schemaVersion = 4

    /// Who, when and how: what a partner receiving the referral needs to
    /// know about the screening itself.
    public struct Header: Sendable, Codable, Equatable {
        /// When the interview started, with the time zone ("2026-11-30 14:05 EST"); nil when not known (an answer file).
        public var interviewDate: String?
        public var organisation: String?
        public var setting: String?
        /// The screener's id, as the organisation chooses it.
        public var screener: String?
        /// SHA-256 of the questionnaire file the interview used.
        public var questionnaireHash: String
        /// Whether the interview's and the summary's languages are draft (unreviewed) translations.
        public var intervieweeLanguageDraft: Bool
        public var languageDraft: Bool
        /// Whether an interpreter took part, and in which language.
        public var interpreter: ChoiceItem?
        public var interpreterLanguage: String?
        /// The person's own languages, as they gave them.
        public var preferredLanguages: String?
        /// The question whose answer ended the interview, when it ended early.
        public var endedAt: EvidenceItem?
        public init(interviewDate: String? = nil, organisation: String? = nil, setting: String? = nil, screener: String? = nil,
                    questionnaireHash: String,
                    intervieweeLanguageDraft: Bool = false, languageDraft: Bool = false, interpreter: ChoiceItem? = nil,
                    interpreterLanguage: String? = nil, preferredLanguages: String? = nil, endedAt: EvidenceItem? = nil) {
            self.interviewDate = interviewDate
            self.organisation = organisation
            self.setting = setting
            self.screener = screener
            self.questionnaireHash = questionnaireHash
            self.intervieweeLanguageDraft = intervieweeLanguageDraft
            self.languageDraft = languageDraft
            self.interpreter = interpreter
            self.interpreterLanguage = interpreterLanguage
            self.preferredLanguages = preferredLanguages
            self.endedAt = endedAt
        }
        enum CodingKeys: String, CodingKey {
            case interviewDate = "interview_date", organisation, setting, screener, questionnaireHash = "questionnaire_hash"
            case intervieweeLanguageDraft = "interviewee_language_draft", languageDraft = "language_draft"
            case interpreter, interpreterLanguage = "interpreter_language", preferredLanguages = "preferred_languages"
            case endedAt = "ended_at"
        }
    }

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
        /// The answers that raised it.
        public var evidence: [EvidenceItem]
        /// It cannot wait (pending charges or a court date, no safe place tonight).
        public var timeCritical: Bool
        /// Whether the person agreed to this referral; nil when consent to share was not recorded.
        public var agreed: Bool?
        /// The directory's services for this referral, those that speak the
        /// person's language first; nil when no directory was given, empty
        /// when it lists none (see SummaryServices.swift).
        public var services: [ServiceItem]? = nil
        /// Answers the service needs whatever raised the referral (the
        /// interpreter's language); nil when the referral names none.
        public var details: [EvidenceItem]? = nil
        enum CodingKeys: String, CodingKey { case id, title, reason, evidence, timeCritical = "time_critical", agreed, details, services }
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
    public var header: Header
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
    /// Children or others who depend on the person, and whether they are safe.
    public var dependants: [EvidenceItem]
    /// How the person may be reached safely, when, and what must never be used.
    public var safeContact: [EvidenceItem]
    /// Limits the person set on sharing, in their own words.
    public var shareLimits: String?
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
        case schemaVersion = "schema_version", questionnaire, header, language
        case intervieweeLanguage = "interviewee_language", result, resultText = "result_text", urgent
        case urgentReasons = "urgent_reasons", safety, safetyUnanswered = "safety_unanswered", domainOrder = "domain_order", domains, overrides, referrals, needs
        case lawEnforcementPreference = "law_enforcement_preference", advocateConcern = "advocate_concern"
        case situation, situationEnded = "situation_ended", dependants, safeContact = "safe_contact"
        case shareLimits = "share_limits"
        case unanswered, remarks, endedEarly = "ended_early", disclaimer, usesFallbackText = "uses_fallback_text"
        case emergencyServices = "emergency_services"
    }
}
