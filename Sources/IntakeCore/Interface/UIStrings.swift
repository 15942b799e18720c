/// Every interface string of the program, in English, with its stable key
/// (`ui/...`, the PO msgctxt) and a note for translators. `intake locales`
/// builds the PO template from this table and from the questionnaires.
public enum UIString: String, CaseIterable, Sendable {
    // Answers
    case yes, no
    case dontKnow = "answer/dont_know"
    case declined = "answer/declined"
    case notAsked = "answer/not_asked"

    // Result levels
    case resultNoIndicators = "result/no_indicators"
    case resultPossible = "result/possible"
    case resultLikely = "result/likely"

    // Summary
    case summaryTitle = "summary/title"
    case summaryUrgent = "summary/urgent"
    case summaryUrgentNone = "summary/urgent_none"
    case summaryResult = "summary/result"
    case summaryDomains = "summary/domains"
    case summaryPositive = "summary/positive"
    case summaryNotPositive = "summary/not_positive"
    case summaryNoIndicatorsInDomain = "summary/no_indicators_in_domain"
    case summaryEvidence = "summary/evidence"
    case summaryOverrides = "summary/overrides"
    case summaryNeeds = "summary/needs"
    case summaryReferrals = "summary/referrals"
    case summaryNoReferrals = "summary/no_referrals"
    case summaryLawEnforcement = "summary/law_enforcement"
    case summaryLawEnforcementNote = "summary/law_enforcement_note"
    case summaryAdvocateConcern = "summary/advocate_concern"
    case summaryUnanswered = "summary/unanswered"
    case summaryNothingUnanswered = "summary/nothing_unanswered"
    case summaryRemarks = "summary/remarks"
    case summaryNoRemarks = "summary/no_remarks"
    case summaryInterviewRemark = "summary/interview_remark"
    case summaryDisclaimer = "summary/disclaimer"
    case summaryQuestionnaire = "summary/questionnaire"
    case summaryLanguages = "summary/languages"
    case summaryEndedEarly = "summary/ended_early"
    case summaryFallbackNotice = "summary/fallback_notice"
    case strengthStrong = "strength/strong"
    case strengthMedium = "strength/medium"
    case strengthWeak = "strength/weak"
    case reasonDeclined = "reason/declined"
    case reasonDontKnow = "reason/dont_know"
    case reasonNotAsked = "reason/not_asked"

    // Practice (trainer mode)
    case practiceYourResult = "practice/your_result"
    case practiceExpectedResult = "practice/expected_result"
    case practiceResultDiffers = "practice/result_differs"
    case practicePerfect = "practice/perfect"
    case practiceMissed = "practice/missed"
    case practiceSkippedSections = "practice/skipped_sections"
    case practiceDomainsMissed = "practice/domains_missed"
    case practiceDomainsExtra = "practice/domains_extra"
    case practiceReferralsMissed = "practice/referrals_missed"
    case practiceReferralsExtra = "practice/referrals_extra"

    /// The msgctxt of this string.
    public var key: String { "ui/" + rawValue }

    /// The English source text.
    public var source: String {
        switch self {
        case .yes: return "Yes"
        case .no: return "No"
        case .dontKnow: return "Don't know"
        case .declined: return "Prefers not to answer"
        case .notAsked: return "Not asked"
        case .resultNoIndicators: return "No trafficking indicators reported"
        case .resultPossible: return "Possible trafficking indicators reported"
        case .resultLikely: return "Strong trafficking indicators reported"
        case .summaryTitle: return "Screening summary"
        case .summaryUrgent: return "URGENT: act on safety first"
        case .summaryUrgentNone: return "No urgent safety concern was reported."
        case .summaryResult: return "Screening result"
        case .summaryDomains: return "Findings by domain"
        case .summaryPositive: return "indicators reported"
        case .summaryNotPositive: return "below the threshold"
        case .summaryNoIndicatorsInDomain: return "none reported"
        case .summaryEvidence: return "Answer"
        case .summaryOverrides: return "Rules that changed the result"
        case .summaryNeeds: return "What the person wants now"
        case .summaryReferrals: return "Suggested referrals"
        case .summaryNoReferrals: return "No referral rule matched. Offer the person information about services anyway."
        case .summaryLawEnforcement: return "Preference about contact with law enforcement"
        case .summaryLawEnforcementNote: return "This is the person's preference. Services never depend on contact with law enforcement."
        case .summaryAdvocateConcern: return "Advocate's level of concern"
        case .summaryUnanswered: return "Questions declined, not known or not asked"
        case .summaryNothingUnanswered: return "Every question that applied was answered."
        case .summaryRemarks: return "Advocate's remarks"
        case .summaryNoRemarks: return "No remarks."
        case .summaryInterviewRemark: return "About the whole interview"
        case .summaryDisclaimer: return "A screening is not a legal determination. It records indicators that the person reported, to offer help; it does not decide whether anyone is or is not a trafficking survivor."
        case .summaryQuestionnaire: return "Questionnaire"
        case .summaryLanguages: return "Languages"
        case .summaryEndedEarly: return "The interview ended early, at the person's wish or answer."
        case .summaryFallbackNotice: return "Some text is shown in the source language because no reviewed translation exists."
        case .strengthStrong: return "strong"
        case .strengthMedium: return "medium"
        case .strengthWeak: return "weak"
        case .reasonDeclined: return "prefers not to answer"
        case .reasonDontKnow: return "does not know"
        case .reasonNotAsked: return "not asked"
        case .practiceYourResult: return "Your screening: {result}"
        case .practiceExpectedResult: return "The full story: {result}"
        case .practiceResultDiffers: return "Your result differs from the full story."
        case .practicePerfect: return "You asked everything that mattered and reached the same result."
        case .practiceMissed: return "Questions you did not ask that would have told you more:"
        case .practiceSkippedSections: return "Sections you skipped entirely:"
        case .practiceDomainsMissed: return "Domains the full story shows but your screening did not:"
        case .practiceDomainsExtra: return "Domains your screening shows but the full story does not:"
        case .practiceReferralsMissed: return "Referrals you would have missed:"
        case .practiceReferralsExtra: return "Referrals only your screening suggests:"
        }
    }

    /// The note for translators (`#.` in PO files).
    public var note: String {
        switch self {
        case .yes, .no: return "Answer option of every yes/no question."
        case .dontKnow, .declined, .notAsked: return "Special answer, offered on every question."
        case .resultNoIndicators, .resultPossible, .resultLikely:
            return "Screening result level. Never call the person a victim; this names what was reported."
        case .summaryDisclaimer: return "Legal notice printed on every summary. Keep the meaning exact."
        case .strengthStrong, .strengthMedium, .strengthWeak: return "Strength of an indicator (lowercase)."
        case .reasonDeclined, .reasonDontKnow, .reasonNotAsked: return "Why a question has no answer, in the summary (lowercase)."
        case .practiceYourResult, .practiceExpectedResult: return "Trainer mode: compares a trainee's practice screening with a fictional persona's full story. {result} is a result level."
        case .practiceResultDiffers, .practicePerfect, .practiceMissed, .practiceSkippedSections, .practiceDomainsMissed,
             .practiceDomainsExtra, .practiceReferralsMissed, .practiceReferralsExtra:
            return "Trainer mode: heading in the comparison of a trainee's practice screening with the persona's full story."
        default: return "Referral summary heading or sentence."
        }
    }
}

/// Interface strings that change with a number.
public enum UIPlural: String, CaseIterable, Sendable {
    case summaryIndicatorCount = "summary/indicator_count"

    public var key: String { "ui/" + rawValue }

    public var source: String {
        switch self {
        case .summaryIndicatorCount: return "{count} indicator"
        }
    }

    public var plural: String {
        switch self {
        case .summaryIndicatorCount: return "{count} indicators"
        }
    }

    public var note: String {
        switch self {
        case .summaryIndicatorCount: return "Number of indicators raised in a domain. {count} is the number."
        }
    }
}
