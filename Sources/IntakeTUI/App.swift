import Foundation

/// A signal the program was sent. The run loop turns it into an event so the
/// app can save, then exits cleanly.
public enum SignalKind: Hashable, Sendable {
    case interrupt  // SIGINT (Ctrl-C itself arrives as a key in raw mode)
    case terminate  // SIGTERM
    case hangup     // SIGHUP: the terminal is gone
    /// Any other signal whose default action would end the program (SIGQUIT,
    /// SIGUSR1, SIGALRM, SIGPIPE, …), with its number.
    case other(Int32)
}

/// Everything an app's `update` is told about: keys, sizes, time, signals,
/// and the app's own `Report`s.
public enum AppEvent<Report: Sendable>: Sendable {
    /// A key, with the action the key map gives it in the current context
    /// (nil when the key means nothing there).
    case key(KeyEvent, action: Action?)
    case resize(Size)
    /// Time passed without a key (or the tick interval elapsed).
    case tick(Date)
    /// A signal arrived; the loop stops after this event's effects ran.
    case signal(SignalKind)
    /// What the app is told by the outside world: the result of an effect,
    /// sent back by the effect handler (saved, export written, ...), so the
    /// screen shows only what really happened; data loaded in the background.
    case report(Report)

    /// The mapped action of a key event.
    public var action: Action? {
        if case .key(_, let action) = self { return action }
        return nil
    }
}

/// An Elm-style program: a model, a pure `update` that changes the model and
/// names the effects to run, and a pure `view` that draws the model.
/// Effects (save, quit, hide, export) are carried out by an effect handler
/// outside `update`.
public protocol App {
    associatedtype Model
    associatedtype Effect
    /// The app's own events (see `AppEvent.report`); `Never` when it has none.
    associatedtype Report: Sendable = Never

    /// The key table; `KeyMap.standard` unless the app says otherwise.
    var keyMap: KeyMap { get }
    /// Which bindings apply to the model's current screen.
    func keyContext(_ model: Model) -> KeyContext
    func update(_ model: inout Model, _ event: AppEvent<Report>) -> [Effect]
    func view(_ model: Model, size: Size) -> Grid
}

extension App {
    public var keyMap: KeyMap { .standard }

    /// The event for a key in the model's current context.
    public func event(for key: KeyEvent, model: Model) -> AppEvent<Report> {
        .key(key, action: keyMap.action(for: key, in: keyContext(model)))
    }
}

extension AppEvent: Equatable where Report: Equatable {}
extension AppEvent: Hashable where Report: Hashable {}

/// What an effect handler may ask of the run loop.
public final class RunControl<Report: Sendable> {
    public private(set) var isStopped = false
    private(set) var repaintRequested = false
    private var queued: [AppEvent<Report>] = []

    public init() {}

    /// End the loop after the current event.
    public func stop() { isStopped = true }
    /// Deliver a follow-up event (an effect's result) after this one.
    public func send(_ event: AppEvent<Report>) { queued.append(event) }
    /// Repaint the whole terminal on the next frame.
    public func repaint() { repaintRequested = true }

    func takeQueued() -> [AppEvent<Report>] {
        defer { queued = [] }
        return queued
    }

    func takeRepaint() -> Bool {
        defer { repaintRequested = false }
        return repaintRequested
    }
}

/// Runs `update` for an event and the handler for each effect, then any
/// events the handler sent back, in order. Shared by both runners.
struct Dispatcher<A: App> {
    let app: A
    let handler: (A.Effect, RunControl<A.Report>) -> Void

    func dispatch(_ event: AppEvent<A.Report>, to model: inout A.Model, control: RunControl<A.Report>) {
        var queue = [event]
        while !queue.isEmpty {
            let e = queue.removeFirst()
            for effect in app.update(&model, e) { handler(effect, control) }
            queue += control.takeQueued()
        }
    }
}
