import Foundation
import Testing
@testable import IntakeTUI

/// A toy app that needs ticks only while `ticking` is set, and counts its
/// views, ticks and the times it was told.
struct IdleApp: PlainApp {
    /// True: quit.
    typealias Effect = Bool
    struct Model {
        var ticking = false
        var ticks: [Date] = []
        var keys: [String] = []
    }
    final class Views { var count = 0 }
    let views = Views()

    func keyContext(_ m: Model) -> KeyContext { .screen }
    func needsTicks(_ m: Model) -> Bool { m.ticking }

    func update(_ m: inout Model, _ event: AppEvent<Never>) -> [Bool] {
        switch event {
        case .tick(let date): m.ticks.append(date)
        case .key(.char("t"), _): m.ticking.toggle(); m.keys.append("t")
        case .key(.char("q"), _): return [true]
        case .key(.char(let c), _): m.keys.append(String(c))
        default: break
        }
        return []
    }

    func view(_ m: Model, size: Size) -> Grid {
        views.count += 1
        var g = Grid(size: size)
        g.put("keys \(m.keys.count) ticks \(m.ticks.count)", in: Rect(row: 0, col: 0, width: size.width, height: 1))
        return g
    }
}

/// A terminal that records how long each read was allowed to wait.
final class TimedTerminal: TerminalBackend {
    var size = Size(width: 80, height: 24)
    var script: [[KeyEvent]]
    var frames: [Grid] = []
    var waits: [Int] = []
    init(_ script: [[KeyEvent]]) { self.script = script }
    func readKeys(timeoutMilliseconds: Int) -> [KeyEvent] {
        waits.append(timeoutMilliseconds)
        return script.isEmpty ? [.char("q")] : script.removeFirst()
    }
    func draw(_ grid: Grid) { frames.append(grid) }
    func invalidate() {}
}

/// A toy app with a layout (the number of keys it has seen), counting how
/// often the layout is computed and recording any update given a layout
/// that is not its model's.
struct LayoutCountingApp: App {
    typealias Effect = Bool
    typealias Layout = Int
    struct Model {
        var keys = 0
        var ticks = 0
        var staleLayouts = 0
    }
    final class Count { var layouts = 0 }
    let count = Count()

    func keyContext(_ m: Model) -> KeyContext { .screen }
    func needsTicks(_ m: Model) -> Bool { false }
    func layout(_ m: Model, size: Size) -> Int {
        count.layouts += 1
        return m.keys
    }
    func update(_ m: inout Model, _ event: AppEvent<Never>, layout: Int) -> [Bool] {
        if layout != m.keys { m.staleLayouts += 1 }
        switch event {
        case .tick: m.ticks += 1
        case .key(.char("q"), _): return [true]
        case .key: m.keys += 1
        default: break
        }
        return []
    }
    func view(_ m: Model, layout: Int, size: Size) -> Grid { Grid(size: size) }
}

@Suite struct RunnerIdleTests {
    @Test func theCatchUpTickKeepsTheLayoutOfTheFrameOnScreen() {
        let terminal = TimedTerminal([[.char("a")], [.char("b")]])
        let app = LayoutCountingApp()
        let runner = Runner(app: app, model: LayoutCountingApp.Model(), terminal: terminal, tickInterval: 0,
                            takeSignal: { nil }) { (quit: Bool, control: RunControl<Never>) in if quit { control.stop() } }
        let model = runner.run()
        #expect(model.keys == 2)
        #expect(model.ticks == 3)
        #expect(model.staleLayouts == 0)
        // Once per frame (the first, after "a", after "b"); the key after
        // each catch-up tick reuses the frame's. Before, each key computed
        // its own: 6.
        #expect(app.count.layouts == 3)
    }

    static func run(_ script: [[KeyEvent]], tickInterval: TimeInterval) -> (IdleApp.Model, TimedTerminal, IdleApp) {
        let terminal = TimedTerminal(script)
        let app = IdleApp()
        let runner = Runner(app: app, model: IdleApp.Model(), terminal: terminal, tickInterval: tickInterval,
                            takeSignal: { nil }) { (quit: Bool, control: RunControl<Never>) in if quit { control.stop() } }
        return (runner.run(), terminal, app)
    }

    @Test func anIdleAppThatNeedsNoTicksIsNeitherTickedNorRedrawn() {
        // Five empty reads (timeouts), then a key, then two more timeouts.
        let (model, terminal, app) = Self.run([[], [], [], [], [], [.char("a")], [], []], tickInterval: 0)
        // One frame at the start and one after the key; none for the timeouts.
        #expect(terminal.frames.count == 2)
        #expect(app.views.count == 2)
        #expect(terminal.frames.last?.lines[0].hasPrefix("keys 1 ticks 1") == true)
        // A tick just before each burst of keys ("a", then the quit key), to
        // bring the clock up to date; none while idle.
        #expect(model.ticks.count == 2)
        #expect(model.keys == ["a"])
        // Every read waits without a time limit (-1): a caught signal ends
        // the wait through the wake pipe (the last read returns the quit key).
        #expect(terminal.waits == Array(repeating: -1, count: 9))
    }

    @Test func anAppThatNeedsTicksIsTickedAndRedrawnAsBefore() {
        // "t" turns ticks on; with a zero interval every pass ticks once.
        let (model, terminal, _) = Self.run([[.char("t")], [], [], []], tickInterval: 0)
        // The catch-up tick before "t", then one after each of the three timeouts.
        #expect(model.ticks.count == 4)
        // The first frame, then a frame for each ticking pass.
        #expect(terminal.frames.count == 5)
        #expect(terminal.waits.first == -1)
        #expect(terminal.waits.dropFirst().allSatisfy { $0 == 0 })
    }

    @Test func theDefaultIsToTickAsBefore() {
        // ToyApp does not say: it is ticked on every pass with a zero interval.
        let terminal = FakeTerminal([[], [], [.ctrl("c")]])
        let runner = Runner(app: ToyApp(), model: ToyApp.Model(), terminal: terminal, tickInterval: 0,
                            takeSignal: { nil }) { effect, control in if effect == .quit { control.stop() } }
        let model = runner.run()
        #expect(model.ticks == 2)
        #expect(terminal.frames.count == 3)
    }
}
