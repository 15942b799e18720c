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
struct StartScreen: InterviewScreen {
    /// The focused row.
    var focus = StartRow.startNew
    /// The chosen questionnaire and languages: indices into the model's
    /// `questionnaires` and `languages`.
    var questionnaire: Int
    var interviewee: Int
    var advocate: Int

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        // In demo and practice the explain panel is a setting too: `e`
        // opens it for the questions ahead (help lists it, as F7).
        [.shown(.next), .shown(.moveUp), .shown(.moveDown)] + SharedKeys.common + SharedKeys.settings
            + (m.mode.isTraining ? [.unlisted(.explain)] : [])
    }

    /// Its rows, in order.
    static func rows(_ m: InterviewModel) -> [StartRow] {
        [.questionnaire, .intervieweeLanguage, .advocateLanguage, .startNew] + m.resumable.indices.map { .resume($0) }
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        let rows = Self.rows(m)
        let i = rows.firstIndex(of: focus) ?? 0
        var next = self
        switch action {
        case .moveUp: next.focus = rows[max(0, i - 1)]
        case .moveDown: next.focus = rows[min(rows.count - 1, i + 1)]
        case .next:
            switch focus {
            case .questionnaire:
                if !m.questionnaires.isEmpty { next.questionnaire = (questionnaire + 1) % m.questionnaires.count }
            case .intervieweeLanguage: next.interviewee = (interviewee + 1) % m.languages.count
            case .advocateLanguage: next.advocate = (advocate + 1) % m.languages.count
            case .startNew: return app.startNew(&m)
            case .resume(let index): return app.resume(&m, at: index)
            }
        default: return []
        }
        m.screen = next
        return []
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.startTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.startHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        InterviewView.draftNotice(m, [interviewee, advocate], w, &b)
        func row(_ text: String, _ row: StartRow) { InterviewView.row(&b, text, focused: focus == row) }
        let title = m.questionnaire.map { w.a($0.title) } ?? "—"
        row(w.ui(.startQuestionnaire, ["title": title]), .questionnaire)
        row(w.ui(.startIntervieweeLanguage, ["language": InterviewView.languageName(m, interviewee, w)]), .intervieweeLanguage)
        row(w.ui(.startAdvocateLanguage, ["language": InterviewView.languageName(m, advocate, w)]), .advocateLanguage)
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


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let startTitle = UIString("screen/start_title", "Start a screening", note: "Title of the first screen.")
    static let startQuestionnaire = UIString("screen/start_questionnaire", "Questionnaire: {title}",
                                             note: "Start screen line; {title} is the questionnaire's title. Enter changes it.")
    static let startIntervieweeLanguage = UIString("screen/start_interviewee_language", "Interviewee's language: {language}",
                                                   note: "Start screen line; {language} is a language tag such as es or zh-Hans.")
    static let startAdvocateLanguage = UIString("screen/start_advocate_language", "Advocate's language: {language}",
                                                note: "Start screen line; {language} is a language tag.")
    static let startNew = UIString("screen/start_new", "Start a new interview", note: "Start screen action.")
    static let startResumeHeading = UIString("screen/start_resume_heading", "Unfinished interviews (Enter resumes one):",
                                             note: "Start screen heading above the list of saved, unfinished sessions.")
    static let startResumeItem = UIString("screen/start_resume_item", "{id}  {questionnaire}  started {started}  last change {changed}  {answered}/{total}",
                                          note: "One unfinished session. {id} is the start of its id, {answered}/{total} the questions answered.")
    static let startNoResumable = UIString("screen/start_no_resumable", "No unfinished interviews.",
                                           note: "Start screen, when there is nothing to resume.")
    static let startOutboxWaiting = UIString("screen/start_outbox_waiting", "Sealed sessions waiting to be sent: {count}",
                                             note: "Start screen: finished interviews, sealed, not yet sent to the organisation's server. {count} is a number.")
    static let startHint = UIString("screen/start_hint", "Up/Down: choose a line. Enter: change it, or start.",
                                    note: "Start screen hint.")
}
