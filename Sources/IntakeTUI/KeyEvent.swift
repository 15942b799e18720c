/// A key as the program sees it, after the terminal backend decoded it.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (never a control character).
    case char(Character)
    /// Several characters that arrived in one burst: a paste. Line breaks
    /// are kept as "\n"; the text editor decides what to do with them.
    case paste(String)
    /// F1...F12.
    case function(Int)
    case up, down, left, right
    case ctrlLeft, ctrlRight
    case enter, tab, backTab, escape
    case backspace, delete
    case home, end, pageUp, pageDown
    /// Ctrl plus a letter, as a lowercase letter: `.ctrl("d")` is Ctrl-D.
    case ctrl(Character)
    /// The terminal changed size (ncurses KEY_RESIZE).
    case resize
    /// A key the backend could not name, with its raw code.
    case unknown(Int)

    /// Whether the key types text (a printable character or a paste).
    public var isText: Bool {
        switch self {
        case .char, .paste: return true
        default: return false
        }
    }

    /// Whether the key needs a function-key row (absent on some keyboards
    /// and terminals: vt100 has only F1–F4, laptop keyboards hide F-keys
    /// behind Fn, desktop terminals take F1, F10 and F11 for themselves).
    public var isFunctionKey: Bool {
        if case .function = self { return true }
        return false
    }

    /// Short label for the footer: `Enter`, `F2`, `^D`, `←`.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .paste: return "Paste"
        case .function(let n): return "F\(n)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .ctrlLeft: return "^←"
        case .ctrlRight: return "^→"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .ctrl(let c): return "^" + c.uppercased()
        case .resize: return "Resize"
        case .unknown(let code): return "Key \(code)"
        }
    }

    /// Long label for the help screen: `Ctrl-D`, `Ctrl-Left`, `Up`.
    public var longLabel: String {
        switch self {
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .ctrlLeft: return "Ctrl-Left"
        case .ctrlRight: return "Ctrl-Right"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .delete: return "Delete"
        case .pageUp: return "Page Up"
        case .pageDown: return "Page Down"
        default: return label
        }
    }
}

/// Turns one burst of keys read without waiting into the events the app
/// sees. A person types one key at a time; a terminal delivers a paste as a
/// burst. Two or more printable characters in a burst become one `.paste`,
/// so a pasted line break types a line break instead of pressing Enter and
/// skipping questions; Enters at the end of a burst stay Enter, as text
/// typed ahead and then Enter is read in one burst when the program is
/// busy (a paste that ends with a line break then confirms the answer).
/// A burst holding Esc or F12 is never merged: hiding the screen must not
/// depend on what else arrived.
public enum KeyBurst {
    public static func coalesce(_ burst: [KeyEvent]) -> [KeyEvent] {
        let printable = burst.filter { if case .char = $0 { return true } else { return false } }.count
        let hides = burst.contains { $0 == .escape || $0 == .function(12) }
        guard printable >= 2, !hides else { return burst }
        // Enters that end the burst are keys: text typed ahead and then
        // Enter confirms. Only line breaks inside the text belong to a paste.
        var burst = burst
        var trailing = 0
        while burst.last == .enter { burst.removeLast(); trailing += 1 }
        var out: [KeyEvent] = []
        var text = ""
        func flush() {
            if text.isEmpty { return }
            out.append(text.count == 1 ? .char(text.first!) : .paste(text))
            text = ""
        }
        for key in burst {
            switch key {
            case .char(let c): text.append(c)
            case .enter: text.append("\n")
            case .tab: text.append(" ")
            default:
                flush()
                out.append(key)
            }
        }
        flush()
        return out + Array(repeating: .enter, count: trailing)
    }
}
