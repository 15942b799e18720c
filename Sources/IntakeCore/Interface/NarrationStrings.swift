// The words of `intake sessions replay`, declared once each (key, English,
// note). They are looked up in the advocate's language like every interface
// string and fall back to English. They sit beside the other interface
// strings in Core because the PO template, and the tests that hold the
// bundled translations to it, are built here.

private let eventNote = "Session replay (intake sessions replay): one recorded event, for a supervisor. Lowercase, like a log line."
private let stateNote = "Session replay: where the interview stood after an event."

extension UIString {
    public static let narrationNoEvents = UIString("narration/no_events", "(no events)",
                                                   note: "Session replay of a session that recorded nothing.")
    public static let narrationStarted = UIString("narration/started", "Started {time}",
                                                  note: "Session replay, first line. {time} is the date and time.")
    public static let narrationAnswered = UIString("narration/answered", "answered {question}: {answer}", note: eventNote)
    public static let narrationCleared = UIString("narration/cleared", "cleared the answer to {question}", note: eventNote)
    public static let narrationRemark = UIString("narration/remark", "remark on {question}: {text}", note: eventNote)
    public static let narrationInterviewRemark = UIString("narration/interview_remark", "remark on the interview: {text}",
                                                          note: eventNote)
    public static let narrationDraftAnswer = UIString("narration/draft_answer", "answer to {question}",
                                                      note: "Session replay: what a draft was typed into ({what} below).")
    public static let narrationDraftRemark = UIString("narration/draft_remark", "remark on {question}",
                                                      note: "Session replay: what a draft was typed into ({what} below).")
    public static let narrationDraftInterviewRemark = UIString("narration/draft_interview_remark", "remark on the interview",
                                                               note: "Session replay: what a draft was typed into ({what} below).")
    public static let narrationDrafted = UIString("narration/drafted", "typed, not confirmed ({what}): {text}", note: eventNote)
    public static let narrationDraftDropped = UIString("narration/draft_dropped", "dropped the unconfirmed {what}", note: eventNote)
    public static let narrationToIntro = UIString("narration/to_intro", "-> introduction", note: eventNote)
    public static let narrationToSection = UIString("narration/to_section", "-> section {section}", note: eventNote)
    public static let narrationToQuestion = UIString("narration/to_question", "-> {question}: {text}", note: eventNote)
    public static let narrationToReview = UIString("narration/to_review", "-> review", note: eventNote)
    public static let narrationToFinished = UIString("narration/to_finished", "-> finished", note: eventNote)
    public static let narrationLanguages = UIString("narration/languages", "languages: interviewee {interviewee}, advocate {advocate}",
                                                    note: eventNote)
    public static let narrationPaused = UIString("narration/paused", "break started", note: eventNote)
    public static let narrationResumed = UIString("narration/resumed", "break ended", note: eventNote)
    public static let narrationEndedBy = UIString("narration/ended_by", "interview ended by the answer to {question}", note: eventNote)
    public static let narrationCompleted = UIString("narration/completed", "interview completed", note: eventNote)
    public static let narrationNoAnswerYet = UIString("narration/no_answer_yet", "(no answer yet)", note: stateNote)
    public static let narrationAnswer = UIString("narration/answer", "Answer: {answer}", note: stateNote)
    public static let narrationRemarkState = UIString("narration/remark_state", "Remark: {text}", note: stateNote)
    public static let narrationAtSection = UIString("narration/at_section", "Section introduction: {section}", note: stateNote)
    public static let narrationAtIntro = UIString("narration/at_intro", "Introduction", note: stateNote)
    public static let narrationAtReview = UIString("narration/at_review", "Review of all answers", note: stateNote)
    public static let narrationAtSummary = UIString("narration/at_summary", "Completed: summary", note: stateNote)
    public static let narrationEndedEarly = UIString("narration/ended_early", "Ended early", note: stateNote)
    public static let narrationProgress = UIString("narration/progress", "Answered {answered} of {total} questions that apply",
                                                   note: stateNote)
    public static let narrationProgressOnBreak = UIString(
        "narration/progress_on_break", "Answered {answered} of {total} questions that apply; on a break", note: stateNote)

    /// The replay's strings, in the order of the PO template (after `allCases`).
    public static let narration: [UIString] = [
        .narrationNoEvents, .narrationStarted, .narrationAnswered, .narrationCleared, .narrationRemark,
        .narrationInterviewRemark, .narrationDraftAnswer, .narrationDraftRemark, .narrationDraftInterviewRemark,
        .narrationDrafted, .narrationDraftDropped, .narrationToIntro, .narrationToSection, .narrationToQuestion,
        .narrationToReview, .narrationToFinished, .narrationLanguages, .narrationPaused, .narrationResumed,
        .narrationEndedBy, .narrationCompleted, .narrationNoAnswerYet, .narrationAnswer, .narrationRemarkState,
        .narrationAtSection, .narrationAtIntro, .narrationAtReview, .narrationAtSummary, .narrationEndedEarly,
        .narrationProgress, .narrationProgressOnBreak,
    ]
}
