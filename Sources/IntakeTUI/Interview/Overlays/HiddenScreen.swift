import Foundation

/// The quick hide: a neutral page over every screen and overlay, shown the
/// moment the hide key is pressed, until Ctrl-R then Enter. Unlike the
/// other overlays it is opened by a key that works everywhere, so the app
/// composes it itself (`InterviewModel.hiding`), above `overlay`.
struct HiddenScreen: Sendable {
    /// The sequence that leaves it.
    var lock = HideLock()
    /// When it was shown; its progress figure creeps on from there.
    var since: Date

    static let keyContext = KeyContext.hidden

    /// Opens it: what is typed is kept as a draft, and anything unsaved is
    /// saved now.
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        let draft = app.saveDraft(&m)
        m.hiding = HiddenScreen(since: m.now)
        return draft + [.hide]
    }

    /// Every key goes to the lock and nowhere else; the page closes when
    /// the sequence is complete.
    func update(_ key: KeyEvent, _ action: Action?, _ m: inout InterviewModel) {
        var next = self
        m.hiding = next.lock.feed(key, action: action) ? nil : next
    }

    func view(_ m: InterviewModel, size: Size) -> Grid {
        HideScreen.view(size: size, percent: HideScreen.percent(elapsedSeconds: m.now.timeIntervalSince(since)))
    }
}
