import IntakeCore

/// A screen shown over the interview, in the manner of bubbletea's
/// components: it is its own state, it says which actions it acts on, what
/// it does with them (`update`), and how it looks (`title`, `hint`, `body`).
/// The app hands it only the actions in `keys`, and the footer is derived
/// from the same list, so the two cannot disagree.
///
/// A new overlay is one file with a type conforming to this, plus its line
/// in `InterviewApp.overlays`.
protocol OverlayScreen: InterviewComponent {
    /// The action that opens it from the interview screens; nil when only
    /// other overlays or screens open it.
    static var opener: Action? { get }
    /// Opens it for `opener`, if it may open now (and sets `m.overlay`);
    /// nil when it may not, and the action goes to the screen under it.
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]?
    /// The interface strings it declares (at the end of its file), for the
    /// PO template; those of the overlays here before are in
    /// `InterviewStrings.listed`, in the PO files' order.
    static var strings: [UIString] { get }
}

extension OverlayScreen {
    static var strings: [UIString] { [] }
}

extension InterviewApp {
    /// The overlays the interview screens open, each with its own action.
    /// An overlay is composed into the app by its line here.
    static let overlays: [any OverlayScreen.Type] = [
        HelpOverlay.self,
        QuitOverlay.self,
        PauseOverlay.self,
        RemarkOverlay.self,
        LanguageOverlay.self,
    ]

    /// Opens the overlay `action` opens, if one may open now.
    func openOverlay(for action: Action, _ m: inout InterviewModel) -> [InterviewEffect]? {
        for overlay in Self.overlays where overlay.opener == action {
            if let effects = overlay.open(&m, self) { return effects }
        }
        return nil
    }

    /// The action, if the overlay on screen acts on it.
    func overlayKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        guard let overlay = m.overlay, overlay.accepts(action, keys: keys(m)) else { return [] }
        return overlay.update(action, &m, self)
    }
}
