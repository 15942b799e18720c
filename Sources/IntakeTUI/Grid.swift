import IntakeCore

/// One terminal cell.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster of display width 1 or 2, or "" for a
    /// continuation cell (the right half of a wide character).
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(" ")
    public var isContinuation: Bool { text.isEmpty }
}

/// An in-memory screen: what every view draws into and what tests read.
///
/// All text goes through `Sanitize` and is measured per grapheme cluster
/// with `DisplayWidth`, so no control character ever reaches a cell and a
/// wide character is never split: where one would not fit, a space is
/// drawn instead.
public struct Grid: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor is shown (a text field), or nil to hide it.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size) }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * size.width + col]
    }

    /// The screen as plain text, one string per row, trailing spaces trimmed.
    public var lines: [String] {
        (0..<size.height).map { row in
            var s = ""
            for col in 0..<size.width { s += self[row, col].text }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The screen as one string, rows joined by newlines.
    public func text() -> String { lines.joined(separator: "\n") }

    // MARK: Drawing

    /// The one-character strings of ASCII, made once.
    private static let asciiText: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Writes one cell, repairing any wide character it cuts in half.
    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        guard row >= 0, row < size.height, col >= 0, col < size.width else { return }
        let i = row * size.width + col
        // Overwriting the right half of a wide character blanks its left
        // half (unless this is the right half of the character being drawn).
        if cells[i].isContinuation, !cell.isContinuation, col > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        // Overwriting the left half of a wide character blanks its right half.
        if !cells[i].isContinuation, col + 1 < size.width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Draws `text` on one row from `col`, clipped to `width` columns (and
    /// to the grid). Line breaks and tabs become spaces; controls vanish.
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, width: Int? = nil,
                             style: Style = .plain) -> Int {
        guard row >= 0, row < size.height else { return 0 }
        let limit = min(size.width, col + (width ?? size.width))
        var x = col
        let clean = Sanitize.singleLine(text)
        if clean.utf8.allSatisfy({ $0 < 0x80 }) {
            // Printable ASCII (controls are gone): a column per byte, no grapheme breaking.
            for b in clean.utf8 {
                if x + 1 > limit { break }
                if x >= 0 { set(row, x, Cell(Self.asciiText[Int(b)], style: style)) }
                x += 1
            }
            return max(0, x - max(col, 0))
        }
        if clean.unicodeScalars.allSatisfy({ DisplayWidth.isPlainNarrow($0.value) }) {
            // Each scalar a column and a character of its own (`›`, `…`, `─`, accented Latin).
            for u in clean.unicodeScalars {
                if x + 1 > limit { break }
                if x >= 0 { set(row, x, Cell(u.isASCII ? Self.asciiText[Int(u.value)] : String(Character(u)), style: style)) }
                x += 1
            }
            return max(0, x - max(col, 0))
        }
        for ch in clean {
            if let pieces = DisplayWidth.columnPieces(ch) {
                // A cluster with spacing vowel signs takes a cell per
                // column, so curses can hold each one (see `columnPieces`).
                let total = pieces.reduce(0) { $0 + $1.width }
                if x + total > limit {
                    if x < limit { set(row, x, Cell(" ", style: style)); x += 1 }
                    break
                }
                for p in pieces { x = putCluster(p.text, width: p.width, row: row, x: x, style: style) }
                continue
            }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }  // a stray mark with no base: nothing to show
            if x + w > limit {
                if x < limit { set(row, x, Cell(" ", style: style)); x += 1 }
                break
            }
            x = putCluster(String(ch), width: w, row: row, x: x, style: style)
        }
        return max(0, x - max(col, 0))
    }

    /// One cell of width 1 or 2 at `x` (which may be left of the grid);
    /// returns the column after it.
    private mutating func putCluster(_ text: String, width w: Int, row: Int, x: Int, style: Style) -> Int {
        if x >= 0 {
            set(row, x, Cell(text, style: style))
            if w == 2 { set(row, x + 1, Cell("", style: style)) }
        } else if x + w > 0 {
            set(row, x + 1, Cell(" ", style: style))  // left half off-grid
        }
        return x + w
    }

    /// Draws `text` on one row of `rect`, clipped to it.
    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, line: Int = 0, style: Style = .plain) -> Int {
        guard line >= 0, line < rect.height else { return 0 }
        return put(text, row: rect.row + line, col: rect.col, width: rect.width, style: style)
    }

    /// Draws `text` centred on a row within `rect`.
    public mutating func putCentered(_ text: String, in rect: Rect, line: Int = 0, style: Style = .plain) {
        let t = Wrap.truncate(Sanitize.singleLine(text), width: rect.width)
        let pad = (rect.width - DisplayWidth.of(t)) / 2
        put(t, row: rect.row + line, col: rect.col + pad, width: rect.width - pad, style: style)
    }

    /// Word-wraps `text` (which may hold line breaks) into `rect`, as many
    /// lines as fit. Returns the number of rows used.
    @discardableResult
    public mutating func wrapped(_ text: String, in rect: Rect, style: Style = .plain) -> Int {
        guard !rect.isEmpty else { return 0 }
        let lines = Wrap.lines(Sanitize.multiLine(text), width: rect.width)
        let shown = min(lines.count, rect.height)
        for i in 0..<shown {
            put(lines[i], row: rect.row + i, col: rect.col, width: rect.width, style: style)
        }
        return shown
    }

    /// Rows `text` would take when wrapped at `width` (for layout decisions).
    public static func wrappedHeight(_ text: String, width: Int) -> Int {
        width > 0 ? Wrap.lines(Sanitize.multiLine(text), width: width).count : 0
    }

    /// Fills `rect` with a character (a space by default) in a style.
    public mutating func fill(_ rect: Rect, with char: Character = " ", style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let w = max(1, DisplayWidth.of(char))
        let cell = Cell(String(char), style: style)
        for row in r.row..<r.bottom {
            var col = r.col
            while col < r.right {
                if col + w > r.right { set(row, col, Cell(" ", style: style)); break }
                set(row, col, cell)
                if w == 2 { set(row, col + 1, Cell("", style: style)) }
                col += w
            }
        }
    }

    /// A horizontal line of `─`.
    public mutating func horizontalRule(row: Int, col: Int = 0, width: Int? = nil, style: Style = .plain) {
        fill(Rect(row: row, col: col, width: width ?? (size.width - col), height: 1), with: "─", style: style)
    }

    /// A single-line box around `rect`, with an optional title on its top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let top = rect.row, bottom = rect.bottom - 1, left = rect.col, right = rect.right - 1
        fill(Rect(row: top, col: left + 1, width: rect.width - 2, height: 1), with: "─", style: style)
        fill(Rect(row: bottom, col: left + 1, width: rect.width - 2, height: 1), with: "─", style: style)
        fill(Rect(row: top + 1, col: left, width: 1, height: rect.height - 2), with: "│", style: style)
        fill(Rect(row: top + 1, col: right, width: 1, height: rect.height - 2), with: "│", style: style)
        put("┌", row: top, col: left, width: 1, style: style)
        put("┐", row: top, col: right, width: 1, style: style)
        put("└", row: bottom, col: left, width: 1, style: style)
        put("┘", row: bottom, col: right, width: 1, style: style)
        if let title, rect.width > 4 {
            put(" \(title) ", row: top, col: left + 1, width: rect.width - 2, style: style)
        }
    }

    /// Applies a style to every cell of `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for row in r.row..<r.bottom {
            for col in r.col..<r.right { cells[row * size.width + col].style = style }
        }
    }
}

extension Grid {
    /// The cells to write to turn `previous` into this grid: every cell
    /// that differs, never a continuation cell (writing a wide character
    /// fills both of its cells), and a wide character again when only its
    /// right half changed. All cells when there is no previous frame or its
    /// size differs.
    public func changedCells(since previous: Grid?) -> [Point] {
        let prev = previous?.size == size ? previous : nil
        let width = size.width
        var out: [Point] = []
        // On buffers: indexing the arrays of two structs cell by cell cost a
        // retain and a release per access.
        cells.withUnsafeBufferPointer { now in
            (prev?.cells ?? []).withUnsafeBufferPointer { before in
                for row in 0..<size.height {
                    let base = row * width
                    for col in 0..<width {
                        let i = base + col
                        if now[i].isContinuation { continue }
                        if prev != nil {
                            let rightHalfChanged = col + 1 < width && now[i + 1].isContinuation && before[i + 1] != now[i + 1]
                            if before[i] == now[i] && !rightHalfChanged { continue }
                        }
                        out.append(Point(row: row, col: col))
                    }
                }
            }
        }
        return out
    }
}
