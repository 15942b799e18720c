import Foundation
import Testing
@testable import IntakeTUI

/// A toy interview: two questions (a choice, then a text answer), quick
/// hide, and effects for save and quit.
struct ToyApp: PlainApp {
    struct Model {
        var page = 0
        var choice: Int?
        var answer = TextEditor(maxLength: 40)
        var hidden = false
        var lock = HideLock()
        var ticks = 0
        var log: [String] = []
    }

    enum Effect: Equatable { case save(String), quit, hide }

    func keyContext(_ m: Model) -> KeyContext {
        m.hidden ? .hidden : (m.page == 0 ? .choice : .text)
    }

    func update(_ m: inout Model, _ event: AppEvent<Never>) -> [Effect] {
        switch event {
        case .tick:
            m.ticks += 1
            return []
        case .resize(let size):
            m.log.append("resize \(size)")
            return []
        case .report:
            return []
        case .signal(let kind):
            m.log.append("signal \(kind)")
            return [.save(m.answer.text), .quit]
        case .key(let key, let action):
            if m.hidden {
                if m.lock.feed(key, action: action) { m.hidden = false }
                return []
            }
            switch action {
            case .quickHide?:
                m.hidden = true
                return [.hide]
            case .select(let n)? where n <= 2: m.choice = n
            case .dontKnow?: m.choice = 0
            case .next?:
                m.page = min(1, m.page + 1)
                return [.save(m.answer.text)]
            case .back?: m.page = max(0, m.page - 1)
            case .edit(let e)?: m.answer.apply(e)
            case .quit?: return [.quit]
            default: break
            }
            return []
        }
    }

    func view(_ m: Model, size: Size) -> Grid {
        if m.hidden { return HideScreen.view(size: size, percent: 34) }
        let context = keyContext(m)
        var grid = Frame.screen(size: size, title: "Toy", status: "Page \(m.page + 1)",
                                footer: keyMap.footer(for: context)) { grid, body in
            if m.page == 0 {
                grid.put("Pick one", in: body)
                for (i, o) in ["Yes", "No"].enumerated() {
                    let mark = m.choice == i + 1 ? "(•)" : "( )"
                    grid.put("\(mark) \(i + 1) \(o)", in: body, line: 2 + i)
                }
                if m.choice == 0 { grid.put("Answer: don't know", in: body, line: 5) }
            } else {
                grid.put("Your words:", in: body)
                let v = m.answer.render(width: 20)
                grid.put(v.lines[0], in: body, line: 2)
            }
        }
        if m.page == 1, Frame.fits(size) {
            let v = m.answer.render(width: 20)
            let body = Frame(size: size).body
            grid.cursor = Point(row: body.row + 2 + v.cursor.row, col: body.col + v.cursor.col)
        }
        return grid
    }
}

@Suite struct HeadlessRunnerTests {
    @Test func keysGoThroughTheMapToUpdateAndTheScreen() {
        let r = HeadlessRunner(app: ToyApp(), model: ToyApp.Model())
        var g = r.press(.char("2"))
        #expect(g.lines[5] == "  (•) 2 No")
        #expect(g.lines[23].hasPrefix(" [Enter] Next"))
        g = r.press(.ctrl("d"))
        #expect(g.lines[7] == "  Answer: don't know")
        g = r.press(.enter)
        #expect(g.lines[0].hasSuffix("Page 2"))
        #expect(r.effects == [.save("")])
        // On the text page, "2" and "?" type; Left edits instead of going back.
        g = r.type("a?2中")
        g = r.press(.left, .char("x"))
        #expect(g.lines[4] == "  a?2x中")
        #expect(g.cursor == Point(row: 4, col: 6))
        r.press(.pageUp)
        #expect(r.grid.lines[0].hasSuffix("Page 1"))
        #expect(r.model.answer.text == "a?2x中")
    }

    @Test func quickHideWorksFromATextFieldAndNeedsTheUnlockSequence() {
        let r = HeadlessRunner(app: ToyApp(), model: ToyApp.Model())
        r.press(.enter)
        r.type("secret")
        var g = r.press(.escape)
        #expect(!g.text().contains("secret"))
        #expect(g.text().contains("System update"))
        #expect(r.effects.last == .hide)
        g = r.press(.enter, .char("x"), .ctrl("c"), .function(1))
        #expect(g.text().contains("System update"))
        #expect(r.model.answer.text == "secret")  // nothing typed while hidden
        g = r.press(.ctrl("r"), .enter)
        #expect(g.text().contains("secret"))
    }

    @Test func resizeBelowTheMinimumShowsTheEnlargeScreen() {
        let r = HeadlessRunner(app: ToyApp(), model: ToyApp.Model())
        var g = r.resize(to: Size(width: 60, height: 20))
        #expect(g.text().contains("Please enlarge the window to at least 80×24 (now 60×20)"))
        #expect(r.model.log == ["resize 60×20"])
        g = r.resize(to: Size(width: 100, height: 30))
        #expect(g.lines[2] == "  Pick one")
        #expect(g.size == Size(width: 100, height: 30))
    }

    @Test func effectHandlersCanStopTheLoopAndSendResults() {
        let r = HeadlessRunner(app: ToyApp(), model: ToyApp.Model()) { effect, control in
            if effect == .quit { control.stop() }
        }
        r.press(.ctrl("c"))
        #expect(r.control.isStopped)
        r.press(.char("1"))  // ignored after stop
        #expect(r.model.choice == nil)
    }
}

/// A scripted terminal for the real run loop.
final class FakeTerminal: TerminalBackend {
    var size = Size(width: 80, height: 24)
    var script: [[KeyEvent]]
    var frames: [Grid] = []
    var invalidations = 0
    var onRead: ((Int) -> Void)?
    private var reads = 0

    init(_ script: [[KeyEvent]]) { self.script = script }

    func readKeys(timeoutMilliseconds: Int) -> [KeyEvent] {
        reads += 1
        onRead?(reads)
        return script.isEmpty ? [] : script.removeFirst()
    }
    func draw(_ grid: Grid) { frames.append(grid) }
    func invalidate() { invalidations += 1 }
}

@Suite struct RunnerTests {
    @Test func pasteBurstsTypeTextAndQuitStops() {
        let terminal = FakeTerminal([[.enter], [.char("h"), .char("i"), .enter, .char("x")], [.ctrl("c")], [.char("z")]])
        var effects: [ToyApp.Effect] = []
        let runner = Runner(app: ToyApp(), model: ToyApp.Model(), terminal: terminal, tickInterval: 3600,
                            takeSignal: { nil }) { effect, control in
            effects.append(effect)
            if effect == .quit { control.stop() }
        }
        let model = runner.run()
        #expect(model.page == 1)  // the pasted line break did not press Enter
        #expect(model.answer.text == "hi x")
        #expect(effects == [.save(""), .quit])
        #expect(terminal.script == [[.char("z")]])  // stopped before reading on
        #expect(terminal.frames.last?.text().contains("hi x") == true)
    }

    @Test func aSignalLetsTheAppSaveThenEndsTheLoop() {
        let terminal = FakeTerminal([[.enter], [.char("o"), .char("k")]])
        var pending: SignalKind?
        terminal.onRead = { n in if n == 2 { pending = .terminate } }
        var effects: [ToyApp.Effect] = []
        let runner = Runner(app: ToyApp(), model: ToyApp.Model(), terminal: terminal, tickInterval: 3600,
                            takeSignal: { defer { pending = nil }; return pending }) { effect, _ in
            effects.append(effect)  // does not stop on .quit: the loop ends anyway
        }
        let model = runner.run()
        #expect(model.log == ["signal terminate"])
        #expect(effects == [.save(""), .save("ok"), .quit])
    }

    @Test func theRealSignalTrapFeedsTheLoop() {
        SignalTrap.simulate(SIGHUP)
        #expect(SignalTrap.take() == .hangup)
        #expect(SignalTrap.take() == nil)
        SignalTrap.simulate(SIGUSR1)
        #expect(SignalTrap.take() == .other(SIGUSR1))
        SignalTrap.simulate(SIGQUIT)
        #expect(SignalTrap.take() == .other(SIGQUIT))
    }

    /// A caught signal also writes to the wake pipe, so a wait for a key
    /// that began just after the loop last looked for signals ends at once
    /// (the loop's idle wait has no time limit).
    @Test func aCaughtSignalWakesTheWaitForAKey() {
        let fd = SignalTrap.wakeDescriptor
        #expect(fd >= 0)
        func readable() -> Bool {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&p, 1, 0) == 1
        }
        SignalTrap.drainWake()
        #expect(!readable())
        SignalTrap.simulate(SIGTERM)
        #expect(readable())
        SignalTrap.drainWake()
        #expect(!readable())
        #expect(SignalTrap.take() == .terminate)
    }

    @Test func ticksOnTimeoutAndRepaintOnResizeAndRedraw() {
        let terminal = FakeTerminal([[], [], [.resize], [.ctrl("l")], [.ctrl("c")]])
        let runner = Runner(app: ToyApp(), model: ToyApp.Model(), terminal: terminal, tickInterval: 0,
                            takeSignal: { nil }) { effect, control in
            if effect == .quit { control.stop() }
        }
        terminal.onRead = { n in if n == 3 { terminal.size = Size(width: 90, height: 30) } }
        let model = runner.run()
        #expect(model.ticks >= 2)
        #expect(model.log == ["resize 90×30"])
        #expect(terminal.invalidations == 2)
        #expect(terminal.frames.last?.size == Size(width: 90, height: 30))
    }
}
