/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var description: String { "\(width)×\(height)" }
}

/// A cell position: row from the top, column from the left, both from 0.
public struct Point: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A rectangle of cells. Empty when width or height is 0.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(_ size: Size) { self.init(row: 0, col: 0, width: size.width, height: size.height) }

    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { col + width }

    /// The rectangle shrunk by the given margins (never below empty).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, col: col + left,
             width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle shrunk by `n` on every side.
    public func inset(_ n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    /// The first `n` rows, and what remains below them.
    public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, n), height)
        return (Rect(row: row, col: col, width: width, height: n),
                Rect(row: row + n, col: col, width: width, height: height - n))
    }

    /// The intersection of two rectangles.
    public func intersection(_ other: Rect) -> Rect {
        let r = max(row, other.row), c = max(col, other.col)
        return Rect(row: r, col: c, width: min(right, other.right) - c, height: min(bottom, other.bottom) - r)
    }

    public func contains(_ p: Point) -> Bool {
        p.row >= row && p.row < bottom && p.col >= col && p.col < right
    }
}
