/// The neutral screen shown after a quick hide. It looks like a generic
/// software update, says nothing about what was on screen before, and
/// shows no keys. It draws at any size, even below 80×24.
public enum HideScreen {
    /// The update screen at `percent` (0...99).
    public static func view(size: Size, percent: Int) -> Grid {
        var grid = Grid(size: size)
        let p = min(max(percent, 0), 99)
        let width = min(60, size.width - 4)
        let top = max(0, size.height / 2 - 3)
        let left = max(0, (size.width - width) / 2)
        let area = Rect(row: top, col: left, width: max(0, width), height: 6)
        grid.put("System update", in: area, line: 0, style: .bold)
        grid.put("Installing updates. Please do not turn off the computer.", in: area, line: 2)
        let label = " \(p)%"
        let barWidth = max(0, width - 2 - label.count)
        let filled = barWidth * p / 100
        let bar = "[" + String(repeating: "#", count: filled)
            + String(repeating: ".", count: barWidth - filled) + "]" + label
        grid.put(bar, in: area, line: 4)
        return grid
    }

    /// A progress figure that creeps up and never finishes: 34% at first,
    /// about one point a minute, stopping at 97.
    public static func percent(elapsedSeconds: Double) -> Int {
        min(97, 34 + Int(max(0, elapsedSeconds) / 60))
    }
}

/// The deliberate sequence that leaves the hidden screen: Ctrl-R, then
/// Enter. Any other key in between starts over, so random typing by someone
/// else at the keyboard does not bring the interview back.
public struct HideLock: Hashable, Sendable {
    private var armed = false
    public init() {}

    /// Feeds one key (with its mapped action in the `.hidden` context);
    /// true when the sequence is complete.
    public mutating func feed(_ key: KeyEvent, action: Action?) -> Bool {
        if action == .unhide {
            armed = true
            return false
        }
        defer { armed = false }
        return armed && key == .enter
    }
}
