import Testing
import IntakeTestSupport
@testable import IntakeTUI

/// `fill` writes a narrow character a row at a time (the run writer);
/// these hold it to the cell-by-cell fill (`fillEachCell`) and write the
/// ends out.
@Suite struct GridFillTests {
    @Test func aFillThatStartsOrEndsInsideAWideCharacterBlanksItsOtherHalf() {
        var g = Grid(size: Size(width: 6, height: 1))
        g.put("中中中", row: 0, col: 0)
        g.fill(Rect(row: 0, col: 1, width: 2, height: 1), with: "─", style: .muted)
        #expect(g.lines == [" ── 中"])
        #expect(g[0, 0] == Cell(" "))
        #expect(g[0, 1] == Cell("─", style: .muted))
        #expect(g[0, 3] == Cell(" "))
        #expect(g[0, 4] == Cell("中"))
    }

    /// 3,000 seeded grids holding wide, long and narrow clusters, each
    /// filled over a random rectangle (partly off the grid at times) with a
    /// narrow, wide or zero-width character: the same cells either way.
    @Test func fillDrawsWhatFillingCellByCellDraws() {
        var rng = SplitMix64(seed: 0xF111)
        let texts = ["中文字", "abc", "›é─", "👩‍👩‍👧‍👦x", "ক্ষি", " ", "a中b", "│"]
        let chars: [Character] = ["─", " ", "x", "│", "é", "中", "\u{301}", "👩‍👩‍👧‍👦"]
        let styles: [Style] = [.plain, .muted, .bold, .reverse, Style(bold: true, reverse: true)]
        for trial in 0..<3_000 {
            let size = Size(width: 1 + Int(rng.next() % 12), height: 1 + Int(rng.next() % 4))
            var grid = Grid(size: size)
            for _ in 0..<Int(rng.next() % 6) {
                grid.put(texts[Int(rng.next() % UInt64(texts.count))], row: Int(rng.next() % UInt64(size.height)),
                         col: Int(rng.next() % UInt64(size.width + 2)) - 1, style: styles[Int(rng.next() % UInt64(styles.count))])
            }
            let rect = Rect(row: Int(rng.next() % UInt64(size.height + 2)) - 1, col: Int(rng.next() % UInt64(size.width + 2)) - 1,
                            width: Int(rng.next() % UInt64(size.width + 3)), height: Int(rng.next() % UInt64(size.height + 2)))
            let char = chars[Int(rng.next() % UInt64(chars.count))]
            let style = styles[Int(rng.next() % UInt64(styles.count))]
            var fast = grid, slow = grid
            fast.fill(rect, with: char, style: style)
            slow.fillEachCell(rect, with: char, style: style)
            #expect(fast.cells == slow.cells, "trial \(trial): \(grid.lines) filled at \(rect) with \(char)")
        }
    }
}
