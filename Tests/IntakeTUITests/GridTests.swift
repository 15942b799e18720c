import Foundation
import Testing
@testable import IntakeTUI

@Suite struct GridTests {
    @Test func asciiTextLandsOneCellPerCharacter() {
        var g = Grid(size: Size(width: 10, height: 2))
        let used = g.put("hello", row: 1, col: 2)
        #expect(used == 5)
        #expect(g.lines == ["", "  hello"])
    }

    @Test func wideCharactersTakeTwoCells() {
        var g = Grid(size: Size(width: 6, height: 1))
        #expect(g.put("中文", row: 0, col: 0) == 4)
        #expect(g[0, 0].text == "中")
        #expect(g[0, 1].isContinuation)
        #expect(g[0, 2].text == "文")
        #expect(g[0, 3].isContinuation)
        #expect(g.lines == ["中文"])
    }

    @Test func wideCharacterIsNeverSplitAtTheRightEdge() {
        var g = Grid(size: Size(width: 5, height: 1))
        let used = g.put("ab中文", row: 0, col: 0)  // ab中 = 4 columns; 文 would need columns 4 and 5
        #expect(used == 5)
        #expect(g[0, 4].text == " ")
        #expect(!g[0, 4].isContinuation)
        #expect(g.lines == ["ab中"])
        // In the very last column of the grid too.
        var h = Grid(size: Size(width: 3, height: 1))
        h.put("ab中", row: 0, col: 0)
        #expect(h.lines == ["ab"])
        #expect(h.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func wideCharacterClippedByWidthArgument() {
        var g = Grid(size: Size(width: 10, height: 1))
        g.put("中文字", row: 0, col: 0, width: 5)
        #expect(g.lines == ["中文"])
        #expect(!g[0, 5].isContinuation)
    }

    @Test func thaiClusterTakesOneCell() {
        var g = Grid(size: Size(width: 10, height: 1))
        let used = g.put("กี่คน", row: 0, col: 0)  // 3 clusters: กี่, ค, น
        #expect(used == 3)
        #expect(g[0, 0].text == "กี่")
        #expect(g[0, 1].text == "ค")
        #expect(g[0, 2].text == "น")
        #expect(g.lines == ["กี่คน"])
    }

    /// "ตำรวจ" (police) lost its vowel SARA AM and read "ตรวจ" (inspect):
    /// curses cannot hold a base and a spacing sign in one cell.
    @Test func spacingVowelSignsGetCellsOfTheirOwn() {
        var g = Grid(size: Size(width: 12, height: 3))
        #expect(g.put("ตำรวจ", row: 0, col: 0) == 5)
        #expect((0..<5).map { g[0, $0].text } == ["ต", "\u{0E33}", "ร", "ว", "จ"])
        #expect(g.put("पुलिस", row: 1, col: 0) == 4)
        #expect((0..<4).map { g[1, $0].text } == ["पु", "ल", "\u{093F}", "स"])
        #expect(g.put("ចាប់ផ្តើម", row: 2, col: 0) == 7)
        #expect(g.lines == ["ตำรวจ", "पुलिस", "ចាប់ផ្តើម"])
    }

    /// "पुर्‍याएको" (ZWJ after the virama) showed as "पुर्‍एको": the ZWJ made
    /// the cluster one emoji-like cell, and curses kept only its base.
    @Test func zwjInDevanagariLeavesACellForEveryLetter() {
        var g = Grid(size: Size(width: 10, height: 1))
        #expect(g.put("पुर्\u{200D}याएको", row: 0, col: 0) == 7)
        #expect((0..<7).map { g[0, $0].text } == ["पु", "र्\u{200D}", "य", "ा", "ए", "क", "ो"])
        #expect(g.lines == ["पुर्\u{200D}याएको"])
    }

    @Test func emojiPresentationSequenceIsWide() {
        var g = Grid(size: Size(width: 4, height: 1))
        #expect(g.put("\u{2764}\u{FE0F}x", row: 0, col: 0) == 3)
        #expect(g[0, 1].isContinuation)
        #expect(g[0, 2].text == "x")
    }

    @Test func controlCharactersNeverReachACell() {
        var g = Grid(size: Size(width: 40, height: 3))
        g.put("a\u{1B}[2Jb\u{07}c\u{9B}d\u{85}e\u{7F}f", row: 0, col: 0)
        g.wrapped("x\u{1B}]0;title\u{07}y\nz\u{0D}w", in: Rect(row: 1, col: 0, width: 40, height: 2))
        for cell in g.cells {
            for s in cell.text.unicodeScalars {
                #expect(!(s.value < 0x20 || (0x7F..<0xA0).contains(s.value)), "control U+\(String(s.value, radix: 16)) in a cell")
            }
        }
        #expect(g.lines[0] == "a[2Jbcdef")
    }

    @Test func textIsClippedToTheGridAndToTheWidth() {
        var g = Grid(size: Size(width: 8, height: 2))
        g.put("abcdefghijkl", row: 0, col: 3)
        g.put("abcdefgh", row: 1, col: 0, width: 3)
        g.put("never", row: 5, col: 0)
        g.put("never", row: -1, col: 0)
        #expect(g.lines == ["   abcde", "abc"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(size: Size(width: 6, height: 1))
        g.put("中文", row: 0, col: 0)
        g.put("x", row: 0, col: 1)  // right half of 中
        #expect(g.lines == [" x文"])
        g.put("y", row: 0, col: 2)  // left half of 文
        #expect(g.lines == [" xy"])
        #expect(g.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func wrappedReturnsRowsUsedAndStopsAtTheRect() {
        var g = Grid(size: Size(width: 20, height: 5))
        let rows = g.wrapped("the quick brown fox jumps over the lazy dog", in: Rect(row: 1, col: 1, width: 10, height: 3))
        #expect(rows == 3)
        #expect(g.lines == ["", " the quick", " brown fox", " jumps over", ""])
        #expect(Grid.wrappedHeight("the quick brown fox jumps over the lazy dog", width: 10) == 5)
    }

    @Test func fillRuleAndBox() {
        var g = Grid(size: Size(width: 12, height: 5))
        g.box(Rect(row: 0, col: 0, width: 12, height: 4), title: "Note")
        g.horizontalRule(row: 4, col: 2, width: 3)
        g.fill(Rect(row: 1, col: 1, width: 10, height: 2), with: ".")
        #expect(g.lines == [
            "┌ Note ────┐",
            "│..........│",
            "│..........│",
            "└──────────┘",
            "  ───",
        ])
    }

    @Test func stylesAreKeptPerCell() {
        var g = Grid(size: Size(width: 5, height: 1))
        g.put("ab", row: 0, col: 0, style: .danger)
        #expect(g[0, 0].style == .danger)
        #expect(g[0, 2].style == .plain)
    }
}

@Suite struct GridDiffTests {
    func grid(_ text: String, style: Style = .plain) -> Grid {
        var g = Grid(size: Size(width: 6, height: 1))
        g.put(text, row: 0, col: 0, style: style)
        return g
    }

    @Test func firstFrameWritesEverythingButContinuations() {
        let g = grid("a中b")
        #expect(g.changedCells(since: nil).map(\.col) == [0, 1, 3, 4, 5])
        #expect(g.changedCells(since: Grid(size: Size(width: 7, height: 1))).count == 5)
    }

    @Test func onlyChangedCellsAreWritten() {
        #expect(grid("abc").changedCells(since: grid("abc")).isEmpty)
        #expect(grid("abd").changedCells(since: grid("abc")).map(\.col) == [2])
        #expect(grid("abc", style: .danger).changedCells(since: grid("abc")).map(\.col) == [0, 1, 2])
    }

    @Test func wideCharactersAreRewrittenWhole() {
        // A wide character replacing two narrow ones: written once, at its left half.
        #expect(grid("中").changedCells(since: grid("ab")).map(\.col) == [0])
        // Two narrow ones replacing a wide one: both written.
        #expect(grid("ab").changedCells(since: grid("中")).map(\.col) == [0, 1])
        // A wide character moving one column right.
        #expect(grid(" 中").changedCells(since: grid("中")).map(\.col) == [0, 1])
    }
}

/// `DateText` writes local time as "yyyy-MM-dd HH:mm" / "HH:mm:ss" without
/// loading ICU. The expected strings are written out for two fixed zones
/// (UTC, and India's +05:30 to catch half-hour offsets), so the test means
/// the same on every machine whatever its own time zone.
@Suite struct DateTextTests {
    /// Runs `body` with the C library's local time zone set to `tz`.
    func inZone(_ tz: String, _ body: () -> Void) {
        let old = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", tz, 1)
        tzset()
        body()
        if let old { setenv("TZ", old, 1) } else { unsetenv("TZ") }
        tzset()
    }

    @Test func writesLocalTimeInAFixedZone() {
        let cases: [(Double, String, String, String, String)] = [
            (0, "1970-01-01 00:00", "00:00:00", "1970-01-01 05:30", "05:30:00"),
            (1_700_000_000, "2023-11-14 22:13", "22:13:20", "2023-11-15 03:43", "03:43:20"),
            (1_764_401_709.9, "2025-11-29 07:35", "07:35:09", "2025-11-29 13:05", "13:05:09"),
            (951_782_400, "2000-02-29 00:00", "00:00:00", "2000-02-29 05:30", "05:30:00"),
            (4_102_444_799, "2099-12-31 23:59", "23:59:59", "2100-01-01 05:29", "05:29:59"),
        ]
        inZone("UTC0") {
            for (t, minutes, time, _, _) in cases {
                let d = Date(timeIntervalSince1970: t)
                #expect(DateText.minutes(d) == minutes, "\(t)")
                #expect(DateText.time(d) == time, "\(t)")
            }
        }
        inZone("IST-5:30") {
            for (t, _, _, minutes, time) in cases {
                let d = Date(timeIntervalSince1970: t)
                #expect(DateText.minutes(d) == minutes, "\(t)")
                #expect(DateText.time(d) == time, "\(t)")
            }
        }
    }
}
