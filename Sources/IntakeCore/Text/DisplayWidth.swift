/// Terminal display width, measured per grapheme cluster: a CJK ideograph is
/// two columns, a Thai vowel mark or other combining mark adds nothing to the
/// base it sits on, an emoji presentation sequence is two.
public enum DisplayWidth {
    /// The Unicode version of the width tables (WidthTables.swift, made by
    /// scripts/gen-width-tables.py).
    public static var unicodeVersion: String { WidthTables.unicodeVersion }

    /// Columns taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ c: Character) -> Int {
        if let pieces = columnPieces(c) { return pieces.reduce(0) { $0 + $1.width } }
        return clusterWidth(c)
    }

    /// A grapheme cluster as a terminal lays it out, when that is more than
    /// one cell: each scalar that takes a column starts a piece (a base, or
    /// a spacing vowel sign such as Thai SARA AM U+0E33, Devanagari I
    /// U+093F or Khmer AA U+17B6, which glibc's wcwidth and so xterm, tmux
    /// and the Linux console give a column of its own), and zero-width
    /// marks join the piece before them. A curses cell holds one spacing
    /// character and its marks, so each piece is a cell; drawn whole, the
    /// cluster's vowel signs were dropped ("ตำรวจ", police, showed as
    /// "ตรวจ", inspect). Nil when the cluster is one piece, and for emoji
    /// sequences (ZWJ, variation selector 16, flags, skin tones), which a
    /// terminal draws as one glyph.
    public static func columnPieces(_ c: Character) -> [(text: String, width: Int)]? {
        let scalars = c.unicodeScalars
        guard scalars.count > 1 else { return nil }
        var spacing = 0
        for s in scalars {
            let v = s.value
            if v == 0x200D || v == 0xFE0F || (0x1F1E6...0x1F1FF).contains(v) || (0x1F3FB...0x1F3FF).contains(v) { return nil }
            if scalarWidth(s) > 0 { spacing += 1 }
        }
        guard spacing > 1 else { return nil }
        var pieces: [(text: String, width: Int)] = []
        var text = ""
        var width = 0
        for s in scalars {
            let w = scalarWidth(s)
            if w > 0, width > 0 {
                pieces.append((text, width))
                text = ""
                width = 0
            }
            text.unicodeScalars.append(s)
            width += w
        }
        pieces.append((text, width))
        return pieces
    }

    /// The width of a cluster drawn as one glyph: its base's, widened by an
    /// emoji presentation selector.
    static func clusterWidth(_ c: Character) -> Int {
        var width = 0
        var first = true
        for s in c.unicodeScalars {
            if first {
                width = scalarWidth(s)
                first = false
            } else if s.value == 0xFE0F, width == 1 {
                width = 2  // emoji presentation selector widens the base
            } else if width == 0 {
                width = scalarWidth(s)  // a lone mark followed by a base
            }
        }
        return width
    }

    /// Columns taken by a string, summed per grapheme cluster.
    public static func of(_ s: String) -> Int {
        // Every frame measures its lines: text made only of scalars that are
        // each one column and one character (`isPlainNarrow`) is counted
        // without grapheme breaking.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var plain = 0
        for u in s.unicodeScalars {
            guard isPlainNarrow(u.value) else { plain = -1; break }
            plain += 1
        }
        if plain >= 0 { return plain }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// Printable ASCII, Latin-1 and Latin Extended letters (below the
    /// combining marks at U+0300), general punctuation (dashes, quotes, `…`,
    /// `‹›`), arrows and box drawing: one column each, and never part of a
    /// larger character. (A test checks every scalar of these ranges.)
    public static func isPlainNarrow(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) || (v >= 0x2010 && v < 0x2028)
            || (v >= 0x2030 && v < 0x205F) || (v >= 0x2190 && v < 0x2200) || (v >= 0x2500 && v < 0x2580)
    }

    /// Width of a single scalar in isolation: 0 for controls and combining
    /// marks, 2 for East Asian Wide and Fullwidth, 1 otherwise.
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return true }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
        if (0x1160...0x11FF).contains(v) { return true }  // Hangul medial vowels and final consonants
        let props = Unicode.Scalar(v)!.properties
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC,
             0x23F0, 0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653,
             0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
             0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5,
             0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E,
             0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
             0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
             0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440,
             0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
             0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4,
             0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2,
             0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
