import IntakeCore

/// An action an overlay acts on, and whether its footer shows it (some
/// are second ways to close it, like pressing Pause again on the break
/// screen, and the footer leaves them out).
struct KeyUse: Sendable {
    var action: Action
    var inFooter: Bool

    static func shown(_ action: Action) -> KeyUse { KeyUse(action: action, inFooter: true) }
    static func unlisted(_ action: Action) -> KeyUse { KeyUse(action: action, inFooter: false) }
}

/// A screen shown over the interview, in the manner of bubbletea's
/// components: it is its own state, it says which actions it acts on, what
/// it does with them (`update`), and how it looks (`title`, `hint`, `body`).
/// The app hands it only the actions in `keys`, and the footer is derived
/// from the same list, so the two cannot disagree.
///
/// A new overlay is one file with a type conforming to this, plus its line
/// in `InterviewApp.overlays`.
protocol OverlayScreen: Sendable {
    /// The action that opens it from the interview screens; nil when only
    /// other overlays or screens open it.
    static var opener: Action? { get }
    /// Opens it for `opener`, if it may open now (and sets `m.overlay`);
    /// nil when it may not, and the action goes to the screen under it.
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]?

    /// Every action `update` acts on. Quick hide and redraw work on every
    /// screen and are the app's.
    var keys: [KeyUse] { get }
    /// Which key bindings apply while it is shown.
    var keyContext: KeyContext { get }
    /// Lines its body is scrolled by.
    var scroll: Int { get }
    /// Whether `update` acts on `action`: by default, whether it is in `keys`.
    func accepts(_ action: Action) -> Bool

    func title(_ w: Words) -> String
    /// The line under the body when there is no message.
    func hint(_ w: Words) -> String?
    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body)
    /// Acts on one of `keys`. `m.overlay` is this overlay when called; to
    /// change, replace or close it, `update` sets `m.overlay`.
    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]
}

extension OverlayScreen {
    var keyContext: KeyContext { .screen }
    var scroll: Int { 0 }

    /// Whether `update` acts on `action`.
    func accepts(_ action: Action) -> Bool { keys.contains { $0.action == action } }

    /// The actions its footer offers.
    var footerActions: [Action] { keys.filter(\.inFooter).map(\.action) + [.quickHide] }
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
        guard let overlay = m.overlay, overlay.accepts(action) else { return [] }
        return overlay.update(action, &m, self)
    }
}
