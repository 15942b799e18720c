import IntakeCore
#if canImport(Glibc)
import Glibc
#endif

/// One terminal cell, as tests and the terminal read it.
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
    /// The cells, row by row (see `PackedCell`).
    private(set) var packed: [PackedCell]
    /// Clusters too long to be inline, by the index their cells hold.
    private var long: [String] = []
    /// Where the terminal cursor is shown (a text field), or nil to hide it.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.packed = []
        let cell = pack(fill)
        self.packed = Array(repeating: cell, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size) }

    /// Every cell, row by row.
    public var cells: [Cell] { packed.indices.map { cell(at: $0) } }

    public subscript(row: Int, col: Int) -> Cell {
        cell(at: row * size.width + col)
    }

    /// The cell's character when it is one ASCII byte (most cells), with
    /// its style: what the terminal draws without making a `String`.
    func ascii(_ p: Point) -> (byte: UInt8, style: Style)? {
        let c = packed[p.row * size.width + p.col]
        guard c.length == 1, c.a < 0x80 else { return nil }
        return (UInt8(truncatingIfNeeded: c.a), Style(packed: c.styleBits))
    }

    func cell(at i: Int) -> Cell {
        Cell(text(of: packed[i]), style: Style(packed: packed[i].styleBits))
    }

    /// The cluster a stored cell holds.
    func text(of c: PackedCell) -> String {
        if c.isLong { return long[Int(c.a)] }
        if c.length == 1, c.a < 0x80 { return Self.asciiText[Int(c.a)] }
        return c.withInlineBytes { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func pack(_ cell: Cell) -> PackedCell {
        pack(cell.text, style: cell.style.packed)
    }

    private mutating func pack(_ text: String, style: UInt8) -> PackedCell {
        if let c = PackedCell(inline: text, style: style) { return c }
        long.append(text)
        return PackedCell(long: long.count - 1, style: style)
    }

    /// Whether cell `i` of this grid shows the same as cell `j` of `other`.
    @inline(__always)
    func same(_ i: Int, as other: Grid, _ j: Int) -> Bool {
        let x = packed[i], y = other.packed[j]
        if x == y { return !x.isLong || long[Int(x.a)] == other.long[Int(y.a)] }
        guard x.isLong || y.isLong, x.styleBits == y.styleBits else { return false }
        return text(of: x) == other.text(of: y)
    }

    public static func == (l: Grid, r: Grid) -> Bool {
        guard l.size == r.size, l.cursor == r.cursor else { return false }
        for i in l.packed.indices where !l.same(i, as: r, i) { return false }
        return true
    }

    public func hash(into h: inout Hasher) {
        h.combine(size)
        h.combine(cursor)
        for i in packed.indices { h.combine(cell(at: i)) }
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
    @inline(__always)
    private mutating func set(_ row: Int, _ col: Int, _ cell: PackedCell) {
        guard row >= 0, row < size.height, col >= 0, col < size.width else { return }
        let i = row * size.width + col
        // Overwriting the right half of a wide character blanks its left
        // half (unless this is the right half of the character being drawn).
        if packed[i].isContinuation, !cell.isContinuation, col > 0 {
            packed[i - 1] = PackedCell(ascii: 0x20, style: packed[i - 1].styleBits)
        }
        // Overwriting the left half of a wide character blanks its right half.
        if !packed[i].isContinuation, col + 1 < size.width, packed[i + 1].isContinuation {
            packed[i + 1] = PackedCell(ascii: 0x20, style: packed[i + 1].styleBits)
        }
        packed[i] = cell
    }

    private mutating func set(_ row: Int, _ col: Int, _ text: String, style: UInt8) {
        guard row >= 0, row < size.height, col >= 0, col < size.width else { return }
        set(row, col, pack(text, style: style))
    }

    /// Draws `text` on one row from `col`, clipped to `width` columns (and
    /// to the grid). Line breaks and tabs become spaces; controls vanish.
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, width: Int? = nil,
                             style: Style = .plain) -> Int {
        guard row >= 0, row < size.height else { return 0 }
        let limit = min(size.width, col + (width ?? size.width))
        let bits = style.packed
        // Printable ASCII, nothing to sanitize: most lines of every frame,
        // read from the string's own bytes (a native string's always are).
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            return putRun(bytes, count: bytes.count, row: row, col: col, limit: limit) { PackedCell(ascii: $0, style: bits) }
        }
        if let done = ascii ?? nil { return done }
        let clean = Sanitize.singleLine(text)
        if clean.unicodeScalars.allSatisfy({ DisplayWidth.isPlainNarrow($0.value) }) {
            // Each scalar a column and a character of its own (`›`, `…`, `─`, accented Latin).
            return putRun(clean.unicodeScalars, count: clean.unicodeScalars.count, row: row, col: col, limit: limit) {
                PackedCell(scalar: $0, style: bits)
            }
        }
        return putEachCell(clean, row: row, col: col, limit: limit, style: bits)
    }

    /// `count` narrow cells (a character a column, `cell` of each element
    /// of `text`) from `col`, cut to the grid and `limit`, written in one
    /// pass. Only the two ends of the run can cut a wide character in two
    /// (the cells between are all overwritten), so `set`'s care is taken
    /// there alone. Checked against `putEachCell` on seeded grids
    /// (`GridASCIITests`): drawing every line of every frame cell by cell,
    /// through `set`, was a sixth of a keystroke (bench/README.md, "Issue
    /// 19, round 3: keystrokes").
    private mutating func putRun<S: Sequence>(_ text: S, count: Int, row: Int, col: Int, limit: Int,
                                              cell: (S.Element) -> PackedCell) -> Int {
        let first = max(col, 0)
        let end = max(first, min(limit, col + count))
        guard first < end else { return 0 }
        let base = row * size.width
        if first > 0, packed[base + first].isContinuation {
            packed[base + first - 1] = PackedCell(ascii: 0x20, style: packed[base + first - 1].styleBits)
        }
        if end < size.width, packed[base + end].isContinuation {
            packed[base + end] = PackedCell(ascii: 0x20, style: packed[base + end].styleBits)
        }
        packed.withUnsafeMutableBufferPointer { cells in
            var x = col
            for element in text {
                if x >= end { break }
                if x >= first { cells[base + x] = cell(element) }
                x += 1
            }
        }
        return end - first
    }

    /// `put` for sanitized text, a cluster at a time: any text.
    mutating func putEachCell(_ clean: String, row: Int, col: Int, limit: Int, style bits: UInt8) -> Int {
        var x = col
        for ch in clean {
            if let pieces = DisplayWidth.columnPieces(ch) {
                // A cluster with spacing vowel signs takes a cell per
                // column, so curses can hold each one (see `columnPieces`).
                let total = pieces.reduce(0) { $0 + $1.width }
                if x + total > limit {
                    if x < limit { set(row, x, PackedCell(ascii: 0x20, style: bits)); x += 1 }
                    break
                }
                for p in pieces { x = putCluster(p.text, width: p.width, row: row, x: x, style: bits) }
                continue
            }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }  // a stray mark with no base: nothing to show
            if x + w > limit {
                if x < limit { set(row, x, PackedCell(ascii: 0x20, style: bits)); x += 1 }
                break
            }
            x = putCluster(String(ch), width: w, row: row, x: x, style: bits)
        }
        return max(0, x - max(col, 0))
    }

    /// One cell of width 1 or 2 at `x` (which may be left of the grid);
    /// returns the column after it.
    private mutating func putCluster(_ text: String, width w: Int, row: Int, x: Int, style: UInt8) -> Int {
        if x >= 0 {
            set(row, x, text, style: style)
            if w == 2 { set(row, x + 1, PackedCell(inline: "", style: style)!) }
        } else if x + w > 0 {
            set(row, x + 1, PackedCell(ascii: 0x20, style: style))  // left half off-grid
        }
        return x + w
    }

    /// Replaces row `row` with the first row of `strip` (a grid as wide as this one).
    mutating func paste(_ strip: Grid, row: Int) {
        guard row >= 0, row < size.height, strip.size.width == size.width, strip.size.height > 0 else { return }
        for col in 0..<size.width {
            var c = strip.packed[col]
            if c.isLong { c = pack(strip.long[Int(c.a)], style: c.styleBits) }
            packed[row * size.width + col] = c
        }
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
    /// A narrow character is written a row at a time by the run writer,
    /// which takes care of wide characters at the row's two ends only: cell
    /// by cell, the rule above the message line alone was a tenth of a
    /// frame's view (bench/README.md, "Issue 19, round 6: keystrokes").
    /// Checked against `fillEachCell` on seeded grids (`GridFillTests`).
    public mutating func fill(_ rect: Rect, with char: Character = " ", style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        guard DisplayWidth.of(char) <= 1 else { return fillEachCell(r, with: char, style: style) }
        let cell = pack(String(char), style: style.packed)
        for row in r.row..<r.bottom {
            _ = putRun(repeatElement(cell, count: r.width), count: r.width, row: row, col: r.col, limit: r.right) { $0 }
        }
    }

    /// `fill` a cell at a time, for a character of any width.
    mutating func fillEachCell(_ rect: Rect, with char: Character, style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let w = max(1, DisplayWidth.of(char))
        let bits = style.packed
        let cell = pack(String(char), style: bits)
        for row in r.row..<r.bottom {
            var col = r.col
            while col < r.right {
                if col + w > r.right { set(row, col, PackedCell(ascii: 0x20, style: bits)); break }
                set(row, col, cell)
                if w == 2 { set(row, col + 1, PackedCell(inline: "", style: bits)!) }
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
            for col in r.col..<r.right {
                let i = row * size.width + col
                packed[i] = packed[i].withStyle(style.packed)
            }
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
        guard let prev = previous, prev.size == size else {
            var all: [Point] = []
            for row in 0..<size.height {
                for col in 0..<size.width where !packed[row * size.width + col].isContinuation {
                    all.append(Point(row: row, col: col))
                }
            }
            return all
        }
        guard !packed.isEmpty else { return [] }
        let width = size.width
        var out: [Point] = []
        // A key changes a line or two: room for two rows' cells at once,
        // instead of the six reallocations of growing one cell at a time.
        out.reserveCapacity(2 * width)
        // On buffers: indexing the arrays of two structs cell by cell cost a
        // retain and a release per access.
        packed.withUnsafeBufferPointer { now in
            prev.packed.withUnsafeBufferPointer { before in
                // Without long clusters equal words are equal cells, so a
                // row whose words are all equal is skipped in one compare.
                let plain = long.isEmpty && prev.long.isEmpty
                let rowBytes = width * MemoryLayout<PackedCell>.stride
                for row in 0..<size.height {
                    let base = row * width
                    if plain, memcmp(now.baseAddress! + base, before.baseAddress! + base, rowBytes) == 0 { continue }
                    for col in 0..<width {
                        let i = base + col
                        let cell = now[i], old = before[i]
                        if cell.isContinuation { continue }
                        // Equal words mean the same cell, except for two long
                        // clusters, whose indices are each grid's own.
                        if cell == old, !cell.isLong, col + 1 == width || now[i + 1] == before[i + 1] { continue }
                        // Different words are different cells unless one
                        // holds a long cluster: on a changed line (every cell
                        // of a moved highlight) no call to `same` is needed.
                        if cell == old || cell.isLong || old.isLong, same(i, as: prev, i),
                           col + 1 == width || !now[i + 1].isContinuation || same(i + 1, as: prev, i + 1) { continue }
                        out.append(Point(row: row, col: col))
                    }
                }
            }
        }
        return out
    }
}
