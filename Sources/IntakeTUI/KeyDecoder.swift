/// Turns the bytes a terminal sends into keys, whatever `TERM` says.
///
/// curses decodes keys from the terminfo entry of `TERM`, so a function key
/// from a terminal whose `TERM` does not match (common over ssh, or
/// `TERM=linux` inside tmux) arrived as Esc plus letters, and Esc hides the
/// screen. This decoder knows the sequences of the xterm, VT220, Linux
/// console, rxvt and screen/tmux families at once, and reads every escape
/// sequence by its shape (ECMA-48: `ESC [` parameters, intermediates, one
/// final byte; `ESC O` and one byte), so an unknown sequence is consumed
/// whole and ignored. Only a bare Esc, one that no other byte follows, is
/// `.escape`. Text is UTF-8; an invalid byte becomes U+FFFD and the bytes
/// after it are kept.
public struct KeyDecoder: Sendable {
    /// Sequences from the terminal's own terminfo entry, consulted for a
    /// sequence the built-in tables do not name.
    public var extra: [[UInt8]: KeyEvent]

    public init(extra: [[UInt8]: KeyEvent] = [:]) {
        self.extra = extra
    }

    /// Decodes `bytes`. With `final` false, an escape sequence or UTF-8
    /// character cut off at the end is not decoded but returned as
    /// `pending`, for the caller to decode again with the bytes that follow,
    /// or with `final` true when no more come (a lone Esc is then `.escape`).
    public func decode(_ bytes: [UInt8], final: Bool) -> (keys: [KeyEvent], pending: [UInt8]) {
        var keys: [KeyEvent] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x1B {
                switch escape(bytes, at: i) {
                case .incomplete:
                    if !final { return (keys, Array(bytes[i...])) }
                    // Nothing followed in time: a bare Esc, or the start of
                    // a sequence that never finished (ignored).
                    if i + 1 == n { keys.append(.escape) }
                    i = n
                case .key(let key, let length):
                    if let key { keys.append(key) }
                    i += length
                }
            } else if b < 0x20 || b == 0x7F {
                keys.append(Terminal.decode(character: UInt32(b)))
                i += 1
            } else {
                var end = i
                while end < n, bytes[end] >= 0x20, bytes[end] != 0x7F { end += 1 }
                var run = bytes[i..<end]
                var cut = false
                if end == n, !final, let tail = Self.incompleteUTF8Tail(run) {
                    run = run.dropLast(tail)
                    cut = true
                }
                for c in String(decoding: run, as: UTF8.self) {
                    let scalars = c.unicodeScalars
                    keys.append(scalars.count == 1 ? Terminal.decode(character: scalars.first!.value) : .char(c))
                }
                if cut { return (keys, Array(bytes[(i + run.count)...])) }
                i = end
            }
        }
        return (keys, [])
    }

    private enum Escape {
        /// The sequence needs more bytes than there are.
        case incomplete
        /// A sequence `length` bytes long, and the key it names (nil: ignored).
        case key(KeyEvent?, length: Int)
    }

    /// The escape sequence that starts at `start` (an ESC byte).
    private func escape(_ bytes: [UInt8], at start: Int) -> Escape {
        let n = bytes.count
        guard start + 1 < n else { return .incomplete }
        let introducer = bytes[start + 1]
        switch introducer {
        case UInt8(ascii: "["):
            // The Linux console's F1-F5: ESC [ [ A ... ESC [ [ E.
            if start + 2 < n, bytes[start + 2] == UInt8(ascii: "[") {
                guard start + 3 < n else { return .incomplete }
                let seq = Array(bytes[start...(start + 3)])
                return .key(Self.linuxFunctionKey(bytes[start + 3]) ?? extra[seq], length: 4)
            }
            return controlSequence(bytes, at: start, body: start + 2) { params, final in
                Self.csiKey(params: params, final: final)
            }
        case UInt8(ascii: "O"):
            return controlSequence(bytes, at: start, body: start + 2) { params, final in
                Self.ss3Key(params: params, final: final)
            }
        case 0x1B:
            // Esc pressed twice (or Esc while the program was busy): hide.
            return .key(.escape, length: 1)
        case 0x20..<0x7F:
            // Alt with a key (the terminal sends ESC before it): no command.
            let seq = [bytes[start], introducer]
            return .key(extra[seq], length: 2)
        default:
            // A control key or text right after Esc: Esc itself, then that.
            return .key(.escape, length: 1)
        }
    }

    /// Reads parameter bytes (0x30-0x3F), intermediate bytes (0x20-0x2F)
    /// and a final byte (0x40-0x7E) from `body`. A byte out of place ends
    /// the sequence there, ignored, and is decoded on its own.
    private func controlSequence(_ bytes: [UInt8], at start: Int, body: Int,
                                 name: (String, UInt8) -> KeyEvent?) -> Escape {
        var j = body
        let n = bytes.count
        while j < n, (0x30...0x3F).contains(bytes[j]) { j += 1 }
        let paramsEnd = j
        while j < n, (0x20...0x2F).contains(bytes[j]) { j += 1 }
        guard j < n else { return .incomplete }
        guard (0x40...0x7E).contains(bytes[j]) else { return .key(nil, length: j - start) }
        let intermediates = paramsEnd < j
        let params = String(decoding: bytes[body..<paramsEnd], as: UTF8.self)
        let seq = Array(bytes[start...j])
        let key = intermediates ? nil : name(params, bytes[j])
        return .key(key ?? extra[seq], length: j - start + 1)
    }

    /// The modifier of an xterm-style `1;5` parameter list (1 when none).
    private static func modifier(_ params: String) -> Int {
        let parts = params.split(separator: ";", omittingEmptySubsequences: false)
        return parts.count >= 2 ? Int(parts[1]) ?? 1 : 1
    }

    private static func csiKey(params: String, final: UInt8) -> KeyEvent? {
        let ctrl = modifier(params) == 5
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return ctrl ? .ctrlRight : .right
        case UInt8(ascii: "D"): return ctrl ? .ctrlLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "Z"): return .backTab
        // xterm's F1-F4 with a modifier: ESC [ 1 ; 2 P.
        case UInt8(ascii: "P")...UInt8(ascii: "S"):
            return params.isEmpty ? nil : .function(Int(final) - Int(UInt8(ascii: "P")) + 1)
        // VT220 style (rxvt marks modifiers with ^ and $ instead of ;5).
        case UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "$"):
            let number = Int(params.split(separator: ";", omittingEmptySubsequences: false).first ?? "") ?? -1
            switch number {
            case 1, 7: return .home
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(number - 10)
            case 17...21: return .function(number - 11)
            case 23, 24: return .function(number - 12)
            default: return nil
            }
        default: return nil
        }
    }

    private static func ss3Key(params: String, final: UInt8) -> KeyEvent? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "c"): return .ctrlRight  // rxvt
        case UInt8(ascii: "d"): return .ctrlLeft   // rxvt
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(final) - Int(UInt8(ascii: "P")) + 1)
        case UInt8(ascii: "M"): return .enter  // keypad Enter
        // The numeric keypad in application mode types its characters.
        case UInt8(ascii: "j"): return .char("*")
        case UInt8(ascii: "k"): return .char("+")
        case UInt8(ascii: "l"): return .char(",")
        case UInt8(ascii: "m"): return .char("-")
        case UInt8(ascii: "n"): return .char(".")
        case UInt8(ascii: "o"): return .char("/")
        case UInt8(ascii: "p")...UInt8(ascii: "y"):
            return .char(Character(Unicode.Scalar(final - UInt8(ascii: "p") + UInt8(ascii: "0"))))
        default: return nil
        }
    }

    private static func linuxFunctionKey(_ final: UInt8) -> KeyEvent? {
        guard (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(final) else { return nil }
        return .function(Int(final) - Int(UInt8(ascii: "A")) + 1)
    }

    /// How many bytes at the end of `run` begin a UTF-8 character that is
    /// not complete yet, or nil when it ends on a whole character.
    static func incompleteUTF8Tail(_ run: ArraySlice<UInt8>) -> Int? {
        var k = run.endIndex
        var continuation = 0
        while k > run.startIndex, continuation < 3, (0x80...0xBF).contains(run[k - 1]) {
            k -= 1
            continuation += 1
        }
        guard k > run.startIndex else { return nil }
        let lead = run[k - 1]
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF4: needed = 3
        default: return nil
        }
        return continuation < needed ? continuation + 1 : nil
    }
}

extension KeyDecoder {
    /// The terminfo capabilities for keys, and what each names; the
    /// terminal backend reads their strings for `extra`.
    public static let terminfoKeys: [(String, KeyEvent)] = [
        ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
        ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown),
        ("kdch1", .delete), ("kcbt", .backTab), ("kent", .enter),
        ("kLFT5", .ctrlLeft), ("kRIT5", .ctrlRight),
    ] + (1...12).map { ("kf\($0)", KeyEvent.function($0)) }
}
