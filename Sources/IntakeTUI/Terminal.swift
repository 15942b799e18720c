import CNcursesw
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be started.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// Whether curses mode is on; read by the exit and crash handlers.
private let cursesActive = Atomic<Bool>(false)
private let exitHandlerInstalled = Atomic<Bool>(false)

/// The ncursesw backend: raw keys in, grids out.
///
/// Raw mode, so Ctrl-C, Ctrl-Z, Ctrl-S and Ctrl-Q arrive as keys (flow
/// control off); no echo; keypad off: keys arrive as bytes and `KeyDecoder`
/// names them, whatever `TERM` says; the alternate screen where the
/// terminal has one. A UTF-8 locale (see `UTF8Locale`), a terminal that can
/// address the cursor and, when asked, a minimum size are checked before
/// curses starts, so a terminal that cannot show the program gets a
/// message instead of a broken screen.
/// Colours only when the terminal has them and `NO_COLOR` is unset or
/// empty; otherwise the semantic colours become bold, underline and dim.
/// The screen is cleared before leaving curses mode, on every way out:
/// `close()`, `deinit`, an `atexit` handler, and a crash handler.
public final class Terminal: TerminalBackend {
    public private(set) var size: Size
    /// Whether semantic colours are drawn as colours.
    public let usesColor: Bool
    private let unicode: Bool
    private let screen: OpaquePointer
    private var previous: Grid?
    private var cursorShown: Bool?
    private let decoder: KeyDecoder

    /// Starts curses mode on stdin/stdout, with the signal trap installed.
    /// With `minimumSize`, a smaller terminal is refused before anything is
    /// drawn.
    public init(environment: [String: String] = ProcessEnvironment.variables(["TERM", "NO_COLOR"]), minimumSize: Size? = nil) throws {
        let chosen = UTF8Locale.choose { name in
            setlocale(name.isEmpty ? LC_ALL : LC_CTYPE, name) != nil && intake_locale_is_utf8() != 0
        }
        if chosen == nil {
            setlocale(LC_ALL, "")
            throw UTF8Locale.failure(codeset: nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? "")
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError(description: "intake needs a terminal (stdin and stdout must be a tty)")
        }
        let term = environment["TERM"] ?? ""
        switch intake_term_can_address() {
        case -1:
            throw TerminalError(description: "cannot use the terminal type \"\(term)\"; try TERM=xterm")
        case 0:
            throw TerminalError(description: """
                the terminal type "\(term)" cannot move the cursor, which a full-screen program needs; \
                run intake in a terminal such as xterm, tmux, screen or the Linux console, with TERM set to match
                """)
        default: break
        }
        if let minimumSize {
            var rows: Int32 = 0, cols: Int32 = 0
            intake_window_size(&rows, &cols)
            if rows > 0, cols > 0, Int(rows) < minimumSize.height || Int(cols) < minimumSize.width {
                throw TerminalError(description: """
                    the terminal is \(cols)×\(rows); intake needs at least \(minimumSize.width)×\(minimumSize.height): \
                    enlarge the window and start again
                    """)
            }
        }
        CrashGuard.saveTerminalModes()
        // Before newterm: ncurses installs its own SIGINT/SIGTERM handlers
        // (which end the program without letting the app save) only where
        // none is installed yet.
        SignalTrap.install()
        guard let screen = intake_newterm() else {
            throw TerminalError(description: "cannot use the terminal type \"\(environment["TERM"] ?? "")\"; try TERM=xterm")
        }
        self.screen = screen
        set_term(screen)
        // curses has put in its SIGWINCH handler; a resize also wakes the wait for a key.
        SignalTrap.chainResize()
        // ncurses 6.4 sends its buffer to the terminal at every cursor jump
        // of an update (one `write` each, three or more a keystroke, and
        // each wakes the kernel's pty worker) until the program has once
        // left curses with `endwin` and come back: only then does an update
        // end in a single write. So leave at once, before anything is drawn
        // and before raw mode is set; the first frame's update comes back
        // (bench/README.md, "Issue 19, round 12").
        endwin()
        cursesActive.store(true, ordering: .sequentiallyConsistent)
        if !exitHandlerInstalled.exchange(true, ordering: .sequentiallyConsistent) {
            atexit { Terminal.leaveCurses() }
        }
        raw()
        noecho()
        nonl()
        intrflush(intake_stdscr(), false)
        // No typeahead check while a frame is sent: curses polled the
        // keyboard twice during every update, to stop drawing if a key was
        // waiting (bench/README.md, "Issue 19, round 11"). The run loop
        // already takes keys that wait behind one as one burst
        // (`KeyBurst`), so a frame is always drawn whole.
        typeahead(-1)
        decoder = KeyDecoder(extra: Terminal.terminfoSequences())

        unicode = intake_locale_is_utf8() != 0
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        usesColor = has_colors() && !noColor
        if usesColor {
            start_color()
            let background: Int16 = use_default_colors() == INTAKE_OK ? -1 : Int16(INTAKE_COLOR_BLACK)
            init_pair(1, Int16(INTAKE_COLOR_CYAN), background)    // accent
            init_pair(2, Int16(INTAKE_COLOR_YELLOW), background)  // warning
            init_pair(3, Int16(INTAKE_COLOR_RED), background)     // danger
        }
        size = Size(width: Int(intake_cols()), height: Int(intake_lines()))
        CrashGuard.install()
    }

    deinit { close() }

    /// Starts the terminal, runs `body`, and always restores the terminal
    /// afterwards, also when `body` throws.
    public static func run<T>(minimumSize: Size? = nil, _ body: (Terminal) throws -> T) throws -> T {
        let terminal = try Terminal(minimumSize: minimumSize)
        defer { terminal.close() }
        return try body(terminal)
    }

    /// Clears the screen and leaves curses mode. Safe to call twice.
    public func close() {
        Terminal.leaveCurses()
    }

    /// Erases the screen (so no interview text stays visible, on terminals
    /// without an alternate screen too) and ends curses mode. Terminals that
    /// have no alternate screen also get their scrollback cleared (`E3`)
    /// where they support it.
    fileprivate static func leaveCurses() {
        guard cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
        wattrset(intake_stdscr(), 0)
        wclear(intake_stdscr())
        wrefresh(intake_stdscr())
        let hasAlternateScreen = intake_tigetstr("smcup") != nil
        curs_set(1)
        endwin()
        if !hasAlternateScreen { intake_putp(intake_tigetstr("E3")) }
    }

    // MARK: Keys

    /// How long to wait for the rest of an escape sequence or character
    /// cut off at the end of a burst (over ssh a sequence may come in two
    /// packets). Only after it has passed is a lone Esc a quick hide.
    static let continuationMilliseconds: Int32 = 50
    /// The most bytes read in one burst; a longer paste continues in the next.
    static let burstLimit = 16384

    public func readKeys(timeoutMilliseconds: Int) -> [KeyEvent] {
        switch waitForInput(timeoutMilliseconds) {
        case .nothing: return []
        // Bytes are waiting: a blocking read takes the first at once, and
        // curses does not poll again before it (as it would with no delay).
        case .input: wtimeout(intake_stdscr(), -1)
        // A signal: take a resize curses may have noted, or nothing.
        case .woken: wtimeout(intake_stdscr(), 0)
        }
        guard let first = readInput() else { return [] }
        var keys: [KeyEvent] = []
        var pending: [UInt8] = []
        var count = 0
        func take(_ input: Input) {
            switch input {
            case .byte(let b):
                pending.append(b)
                count += 1
            case .resize:
                let decoded = decoder.decode(pending, final: false)
                keys += decoded.keys
                pending = decoded.pending
                keys.append(.resize)
            case .ignored: break
            }
        }
        take(first)
        while true {
            wtimeout(intake_stdscr(), 0)
            while count < Terminal.burstLimit, let next = readInput() { take(next) }
            let decoded = decoder.decode(pending, final: false)
            keys += decoded.keys
            pending = decoded.pending
            if pending.isEmpty { break }
            wtimeout(intake_stdscr(), Terminal.continuationMilliseconds)
            guard let next = readInput() else {
                keys += decoder.decode(pending, final: true).keys
                break
            }
            take(next)
        }
        return keys
    }

    private enum Wait { case nothing, input, woken }

    /// Waits (-1: with no time limit) until the keyboard has input (or has
    /// hung up) or a caught signal writes to the wake pipe or interrupts the
    /// wait. curses reads its input a byte at a time (keypad is off), so it
    /// holds nothing back that this wait would not see.
    private func waitForInput(_ timeoutMilliseconds: Int) -> Wait {
        let wake = SignalTrap.wakeDescriptor
        var fds = (pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
        let ready = withUnsafeMutableBytes(of: &fds) { raw in
            poll(raw.baseAddress!.assumingMemoryBound(to: pollfd.self), wake >= 0 ? 2 : 1, Int32(clamping: timeoutMilliseconds))
        }
        if ready == 0 { return .nothing }
        if ready < 0 { return .woken }
        if fds.1.revents != 0 { SignalTrap.drainWake() }
        return fds.0.revents != 0 ? .input : .woken
    }

    private enum Input {
        case byte(UInt8)
        case resize
        case ignored
    }

    /// One byte, or a resize, from curses; nil when none came in time.
    private func readInput() -> Input? {
        let c = Int(intake_getch())
        switch c {
        case INTAKE_ERR: return nil
        case INTAKE_KEY_RESIZE:
            size = Size(width: Int(intake_cols()), height: Int(intake_lines()))
            return .resize
        case 0...255: return .byte(UInt8(c))
        default: return .ignored
        }
    }

    /// The key sequences of this terminal's terminfo entry.
    private static func terminfoSequences() -> [[UInt8]: KeyEvent] {
        var table: [[UInt8]: KeyEvent] = [:]
        for (cap, key) in KeyDecoder.terminfoKeys {
            guard var p = intake_tigetstr(cap) else { continue }
            var bytes: [UInt8] = []
            while p.pointee != 0 {
                bytes.append(UInt8(bitPattern: p.pointee))
                p += 1
            }
            if bytes.count >= 2, bytes[0] == 0x1B, table[bytes] == nil { table[bytes] = key }
        }
        return table
    }

    /// A character (a Unicode scalar value) as a key.
    static func decode(character u: UInt32) -> KeyEvent {
        switch u {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(u + 96)!))
        case 0..<32, 0x80..<0xA0: return .unknown(Int(u))
        default:
            guard let scalar = Unicode.Scalar(u) else { return .unknown(Int(u)) }
            return .char(Character(scalar))
        }
    }

    // MARK: Drawing

    public func invalidate() {
        previous = nil
    }

    public func draw(_ grid: Grid) {
        let h = min(grid.size.height, size.height), w = min(grid.size.width, size.width)
        let prev = previous?.size == grid.size ? previous : nil
        if prev == nil { wclear(intake_stdscr()) }  // full repaint at the next refresh
        // After the clear every cell is a plain blank, so a full repaint
        // sends only the others: a first frame sent all 1,920 cells, most
        // of them blanks, through curses one by one.
        for p in grid.changedCells(since: prev ?? Grid(size: grid.size)) where p.row < h && p.col < w {
            if let (byte, style) = grid.ascii(p) {
                put(ascii: byte, style: style, row: p.row, col: p.col)
            } else {
                put(grid[p.row, p.col], row: p.row, col: p.col)
            }
        }
        previous = grid
        if let cursor = grid.cursor, cursor.row < h, cursor.col < w {
            setCursor(visible: true)
            wmove(intake_stdscr(), Int32(cursor.row), Int32(cursor.col))
        } else {
            setCursor(visible: false)
            wmove(intake_stdscr(), Int32(max(0, h - 1)), 0)  // where no cursor can hide text
        }
        wrefresh(intake_stdscr())
    }

    private func setCursor(visible: Bool) {
        guard cursorShown != visible else { return }
        // Fails harmlessly on terminals without civis: there the hidden
        // cursor still shows, and is moved to the bottom row at every frame.
        let hidden = !visible && curs_set(0) != INTAKE_ERR
        if visible { curs_set(1) }
        // While the cursor is hidden nobody sees where it is, so curses is
        // told to leave it where the update ends (`leaveok`) instead of
        // moving it to the bottom row after every frame: that move, costed
        // by ncurses' cursor optimizer among a dozen formatted strings, was
        // an eighth of a keystroke's drawing (bench/README.md, "Issue 19,
        // round 6: keystrokes").
        leaveok(intake_stdscr(), hidden)
        cursorShown = visible
    }

    private func put(_ cell: Cell, row: Int, col: Int) {
        var text = cell.text
        if !unicode, let ascii = Terminal.asciiFallback[text] { text = ascii }
        var wide = text.unicodeScalars.prefix(Int(INTAKE_CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        let (attrs, pair) = attributes(cell.style)
        var cc = cchar_t()
        if setcchar(&cc, wide, attrs, pair, nil) != INTAKE_OK {
            // A cluster curses cannot hold (an emoji sequence): its base only.
            setcchar(&cc, [wide[0], 0], attrs, pair, nil)
        }
        mvwadd_wch(intake_stdscr(), Int32(row), Int32(col), &cc)
    }

    /// One ASCII character, from a buffer on the stack: making a `String`
    /// and an array of its scalars for every changed cell was a tenth of a
    /// keystroke (bench/README.md, "Issue 19, round 3: keystrokes").
    private func put(ascii byte: UInt8, style: Style, row: Int, col: Int) {
        let (attrs, pair) = attributes(style)
        var cc = cchar_t()
        var wide: (wchar_t, wchar_t) = (wchar_t(byte), 0)
        withUnsafePointer(to: &wide) { p in
            p.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cc, $0, attrs, pair, nil) }
        }
        mvwadd_wch(intake_stdscr(), Int32(row), Int32(col), &cc)
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var bold = style.bold, dim = style.dim, underline = style.underline
        var pair: Int16 = 0
        switch style.color {
        case .normal: break
        case .accent: if usesColor { pair = 1 } else { bold = true }
        case .warning: if usesColor { pair = 2 } else { bold = true }
        case .danger: if usesColor { pair = 3 } else { bold = true; underline = true }
        case .muted: dim = true
        }
        let a = intake_attrs(bold ? 1 : 0, dim ? 1 : 0, style.reverse ? 1 : 0, underline ? 1 : 0)
        return (a, pair)
    }

    /// Line drawing for a terminal whose locale is not UTF-8.
    private static let asciiFallback: [String: String] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "…": "~",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "×": "x",
    ]
}

/// Restores the terminal if the process crashes (a trap, abort or segfault
/// does not run `atexit`). The handler only calls async-signal-safe
/// functions: write(2) of bytes prepared in advance, tcsetattr, sigaction
/// and raise. It then hands the signal to the handler that was there before
/// (the Swift runtime's backtracer), so crash reports still work.
enum CrashGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var haveSaved = false
    nonisolated(unsafe) private static var reset: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var installed = false
    private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    static func saveTerminalModes() {
        haveSaved = tcgetattr(0, &saved) == 0
    }

    static func install() {
        // Clear screen, leave the alternate screen, show the cursor, plain text.
        var bytes = ""
        for cap in ["sgr0", "clear", "rmcup", "cnorm"] {
            if let s = intake_tigetstr(cap) { bytes += String(cString: s) }
        }
        reset?.deallocate()
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.utf8.count)
        _ = buffer.initialize(from: bytes.utf8)
        reset = buffer
        guard !installed else { return }
        installed = true
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                CrashGuard.restore()
                _ = sigaction(sig, CrashGuard.previous + Int(sig), nil)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, previous + Int(sig))
        }
    }

    private static func restore() {
        if let reset, let base = reset.baseAddress { _ = write(1, base, reset.count) }
        if haveSaved { _ = tcsetattr(0, TCSANOW, &saved) }
    }
}
