/// The one rule for text that reaches a terminal or a file: data files,
/// translations, file names, typed answers. Applied at each edge (the
/// screen grid, printed messages and diagnostics, summaries in every
/// format); `locales check` and `validate` report what it would remove.
///
/// Removed: C0 control characters (ESC and BEL among them) and DEL; C1
/// controls (U+0080–U+009F, CSI and OSC among them); the bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the deprecated
/// format controls U+206A–U+206F, which reorder or disguise what follows; a
/// byte order mark (U+FEFF) inside text; the interlinear annotation
/// characters (U+FFF9–U+FFFB); and the Arabic letter mark (U+061C) in text
/// without right-to-left letters, where it only makes a line look
/// right-to-left. Tabs become a space; line breaks (`\r\n`, `\r`, U+2028,
/// U+2029) become `\n` or, on one line, a space.
///
/// Kept, because real text needs them: the zero-width joiner and
/// non-joiner (U+200D, U+200C: Indic conjuncts, Persian words), the
/// zero-width space (U+200B: word breaks in Thai, Khmer, Burmese), the
/// left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic
/// letter mark in right-to-left text.
public enum Sanitize {
    /// Whether a scalar is removed wherever it appears. Line breaks and tabs
    /// are counted here too; `singleLine` and `multiLine` turn them into
    /// spaces or `\n` instead of removing them.
    @inlinable
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v < 0xA0 { return true }
        if v < 0x2000 { return false }
        // Bidi embedding/override/isolate controls: they reorder what follows.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        if (0x206A...0x206F).contains(v) || v == 0xFEFF || (0xFFF9...0xFFFB).contains(v) { return true }
        return false
    }

    /// U+061C ARABIC LETTER MARK: kept only in text with right-to-left letters.
    static let arabicLetterMark: Unicode.Scalar = "\u{061C}"

    /// Line breaks other than `\n` that the rule turns into `\n` (or a space).
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}"
    }

    /// Whether `text` needs any change: the common case is no.
    static func needsWork(_ text: String, keepingNewlines: Bool) -> Bool {
        // Printable ASCII (and `\n` where kept) needs nothing; read from the
        // string's own bytes where it has them, which is a few times faster
        // than through `String.UTF8View` (a batch of summaries sanitizes
        // every answer and heading: bench/README.md, "Issue 19, round 4").
        func plain(_ b: UInt8) -> Bool { (b >= 0x20 && b < 0x7F) || (keepingNewlines && b == 0x0A) }
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(plain) }) ?? text.utf8.allSatisfy(plain) { return false }
        return text.unicodeScalars.contains {
            ($0 != "\n" || !keepingNewlines) && (isControl($0) || $0 == arabicLetterMark || $0 == "\u{2028}" || $0 == "\u{2029}")
        }
    }

    /// One line: controls removed, tabs and line breaks become single spaces.
    public static func singleLine(_ text: String) -> String {
        // Nothing to change (the usual case, and every line of every frame passes here).
        guard needsWork(text, keepingNewlines: false) else { return text }
        let keepMark = Bidi.containsRightToLeft(text)
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" || isLineBreak(s) {
                out.append(" ")
            } else if !isControl(s), s != arabicLetterMark || keepMark {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Several lines: controls removed, `\r\n`, `\r`, U+2028 and U+2029
    /// become `\n`, tabs become a space; `\n` is kept.
    public static func multiLine(_ text: String) -> String {
        guard needsWork(text, keepingNewlines: true) else { return text }
        let keepMark = Bidi.containsRightToLeft(text)
        var out = String.UnicodeScalarView()
        var lastWasCR = false
        for s in text.unicodeScalars {
            if s == "\r" {
                out.append("\n")
                lastWasCR = true
                continue
            }
            defer { lastWasCR = false }
            if s == "\n" {
                if !lastWasCR { out.append("\n") }
            } else if isLineBreak(s) {
                out.append("\n")
            } else if s == "\t" {
                out.append(" ")
            } else if !isControl(s), s != arabicLetterMark || keepMark {
                out.append(s)
            }
        }
        return String(out)
    }

    /// The scalars of `text` the rule removes, with their offsets (in
    /// Unicode scalars): what `locales check` and `validate` report. Line
    /// breaks and tabs are not counted; they only change into spaces.
    public static func violations(in text: String) -> [(offset: Int, scalar: Unicode.Scalar)] {
        guard needsWork(text, keepingNewlines: true) else { return [] }
        let keepMark = Bidi.containsRightToLeft(text)
        var found: [(offset: Int, scalar: Unicode.Scalar)] = []
        for (i, s) in text.unicodeScalars.enumerated() where s == "\r" || (s != "\t" && !isLineBreak(s)) {
            if isControl(s) || (s == arabicLetterMark && !keepMark) { found.append((i, s)) }
        }
        return found
    }

    /// `U+001B (escape)`: a scalar the rule removes, named for a message.
    public static func describe(_ s: Unicode.Scalar) -> String {
        let v = s.value
        let name: String
        switch v {
        case 0x07: name = "bell"
        case 0x08: name = "backspace"
        case 0x0D: name = "carriage return"
        case 0x1B: name = "escape"
        case 0x7F: name = "delete"
        case 0x80..<0xA0: name = "C1 control"
        case 0x202A...0x202E, 0x2066...0x2069: name = "bidi control"
        case 0xFEFF: name = "byte order mark"
        case 0x061C: name = "Arabic letter mark outside right-to-left text"
        case 0..<0x20: name = "control character"
        default: name = "format control"
        }
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " (\(name))"
    }
}
