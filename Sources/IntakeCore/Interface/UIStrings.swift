/// An interface string of the program: its stable key (`ui/...`, the PO
/// msgctxt), its English text and a note for translators, declared
/// together, once, beside the code that shows it: Core's own strings here
/// (answers, result levels, the summary, the practice comparison), the
/// screens' at the end of each screen's file in IntakeTUI, the session
/// replay's beside the replay in IntakeApp. Each module lists its strings
/// in template order (`UIString.core`, `InterviewStrings.all`,
/// `InterfaceStrings.all` in IntakeApp, which composes the PO template).
public struct UIString: Hashable, Sendable, CustomStringConvertible {
    /// The key without its `ui/` prefix.
    public let rawValue: String
    /// The English source text.
    public let source: String
    /// The note for translators (`#.` in PO files).
    public let note: String
    /// The file that declares it (`#filePath` where it is declared), for the
    /// template's `#:` reference. A StaticString: copying it costs nothing.
    public let file: StaticString

    public init(_ rawValue: String, _ source: String, note: String, file: StaticString = #filePath) {
        self.rawValue = rawValue
        self.source = source
        self.note = note
        self.file = file
    }

    /// Where it is declared, from the checkout's root ("Sources/…"), as the
    /// PO files' `#:` reference says.
    public var reference: String { checkoutPath(file) }

    public static func == (a: UIString, b: UIString) -> Bool {
        a.rawValue == b.rawValue && a.source == b.source && a.note == b.note
    }

    public func hash(into h: inout Hasher) {
        h.combine(rawValue)
    }

    /// The msgctxt of this string.
    public var key: String { "ui/" + rawValue }

    public var description: String { key }

    /// The name of a result level.
    public static func result(_ level: ResultLevel) -> UIString {
        switch level {
        case .noIndicators: return .resultNoIndicators
        case .concerns: return .resultConcerns
        case .possible: return .resultPossible
        case .likely: return .resultLikely
        }
    }
}

extension UIString {
    // Answers
    public static let yes = UIString("yes", "Yes", note: Note.yesNo)
    public static let no = UIString("no", "No", note: Note.yesNo)
    public static let dontKnow = UIString("answer/dont_know", "Don't know", note: Note.specialAnswer)
    public static let declined = UIString("answer/declined", "Prefers not to answer", note: Note.specialAnswer)
    public static let notAsked = UIString("answer/not_asked", "Not asked", note: Note.specialAnswer)

    // Result levels
    public static let resultNoIndicators = UIString("result/no_indicators", "No trafficking indicators reported",
                                                    note: Note.resultLevel)
    public static let resultPossible = UIString("result/possible", "Possible trafficking indicators reported",
                                                note: Note.resultLevel)
    public static let resultLikely = UIString("result/likely", "Likely trafficking indicators reported", note: Note.resultLevel)
    public static let resultConcerns = UIString("result/concerns", "Labour or safety concerns noted, without possible trafficking indicators",
                                                note: Note.resultLevel)

    // Summary
    public static let summaryTitle = UIString("summary/title", "Screening summary", note: Note.summaryText)
    public static let summaryUrgent = UIString("summary/urgent", "URGENT: act on safety first", note: Note.summaryText)
    public static let summaryUrgentNone = UIString("summary/urgent_none", "No urgent safety concern was reported.",
                                                   note: Note.summaryText)
    public static let summarySafetyUnknown = UIString("summary/safety_not_established", "Safety was not established: these safety questions have no answer. Ask again, or plan for safety as if the answer could be yes.",
                                                      note: "Summary line when the safety questions were declined or not answered. It must not sound reassuring.")
    public static let summarySituation = UIString("summary/situation", "Situation now",
                                                  note: "Summary label before the answer to whether the situation is still going on.")
    public static let summarySituationEnded = UIString("summary/situation_ended", "Ended",
                                                       note: "Summary label before the answer to when the situation ended.")
    public static let summaryConcerns = UIString("summary/concerns", "Other concerns (not trafficking indicators)",
                                                 note: "Summary heading above labour or safety concerns that are not trafficking indicators.")
    public static let summaryConcernNote = UIString("summary/concern_note", "Harm or conditions reported that call for help of their own but are not signs of trafficking by themselves, for example violence by a client, a customer or police.",
                                                    note: "Summary sentence under the concerns heading.")
    public static let summaryInterviewDate = UIString("summary/interview_date", "Interview date", note: Note.summaryText)
    public static let summaryOrganisation = UIString("summary/organisation", "Organisation", note: Note.summaryText)
    public static let summaryScreener = UIString("summary/screener", "Screener",
                                                 note: "Summary header label before the screener's id (an id the organisation chooses, not a name).")
    public static let summaryDraftMark = UIString("summary/draft_mark", "draft translation",
                                                  note: "After a language tag in the summary's header when that translation has not been reviewed (lowercase).")
    public static let summaryInterpreter = UIString("summary/interpreter", "Interpreter", note: Note.summaryText)
    public static let summaryPreferredLanguages = UIString("summary/preferred_languages", "The person's languages",
                                                           note: Note.summaryText)
    public static let summaryEndedAt = UIString("summary/ended_at", "Ended at", note: Note.summaryText)
    public static let summaryAgreedReferrals = UIString("summary/agreed_referrals", "Referrals the person agreed to",
                                                        note: Note.summaryText)
    public static let summaryOtherReferrals = UIString("summary/other_referrals", "Other suggestions (not agreed to share)",
                                                       note: Note.summaryText)
    public static let summaryShareLimits = UIString("summary/share_limits", "Limits on sharing, in the person's words",
                                                    note: Note.summaryText)
    public static let summaryTimeCritical = UIString("summary/time_critical", "TIME-CRITICAL",
                                                     note: "Mark before a referral that cannot wait (capitals, short).")
    public static let summaryRaisedBy = UIString("summary/raised_by", "Raised by", note: Note.summaryText)
    public static let summaryReferralDetails = UIString("summary/referral_details", "Details",
                                                        note: "Summary label before answers a service needs with a referral, such as the interpreter's language.")
    public static let summarySafeContact = UIString("summary/safe_contact", "How to reach the person safely",
                                                    note: Note.summaryText)
    public static let summaryDependants = UIString("summary/dependants", "Children and others who depend on the person",
                                                   note: Note.summaryText)
    public static let summaryEndedNotAsked = UIString("summary/ended_not_asked", "The interview ended early; the questions after that point were not asked.",
                                                      note: Note.summaryText)
    public static let summaryFinding = UIString("summary/finding", "Finding",
                                                note: "Column heading in the summary's table of domains: whether indicators were reported in the domain.")
    public static let summaryResult = UIString("summary/result", "Screening result", note: Note.summaryText)
    public static let summaryDomains = UIString("summary/domains", "Findings by domain", note: Note.summaryText)
    public static let summaryPositive = UIString("summary/positive", "indicators reported", note: Note.summaryText)
    public static let summaryNotPositive = UIString("summary/not_positive", "below the threshold", note: Note.summaryText)
    public static let summaryNoIndicatorsInDomain = UIString("summary/no_indicators_in_domain", "none reported",
                                                             note: Note.summaryText)
    public static let summaryEvidence = UIString("summary/evidence", "Answer", note: Note.summaryText)
    public static let summaryOverrides = UIString("summary/overrides", "Rules that changed the result", note: Note.summaryText)
    public static let summaryNeeds = UIString("summary/needs", "What the person wants now", note: Note.summaryText)
    public static let summaryReferrals = UIString("summary/referrals", "Suggested referrals", note: Note.summaryText)
    public static let summaryNoReferrals = UIString("summary/no_referrals", "No referral rule matched. Offer the person information about services anyway.",
                                                    note: Note.summaryText)
    public static let summaryLawEnforcement = UIString("summary/law_enforcement", "Preference about contact with law enforcement",
                                                       note: Note.summaryText)
    public static let summaryLawEnforcementNote = UIString("summary/law_enforcement_note", "This is the person's preference. Services never depend on contact with law enforcement.",
                                                           note: Note.summaryText)
    public static let summaryAdvocateConcern = UIString("summary/advocate_concern", "Advocate's level of concern",
                                                        note: Note.summaryText)
    public static let summaryUnanswered = UIString("summary/unanswered", "Questions declined, not known or not asked",
                                                   note: Note.summaryText)
    public static let summaryNothingUnanswered = UIString("summary/nothing_unanswered", "Every question that applied was answered.",
                                                          note: Note.summaryText)
    public static let summaryRemarks = UIString("summary/remarks", "Advocate's remarks", note: Note.summaryText)
    public static let summaryNoRemarks = UIString("summary/no_remarks", "No remarks.", note: Note.summaryText)
    public static let summaryInterviewRemark = UIString("summary/interview_remark", "About the whole interview",
                                                        note: Note.summaryText)
    public static let summaryDisclaimer = UIString("summary/disclaimer", "A screening is not a legal determination. It records indicators that the person reported, to offer help; it does not decide whether anyone is or is not a trafficking survivor.",
                                                   note: "Legal notice printed on every summary. Keep the meaning exact.")
    public static let summaryQuestionnaire = UIString("summary/questionnaire", "Questionnaire", note: Note.summaryText)
    public static let summaryLanguages = UIString("summary/languages", "Languages", note: Note.summaryText)
    public static let summaryEndedEarly = UIString("summary/ended_early", "The interview ended early, at the person's wish or answer.",
                                                   note: Note.summaryText)
    public static let summaryFallbackNotice = UIString("summary/fallback_notice", "Some text is shown in the source language because no reviewed translation exists.",
                                                       note: Note.summaryText)
    public static let summaryNoLocalService = UIString("summary/no_local_service", "No local service listed for this referral.",
                                                       note: "Under a suggested referral when the organisation's service directory lists no service for it.")
    public static let summaryFictionalService = UIString("summary/fictional_service", "(fictional example)",
                                                         note: "After each service from a made-up example directory, so nobody calls it.")
    public static let summaryEmergencyServices = UIString("summary/emergency_services", "Emergency numbers and hotlines",
                                                          note: "Summary heading, under the urgent section, above emergency numbers and hotlines.")
    public static let summaryServicePhone = UIString("summary/service_phone", "Phone", note: Note.serviceLabel)
    public static let summaryServiceText = UIString("summary/service_text", "Text", note: Note.serviceLabel)
    public static let summaryServiceHours = UIString("summary/service_hours", "Hours", note: Note.serviceLabel)
    public static let summaryServiceAges = UIString("summary/service_ages", "Ages", note: Note.serviceLabel)
    public static let summaryServiceNoStatus = UIString("summary/service_no_status", "No immigration status required",
                                                        note: "Eligibility of a service: it helps people whatever their immigration status.")
    public static let strengthStrong = UIString("strength/strong", "strong", note: Note.strength)
    public static let strengthMedium = UIString("strength/medium", "medium", note: Note.strength)
    public static let strengthWeak = UIString("strength/weak", "weak", note: Note.strength)
    public static let reasonDeclined = UIString("reason/declined", "prefers not to answer", note: Note.noAnswerReason)
    public static let reasonDontKnow = UIString("reason/dont_know", "does not know", note: Note.noAnswerReason)
    public static let reasonNotAsked = UIString("reason/not_asked", "not asked", note: Note.noAnswerReason)

    // Practice (trainer mode)
    public static let practiceTitle = UIString("practice/title", "Your practice screening compared with the full story",
                                               note: Note.practiceHeading)
    public static let practiceYourResult = UIString("practice/your_result", "Your screening: {result}",
                                                    note: Note.practiceComparison)
    public static let practiceExpectedResult = UIString("practice/expected_result", "The full story: {result}",
                                                        note: Note.practiceComparison)
    public static let practiceResultDiffers = UIString("practice/result_differs", "Your result differs from the full story.",
                                                       note: Note.practiceHeading)
    public static let practicePerfect = UIString("practice/perfect", "You asked everything that mattered and reached the same result.",
                                                 note: Note.practiceHeading)
    public static let practiceMissed = UIString("practice/missed", "Questions you did not ask that would have told you more:",
                                                note: Note.practiceHeading)
    public static let practiceSkippedSections = UIString("practice/skipped_sections", "Sections you skipped entirely:",
                                                         note: Note.practiceHeading)
    public static let practiceDomainsMissed = UIString("practice/domains_missed", "Domains the full story shows but your screening did not:",
                                                       note: Note.practiceHeading)
    public static let practiceDomainsExtra = UIString("practice/domains_extra", "Domains your screening shows but the full story does not:",
                                                      note: Note.practiceHeading)
    public static let practiceReferralsMissed = UIString("practice/referrals_missed", "Referrals you would have missed:",
                                                         note: Note.practiceHeading)
    public static let practiceReferralsExtra = UIString("practice/referrals_extra", "Referrals only your screening suggests:",
                                                        note: Note.practiceHeading)

    /// The strings Core itself shows (answers, result levels, the summary,
    /// the practice comparison), in the order of the PO template. The
    /// screens' strings are declared beside the screens (IntakeTUI,
    /// `InterviewStrings`), the replay's beside the replay (IntakeApp).
    public static let core: [UIString] = [
        .yes, .no, .dontKnow, .declined, .notAsked, .resultNoIndicators, .resultPossible, .resultLikely,
        .resultConcerns, .summaryTitle, .summaryUrgent, .summaryUrgentNone, .summarySafetyUnknown,
        .summarySituation, .summarySituationEnded, .summaryConcerns, .summaryConcernNote, .summaryInterviewDate,
        .summaryOrganisation, .summaryScreener, .summaryDraftMark, .summaryInterpreter, .summaryPreferredLanguages,
        .summaryEndedAt, .summaryAgreedReferrals, .summaryOtherReferrals, .summaryShareLimits, .summaryTimeCritical,
        .summaryRaisedBy, .summaryReferralDetails, .summarySafeContact, .summaryDependants, .summaryEndedNotAsked,
        .summaryFinding, .summaryResult, .summaryDomains, .summaryPositive, .summaryNotPositive,
        .summaryNoIndicatorsInDomain, .summaryEvidence, .summaryOverrides, .summaryNeeds, .summaryReferrals,
        .summaryNoReferrals, .summaryLawEnforcement, .summaryLawEnforcementNote, .summaryAdvocateConcern,
        .summaryUnanswered, .summaryNothingUnanswered, .summaryRemarks, .summaryNoRemarks, .summaryInterviewRemark,
        .summaryDisclaimer, .summaryQuestionnaire, .summaryLanguages, .summaryEndedEarly, .summaryFallbackNotice,
        .summaryNoLocalService, .summaryFictionalService, .summaryEmergencyServices, .summaryServicePhone,
        .summaryServiceText, .summaryServiceHours, .summaryServiceAges, .summaryServiceNoStatus, .strengthStrong,
        .strengthMedium, .strengthWeak, .reasonDeclined, .reasonDontKnow, .reasonNotAsked, .practiceTitle,
        .practiceYourResult, .practiceExpectedResult, .practiceResultDiffers, .practicePerfect, .practiceMissed,
        .practiceSkippedSections, .practiceDomainsMissed, .practiceDomainsExtra, .practiceReferralsMissed,
        .practiceReferralsExtra,
    ]
}

/// Notes for translators that several strings share.
private enum Note {
    static let noAnswerReason = "Why a question has no answer, in the summary (lowercase)."
    static let practiceComparison = "Trainer mode: compares a trainee's practice screening with a fictional persona's full story. {result} is a result level."
    static let practiceHeading = "Trainer mode: heading in the comparison of a trainee's practice screening with the persona's full story."
    static let resultLevel = "Screening result level. Never call the person a victim; this names what was reported."
    static let serviceLabel = "Label before a service's phone number, its number for text messages (SMS), its opening hours, or the ages it serves."
    static let specialAnswer = "Special answer, offered on every question."
    static let strength = "Strength of an indicator (lowercase)."
    static let summaryText = "Referral summary heading or sentence."
    static let yesNo = "Answer option of every yes/no question."
}

/// An interface string that changes with a number: its key, its English
/// singular and plural, and its note, declared together.
public struct UIPlural: Hashable, Sendable {
    /// The key without its `ui/` prefix.
    public let rawValue: String
    public let source: String
    public let plural: String
    public let note: String
    /// The file that declares it, for the template's `#:` reference.
    public var file: StaticString = #filePath

    /// The msgctxt of this string.
    public var key: String { "ui/" + rawValue }
    /// Where it is declared, from the checkout's root.
    public var reference: String { checkoutPath(file) }

    public static func == (a: UIPlural, b: UIPlural) -> Bool {
        (a.rawValue, a.source, a.plural, a.note) == (b.rawValue, b.source, b.plural, b.note)
    }

    public func hash(into h: inout Hasher) { h.combine(rawValue) }

    public static let summaryIndicatorCount = UIPlural(
        rawValue: "summary/indicator_count", source: "{count} indicator", plural: "{count} indicators",
        note: "Number of indicators raised in a domain. {count} is the number.")

    /// Every plural string, in the order of the PO template.
    public static let allCases: [UIPlural] = [.summaryIndicatorCount]
}

/// A source file's path from the checkout's root ("Sources/…"), as the PO
/// files' `#:` references give it, whatever folder the program was built in.
private func checkoutPath(_ file: StaticString) -> String {
    let path = file.description
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard let i = parts.lastIndex(of: "Sources") else { return path }
    return parts[i...].joined(separator: "/")
}
