import IntakeCore

/// A resumed session whose questionnaire changed since it began: what
/// changed, before the interview goes on.
struct NoticeScreen: InterviewScreen {
    var notice: ResumeNotice
    var scroll = 0

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        [.shown(.next)] + SharedKeys.scrolling(scrolls) + SharedKeys.common + SharedKeys.settings
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .next: app.leaveNotice(&m)
        case .moveUp: m.screen = NoticeScreen(notice: notice, scroll: max(0, scroll - 1))
        case .moveDown: m.screen = NoticeScreen(notice: notice, scroll: min(scroll + 1, app.maxScroll(m)))
        default: break
        }
        return []
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.changedTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.changedHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        let n = notice
        b.para(w.ui(.changedText, ["old": n.oldVersion, "new": n.newVersion, "carried": String(n.carriedOver)]))
        if !n.dropped.isEmpty {
            b.blank()
            b.para(w.ui(.changedDropped, ["list": n.dropped.joined(separator: ", ")]), .warning)
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let changedTitle = UIString("screen/changed_title", "The questionnaire has changed",
                                       note: "Title when a resumed session's questionnaire changed.")
    static let changedText = UIString("screen/changed_text", "This interview began with version {old}; the questionnaire is now version {new}. {carried} answers were carried over.",
                                      note: "Resume notice.")
    static let changedDropped = UIString("screen/changed_dropped", "Answers set aside because their question changed or is gone: {list}",
                                         note: "Resume notice; {list} lists question ids.")
    static let changedHint = UIString("screen/changed_hint", "Enter goes on at the same question.",
                                      note: "Resume notice hint.")
}
