import IntakeCore

/// Switching the interviewee's and the advocate's languages mid-interview.
struct LanguageOverlay: OverlayScreen {
    /// The rows, top to bottom.
    enum Row: Int, Sendable, CaseIterable { case interviewee, advocate, apply }
    var focus = Row.interviewee
    /// Indices into the model's `languages`.
    var interviewee: Int
    var advocate: Int

    static let opener: Action? = .switchLanguage
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? {
        guard m.stage == .interview, let iv = m.interview, !iv.isOver else { return nil }
        let draft = app.saveDraft(&m)
        let tags = m.languages.map(\.tag)
        m.overlay = LanguageOverlay(interviewee: tags.firstIndex(of: iv.intervieweeLanguage) ?? 0,
                                    advocate: tags.firstIndex(of: iv.advocateLanguage) ?? 0)
        return draft
    }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] { [.shown(.next), .shown(.back), .shown(.moveUp), .shown(.moveDown), .unlisted(.switchLanguage)] }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.languageTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.languageHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        InterviewView.draftNotice(m, [interviewee, advocate], w, &b)
        InterviewView.row(&b, w.ui(.startIntervieweeLanguage, ["language": InterviewView.languageName(m, interviewee, w)]),
                          focused: focus == .interviewee)
        InterviewView.row(&b, w.ui(.startAdvocateLanguage, ["language": InterviewView.languageName(m, advocate, w)]),
                          focused: focus == .advocate)
        b.blank()
        InterviewView.row(&b, w.ui(.languageApply), focused: focus == .apply)
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        var next = self
        let n = m.languages.count
        switch action {
        case .moveUp: next.focus = Row(rawValue: max(0, focus.rawValue - 1)) ?? focus
        case .moveDown: next.focus = Row(rawValue: min(Row.apply.rawValue, focus.rawValue + 1)) ?? focus
        case .next where focus == .interviewee: next.interviewee = (interviewee + 1) % n
        case .next where focus == .advocate: next.advocate = (advocate + 1) % n
        case .next:
            m.overlay = nil
            let a = m.languages[interviewee].tag, b = m.languages[advocate].tag
            guard let iv = m.interview, a != iv.intervieweeLanguage || b != iv.advocateLanguage else { return [] }
            return app.apply(&m, [.languagesChanged(interviewee: a, advocate: b)])
        default:  // back, switch language: leave unchanged
            m.overlay = nil
            return []
        }
        m.overlay = next
        return []
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let languageTitle = UIString("screen/language_title", "Languages", note: "Title of the language switch screen.")
    static let languageApply = UIString("screen/language_apply", "Switch to these languages",
                                        note: "Language switch action.")
    static let languageHint = UIString("screen/language_hint", "Enter on a language changes it; every answer is kept. Page Up cancels.",
                                       note: "Language switch hint.")
}
