/// Word wrapping by display width. Breaks at spaces where it can; a run
/// without spaces (Chinese, Japanese, Thai, a long URL) breaks between
/// grapheme clusters, never inside one.
public enum Wrap {
    /// Lines of at most `width` columns. Existing `\n` start new lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        precondition(width > 0)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result.append(contentsOf: wrapParagraph(Substring(paragraph), width: width))
        }
        return result
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
            // Wide characters may break anywhere: each is its own word.
            let w = DisplayWidth.of(c)
            if w == 2 && !isSpace {
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
