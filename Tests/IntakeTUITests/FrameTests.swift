import Testing
@testable import IntakeTUI

/// A question screen as the interview screens will draw it.
func sampleScreen(size: Size) -> Grid {
    let footer = KeyMap.standard.footer(for: .choice)
    return Frame.screen(size: size, title: "Screening · Work and pay", status: "Question 7 of 42 · es",
                        message: "Answers are saved as you go.", messageStyle: .muted,
                        footer: footer) { grid, body in
        var row = body.row
        row += grid.wrapped("Did anyone ever keep your identity documents (passport, ID card, work permit) so that you could not have them when you wanted them?", in: Rect(row: row, col: body.col, width: body.width, height: 3), style: .bold)
        row += 1
        for (i, option) in ["Yes", "No", "不知道 (don't know)", "ไม่แน่ใจ (not sure)"].enumerated() {
            grid.put("\(i + 1)) \(option)", row: row + i, col: body.col + 2, width: body.width - 2,
                     style: i == 0 ? Style(reverse: true) : .plain)
        }
    }
}

@Suite struct FrameTests {
    /// Title bars and footers pasted from the row cache draw the same screen
    /// as drawing them, at every width, with wide and long clusters too; a
    /// second frame of the same rows draws none of them again.
    @Test func cachedTitleAndFooterDrawTheSameScreen() {
        let rows = RowCache()
        let footer = KeyMap.standard.footer(for: .choice)
        for (title, status) in [("Screening · Work and pay", "Question 7 of 42 · es"),
                                ("👨‍👩‍👧‍👦 家族 " + String(repeating: "long title ", count: 9), "草稿 · Saved"),
                                ("", "")] {
            for width in [80, 81, 132] {
                let size = Size(width: width, height: 24)
                func screen(_ cache: RowCache?) -> Grid {
                    Frame.screen(size: size, title: title, status: status, message: "m", footer: footer, rows: cache) { g, body in
                        g.put("body", in: body)
                    }
                }
                let drawn = screen(nil)
                #expect(screen(rows) == drawn, "\(title) at \(width)")
                #expect(screen(rows) == drawn, "\(title) at \(width), from the cache")
                #expect(screen(rows).lines[0] == drawn.lines[0])
            }
        }
        // Three titles and one footer, each at three widths.
        #expect(rows.count == 12)
    }

    @Test func framedSampleScreenAt80x24() {
        let g = sampleScreen(size: Size(width: 80, height: 24))
        let expected = """
         Screening · Work and pay                                 Question 7 of 42 · es

          Did anyone ever keep your identity documents (passport, ID card, work
          permit) so that you could not have them when you wanted them?

            1) Yes
            2) No
            3) 不知道 (don't know)
            4) ไม่แน่ใจ (not sure)












        ────────────────────────────────────────────────────────────────────────────────
         Answers are saved as you go.
         [Enter] Next  [PgUp] Back  [F2] Don't know  [F3] Skip  [F1] Help  [Esc] Hide
        """
        #expect(g.text() == expected)
        #expect(g.lines.count == 24)
        #expect(g[0, 0].style.reverse)  // title bar
        #expect(g[23, 1].style.bold)    // "[" of the first key
    }

    @Test func enlargeScreenAt60x20() {
        let g = sampleScreen(size: Size(width: 60, height: 20))
        var expected = Array(repeating: "", count: 20)
        expected[9] = "  Please enlarge the window to at least 80×24 (now 60×20)"
        #expect(g.lines == expected)
        #expect(!g.text().contains("Screening"))
    }

    @Test func enlargeScreenWrapsWhenNarrowAndNeverOverflows() {
        for size in [Size(width: 79, height: 24), Size(width: 80, height: 23), Size(width: 30, height: 10),
                     Size(width: 12, height: 3), Size(width: 1, height: 1), Size(width: 0, height: 0)] {
            let g = sampleScreen(size: size)
            #expect(g.lines.count == size.height)
            #expect(!g.text().contains("Screening"))
            #expect(g.lines.allSatisfy { $0.count <= size.width })
        }
        let narrow = Frame.enlargeScreen(size: Size(width: 30, height: 10)).lines.joined(separator: " ")
        #expect(narrow.split(separator: " ").joined(separator: " ")
                == "Please enlarge the window to at least 80×24 (now 30×10)")
    }

    @Test func largerScreensKeepTheFrameAtTheEdges() {
        let g = sampleScreen(size: Size(width: 120, height: 40))
        #expect(g.lines[39].hasPrefix(" [Enter] Next"))
        #expect(g.lines[38] == " Answers are saved as you go.")
        #expect(g.lines[0].hasSuffix("Question 7 of 42 · es"))
    }

    @Test func footerDropsWholeItemsThatDoNotFit() {
        let items = KeyMap.standard.footer(for: .choice)
        let text = Frame.footerText(items, width: 40)
        #expect(text == "[Enter] Next  [PgUp] Back  [F3] Skip")  // "Don't know" is skipped, a shorter one fits
        #expect(Frame.footerText(items, width: 5) == "")
        let enabled = KeyMap.standard.footer(for: .choice) { $0 != .back }
        #expect(!Frame.footerText(enabled, width: 200).contains("Back"))
    }

    @Test func titleGivesWayToStatusWhenLong() {
        let g = Frame.screen(size: Size(width: 80, height: 24), title: String(repeating: "T", count: 75),
                             status: "Question 1", footer: []) { _, _ in }
        #expect(!g.lines[0].contains("Question"))
        #expect(g.lines[0].hasPrefix(" TTTT"))
    }

    @Test func hideScreenIsNeutralAtEverySize() {
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 10), Size(width: 200, height: 60)] {
            let text = HideScreen.view(size: size, percent: 34).text().lowercased()
            for word in ["traffick", "screen", "interview", "intake", "esc", "ctrl", "question", "enlarge"] {
                #expect(!text.contains(word), "\(word) on the hide screen")
            }
            #expect(text.contains("34%"))
        }
        #expect(HideScreen.percent(elapsedSeconds: 0) == 34)
        #expect(HideScreen.percent(elapsedSeconds: 1e9) == 97)
    }
}
