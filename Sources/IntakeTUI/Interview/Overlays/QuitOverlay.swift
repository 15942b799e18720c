import IntakeCore

/// Leaving the program: says what is saved, and asks to confirm.
struct QuitOverlay: OverlayScreen {
    static let opener: Action? = .quit
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? {
        let draft = app.saveDraft(&m)
        m.overlay = QuitOverlay()
        return draft
    }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] { [.shown(.next), .shown(.back), .unlisted(.quit)] }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.quitTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.quitConfirm) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        if m.mode.records, m.stage != .start, case .failed(let reason) = m.saveState {
            b.para(w.ui(.quitSaveFailed, ["reason": reason]), .warning)
        } else if m.mode.records, m.interview?.isCompleted == true {
            b.para(w.ui(.quitFinished))
        } else if m.mode.records, let id = m.sessionID {
            b.para(w.ui(.quitSaved, ["id": String(id.prefix(8))]))
        } else if m.mode.records && m.stage == .start {
            b.para(w.ui(.quitNotSaved))
        } else if m.mode.records {
            b.para(w.ui(.quitSaved, ["id": "…"]))
        } else {
            b.para(w.ui(.quitNotSaved))
        }
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        if action == .back {
            m.overlay = nil
            return []
        }
        return app.saveDraft(&m) + [.quit]
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let quitTitle = UIString("screen/quit_title", "Quit the interview?", note: "Title of the quit confirmation.")
    static let quitSaved = UIString("screen/quit_saved", "The interview is saved and can be resumed later: intake run --resume {id}",
                                    note: "Quit confirmation; keep the command as it is.")
    static let quitNotSaved = UIString("screen/quit_not_saved", "Nothing was saved: this interview is not recorded.",
                                       note: "Quit confirmation in ephemeral, preview and demo modes.")
    static let quitSaveFailed = UIString("screen/quit_save_failed", "Not saved: {reason}. The latest answers and typed text are only in memory and will be lost if you quit now. Go back to let saving be retried.",
                                         note: "Quit confirmation while saving fails (e.g. the disk is full); {reason} says why. Say plainly that quitting loses what is not saved.")
    static let quitConfirm = UIString("screen/quit_confirm", "Enter quits. Page Up goes back to the interview.",
                                      note: "Quit confirmation hint.")
    static let quitFinished = UIString("screen/quit_finished", "The interview is complete and saved.",
                                       note: "Quit confirmation after the interview was completed.")
}
