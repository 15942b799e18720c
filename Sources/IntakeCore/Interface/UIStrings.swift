// Over 400 lines: the table of every interface string (key, English text,
// translator note) for the PO template; it is data, read top to bottom.

/// An interface string of the program: its stable key (`ui/...`, the PO
/// msgctxt), its English text and a note for translators, declared
/// together, once. `intake locales` builds the PO template from
/// `allCases` and from the questionnaires.
public struct UIString: Hashable, Sendable, CustomStringConvertible {
    /// The key without its `ui/` prefix.
    public let rawValue: String
    /// The English source text.
    public let source: String
    /// The note for translators (`#.` in PO files).
    public let note: String

    public init(_ rawValue: String, _ source: String, note: String) {
        self.rawValue = rawValue
        self.source = source
        self.note = note
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
    // Interview screens (IntakeTUI)
    public static let startTitle = UIString("screen/start_title", "Start a screening", note: "Title of the first screen.")
    public static let startQuestionnaire = UIString("screen/start_questionnaire", "Questionnaire: {title}",
                                                    note: "Start screen line; {title} is the questionnaire's title. Enter changes it.")
    public static let startIntervieweeLanguage = UIString("screen/start_interviewee_language", "Interviewee's language: {language}",
                                                          note: "Start screen line; {language} is a language tag such as es or zh-Hans.")
    public static let startAdvocateLanguage = UIString("screen/start_advocate_language", "Advocate's language: {language}",
                                                       note: "Start screen line; {language} is a language tag.")
    public static let startNew = UIString("screen/start_new", "Start a new interview", note: "Start screen action.")
    public static let startResumeHeading = UIString("screen/start_resume_heading", "Unfinished interviews (Enter resumes one):",
                                                    note: "Start screen heading above the list of saved, unfinished sessions.")
    public static let startResumeItem = UIString("screen/start_resume_item", "{id}  {questionnaire}  started {started}  last change {changed}  {answered}/{total}",
                                                 note: "One unfinished session. {id} is the start of its id, {answered}/{total} the questions answered.")
    public static let startNoResumable = UIString("screen/start_no_resumable", "No unfinished interviews.",
                                                  note: "Start screen, when there is nothing to resume.")
    public static let startOutboxWaiting = UIString("screen/start_outbox_waiting", "Sealed sessions waiting to be sent: {count}",
                                                    note: "Start screen: finished interviews, sealed, not yet sent to the organisation's server. {count} is a number.")
    public static let startHint = UIString("screen/start_hint", "Up/Down: choose a line. Enter: change it, or start.",
                                           note: "Start screen hint.")
    public static let languageDraft = UIString("screen/language_draft", "{language} (draft)",
                                               note: "A language whose translation has not been reviewed yet.")
    public static let draftNotice = UIString("screen/draft_notice", "Draft translation: not yet reviewed by a qualified translator",
                                             note: "Shown when a chosen translation is a draft.")
    public static let draftShort = UIString("screen/draft_short", "Draft translation",
                                            note: "Short form of the draft notice, in the status line.")
    public static let statusSaved = UIString("screen/status_saved", "Saved", note: "Status line: every answer is saved.")
    public static let statusSaving = UIString("screen/status_saving", "Saving…", note: "Status line: an answer is being saved.")
    public static let statusSaveFailed = UIString("screen/status_save_failed", "Saving failed: {reason} — kept in memory, retrying",
                                                  note: "Message when saving failed; {reason} says why.")
    public static let statusNotSaved = UIString("screen/status_not_saved", "Not saved", note: "Status line while saving fails.")
    public static let statusTypingNotSaved = UIString("screen/status_typing_not_saved", "Typed text not saved yet",
                                                      note: "Status line: text is being typed (an answer or a remark) and is saved when the advocate leaves it or confirms it.")
    public static let statusEphemeral = UIString("screen/status_ephemeral", "Not recording (ephemeral)",
                                                 note: "Status line when nothing is written to disk.")
    public static let statusDemo = UIString("screen/status_demo", "Demo",
                                            note: "Status line in the trainer's demonstration mode.")
    public static let statusPractice = UIString("screen/status_practice", "Practice",
                                                note: "Status line in the trainee's practice mode.")
    public static let statusPreview = UIString("screen/status_preview", "Preview",
                                               note: "Status line in the translator's preview mode.")
    public static let fallbackLegend = UIString("screen/fallback_legend", "° not yet translated",
                                                note: "Explains the ° mark after text shown in the source language. Keep the ° sign.")
    public static let progress = UIString("screen/progress", "Section {section} of {sections} · question {question} of {questions}",
                                          note: "Progress above each question.")
    public static let sectionProgress = UIString("screen/section_progress", "Section {section} of {sections}",
                                                 note: "Progress on a section's introduction.")
    public static let contentNote = UIString("screen/content_note", "Content note",
                                             note: "Label of a section's content note: a warning about sensitive questions ahead.")
    public static let forAdvocate = UIString("screen/for_advocate", "For the advocate",
                                             note: "Label of the guidance shown under a question, for the advocate only.")
    public static let chosenAnswer = UIString("screen/chosen_answer", "Answer: {answer}",
                                              note: "The answer chosen so far for this question.")
    public static let hintDate = UIString("screen/hint_date", "Date as YYYY-MM-DD, for example 2024-03-15",
                                          note: "Format hint for a date answer. Keep YYYY-MM-DD as it is typed.")
    public static let hintMonth = UIString("screen/hint_month", "Month as YYYY-MM, for example 2024-03",
                                           note: "Format hint for a month/year answer. Keep YYYY-MM as it is typed.")
    public static let hintNumber = UIString("screen/hint_number", "A number", note: "Hint for a number answer.")
    public static let hintNumberRange = UIString("screen/hint_number_range", "A number from {min} to {max}",
                                                 note: "Hint for a number answer with limits.")
    public static let hintMultiple = UIString("screen/hint_multiple", "Space checks or unchecks an option; Enter confirms.",
                                              note: "Hint for a question with several answers.")
    public static let hintMultiline = UIString("screen/hint_multiline", "Ctrl-O starts a new line; Enter confirms.",
                                               note: "Hint for a long text answer.")
    public static let hintText = UIString("screen/hint_text", "Type the answer; Enter confirms.", note: "Hint for a text answer.")
    public static let textLength = UIString("screen/text_length", "{count} of {max} characters",
                                            note: "Under a long typed answer near its limit. {count} and {max} are numbers.")
    public static let textFull = UIString("screen/text_full", "The answer is full ({max} characters at most); the rest was not added.",
                                          note: "Message when typed or pasted text does not fit in an answer. {max} is a number.")
    public static let remarkShown = UIString("screen/remark_shown", "Remark: {text}",
                                             note: "The advocate's remark on this question.")
    public static let moreBelow = UIString("screen/more_below", "More below: Down or Page Down",
                                           note: "Shown when text continues below the screen.")
    public static let validationRequired = UIString("validation/required", "This question needs an answer before going on.",
                                                    note: Note.validationMessage)
    public static let validationNotANumber = UIString("validation/not_a_number", "Please type a number.",
                                                      note: Note.validationMessage)
    public static let validationNotAWholeNumber = UIString("validation/not_a_whole_number", "Please type a whole number.",
                                                           note: Note.validationMessage)
    public static let validationBelowMinimum = UIString("validation/below_minimum", "The answer must be at least {min}.",
                                                        note: "Validation message; {min} is a number.")
    public static let validationAboveMaximum = UIString("validation/above_maximum", "The answer must be at most {max}.",
                                                        note: "Validation message; {max} is a number.")
    public static let validationInvalidDate = UIString("validation/invalid_date", "Please type a real date as YYYY-MM-DD.",
                                                       note: Note.validationMessage)
    public static let validationInvalidMonth = UIString("validation/invalid_month", "Please type a month as YYYY-MM.",
                                                        note: Note.validationMessage)
    public static let validationUnknownOption = UIString("validation/unknown_option", "That option is not offered here.",
                                                         note: Note.validationMessage)
    public static let validationSpecialNotOffered = UIString("validation/special_not_offered", "That answer is not offered for this question.",
                                                             note: Note.validationMessage)
    public static let validationWrongKind = UIString("validation/wrong_kind", "That kind of answer does not fit this question.",
                                                     note: Note.validationMessage)
    public static let validationConstraint = UIString("validation/constraint", "This answer is not accepted here.",
                                                      note: "Validation message when a question's own rule gives no message.")
    public static let validationEmpty = UIString("validation/empty", "Please give an answer first, or choose “Don't know” or “Prefers not to answer”.",
                                                 note: Note.validationMessage)
    public static let reviewTitle = UIString("screen/review_title", "Review the answers", note: "Title of the review screen.")
    public static let reviewFinish = UIString("screen/review_finish", "Finish and show the summary",
                                              note: "First line of the review screen.")
    public static let reviewHint = UIString("screen/review_hint", "Enter on an answer goes back to it to change it.",
                                            note: "Review screen hint.")
    public static let reviewKeptNotUsed = UIString("screen/review_kept_not_used", "kept, not used",
                                                   note: "An answer to a question that no longer applies (lowercase).")
    public static let reviewNotAnswered = UIString("screen/review_not_answered", "not answered",
                                                   note: "A question that applies but has no answer (lowercase).")
    public static let reviewInterviewRemark = UIString("screen/review_interview_remark", "Remark on the whole interview: {text}",
                                                       note: "Review screen line.")
    public static let summaryScreenHint = UIString("screen/summary_hint", "x or Ctrl-X saves the summary as text, Markdown and JSON files.",
                                                   note: "Summary screen hint.")
    public static let exportDone = UIString("screen/export_done", "Saved to {folder}: {files}",
                                            note: "After exporting the summary; {files} lists file names.")
    public static let exportFailed = UIString("screen/export_failed", "Export failed: {reason}", note: "After an export failed.")
    public static let endedTitle = UIString("screen/ended_title", "Thank you",
                                            note: "Title of the screen shown when the interview ended early.")
    public static let endedResources = UIString("screen/ended_resources", "Help that is there whenever you want it",
                                                note: "Heading above the list of services, after an interview ended early.")
    public static let endedNothingStored = UIString("screen/ended_nothing_stored", "Nothing from this interview was stored.",
                                                    note: "Shown after an interview ended at consent.")
    public static let helpTitle = UIString("screen/help_title", "Help: keys", note: "Title of the help screen.")
    public static let pauseTitle = UIString("screen/pause_title", "Taking a break", note: "Title of the break screen.")
    public static let pauseText = UIString("screen/pause_text", "Take all the time you need. Nothing is lost: the interview goes on from here.",
                                           note: "Calm text on the break screen.")
    public static let pauseHint = UIString("screen/pause_hint", "Press Enter to go on.", note: "Break screen hint.")
    public static let remarkTitle = UIString("screen/remark_title", "Remark on this question",
                                             note: "Title of the remark editor.")
    public static let remarkInterviewTitle = UIString("screen/remark_interview_title", "Remark on the whole interview",
                                                      note: "Title of the remark editor for the whole interview.")
    public static let remarkHint = UIString("screen/remark_hint", "Enter saves, Page Up cancels, Ctrl-O starts a new line.",
                                            note: "Remark editor hint.")
    public static let languageTitle = UIString("screen/language_title", "Languages", note: "Title of the language switch screen.")
    public static let languageApply = UIString("screen/language_apply", "Switch to these languages",
                                               note: "Language switch action.")
    public static let languageHint = UIString("screen/language_hint", "Enter on a language changes it; every answer is kept. Page Up cancels.",
                                              note: "Language switch hint.")
    public static let quitTitle = UIString("screen/quit_title", "Quit the interview?", note: "Title of the quit confirmation.")
    public static let quitSaved = UIString("screen/quit_saved", "The interview is saved and can be resumed later: intake run --resume {id}",
                                           note: "Quit confirmation; keep the command as it is.")
    public static let quitNotSaved = UIString("screen/quit_not_saved", "Nothing was saved: this interview is not recorded.",
                                              note: "Quit confirmation in ephemeral, preview and demo modes.")
    public static let quitSaveFailed = UIString("screen/quit_save_failed", "Not saved: {reason}. The latest answers and typed text are only in memory and will be lost if you quit now. Go back to let saving be retried.",
                                                note: "Quit confirmation while saving fails (e.g. the disk is full); {reason} says why. Say plainly that quitting loses what is not saved.")
    public static let quitConfirm = UIString("screen/quit_confirm", "Enter quits. Page Up goes back to the interview.",
                                             note: "Quit confirmation hint.")
    public static let changedTitle = UIString("screen/changed_title", "The questionnaire has changed",
                                              note: "Title when a resumed session's questionnaire changed.")
    public static let changedText = UIString("screen/changed_text", "This interview began with version {old}; the questionnaire is now version {new}. {carried} answers were carried over.",
                                             note: "Resume notice.")
    public static let changedDropped = UIString("screen/changed_dropped", "Answers set aside because their question changed or is gone: {list}",
                                                note: "Resume notice; {list} lists question ids.")
    public static let changedHint = UIString("screen/changed_hint", "Enter goes on at the same question.",
                                             note: "Resume notice hint.")
    public static let explainTitle = UIString("screen/explain_title", "Why (for training)",
                                              note: "Title of the trainer's explanation panel.")
    public static let explainNone = UIString("screen/explain_none", "This answer raises no indicator.",
                                             note: "Explanation panel.")
    public static let explainIndicator = UIString("screen/explain_indicator", "{id} · {strength} · {domain}",
                                                  note: "An indicator the answer raises.")
    public static let explainResult = UIString("screen/explain_result", "How the result came about: {result}",
                                               note: "Explanation panel on the summary.")
    public static let explainDomain = UIString("screen/explain_domain", "{domain}: {strong} strong, {medium} medium, {weak} weak",
                                               note: "Indicator tally of a domain.")
    public static let explainOverride = UIString("screen/explain_override", "Rule {id} changed the result: {reason}",
                                                 note: "An override rule that applied.")
    public static let personaAnswer = UIString("screen/persona_answer", "The persona answers: {answer}",
                                               note: "Practice mode: the fictional persona's answer.")
    public static let personaNone = UIString("screen/persona_none", "The persona has no answer to this question.",
                                             note: "Practice mode.")
    public static let keyNext = UIString("key/next", "Next", note: Note.footerLabel)
    public static let keyBack = UIString("key/back", "Back", note: Note.footerLabel)
    public static let keyDontKnow = UIString("key/dont_know", "Don't know", note: Note.footerLabel)
    public static let keyDeclined = UIString("key/declined", "Skip", note: "Footer key label: prefers not to answer.")
    public static let keyHelp = UIString("key/help", "Help", note: Note.footerLabel)
    public static let keyHide = UIString("key/hide", "Hide", note: "Footer key label: hide the screen at once.")
    public static let keyMove = UIString("key/move", "Move", note: Note.footerLabel)
    public static let keyCheck = UIString("key/check", "Check", note: Note.footerLabel)
    public static let keyExport = UIString("key/export", "Export", note: Note.footerLabel)
    public static let keyPause = UIString("key/pause", "Pause", note: Note.footerLabel)
    public static let keyRemark = UIString("key/remark", "Remark", note: Note.footerLabel)
    public static let keyReview = UIString("key/review", "Review", note: Note.footerLabel)
    public static let keyLanguage = UIString("key/language", "Language", note: Note.footerLabel)
    public static let keyGuidance = UIString("key/guidance", "Guidance", note: Note.footerLabel)
    public static let keyQuit = UIString("key/quit", "Quit", note: Note.footerLabel)
    public static let keyNewline = UIString("key/newline", "New line", note: Note.footerLabel)
    public static let keyExplain = UIString("key/explain", "Explain", note: "Footer key label (training modes).")
    public static let keyAskPersona = UIString("key/ask_persona", "Ask persona", note: "Footer key label (practice mode).")
    public static let helpNext = UIString("help/next", "Next / confirm", note: Note.helpLine)
    public static let helpBack = UIString("help/back", "Back to the previous screen", note: Note.helpLine)
    public static let helpHelp = UIString("help/help", "Help: all keys", note: Note.helpLine)
    public static let helpHide = UIString("help/hide", "Hide the screen at once", note: Note.helpLine)
    public static let helpUnhide = UIString("help/unhide", "Then Enter: leave the hidden screen", note: Note.helpLine)
    public static let helpPause = UIString("help/pause", "Pause: take a break", note: Note.helpLine)
    public static let helpRemark = UIString("help/remark", "Add a remark", note: Note.helpLine)
    public static let helpLanguage = UIString("help/language", "Switch language", note: Note.helpLine)
    public static let helpGuidance = UIString("help/guidance", "Show or hide advocate guidance", note: Note.helpLine)
    public static let helpDual = UIString("help/dual", "Show or hide the advocate's language under the question",
                                          note: Note.helpLine)
    public static let helpDontKnow = UIString("help/dont_know", "Answer “don't know”", note: Note.helpLine)
    public static let helpDeclined = UIString("help/declined", "Answer “prefers not to answer”", note: Note.helpLine)
    public static let helpReview = UIString("help/review", "Review all answers", note: Note.helpLine)
    public static let helpSelect = UIString("help/select", "Choose the option with that number", note: Note.helpLine)
    public static let helpMoveUp = UIString("help/move_up", "Move up / scroll up", note: Note.helpLine)
    public static let helpMoveDown = UIString("help/move_down", "Move down / scroll down", note: Note.helpLine)
    public static let helpToggle = UIString("help/toggle", "Check or uncheck the option", note: Note.helpLine)
    public static let helpQuit = UIString("help/quit", "Quit (answers are saved)", note: Note.helpLine)
    public static let helpExport = UIString("help/export", "Export the summary", note: Note.helpLine)
    public static let helpRedraw = UIString("help/redraw", "Redraw the screen", note: Note.helpLine)
    public static let helpEdit = UIString("help/edit", "Edit the text (move, delete)", note: Note.helpLine)
    public static let helpNewline = UIString("help/newline", "New line", note: Note.helpLine)
    public static let helpExplain = UIString("help/explain", "Training: explain which indicators the answer raises",
                                             note: Note.helpLine)
    public static let helpAskPersona = UIString("help/ask_persona", "Practice: ask the persona and record the answer",
                                                note: Note.helpLine)
    public static let quitFinished = UIString("screen/quit_finished", "The interview is complete and saved.",
                                              note: "Quit confirmation after the interview was completed.")

    /// Every interface string, in the order of the PO template.
    public static let allCases: [UIString] = [
        .yes, .no, .dontKnow, .declined, .notAsked, .resultNoIndicators, .resultPossible, .resultLikely,
        .resultConcerns, .summaryTitle, .summaryUrgent, .summaryUrgentNone, .summarySafetyUnknown, .summarySituation,
        .summarySituationEnded, .summaryConcerns, .summaryConcernNote, .summaryInterviewDate, .summaryOrganisation,
        .summaryScreener, .summaryDraftMark, .summaryInterpreter, .summaryPreferredLanguages, .summaryEndedAt,
        .summaryAgreedReferrals, .summaryOtherReferrals, .summaryShareLimits, .summaryTimeCritical, .summaryRaisedBy,
        .summaryReferralDetails,
        .summarySafeContact, .summaryDependants, .summaryEndedNotAsked, .summaryFinding, .summaryResult,
        .summaryDomains, .summaryPositive, .summaryNotPositive, .summaryNoIndicatorsInDomain, .summaryEvidence,
        .summaryOverrides, .summaryNeeds, .summaryReferrals, .summaryNoReferrals, .summaryLawEnforcement,
        .summaryLawEnforcementNote, .summaryAdvocateConcern, .summaryUnanswered, .summaryNothingUnanswered,
        .summaryRemarks, .summaryNoRemarks, .summaryInterviewRemark, .summaryDisclaimer, .summaryQuestionnaire,
        .summaryLanguages, .summaryEndedEarly, .summaryFallbackNotice, .summaryNoLocalService,
        .summaryFictionalService, .summaryEmergencyServices, .summaryServicePhone, .summaryServiceText,
        .summaryServiceHours, .summaryServiceAges, .summaryServiceNoStatus, .strengthStrong, .strengthMedium,
        .strengthWeak, .reasonDeclined, .reasonDontKnow, .reasonNotAsked, .practiceTitle, .practiceYourResult,
        .practiceExpectedResult, .practiceResultDiffers, .practicePerfect, .practiceMissed, .practiceSkippedSections,
        .practiceDomainsMissed, .practiceDomainsExtra, .practiceReferralsMissed, .practiceReferralsExtra, .startTitle,
        .startQuestionnaire, .startIntervieweeLanguage, .startAdvocateLanguage, .startNew, .startResumeHeading,
        .startResumeItem, .startNoResumable, .startOutboxWaiting, .startHint, .languageDraft, .draftNotice, .draftShort, .statusSaved,
        .statusSaving, .statusSaveFailed, .statusNotSaved, .statusTypingNotSaved, .statusEphemeral, .statusDemo,
        .statusPractice, .statusPreview, .fallbackLegend, .progress, .sectionProgress, .contentNote, .forAdvocate,
        .chosenAnswer, .hintDate, .hintMonth, .hintNumber, .hintNumberRange, .hintMultiple, .hintMultiline, .hintText,
        .textLength, .textFull, .remarkShown, .moreBelow, .validationRequired, .validationNotANumber,
        .validationNotAWholeNumber, .validationBelowMinimum, .validationAboveMaximum, .validationInvalidDate,
        .validationInvalidMonth, .validationUnknownOption, .validationSpecialNotOffered, .validationWrongKind,
        .validationConstraint, .validationEmpty, .reviewTitle, .reviewFinish, .reviewHint, .reviewKeptNotUsed,
        .reviewNotAnswered, .reviewInterviewRemark, .summaryScreenHint, .exportDone, .exportFailed, .endedTitle,
        .endedResources, .endedNothingStored, .helpTitle, .pauseTitle, .pauseText, .pauseHint, .remarkTitle,
        .remarkInterviewTitle, .remarkHint, .languageTitle, .languageApply, .languageHint, .quitTitle, .quitSaved,
        .quitNotSaved, .quitSaveFailed, .quitConfirm, .changedTitle, .changedText, .changedDropped, .changedHint,
        .explainTitle, .explainNone, .explainIndicator, .explainResult, .explainDomain, .explainOverride,
        .personaAnswer, .personaNone, .keyNext, .keyBack, .keyDontKnow, .keyDeclined, .keyHelp, .keyHide, .keyMove,
        .keyCheck, .keyExport, .keyPause, .keyRemark, .keyReview, .keyLanguage, .keyGuidance, .keyQuit, .keyNewline,
        .keyExplain, .keyAskPersona, .helpNext, .helpBack, .helpHelp, .helpHide, .helpUnhide, .helpPause, .helpRemark,
        .helpLanguage, .helpGuidance, .helpDual, .helpDontKnow, .helpDeclined, .helpReview, .helpSelect, .helpMoveUp,
        .helpMoveDown, .helpToggle, .helpQuit, .helpExport, .helpRedraw, .helpEdit, .helpNewline, .helpExplain,
        .helpAskPersona, .quitFinished,
    ]
}

/// Notes for translators that several strings share.
private enum Note {
    static let footerLabel = "Footer key label."
    static let helpLine = "Help screen: what a key does."
    static let noAnswerReason = "Why a question has no answer, in the summary (lowercase)."
    static let practiceComparison = "Trainer mode: compares a trainee's practice screening with a fictional persona's full story. {result} is a result level."
    static let practiceHeading = "Trainer mode: heading in the comparison of a trainee's practice screening with the persona's full story."
    static let resultLevel = "Screening result level. Never call the person a victim; this names what was reported."
    static let serviceLabel = "Label before a service's phone number, its number for text messages (SMS), its opening hours, or the ages it serves."
    static let specialAnswer = "Special answer, offered on every question."
    static let strength = "Strength of an indicator (lowercase)."
    static let summaryText = "Referral summary heading or sentence."
    static let validationMessage = "Validation message."
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

    /// The msgctxt of this string.
    public var key: String { "ui/" + rawValue }

    public static let summaryIndicatorCount = UIPlural(
        rawValue: "summary/indicator_count", source: "{count} indicator", plural: "{count} indicators",
        note: "Number of indicators raised in a domain. {count} is the number.")

    /// Every plural string, in the order of the PO template.
    public static let allCases: [UIPlural] = [.summaryIndicatorCount]
}
