/// Word wrapping by display width. Where a line may break comes from the
/// script: between any two ideographs, kana or Hangul syllables (Line_Break
/// ID, H2, H3, JL, JV, JT, CJ in `WidthTables`), and elsewhere at spaces
/// only. Thai, Lao, Khmer and Burmese write no spaces between words, and
/// Devanagari or Bengali clusters with spacing vowel signs are two columns
/// wide, but neither breaks inside a word: a run without spaces wider than
/// the line (a long Thai phrase, a URL) breaks between grapheme clusters as
/// a last resort, never inside one.
public enum Wrap {
    /// Lines of at most `width` columns. Existing `\n` start new lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        precondition(width > 0)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Printable ASCII is one column a byte: the common case on every
            // frame, wrapped without grapheme segmentation.
            if paragraph.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                result.append(contentsOf: wrapASCII(Array(paragraph.utf8), width: width))
            } else {
                result.append(contentsOf: wrapParagraph(Substring(paragraph), width: width))
            }
        }
        return result
    }

    /// The same rules as `wrapParagraph`, for printable ASCII bytes.
    static func wrapASCII(_ text: [UInt8], width: Int) -> [String] {
        if text.isEmpty { return [""] }
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        var line: [UInt8] = []
        func emit() {
            var end = line.count
            while end > 0, line[end - 1] == space { end -= 1 }
            lines.append(String(decoding: line[..<end], as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < text.count {
            // A word: non-spaces, then the spaces after them.
            var j = i
            while j < text.count, text[j] != space { j += 1 }
            let core = j - i
            while j < text.count, text[j] == space { j += 1 }
            if line.count + core <= width {
                line.append(contentsOf: text[i..<j])
            } else {
                if !line.isEmpty { emit() }
                for b in text[i..<j] {
                    if line.count + 1 > width, !line.isEmpty { emit() }
                    if line.isEmpty && b == space { continue }
                    line.append(b)
                }
            }
            i = j
        }
        if !line.isEmpty || lines.isEmpty { emit() }
        return lines
    }

    /// The general path alone, for tests that compare it with the ASCII one.
    static func generalLines(_ paragraph: String, width: Int) -> [String] {
        wrapParagraph(Substring(paragraph), width: width)
    }

    private static func wrapParagraph(_ text: Substring, width: Int) -> [String] {
        if text.isEmpty { return [""] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        // Tokens: runs of non-space, each followed by its spaces.
        var word = ""
        var wordWidth = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            let trailing = word.reversed().prefix { $0 == " " }.count
            if lineWidth + wordWidth - trailing <= width {
                line += word
                lineWidth += wordWidth
            } else {
                // East Asian punctuation that closes ("、", "。", "）") never
                // starts a line: the character before it moves down with it.
                if let first = word.first, noLineStart.contains(first), let last = line.last, last != " ", line.count > 1 {
                    line.removeLast()
                    lineWidth -= DisplayWidth.of(last)
                    word.insert(last, at: word.startIndex)
                    wordWidth += DisplayWidth.of(last)
                }
                if !line.isEmpty {
                    lines.append(trimTrailing(line))
                    line = ""
                    lineWidth = 0
                }
                // A word longer than the line breaks between clusters.
                for c in word {
                    let w = DisplayWidth.of(c)
                    if lineWidth + w > width, !line.isEmpty {
                        lines.append(trimTrailing(line))
                        line = ""
                        lineWidth = 0
                    }
                    if line.isEmpty && c == " " { continue }
                    line.append(c)
                    lineWidth += w
                }
            }
            word = ""
            wordWidth = 0
        }

        var previousWasSpace = false
        for c in text {
            let isSpace = c == " "
            if !isSpace && previousWasSpace { flushWord() }
            // Ideographs, kana and Hangul may break anywhere: each is its
            // own word. (Not every 2-column cluster: "ตำ" and "लि" are
            // letters of a word.)
            let w = DisplayWidth.of(c)
            if !isSpace && breaksAround(c) {
                flushWord()
                word.append(c)
                wordWidth += w
                flushWord()
                previousWasSpace = false
                continue
            }
            word.append(c)
            wordWidth += w
            previousWasSpace = isSpace
        }
        flushWord()
        if !line.isEmpty || lines.isEmpty { lines.append(trimTrailing(line)) }
        return lines
    }

    /// Whether a line may break before and after `c` (its first scalar's
    /// Line_Break class is ID, H2, H3, JL, JV, JT or CJ).
    static func breaksAround(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first, first.value >= 0x1100 else { return false }
        return DisplayWidth.inTable(WidthTables.breaksBetweenClusters, first.value)
    }

    /// Closing punctuation that must not begin a line (kinsoku shori).
    static let noLineStart: Set<Character> = ["、", "。", "，", "．", "：", "；", "！", "？", "）", "」", "』", "】", "》", "〉", "…", "ー", "々", "ゝ", "ゞ", "・"]

    private static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func truncate(_ text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return out
    }
}
