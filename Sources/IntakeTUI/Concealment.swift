import Foundation

/// Quick hide for the read-only viewers (pager, replay): the hide key blanks
/// the screen to the neutral page at once; only Ctrl-R then Enter brings the
/// text back.
///
/// Time is an input: the viewer passes the clock's ticks to `tick`, so
/// `handle` and `screen` never read it.
public struct Concealment: Sendable {
    public private(set) var isHidden = false
    private var lock = HideLock()
    /// The time of the last tick (or of the start).
    private var now: Date
    /// When the screen was hidden.
    private var since: Date

    public init(now: Date) {
        self.now = now
        self.since = now
    }

    /// Time passed: the neutral page's progress figure creeps on.
    public mutating func tick(_ date: Date) { now = date }

    /// Handles a key. Returns true when the key was about hiding (hidden
    /// now, or still hidden) and the viewer must not act on it.
    public mutating func handle(_ key: KeyEvent, _ action: Action?) -> Bool {
        if isHidden {
            if lock.feed(key, action: action) { isHidden = false }
            return true
        }
        if action == .quickHide {
            isHidden = true
            since = now
            return true
        }
        return false
    }

    /// The neutral page.
    public func screen(size: Size) -> Grid {
        HideScreen.view(size: size, percent: HideScreen.percent(elapsedSeconds: now.timeIntervalSince(since)))
    }

    /// Runs a read-only viewer on the terminal until it asks to quit.
    static func show<A: App>(_ app: A, _ model: A.Model, resize: (inout A.Model, Size) -> Void,
                              isQuit: @escaping (A.Effect) -> Bool) throws {
        try Terminal.run { terminal in
            var m = model
            resize(&m, terminal.size)
            let runner = Runner(app: app, model: m, terminal: terminal) { effect, control in
                if isQuit(effect) { control.stop() }
            }
            runner.run()
        }
    }
}
