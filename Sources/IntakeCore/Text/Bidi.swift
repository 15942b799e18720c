/// Right-to-left display for terminals that don't reorder text.
///
/// Policy: xterm, tmux, screen and the Linux console draw characters left to
/// right in the order they are sent, so Arabic, Persian, Urdu or Hebrew text
/// sent in logical order reads backwards. intake therefore reorders each
/// wrapped line itself into visual order (a simplified form of the Unicode
/// Bidirectional Algorithm: runs of right-to-left letters are reversed,
/// numbers and Latin words keep their order, neutral characters between two
/// runs of the same direction join them, mirrored brackets are swapped) and
/// right-aligns it. Terminals that do their own reordering (mlterm, Konsole,
/// GNOME Terminal with BiDi enabled) would reverse it twice; for them,
/// `INTAKE_BIDI=terminal` turns intake's reordering off. Letter shaping
/// (joining forms) is left to the terminal's font rendering.
public enum Bidi {
    enum Direction { case ltr, rtl, neutral }

    static func direction(_ c: Character) -> Direction {
        guard let s = c.unicodeScalars.first else { return .neutral }
        if isRightToLeft(s.value) { return .rtl }
        if c.isLetter || c.isNumber { return .ltr }  // Latin words and all digits keep their order
        return .neutral
    }

    /// Whether a text contains right-to-left letters. Marks and format
    /// characters of those scripts (U+061C ARABIC LETTER MARK, U+FEFF, the
    /// Arabic number signs, vowel points) are not letters and do not count.
    public static func containsRightToLeft(_ text: String) -> Bool {
        // Every screen line passes here: look at bytes and scalars only.
        guard text.utf8.contains(where: { $0 >= 0xD6 }) else { return false }
        return text.unicodeScalars.contains { isRightToLeft($0.value) }
    }

    static func isRightToLeft(_ v: UInt32) -> Bool {
        switch v {
        case 0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F, 0x10800...0x10FFF, 0x1E800...0x1EFFF,
             0x0600...0x065F, 0x066A...0x06EF, 0x06FA...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            break
        default:
            return false
        }
        switch Unicode.Scalar(v)?.properties.generalCategory {
        case .otherLetter?, .modifierLetter?, .uppercaseLetter?, .lowercaseLetter?, .titlecaseLetter?:
            return true
        default:
            return false
        }
    }

    private static let mirrored: [Character: Character] = ["(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«"]

    /// One line in visual order for a right-to-left paragraph. The line must
    /// already be wrapped: reordering never changes a line's width.
    public static func visualLine(_ line: String) -> String {
        guard containsRightToLeft(line) else { return line }
        let chars = Array(line)
        guard chars.contains(where: { direction($0) == .rtl }) else { return line }
        // Resolve each character's direction; neutrals take the direction of
        // the strong characters around them when both sides agree, else RTL.
        var dirs = chars.map(direction)
        var i = 0
        while i < dirs.count {
            guard dirs[i] == .neutral else { i += 1; continue }
            var j = i
            while j < dirs.count, dirs[j] == .neutral { j += 1 }
            let before: Direction = i > 0 ? dirs[i - 1] : .rtl
            let after: Direction = j < dirs.count ? dirs[j] : .rtl
            let resolved: Direction = (before == .ltr && after == .ltr) ? .ltr : .rtl
            for k in i..<j { dirs[k] = resolved }
            i = j
        }
        // Split into runs and lay them out right to left.
        var runs: [(Direction, [Character])] = []
        for (c, d) in zip(chars, dirs) {
            if let last = runs.last, last.0 == d { runs[runs.count - 1].1.append(c) } else { runs.append((d, [c])) }
        }
        var out = ""
        for (d, run) in runs.reversed() {
            if d == .rtl {
                for c in run.reversed() { out.append(mirrored[c] ?? c) }
            } else {
                out.append(contentsOf: run)
            }
        }
        return out
    }
}
