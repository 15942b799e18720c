import IntakeCore

// The words of `intake sessions replay` (EventNarration.swift), declared once
// each (key, English, note). They are looked up in the advocate's language
// like every interface string and fall back to English.

private let eventNote = "Session replay (intake sessions replay): one recorded event, for a supervisor. Lowercase, like a log line."
private let stateNote = "Session replay: where the interview stood after an event."

extension UIString {
    static let narrationNoEvents = UIString("narration/no_events", "(no events)",
                                                   note: "Session replay of a session that recorded nothing.")
    static let narrationStarted = UIString("narration/started", "Started {time}",
                                                  note: "Session replay, first line. {time} is the date and time.")
    static let narrationAnswered = UIString("narration/answered", "answered {question}: {answer}", note: eventNote)
    static let narrationCleared = UIString("narration/cleared", "cleared the answer to {question}", note: eventNote)
    static let narrationRemark = UIString("narration/remark", "remark on {question}: {text}", note: eventNote)
    static let narrationInterviewRemark = UIString("narration/interview_remark", "remark on the interview: {text}",
                                                          note: eventNote)
    static let narrationDraftAnswer = UIString("narration/draft_answer", "answer to {question}",
                                                      note: "Session replay: what a draft was typed into ({what} below).")
    static let narrationDraftRemark = UIString("narration/draft_remark", "remark on {question}",
                                                      note: "Session replay: what a draft was typed into ({what} below).")
    static let narrationDraftInterviewRemark = UIString("narration/draft_interview_remark", "remark on the interview",
                                                               note: "Session replay: what a draft was typed into ({what} below).")
    static let narrationDrafted = UIString("narration/drafted", "typed, not confirmed ({what}): {text}", note: eventNote)
    static let narrationDraftDropped = UIString("narration/draft_dropped", "dropped the unconfirmed {what}", note: eventNote)
    static let narrationToIntro = UIString("narration/to_intro", "-> introduction", note: eventNote)
    static let narrationToSection = UIString("narration/to_section", "-> section {section}", note: eventNote)
    static let narrationToQuestion = UIString("narration/to_question", "-> {question}: {text}", note: eventNote)
    static let narrationToReview = UIString("narration/to_review", "-> review", note: eventNote)
    static let narrationToFinished = UIString("narration/to_finished", "-> finished", note: eventNote)
    static let narrationLanguages = UIString("narration/languages", "languages: interviewee {interviewee}, advocate {advocate}",
                                                    note: eventNote)
    static let narrationPaused = UIString("narration/paused", "break started", note: eventNote)
    static let narrationResumed = UIString("narration/resumed", "break ended", note: eventNote)
    static let narrationEndedBy = UIString("narration/ended_by", "interview ended by the answer to {question}", note: eventNote)
    static let narrationCompleted = UIString("narration/completed", "interview completed", note: eventNote)
    static let narrationNoAnswerYet = UIString("narration/no_answer_yet", "(no answer yet)", note: stateNote)
    static let narrationAnswer = UIString("narration/answer", "Answer: {answer}", note: stateNote)
    static let narrationRemarkState = UIString("narration/remark_state", "Remark: {text}", note: stateNote)
    static let narrationAtSection = UIString("narration/at_section", "Section introduction: {section}", note: stateNote)
    static let narrationAtIntro = UIString("narration/at_intro", "Introduction", note: stateNote)
    static let narrationAtReview = UIString("narration/at_review", "Review of all answers", note: stateNote)
    static let narrationAtSummary = UIString("narration/at_summary", "Completed: summary", note: stateNote)
    static let narrationEndedEarly = UIString("narration/ended_early", "Ended early", note: stateNote)
    static let narrationProgress = UIString("narration/progress", "Answered {answered} of {total} questions that apply",
                                                   note: stateNote)
    static let narrationProgressOnBreak = UIString(
        "narration/progress_on_break", "Answered {answered} of {total} questions that apply; on a break", note: stateNote)

    /// The replay's strings, in the order of the PO template (after the screens').
    static let narration: [UIString] = [
        .narrationNoEvents, .narrationStarted, .narrationAnswered, .narrationCleared, .narrationRemark,
        .narrationInterviewRemark, .narrationDraftAnswer, .narrationDraftRemark, .narrationDraftInterviewRemark,
        .narrationDrafted, .narrationDraftDropped, .narrationToIntro, .narrationToSection, .narrationToQuestion,
        .narrationToReview, .narrationToFinished, .narrationLanguages, .narrationPaused, .narrationResumed,
        .narrationEndedBy, .narrationCompleted, .narrationNoAnswerYet, .narrationAnswer, .narrationRemarkState,
        .narrationAtSection, .narrationAtIntro, .narrationAtReview, .narrationAtSummary, .narrationEndedEarly,
        .narrationProgress, .narrationProgressOnBreak,
    ]
}
