import IntakeCore

/// A break: the interview is paused until Enter (or Back, or Pause again).
struct PauseOverlay: OverlayScreen {
    static let opener: Action? = .pause
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? {
        guard m.stage == .interview, let iv = m.interview, !iv.isOver else { return nil }
        let draft = app.saveDraft(&m)
        m.overlay = PauseOverlay()
        return draft + app.apply(&m, [.paused])
    }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] { [.shown(.next), .unlisted(.back), .unlisted(.pause)] }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.pauseTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.pauseHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        b.blank(); b.blank(); b.blank()
        b.para(w.ui(.pauseTitle), .bold, indent: 4)
        b.blank()
        b.para(w.ui(.pauseText), .plain, indent: 4)
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        m.overlay = nil
        return app.apply(&m, [.resumed])
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let pauseTitle = UIString("screen/pause_title", "Taking a break", note: "Title of the break screen.")
    static let pauseText = UIString("screen/pause_text", "Take all the time you need. Nothing is lost: the interview goes on from here.",
                                    note: "Calm text on the break screen.")
    static let pauseHint = UIString("screen/pause_hint", "Press Enter to go on.", note: "Break screen hint.")
}
