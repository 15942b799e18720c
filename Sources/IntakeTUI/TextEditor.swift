import IntakeCore

/// The state of one text answer being edited: a pure value type.
///
/// Text is held as grapheme clusters, so the cursor moves over a CJK
/// character, an emoji sequence or a Thai consonant with its vowel and tone
/// marks as one unit, and a combining mark typed after its base joins it.
/// All inserted text is sanitized: controls (ESC among them) are dropped,
/// and line breaks are kept only when the editor is multiline.
public struct TextEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position as an index into `characters` (0...count).
    public private(set) var cursor: Int
    public let multiline: Bool
    /// Maximum length in grapheme clusters, or nil for none.
    public let maxLength: Int?
    /// How many characters the last command could not insert because the
    /// text was at `maxLength`, so the screen can say so (never a silent cut).
    public private(set) var refused = 0
    /// The display column that up/down try to keep.
    private var goalColumn: Int?

    public init(text: String = "", multiline: Bool = false, maxLength: Int? = nil) {
        self.multiline = multiline
        self.maxLength = maxLength
        self.characters = []
        self.cursor = 0
        insert(text)
        self.cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies one editing command. `width` is the width the editor is shown
    /// at, so Up and Down move by displayed rows; without it they move by
    /// lines.
    public mutating func apply(_ action: EditorAction, width: Int? = nil) {
        if case .up = action {} else if case .down = action {} else { goalColumn = nil }
        refused = 0
        switch action {
        case .insert(let s): insert(s)
        case .newline: if multiline { insert("\n") }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = multiline ? lineStart(cursor) : 0
        case .end: cursor = multiline ? lineEnd(cursor) : characters.count
        case .wordLeft:
            while cursor > 0, characters[cursor - 1].isWhitespace { cursor -= 1 }
            while cursor > 0, !characters[cursor - 1].isWhitespace { cursor -= 1 }
        case .wordRight:
            while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
            while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .up: moveVertically(-1, width: width)
        case .down: moveVertically(1, width: width)
        case .clear:
            characters = []
            cursor = 0
        }
    }

    private mutating func insert(_ raw: String) {
        // Line breaks are normalised first, so a pasted "\r\n" becomes one
        // space in a single-line field, not two.
        let lines = Sanitize.multiLine(raw)
        let clean = multiline ? lines : lines.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        var added = Array(clean)
        if let maxLength, added.count > maxLength - characters.count {
            let room = max(0, maxLength - characters.count)
            refused = added.count - room
            added = Array(added.prefix(room))
        }
        guard !added.isEmpty else { return }
        // Rebuild from strings so a combining mark joins the cluster before it.
        let before = String(characters[..<cursor]) + String(added)
        let merged = Array(before + String(characters[cursor...]))
        cursor = min(Array(before).count, merged.count)
        characters = merged
    }

    private func lineStart(_ i: Int) -> Int {
        var i = i
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd(_ i: Int) -> Int {
        var i = i
        while i < characters.count, characters[i] != "\n" { i += 1 }
        return i
    }

    private mutating func moveVertically(_ delta: Int, width: Int?) {
        guard multiline else { return }
        let rows = layout(wrapWidth: width.map { max(1, $0 - 1) } ?? Int.max / 4)
        let (r, col) = position(in: rows)
        let goal = goalColumn ?? col
        let target = r + delta
        guard target >= 0, target < rows.count else { return }
        let row = rows[target]
        // On a soft-wrapped row, the index at its end belongs to the next row.
        let last = (row.next == row.end && target < rows.count - 1) ? max(row.start, row.end - 1) : row.end
        var i = row.start, c = 0
        while i < last {
            let w = DisplayWidth.of(characters[i])
            if c + w > goal { break }
            c += w
            i += 1
        }
        cursor = i
        goalColumn = goal
    }

    // MARK: Layout and rendering

    /// One displayed row: characters `start..<end`; the next row begins at
    /// `next` (`end + 1` after a line break, `end` after a soft wrap).
    struct Row: Hashable {
        var start: Int
        var end: Int
        var next: Int
    }

    /// Word-wrapped rows at `wrapWidth` columns. A space may hang one column
    /// past the wrap width, into the column kept free for the cursor.
    func layout(wrapWidth: Int) -> [Row] {
        var rows: [Row] = []
        var start = 0, col = 0, i = 0
        var lastBreak: Int?  // index just after the last space in this row
        let n = characters.count
        while i < n {
            let c = characters[i]
            if c == "\n" {
                rows.append(Row(start: start, end: i, next: i + 1))
                i += 1
                start = i; col = 0; lastBreak = nil
                continue
            }
            let w = DisplayWidth.of(c)
            let limit = c == " " ? wrapWidth + 1 : wrapWidth
            if col + w > limit, i > start {
                let cut = (lastBreak.map { $0 > start } ?? false) ? lastBreak! : i
                rows.append(Row(start: start, end: cut, next: cut))
                start = cut
                col = characters[cut..<i].reduce(0) { $0 + DisplayWidth.of($1) }
                lastBreak = characters[cut..<i].lastIndex(of: " ").map { $0 + 1 }
                continue
            }
            col += w
            i += 1
            if c == " " { lastBreak = i }
        }
        rows.append(Row(start: start, end: n, next: n))
        return rows
    }

    private func position(in rows: [Row]) -> (row: Int, col: Int) {
        for (r, row) in rows.enumerated() where cursor >= row.start && (cursor < row.next || r == rows.count - 1) {
            let col = characters[row.start..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
            return (r, col)
        }
        return (rows.count - 1, 0)
    }

    /// What to draw: lines that fit the width, and where the cursor goes.
    public struct View: Hashable, Sendable {
        public var lines: [String]
        /// Row and column of the cursor, in cells, relative to the first line.
        public var cursor: Point
    }

    /// The editor laid out `width` columns wide (and at most `height` rows
    /// for a multiline editor, scrolled to show the cursor). One line scrolls
    /// horizontally by half widths; multiline text wraps at words and keeps
    /// the last column free for the cursor.
    public func render(width: Int, height: Int? = nil) -> View {
        let width = max(1, width)
        return multiline ? renderMultiline(width: width, height: height) : renderSingle(width: width)
    }

    private func renderSingle(width: Int) -> View {
        let cursorCol = characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        let half = max(1, width / 2)
        let offset = cursorCol < width ? 0 : ((cursorCol - (width - 1)) / half + 1) * half
        var line = ""
        var col = 0
        for c in characters {
            let w = DisplayWidth.of(c)
            defer { col += w }
            if col + w <= offset { continue }
            if col >= offset + width { break }
            if col >= offset && col + w <= offset + width {
                line.append(c)
            } else {  // a wide character cut by the window edge
                let visible = min(col + w, offset + width) - max(col, offset)
                line += String(repeating: " ", count: visible)
            }
        }
        return View(lines: [line], cursor: Point(row: 0, col: cursorCol - offset))
    }

    private func renderMultiline(width: Int, height: Int?) -> View {
        let rows = layout(wrapWidth: max(1, width - 1))
        let (r, col) = position(in: rows)
        var lines = rows.map { String(characters[$0.start..<$0.end]) }
        var cursorRow = r
        if let height, height > 0, lines.count > height {
            let top = min(max(0, r - height + 1), lines.count - height)
            lines = Array(lines[top..<(top + height)])
            cursorRow -= top
        }
        return View(lines: lines, cursor: Point(row: cursorRow, col: min(col, width - 1)))
    }
}
