import Testing
import IntakeTestSupport
@testable import IntakeTUI

/// `put` writes printable ASCII, and text of narrow characters each its
/// own cluster, in one pass (`putRun`), taking care of wide characters only
/// at the two ends of the run; these hold it to the cluster-by-cluster path
/// (`putEachCell`) and write the ends out.
@Suite struct GridASCIITests {
    @Test func aRunThatStartsOrEndsInsideAWideCharacterBlanksItsOtherHalf() {
        var g = Grid(size: Size(width: 6, height: 1))
        g.put("中中中", row: 0, col: 0)
        #expect(g.put("ab", row: 0, col: 1) == 2)
        #expect(g.lines == [" ab 中"])
        #expect(g[0, 3] == Cell(" "))
        #expect(g[0, 4] == Cell("中"))
        #expect(g[0, 5].isContinuation)
    }

    @Test func narrowCharactersInARunCutAWideOneAtEitherEnd() {
        var g = Grid(size: Size(width: 6, height: 1))
        g.put("中中中", row: 0, col: 0)
        #expect(g.put("›é", row: 0, col: 1, style: .bold) == 2)
        #expect(g.lines == [" ›é 中"])
        #expect(g[0, 1] == Cell("›", style: .bold))
        #expect(g[0, 2] == Cell("é", style: .bold))
    }

    @Test func clippedAtTheLeftEdgeTheLimitAndTheGrid() {
        var g = Grid(size: Size(width: 8, height: 2))
        #expect(g.put("abcdef", row: 0, col: -2) == 4)
        #expect(g.put("abcdef", row: 1, col: 5, width: 2) == 2)
        #expect(g.lines == ["cdef", "     ab"])
        #expect(g.put("xyz", row: 0, col: 9) == 0)
        #expect(g.put("xyz", row: 0, col: -3) == 0)
        #expect(g.put("", row: 0, col: 0) == 0)
        #expect(g.lines == ["cdef", "     ab"])
    }

    /// 4,000 seeded rows holding wide, long and narrow clusters, each with
    /// a run of ASCII or of narrow characters (`›`, `é`, `─`, `…`) put at a
    /// seeded place and width: the same cells, and the same count, as
    /// drawing it cluster by cluster.
    @Test func sameCellsAsCellByCellOnSeededRows() {
        var rng = SplitMix64(seed: 0x1915_A5C1)
        let pieces = ["中", "가", "a", " ", "é", "›", GridPackingTests.family, "🇳🇵", "ก่"]
        let styles = [Style.plain, Style(bold: true), Style(reverse: true, color: .accent)]
        for _ in 0..<4000 {
            let width = Int.random(in: 1...12, using: &rng)
            var a = Grid(size: Size(width: width, height: 1))
            var background = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { background += pieces.randomElement(using: &rng)! }
            a.put(background, row: 0, col: Int.random(in: -1...2, using: &rng), style: styles.randomElement(using: &rng)!)
            var b = a
            let length = Int.random(in: 0...14, using: &rng)
            let narrow: [Character] = ["›", "é", "─", "…", "¿", "ñ"]
            let ascii = Bool.random(using: &rng)
            let text = String((0..<length).map { _ in
                ascii || Bool.random(using: &rng) ? Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
                    : narrow.randomElement(using: &rng)!
            })
            let col = Int.random(in: -4...(width + 1), using: &rng)
            let limit = min(width, col + Int.random(in: 0...(width + 2), using: &rng))
            let style = styles.randomElement(using: &rng)!
            let fast = a.put(text, row: 0, col: col, width: limit - col, style: style)
            let slow = b.putEachCell(text, row: 0, col: col, limit: limit, style: style.packed)
            #expect(fast == slow, "\(background) + \(text) at \(col), limit \(limit)")
            #expect(a.cells == b.cells, "\(background) + \(text) at \(col), limit \(limit)")
        }
    }
}
