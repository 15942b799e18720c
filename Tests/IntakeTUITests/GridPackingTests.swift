import Testing
@testable import IntakeTUI

/// The grid keeps cells packed (`PackedCell`); these check that what goes in
/// comes out, that clusters too long to be inline survive, and that the
/// frame diff reports exactly the cells that differ.
@Suite struct GridPackingTests {
    /// 25 bytes of UTF-8: kept in the grid's table of long clusters.
    static let family = "👨‍👩‍👧‍👦"
    /// 15 bytes: one more than fits inline.
    static let fifteen = "e\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}\u{0307}"

    @Test func longClustersComeOutAsTheyWentIn() {
        #expect(Self.family.utf8.count == 25)
        #expect(Self.fifteen.utf8.count == 15)
        var g = Grid(size: Size(width: 10, height: 1))
        #expect(g.put(Self.family + "a" + Self.fifteen + "中", row: 0, col: 0) == 6)
        #expect(g[0, 0].text == Self.family)
        #expect(g[0, 1].isContinuation)
        #expect(g[0, 2].text == "a")
        #expect(g[0, 3].text == Self.fifteen)
        #expect(g[0, 4].text == "中")
        #expect(g[0, 5].isContinuation)
        #expect(g[0, 6].text == " ")
        #expect(g.lines == [Self.family + "a" + Self.fifteen + "中"])
    }

    @Test func inlineClustersUpToFourteenBytes() {
        let thai = "กี่"          // 9 bytes
        let thirteen = "e\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}"
        let fourteen = "\u{00E9}\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}"
        #expect([thai.utf8.count, thirteen.utf8.count, fourteen.utf8.count] == [9, 13, 14])
        for text in [thai, thirteen, fourteen, "é", "›", "─"] {
            var g = Grid(size: Size(width: 4, height: 1))
            g.put(text, row: 0, col: 0, style: Style(bold: true, color: .danger))
            #expect(g[0, 0] == Cell(text, style: Style(bold: true, color: .danger)))
        }
    }

    @Test func everyStyleSurvivesPacking() {
        var g = Grid(size: Size(width: 80, height: 1))
        var col = 0
        var styles: [Style] = []
        for color in SemanticColor.allCases {
            for flags in 0..<16 {
                let s = Style(bold: flags & 1 != 0, dim: flags & 2 != 0, reverse: flags & 4 != 0, underline: flags & 8 != 0, color: color)
                g.put("x", row: 0, col: col, style: s)
                styles.append(s)
                col += 1
            }
        }
        #expect(styles.count == 80)
        #expect((0..<80).map { g[0, $0].style } == styles)
    }

    @Test func restyleKeepsLongClusters() {
        var g = Grid(size: Size(width: 4, height: 1))
        g.put(Self.family, row: 0, col: 0)
        g.restyle(Rect(row: 0, col: 0, width: 4, height: 1), .reverse)
        #expect(g[0, 0] == Cell(Self.family, style: .reverse))
        #expect(g[0, 1] == Cell("", style: .reverse))
        #expect(g[0, 2] == Cell(" ", style: .reverse))
    }

    @Test func identicalFramesDifferInNoCellEvenWhenLongClustersWereStoredInAnotherOrder() {
        var a = Grid(size: Size(width: 8, height: 2))
        a.put(Self.family, row: 0, col: 0)
        a.put(Self.fifteen, row: 1, col: 3)
        var b = Grid(size: Size(width: 8, height: 2))
        b.put(Self.fifteen, row: 1, col: 3)   // stored first here: index 0, not 1
        b.put(Self.family, row: 0, col: 0)
        #expect(b.changedCells(since: a) == [])
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func changedCellsNamesEachDifference() {
        var a = Grid(size: Size(width: 6, height: 2))
        a.put("ab中d", row: 0, col: 0)
        a.put(Self.family, row: 1, col: 0)
        var b = a
        b.put("X", row: 0, col: 1)                                   // a letter
        b.restyle(Rect(row: 0, col: 3, width: 1, height: 1), .bold)   // only the right half of 中
        b.put(Self.fifteen, row: 1, col: 0)                          // one long cluster for another
        #expect(b.changedCells(since: a) == [
            Point(row: 0, col: 1), Point(row: 0, col: 2),
            Point(row: 1, col: 0), Point(row: 1, col: 1),
        ])
        // Row 1: the family's right half became a blank cell of its own, so
        // column 1 is written too.
        #expect(b[1, 1] == Cell(" "))
        #expect(a != b)
    }

    @Test func withoutAPreviousFrameEveryCellButContinuationsIsWritten() {
        var g = Grid(size: Size(width: 3, height: 2))
        g.put("中", row: 0, col: 0)
        #expect(g.changedCells(since: nil) == [
            Point(row: 0, col: 0), Point(row: 0, col: 2),
            Point(row: 1, col: 0), Point(row: 1, col: 1), Point(row: 1, col: 2),
        ])
        #expect(g.changedCells(since: Grid(size: Size(width: 2, height: 2))).count == 5)
    }

    /// A scalar packed from its value holds the bytes `String` gives it:
    /// every scalar of the first plane, and every seventh above it.
    @Test func scalarsPackLikeTheirStrings() {
        var checked = 0
        for v in Array(0..<0x10000) + Array(stride(from: 0x10000, through: 0x10FFFF, by: 7)) {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(PackedCell(scalar: u, style: 5) == PackedCell(inline: String(Character(u)), style: 5), "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked == 0x10000 - 2048 + (0x10FFFF - 0x10000) / 7 + 1)
    }

    @Test func emptyGridsHaveNoCellsToWrite() {
        #expect(Grid(size: Size(width: 0, height: 3)).changedCells(since: Grid(size: Size(width: 0, height: 3))) == [])
        #expect(Grid(size: Size(width: 0, height: 0)).changedCells(since: nil) == [])
    }

    /// A row equal word for word is skipped whole, but only when neither
    /// grid has long clusters: equal indices into two tables prove nothing.
    @Test func equalIndicesOfDifferentLongClustersAreADifference() {
        var a = Grid(size: Size(width: 4, height: 1))
        a.put(Self.family, row: 0, col: 0)
        var b = Grid(size: Size(width: 4, height: 1))
        b.put(Self.fifteen, row: 0, col: 0)   // also index 0 in its own table
        #expect(b.changedCells(since: a) == [Point(row: 0, col: 0), Point(row: 0, col: 1)])
    }

    /// The converse: one long cluster at another index in each table is the
    /// same cell, and is not written again (the diff tells a changed cell
    /// from an unchanged one without comparing texts only where neither
    /// cell is long).
    @Test func differentIndicesOfTheSameLongClusterAreNoDifference() {
        var a = Grid(size: Size(width: 6, height: 1))
        a.put(Self.fifteen, row: 0, col: 0)   // index 0
        a.put(Self.family, row: 0, col: 3)    // index 1
        var b = Grid(size: Size(width: 6, height: 1))
        b.put(Self.family, row: 0, col: 3)    // index 0
        #expect(b.changedCells(since: a) == [Point(row: 0, col: 0)])
    }

    /// The diff on packed cells against the diff on `Cell` values (the way
    /// it was computed before cells were packed), over every pair of a set
    /// of rows: plain, styled, wide, cut, long clusters.
    @Test func packedDiffAgreesWithTheCellByCellDiff() {
        let rows: [(String, Style)] = [
            ("", .plain), ("hello", .plain), ("hello", .bold), ("héllo", .plain), ("中文ab", .plain),
            ("a中文", .plain), (Self.family + "x", .plain), (Self.fifteen + "x", .muted),
            ("x" + Self.family, .plain), ("กี่คน", .accent), ("ตำรวจ", .plain),
        ]
        var pairs = 0
        for (t1, s1) in rows {
            for (t2, s2) in rows {
                var a = Grid(size: Size(width: 6, height: 1))
                a.put(t1, row: 0, col: 0, style: s1)
                var b = Grid(size: Size(width: 6, height: 1))
                b.put(t2, row: 0, col: 0, style: s2)
                #expect(b.changedCells(since: a) == Self.referenceDiff(b, a), "\(t1) → \(t2)")
                pairs += 1
            }
        }
        #expect(pairs == 121)
    }

    /// The diff as written before cells were packed, on `Cell` values.
    static func referenceDiff(_ now: Grid, _ before: Grid) -> [Point] {
        let n = now.cells, p = before.cells, w = now.size.width
        var out: [Point] = []
        for row in 0..<now.size.height {
            for col in 0..<w {
                let i = row * w + col
                if n[i].isContinuation { continue }
                let rightHalfChanged = col + 1 < w && n[i + 1].isContinuation && p[i + 1] != n[i + 1]
                if p[i] == n[i] && !rightHalfChanged { continue }
                out.append(Point(row: row, col: col))
            }
        }
        return out
    }
}
