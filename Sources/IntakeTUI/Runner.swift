import Foundation

/// What the run loop needs from a terminal; `Terminal` is the real one.
public protocol TerminalBackend: AnyObject {
    /// The current size (re-read after a resize).
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` for a key, then returns it with
    /// any keys already waiting behind it (one burst); empty on timeout.
    func readKeys(timeoutMilliseconds: Int) -> [KeyEvent]
    /// Shows the grid, writing only what changed since the last frame.
    func draw(_ grid: Grid)
    /// Forgets the last frame, so the next `draw` repaints everything.
    func invalidate()
}

/// The run loop: read keys, map them, `update`, run effects, `view`, draw;
/// a tick when the tick interval passes. Signals (see `SignalTrap`) become
/// one `.signal` event; the loop ends after its effects (the app's chance
/// to save).
public final class Runner<A: App> {
    public let app: A
    /// The model: the one given, then, once `run` returns, the final one.
    /// While the loop runs it is the loop's own (see `run`).
    public var model: A.Model { stored! }
    private var stored: A.Model?
    public let control = RunControl<A.Report>()
    private let terminal: TerminalBackend
    private let dispatcher: Dispatcher<A>
    private let tickInterval: TimeInterval
    private let takeSignal: () -> SignalKind?
    /// The layout of `model` at the terminal's size, once computed.
    private var layout: A.Layout?

    public init(app: A, model: A.Model, terminal: TerminalBackend,
                tickInterval: TimeInterval = 0.25,
                takeSignal: @escaping () -> SignalKind? = SignalTrap.take,
                handler: @escaping (A.Effect, RunControl<A.Report>) -> Void) {
        self.app = app
        self.stored = model
        self.terminal = terminal
        self.tickInterval = tickInterval
        self.takeSignal = takeSignal
        self.dispatcher = Dispatcher(app: app, handler: handler)
    }

    /// Runs until an effect handler calls `control.stop()` or a signal
    /// arrives; returns the final model. A frame is drawn only when an event
    /// (or a repaint) may have changed it; while the app needs no ticks (see
    /// `App.needsTicks`) an idle loop only waits for keys.
    @discardableResult
    public func run() -> A.Model {
        // The loop holds the model in a variable of its own, taken out of
        // the runner and put back when it ends: read from a property of a
        // class, it was copied (every field retained, then released) for
        // each call that reads it, four times a key (bench/README.md,
        // "Issue 19, round 6: keystrokes"). Moved, not copied, so the
        // runner holds no second reference that would make changing it copy.
        var model = stored.take()!
        defer { stored = model }
        var lastTick = Date()
        var changed = true
        while !control.isStopped {
            if let kind = takeSignal() {
                dispatch(.signal(kind), to: &model)
                break
            }
            if control.takeRepaint() {
                terminal.invalidate()
                changed = true
            }
            if changed {
                let frame = layout ?? app.layout(model, size: terminal.size)
                layout = frame
                terminal.draw(app.view(model, layout: frame, size: terminal.size))
                changed = false
            }

            let ticking = app.needsTicks(model)
            // Without ticks the wait has no time limit: a signal caught
            // after `takeSignal` above, even just before the wait begins,
            // ends it through the wake pipe (`SignalTrap.wakeDescriptor`).
            let wait = ticking ? max(0, Int((tickInterval - Date().timeIntervalSince(lastTick)) * 1000)) : Self.idleWaitMilliseconds
            let keys = KeyBurst.coalesce(terminal.readKeys(timeoutMilliseconds: wait))
            if !ticking, !keys.isEmpty, !control.isStopped {
                // The clock, brought up to date before the keys (no ticks came while idle).
                lastTick = Date()
                dispatch(.tick(lastTick), to: &model, keepingLayout: true)
                changed = true
            }
            for key in keys {
                if control.isStopped { break }
                changed = true
                if key == .resize {
                    terminal.invalidate()
                    dispatch(.resize(terminal.size), to: &model)
                    continue
                }
                let event = app.event(for: key, model: model)
                if event.action == .redraw { terminal.invalidate() }
                dispatch(event, to: &model)
            }
            let now = Date()
            if ticking, !control.isStopped, now.timeIntervalSince(lastTick) >= tickInterval {
                lastTick = now
                dispatch(.tick(now), to: &model)
                changed = true
            }
        }
        return model
    }

    /// The wait for a key while the app needs no ticks: none at all (-1)
    /// while caught signals can wake it, so an idle interview uses no CPU;
    /// a second, so that a signal is seen within one, if the wake pipe could
    /// not be made.
    static var idleWaitMilliseconds: Int { SignalTrap.wakeDescriptor >= 0 ? -1 : 1000 }

    private func dispatch(_ event: AppEvent<A.Report>, to model: inout A.Model, keepingLayout: Bool = false) {
        dispatcher.dispatch(event, to: &model, control: control, size: terminal.size, layout: &layout,
                            keepingLayout: keepingLayout)
    }
}

extension InterviewApp {
    /// Runs the interview's loop on `terminal` until a handler stops it.
    /// The loop is generic; started here, in the module that defines both it
    /// and this app, the optimizer specializes it for the app. Started from
    /// IntakeApp, it ran unspecialized: every `update`, `layout` and `view`
    /// went through witness tables, the model was copied and destroyed by
    /// value witnesses, and each event queue operation asked the runtime for
    /// generic metadata (bench/README.md, "Issue 19, round 3: keystrokes").
    @discardableResult
    public func run(_ model: InterviewModel, on terminal: TerminalBackend, tickInterval: TimeInterval,
                    handler: @escaping (InterviewEffect, RunControl<InterviewReport>) -> Void) -> InterviewModel {
        Runner(app: self, model: model, terminal: terminal, tickInterval: tickInterval, handler: handler).run()
    }
}
