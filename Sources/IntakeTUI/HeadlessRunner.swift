import Foundation

/// Drives an app without a terminal, for tests: feed keys and events, read
/// the screen as text.
public final class HeadlessRunner<A: App> {
    public let app: A
    public private(set) var model: A.Model
    public private(set) var size: Size
    /// Every effect `update` returned, in order.
    public private(set) var effects: [A.Effect] = []
    public let control = RunControl<A.Report>()
    private let dispatcher: Dispatcher<A>
    /// The layout of `model` at `size`, once computed.
    private var layout: A.Layout?

    /// `handler` runs after each effect is recorded (to stop, or to send a
    /// result back, as the real handler would).
    public init(app: A, model: A.Model, size: Size = Frame.minimumSize,
                handler: @escaping (A.Effect, RunControl<A.Report>) -> Void = { _, _ in }) {
        self.app = app
        self.model = model
        self.size = size
        var log: (A.Effect) -> Void = { _ in }
        self.dispatcher = Dispatcher(app: app, handler: { effect, control in
            log(effect)
            handler(effect, control)
        })
        log = { [unowned self] in self.effects.append($0) }
    }

    /// The screen for the current model.
    public var grid: Grid {
        let current = layout ?? app.layout(model, size: size)
        layout = current
        return app.view(model, layout: current, size: size)
    }

    /// Delivers one event (ignored once an effect stopped the loop).
    public func send(_ event: AppEvent<A.Report>) {
        guard !control.isStopped else { return }
        if case .resize(let s) = event {
            size = s
            layout = nil
        }
        dispatcher.dispatch(event, to: &model, control: control, size: size, layout: &layout)
    }

    /// Presses keys one by one, mapping each in the context of the moment.
    @discardableResult
    public func press(_ keys: KeyEvent...) -> Grid {
        for key in keys {
            if key == .resize { send(.resize(size)) } else { send(app.event(for: key, model: model)) }
        }
        return grid
    }

    /// Types text one character at a time.
    @discardableResult
    public func type(_ text: String) -> Grid {
        for c in text { press(.char(c)) }
        return grid
    }

    /// Resizes the pretend terminal.
    @discardableResult
    public func resize(to size: Size) -> Grid {
        send(.resize(size))
        return grid
    }
}
