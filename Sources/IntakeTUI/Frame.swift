import IntakeCore

/// The standard layout of every screen:
///
/// ```
/// row 0        title bar (reverse video): title left, status right
/// row 1        blank
/// rows 2..h-4  body, 2 columns of margin each side
/// row h-3      rule
/// row h-2      message line
/// row h-1      footer: the keys that work now
/// ```
///
/// Below 80×24 there is no room for an interview; `Frame.screen` then draws
/// only a request to enlarge the window.
public struct Frame: Hashable, Sendable {
    public static let minimumSize = Size(width: 80, height: 24)

    public let size: Size
    public let titleBar: Rect
    public let body: Rect
    public let rule: Rect
    public let message: Rect
    public let footer: Rect

    public init(size: Size) {
        self.size = size
        let w = size.width, h = size.height
        titleBar = Rect(row: 0, col: 0, width: w, height: min(1, h))
        body = Rect(row: 2, col: 2, width: w - 4, height: h - 5)
        rule = Rect(row: h - 3, col: 0, width: w, height: h >= 3 ? 1 : 0)
        message = Rect(row: h - 2, col: 1, width: w - 2, height: h >= 2 ? 1 : 0)
        footer = Rect(row: h - 1, col: 1, width: w - 2, height: h >= 1 ? 1 : 0)
    }

    /// Whether a screen of this size can show the interview.
    public static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    /// A whole framed screen. `body` draws into the body rectangle. When the
    /// terminal is too small, the result is the enlarge request instead.
    /// With `rows`, the title bar and the footer are drawn once for what
    /// they show and pasted after that.
    public static func screen(size: Size, title: String, status: String = "",
                              message: String = "", messageStyle: Style = .plain,
                              footer: [FooterItem], rows: RowCache? = nil,
                              body: (inout Grid, Rect) -> Void) -> Grid {
        guard fits(size) else { return enlargeScreen(size: size) }
        let frame = Frame(size: size)
        var grid = Grid(size: size)
        if let rows {
            let strip = Frame(size: Size(width: size.width, height: 1))
            grid.paste(rows.row(.title(title, status: status, width: size.width)) { g in
                strip.drawTitle(&g, title: title, status: status)
            }, row: frame.titleBar.row)
            grid.paste(rows.row(.footer(footer, width: size.width)) { g in
                strip.drawFooter(&g, footer)
            }, row: frame.footer.row)
        } else {
            frame.drawTitle(&grid, title: title, status: status)
            frame.drawFooter(&grid, footer)
        }
        body(&grid, frame.body)
        grid.horizontalRule(row: frame.rule.row, style: .muted)
        grid.put(message, in: frame.message, style: messageStyle)
        return grid
    }

    /// The title bar: the title on the left, `status` right-aligned; the
    /// status gives way to the title when both do not fit.
    public func drawTitle(_ grid: inout Grid, title: String, status: String) {
        grid.fill(titleBar, style: .reverse)
        let used = grid.put(" " + Sanitize.singleLine(title), row: 0, col: 0, width: size.width, style: Style(bold: true, reverse: true))
        let s = Sanitize.singleLine(status)
        let sw = DisplayWidth.of(s)
        if !s.isEmpty, used + 2 + sw + 1 <= size.width {
            grid.put(s, row: 0, col: size.width - sw - 1, width: sw, style: .reverse)
        }
    }

    /// The footer: as many items as fit, in priority order, keys in bold.
    public func drawFooter(_ grid: inout Grid, _ items: [FooterItem]) {
        var col = footer.col
        for item in Frame.fitFooter(items, width: footer.width) {
            if col > footer.col { col += 2 }
            col += grid.put("[\(item.keys)]", row: footer.row, col: col, width: footer.right - col, style: .bold)
            col += grid.put(" " + item.label, row: footer.row, col: col, width: footer.right - col)
        }
    }

    /// The items that fit in `width`, two spaces apart: greedy in priority
    /// order, skipping an item too long to fit so a shorter one after it
    /// still shows. Never cuts an item in half.
    public static func fitFooter(_ items: [FooterItem], width: Int) -> [FooterItem] {
        var used = 0
        var out: [FooterItem] = []
        for item in items {
            let w = DisplayWidth.of(item.text) + (out.isEmpty ? 0 : 2)
            if used + w <= width {
                out.append(item)
                used += w
            }
        }
        return out
    }

    /// The footer as plain text (for tests and for screens drawing it elsewhere).
    public static func footerText(_ items: [FooterItem], width: Int) -> String {
        fitFooter(items, width: width).map(\.text).joined(separator: "  ")
    }

    /// The message shown instead of the interview when the window is small.
    public static func enlargeMessage(size: Size) -> String {
        "Please enlarge the window to at least \(minimumSize.width)×\(minimumSize.height) (now \(size.width)×\(size.height))"
    }

    /// A screen holding only the enlarge request, wrapped and centred.
    public static func enlargeScreen(size: Size) -> Grid {
        var grid = Grid(size: size)
        guard size.width > 0, size.height > 0 else { return grid }
        let margin = size.width >= 20 ? 2 : 0
        let width = size.width - 2 * margin
        let lines = Wrap.lines(enlargeMessage(size: size), width: width)
        let shown = Array(lines.prefix(size.height))
        let top = (size.height - shown.count) / 2
        for (i, line) in shown.enumerated() {
            grid.putCentered(line, in: Rect(row: top, col: margin, width: width, height: shown.count), line: i, style: .bold)
        }
        return grid
    }
}

/// What a title bar or a footer row shows: the key of its drawn row.
public enum RowKey: Hashable, Sendable {
    case title(String, status: String, width: Int)
    case footer([FooterItem], width: Int)

    var width: Int {
        switch self {
        case .title(_, _, let w), .footer(_, let w): return w
        }
    }
}

/// Title bars and footers drawn before, by what they show: from one key to
/// the next they seldom change, and drawing them was a fifth of a frame
/// (callgrind, bench/README.md "Keystrokes, round 2").
public typealias RowCache = BoundedCache<RowKey, Grid>

extension BoundedCache where Key == RowKey, Value == Grid {
    public convenience init() { self.init(capacity: 256) }

    /// The row for `key`, drawn by `draw` into a one-row grid the first time.
    func row(_ key: RowKey, draw: (inout Grid) -> Void) -> Grid {
        value(for: key) {
            var g = Grid(size: Size(width: key.width, height: 1))
            draw(&g)
            return g
        }
    }
}
