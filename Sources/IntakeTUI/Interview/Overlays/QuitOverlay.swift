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
