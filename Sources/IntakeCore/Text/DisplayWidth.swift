/// Terminal display width, measured per grapheme cluster: a CJK ideograph is
/// two columns, a Thai vowel mark or other combining mark adds nothing to the
/// base it sits on, an emoji presentation sequence is two.
public enum DisplayWidth {
    /// The Unicode version of the width tables (WidthTables.swift, made by
    /// scripts/gen-width-tables.py).
    public static var unicodeVersion: String { WidthTables.unicodeVersion }

    /// Columns taken by one grapheme cluster: 0, 1 or 2, or more for a
    /// cluster with spacing vowel signs (see `columnPieces`).
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
    /// sequences (variation selector 16, flags, skin tones, a ZWJ between
    /// Extended_Pictographic characters), which a terminal draws as one
    /// glyph. A ZWJ elsewhere (after a Devanagari virama: "पुर्‍याएको") is a
    /// zero-width mark of its piece, and the letters after it are drawn.
    public static func columnPieces(_ c: Character) -> [(text: String, width: Int)]? {
        let scalars = c.unicodeScalars
        guard scalars.count > 1 else { return nil }
        var spacing = 0
        let all = Array(scalars)
        for (i, s) in all.enumerated() {
            let v = s.value
            if v == 0xFE0F || (0x1F1E6...0x1F1FF).contains(v) || (0x1F3FB...0x1F3FF).contains(v) { return nil }
            if v == 0x200D, joinsEmoji(all, at: i) { return nil }
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

    /// Whether the ZERO WIDTH JOINER at `i` joins two emoji: an
    /// Extended_Pictographic character before it (past any marks or
    /// modifiers) and one right after it, as in grapheme rule GB11.
    static func joinsEmoji(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 1 < scalars.count, isExtendedPictographic(scalars[i + 1].value) else { return false }
        var j = i - 1
        while j >= 0 {
            let v = scalars[j].value
            if isExtendedPictographic(v) { return true }
            guard scalarWidth(scalars[j]) == 0 || (0x1F3FB...0x1F3FF).contains(v) else { return false }
            j -= 1
        }
        return false
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
    /// `‹›`), arrows, box drawing and block elements (the guidance's `▌`):
    /// one column each, and never part of a larger character. (A test
    /// checks every scalar of these ranges.)
    public static func isPlainNarrow(_ v: UInt32) -> Bool {
        (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) || (v >= 0x2010 && v < 0x2028)
            || (v >= 0x2030 && v < 0x205F) || (v >= 0x2190 && v < 0x2200) || (v >= 0x2500 && v < 0x25A0)
    }

    /// Width of a single scalar in isolation, as glibc's wcwidth gives it
    /// (and so xterm, tmux, the Linux console and curses): 0 for controls,
    /// combining and format marks (Mn, Me, Cf) and Hangul medial vowels and
    /// final consonants, 2 for East Asian Wide and Fullwidth, 1 otherwise,
    /// spacing marks (Mc) included. From `WidthTables` (Unicode
    /// `unicodeVersion`, made by scripts/gen-width-tables.py).
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if inTable(WidthTables.zeroWidth, v) { return 0 }
        if inTable(WidthTables.wide, v) { return 2 }
        return 1
    }

    static func isExtendedPictographic(_ v: UInt32) -> Bool { inTable(WidthTables.extendedPictographic, v) }

    /// Whether `v` lies in one of the (first, last) pairs of a sorted flat table.
    static func inTable(_ table: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0, hi = table.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if v < table[2 * mid] { hi = mid }
            else if v > table[2 * mid + 1] { lo = mid + 1 }
            else { return true }
        }
        return false
    }
}
