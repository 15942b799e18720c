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
///
/// What both need to know of the screen (how the text wraps, how many lines
/// it takes) is the `Layout`: the run loop computes it once per state of the
/// model and hands the same value to `view` and to the next `update`, so
/// update never draws to find out how far it may scroll.
public protocol App {
    associatedtype Model
    associatedtype Effect
    /// The app's own events (see `AppEvent.report`); `Never` when it has none.
    associatedtype Report: Sendable = Never
    /// The screen's layout for a model and a size; `Void` when the app needs none.
    associatedtype Layout = Void

    /// The key table; `KeyMap.standard` unless the app says otherwise.
    var keyMap: KeyMap { get }
    /// Which bindings apply to the model's current screen.
    func keyContext(_ model: Model) -> KeyContext
    func layout(_ model: Model, size: Size) -> Layout
    func update(_ model: inout Model, _ event: AppEvent<Report>, layout: Layout) -> [Effect]
    func view(_ model: Model, layout: Layout, size: Size) -> Grid
    /// Whether the model needs `.tick`s now: something in it or on screen
    /// changes with time (a retry, an autoplay, a clock). While it says no,
    /// the run loop sends no ticks and draws nothing until a key comes, and
    /// then sends one tick with the current time before the key, so the
    /// model's clock is current. That tick must not change the screen: when
    /// it asks for no effect, the run loop keeps the layout it had. Default:
    /// always.
    func needsTicks(_ model: Model) -> Bool
}

/// An app whose update and view need no layout.
public protocol PlainApp: App where Layout == Void {
    func update(_ model: inout Model, _ event: AppEvent<Report>) -> [Effect]
    func view(_ model: Model, size: Size) -> Grid
}

extension PlainApp {
    public func layout(_ model: Model, size: Size) {}
    public func update(_ model: inout Model, _ event: AppEvent<Report>, layout: Void) -> [Effect] { update(&model, event) }
    public func view(_ model: Model, layout: Void, size: Size) -> Grid { view(model, size: size) }
}

extension App {
    public var keyMap: KeyMap { .standard }
    public func needsTicks(_ model: Model) -> Bool { true }

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

    /// `layout` is the layout of `model` at `size` if it is known (the frame
    /// on screen); it is used for the first event and then forgotten, as
    /// the model may change. With `keepingLayout`, it is kept when the
    /// event asked for no effect: for the tick that brings the clock up to
    /// date while the app needs no ticks, which by `App.needsTicks`'s
    /// contract changes nothing on screen.
    func dispatch(_ event: AppEvent<A.Report>, to model: inout A.Model, control: RunControl<A.Report>,
                  size: Size, layout: inout A.Layout?, keepingLayout: Bool = false) {
        var queue = [event]
        while !queue.isEmpty {
            let e = queue.removeFirst()
            let current = layout ?? app.layout(model, size: size)
            layout = nil
            let effects = app.update(&model, e, layout: current)
            for effect in effects { handler(effect, control) }
            queue += control.takeQueued()
            if keepingLayout, effects.isEmpty, queue.isEmpty { layout = current }
        }
    }
}
