import IntakeCore

/// A row of the start screen, top to bottom.
public enum StartRow: Hashable, Sendable {
    case questionnaire, intervieweeLanguage, advocateLanguage
    /// Start a new interview (focused when the screen opens).
    case startNew
    /// Resume the unfinished session at this index of `resumable`.
    case resume(Int)
}

/// The start screen: choose the questionnaire and the two languages, then
/// start a new interview or resume an unfinished one.
enum StartScreen {
    /// The actions its footer offers (also on the notice of a changed questionnaire).
    static let footer: [Action] = [.next, .moveUp, .moveDown, .help, .quickHide, .quit]

    /// Its rows, in order.
    static func rows(_ m: InterviewModel) -> [StartRow] {
        [.questionnaire, .intervieweeLanguage, .advocateLanguage, .startNew] + m.resumable.indices.map { .resume($0) }
    }

    static func update(_ m: inout InterviewModel, _ action: Action, _ app: InterviewApp) -> [InterviewEffect] {
        let rows = rows(m)
        let i = rows.firstIndex(of: m.startFocus) ?? 0
        switch action {
        case .moveUp: m.startFocus = rows[max(0, i - 1)]
        case .moveDown: m.startFocus = rows[min(rows.count - 1, i + 1)]
        case .next:
            switch m.startFocus {
            case .questionnaire:
                if !m.questionnaires.isEmpty { m.questionnaireIndex = (m.questionnaireIndex + 1) % m.questionnaires.count }
            case .intervieweeLanguage: m.intervieweeIndex = (m.intervieweeIndex + 1) % m.languages.count
            case .advocateLanguage: m.advocateIndex = (m.advocateIndex + 1) % m.languages.count
            case .startNew: return app.startNew(&m)
            case .resume(let index): return app.resume(&m, at: index)
            }
        default: break
        }
        return []
    }

    static func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        if m.languages[m.intervieweeIndex].isDraft || m.languages[m.advocateIndex].isDraft {
            b.para(w.ui(.draftNotice), .warning)
            b.blank()
        }
        func row(_ text: String, _ row: StartRow) { InterviewView.row(&b, text, focused: m.startFocus == row) }
        let title = m.questionnaire.map { w.a($0.title) } ?? "—"
        row(w.ui(.startQuestionnaire, ["title": title]), .questionnaire)
        row(w.ui(.startIntervieweeLanguage, ["language": InterviewView.languageName(m, m.intervieweeIndex, w)]), .intervieweeLanguage)
        row(w.ui(.startAdvocateLanguage, ["language": InterviewView.languageName(m, m.advocateIndex, w)]), .advocateLanguage)
        b.blank()
        row(w.ui(.startNew), .startNew)
        b.blank()
        if let waiting = m.outboxWaiting, waiting > 0 {
            b.para(w.ui(.startOutboxWaiting, ["count": String(waiting)]), .muted, indent: 2)
            b.blank()
        }
        if m.resumable.isEmpty {
            b.para(w.ui(.startNoResumable), .muted, indent: 2)
            return
        }
        b.para(w.ui(.startResumeHeading), .bold)
        for (i, s) in m.resumable.enumerated() {
            let p = s.interview.progress()
            let text = w.ui(.startResumeItem, ["id": String(s.id.prefix(8)), "questionnaire": s.interview.questionnaire.id,
                                               "started": DateText.minutes(s.started), "changed": DateText.minutes(s.lastChange),
                                               "answered": String(p.answered), "total": String(p.relevant)])
            row(text, .resume(i))
        }
    }
}
