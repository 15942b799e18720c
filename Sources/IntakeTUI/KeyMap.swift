/// One key binding: in these contexts, this key means this action.
public struct Binding: Hashable, Sendable {
    public var key: KeyEvent
    public var action: Action
    public var contexts: Set<KeyContext>
    /// What the binding does, for the help screen.
    public var description: String
    /// Short label for the footer, or nil if this key is not shown there
    /// (the help screen still lists it).
    public var footer: String?

    public init(_ key: KeyEvent, _ action: Action, in contexts: Set<KeyContext>,
                _ description: String, footer: String? = nil) {
        self.key = key
        self.action = action
        self.contexts = contexts
        self.description = description
        self.footer = footer
    }
}

/// One entry of the footer: `[F2/^D] Don't know`.
public struct FooterItem: Hashable, Sendable {
    public var keys: String
    public var label: String
    public var action: Action
    public var text: String { "[\(keys)] \(label)" }
}

/// One line of the help screen: all keys of one action in one context.
public struct HelpEntry: Hashable, Sendable {
    public var keys: [String]
    public var description: String
    public var action: Action
}

/// The single table from keys to actions, per context (after dialog(1)'s
/// table of bindings to virtual actions). Screens never look at raw keys;
/// the footer and the help screen are generated from this table.
///
/// The standard bindings (`KeyMap.standard`):
///
/// | Key                      | Action                         | Contexts                 |
/// |--------------------------|--------------------------------|--------------------------|
/// | Esc, F12                 | Hide the screen at once        | everywhere               |
/// | Ctrl-R then Enter        | Leave the hidden screen        | hidden screen only       |
/// | Enter, Tab, PgDn         | Next / confirm                 | all but hidden           |
/// | PgUp, Ctrl-P, Shift-Tab  | Back                           | all but hidden           |
/// | Left                     | Back                           | screen, choice, review   |
/// | F1, Ctrl-F               | Help (all keys)                | all but hidden           |
/// | ?                        | Help                           | screen, choice, review   |
/// | F2, Ctrl-D               | Don't know                     | choice, text, multiline  |
/// | F3, Ctrl-N               | Prefers not to answer          | choice, text, multiline  |
/// | F4, Ctrl-K               | Pause (take a break)           | all but hidden           |
/// | F5, Ctrl-R               | Add a remark                   | all but hidden           |
/// | F6, Ctrl-T               | Switch language                | all but hidden           |
/// | F7, Ctrl-G               | Show/hide advocate guidance    | all but hidden           |
/// | F8, Ctrl-Y               | Show both languages            | all but hidden           |
/// | F9, Ctrl-E               | Review answers                 | all but hidden           |
/// | F10, Ctrl-C              | Quit (the app saves, asks)     | all but hidden           |
/// | Ctrl-L                   | Redraw the screen              | everywhere               |
/// | Up, Down                 | Move / scroll                  | screen, choice, review   |
/// | 1–9                      | Choose option n                | choice                   |
/// | Space                    | Check/uncheck option           | choice                   |
/// | Ctrl-X, x                | Export                         | review                   |
/// | Left, Right, Home, End   | Move the cursor                | text, multiline          |
/// | Ctrl-Left, Ctrl-Right    | Move by word                   | text, multiline          |
/// | Backspace, Delete        | Delete                         | text, multiline          |
/// | Up, Down                 | Move between lines             | multiline                |
/// | Ctrl-O                   | New line                       | multiline                |
/// | e                        | Explain (demo, practice only)  | screen, choice, review   |
/// | Ctrl-U                   | Ask the persona (practice)     | choice, text, multiline  |
///
/// In text contexts every printable key types text and a paste is inserted
/// as text, so every command there is on a key that does not type: Enter,
/// Tab, Esc, function keys and Ctrl-letters. Every action also has a key
/// that is not a function key (vt100 has only F1–F4; desktop terminals take
/// F1, F10, F11). Ctrl-letters never used, and why: A (screen's prefix),
/// B (tmux's prefix), H (Backspace on many terminals), I (Tab), J and M
/// (Enter), Q and S (flow control), V (paste in some terminals), W (closes
/// the tab in browser terminals), Z (suspend), `[` (Esc). Alt is never used,
/// so a lone Esc is unambiguous after a 25 ms ESCDELAY. (tmux adds its own
/// `escape-time`, 500 ms by default: advise `set -sg escape-time 25`, or use
/// F12, which has no delay.) `markdownTable()` prints this table from the
/// bindings themselves, for the README.
public struct KeyMap: Sendable {
    public let bindings: [Binding]
    /// Per context, the bindings shown in the footer, with their key labels:
    /// the footer is built on every frame.
    private let footerBindings: [KeyContext: [(action: Action, label: String, key: String)]]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        var footers: [KeyContext: [(action: Action, label: String, key: String)]] = [:]
        for context in KeyContext.allCases {
            footers[context] = bindings.filter { $0.contexts.contains(context) }
                .compactMap { b in b.footer.map { (b.action, $0, b.key.label) } }
        }
        self.footerBindings = footers
    }

    /// The action of `key` in `context`, or nil if the key does nothing there.
    /// Printable keys and pastes type text in text contexts.
    public func action(for key: KeyEvent, in context: KeyContext) -> Action? {
        if let b = bindings.first(where: { $0.key == key && $0.contexts.contains(context) }) {
            return b.action
        }
        if context.typesText {
            switch key {
            case .char(let c): return .edit(.insert(String(c)))
            case .paste(let s): return .edit(.insert(s))
            default: return nil
            }
        }
        return nil
    }

    /// The bindings active in a context, in table order.
    public func bindings(in context: KeyContext) -> [Binding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// Footer entries for a context, most important first. `enabled`, when
    /// given, keeps only actions that work right now (no Back on the first
    /// screen, say).
    public func footer(for context: KeyContext, enabled: ((Action) -> Bool)? = nil) -> [FooterItem] {
        var items: [FooterItem] = []
        for b in footerBindings[context] ?? [] {
            guard enabled?(b.action) ?? true else { continue }
            // Keys of one action, or of actions sharing a label (↑/↓ Move), share an item.
            if let i = items.firstIndex(where: { $0.action == b.action || $0.label == b.label }) {
                items[i].keys += "/" + b.key
            } else {
                items.append(FooterItem(keys: b.key, label: b.label, action: b.action))
            }
        }
        return items
    }

    /// Help entries for a context: every binding, grouped by action.
    public func help(for context: KeyContext) -> [HelpEntry] {
        var entries: [HelpEntry] = []
        for b in bindings(in: context) {
            if let i = entries.firstIndex(where: { $0.action.sharesHelpLine(with: b.action) && $0.description == b.description }) {
                entries[i].keys.append(b.key.longLabel)
            } else {
                entries.append(HelpEntry(keys: [b.key.longLabel], description: b.description, action: b.action))
            }
        }
        return entries
    }
}

extension KeyMap {
    private static let all = Set(KeyContext.allCases)
    private static let active = all.subtracting([.hidden])
    private static let nonText: Set<KeyContext> = [.screen, .choice, .review]
    private static let questions: Set<KeyContext> = [.choice, .text, .multilineText]
    private static let textual: Set<KeyContext> = [.text, .multilineText]
    private static let lists: Set<KeyContext> = [.screen, .choice, .review]

    /// The bindings of the program. Table order is footer priority; the
    /// footer shows one key per action (the F-key where there is one, being
    /// the easiest to find on a keyboard) and the help screen shows them all.
    public static let standard = KeyMap([
        Binding(.enter, .next, in: active, "Next / confirm", footer: "Next"),
        Binding(.pageUp, .back, in: active, "Back to the previous screen", footer: "Back"),
        Binding(.ctrl("p"), .back, in: active, "Back to the previous screen"),
        Binding(.left, .back, in: nonText, "Back to the previous screen"),
        Binding(.backTab, .back, in: active, "Back to the previous screen"),
        Binding(.function(2), .dontKnow, in: questions, "Answer \"don't know\"", footer: "Don't know"),
        Binding(.ctrl("d"), .dontKnow, in: questions, "Answer \"don't know\""),
        Binding(.function(3), .declined, in: questions, "Answer \"prefers not to answer\"", footer: "Skip"),
        Binding(.ctrl("n"), .declined, in: questions, "Answer \"prefers not to answer\""),
        Binding(.function(1), .help, in: active, "Help: all keys", footer: "Help"),
        Binding(.char("?"), .help, in: nonText, "Help: all keys"),
        Binding(.ctrl("f"), .help, in: active, "Help: all keys"),
        Binding(.escape, .quickHide, in: all, "Hide the screen at once", footer: "Hide"),
        Binding(.function(12), .quickHide, in: all, "Hide the screen at once"),
        Binding(.ctrl("r"), .unhide, in: [.hidden], "Then Enter: leave the hidden screen"),
        Binding(.up, .moveUp, in: lists, "Move up", footer: "Move"),
        Binding(.down, .moveDown, in: lists, "Move down", footer: "Move"),
        Binding(.char(" "), .toggle, in: [.choice], "Check or uncheck the option", footer: "Check"),
        Binding(.ctrl("x"), .export, in: [.review], "Export the summary", footer: "Export"),
        Binding(.char("x"), .export, in: [.review], "Export the summary"),
        Binding(.function(4), .pause, in: active, "Pause: take a break", footer: "Pause"),
        Binding(.ctrl("k"), .pause, in: active, "Pause: take a break"),
        Binding(.function(5), .remark, in: active, "Add a remark", footer: "Remark"),
        Binding(.ctrl("r"), .remark, in: active, "Add a remark"),
        Binding(.function(9), .review, in: active, "Review all answers", footer: "Review"),
        Binding(.ctrl("e"), .review, in: active, "Review all answers"),
        Binding(.function(6), .switchLanguage, in: active, "Switch language", footer: "Language"),
        Binding(.ctrl("t"), .switchLanguage, in: active, "Switch language"),
        Binding(.function(7), .toggleGuidance, in: active, "Show or hide advocate guidance", footer: "Guidance"),
        Binding(.ctrl("g"), .toggleGuidance, in: active, "Show or hide advocate guidance"),
        Binding(.function(8), .toggleDualLanguage, in: active, "Show both languages side by side"),
        Binding(.ctrl("y"), .toggleDualLanguage, in: active, "Show both languages side by side"),
        Binding(.function(10), .quit, in: active, "Quit (answers are saved)", footer: "Quit"),
        Binding(.ctrl("c"), .quit, in: active, "Quit (answers are saved)"),
        Binding(.tab, .next, in: active, "Next / confirm"),
        Binding(.pageDown, .next, in: active, "Next / confirm"),
        Binding(.ctrl("l"), .redraw, in: all, "Redraw the screen"),
        Binding(.ctrl("o"), .edit(.newline), in: [.multilineText], "New line", footer: "New line"),
        // Training modes only; the app ignores them in a real interview and
        // leaves them out of its footer there.
        Binding(.ctrl("u"), .askPersona, in: questions, "Practice: ask the persona", footer: "Ask persona"),
        Binding(.char("e"), .explain, in: nonText, "Training: explain the indicators", footer: "Explain"),
        Binding(.left, .edit(.left), in: textual, "Cursor left"),
        Binding(.right, .edit(.right), in: textual, "Cursor right"),
        Binding(.up, .edit(.up), in: [.multilineText], "Cursor up a line"),
        Binding(.down, .edit(.down), in: [.multilineText], "Cursor down a line"),
        Binding(.home, .edit(.home), in: textual, "Start of line"),
        Binding(.end, .edit(.end), in: textual, "End of line"),
        Binding(.ctrlLeft, .edit(.wordLeft), in: textual, "Previous word"),
        Binding(.ctrlRight, .edit(.wordRight), in: textual, "Next word"),
        Binding(.backspace, .edit(.backspace), in: textual, "Delete before the cursor"),
        Binding(.delete, .edit(.delete), in: textual, "Delete at the cursor"),
    ] + (1...9).map { n in
        // Options show their numbers on screen, so the footer need not.
        Binding(.char(Character(String(n))), .select(n), in: [.choice], "Choose the option with that number")
    })
}

extension Action {
    /// Whether two actions are listed on one help line: the same action,
    /// or option numbers (1, 2, ... 9 on one line).
    func sharesHelpLine(with other: Action) -> Bool {
        if case .select = self, case .select = other { return true }
        return self == other
    }
}
