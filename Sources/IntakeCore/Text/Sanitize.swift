/// Removes what must never reach a terminal or a printed summary: C0 and C1
/// control characters (ESC among them), DEL, and bidi overrides that could
/// disguise text. Tabs become spaces.
public enum Sanitize {
    /// Whether a scalar is stripped. Line breaks are handled by the callers.
    @inlinable
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F { return true }
        if v >= 0x80 && v < 0xA0 { return true }
        // Bidi embedding/override/isolate controls: they reorder what follows.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return false
    }

    /// One line: controls removed, tabs and line breaks become single spaces.
    public static func singleLine(_ text: String) -> String {
        // Nothing to change (the usual case, and every line of every frame passes here).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) || !text.unicodeScalars.contains(where: isControl) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" || s == "\n" || s == "\r" {
                out.append(" ")
            } else if !isControl(s) {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Several lines: controls removed, `\r\n` and `\r` become `\n`, tabs
    /// become a space; `\n` is kept.
    public static func multiLine(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { $0 != "\n" && isControl($0) }) { return text }
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
            } else if s == "\t" {
                out.append(" ")
            } else if !isControl(s) {
                out.append(s)
            }
        }
        return String(out)
    }
}
