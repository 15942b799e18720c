import Testing
import IntakeCore
@testable import IntakeTUI

extension TextEditor {
    mutating func run(_ actions: EditorAction...) { for a in actions { apply(a) } }
}

@Suite struct TextEditorTests {
    @Test func typingAndMovingInAscii() {
        var e = TextEditor()
        for c in "helo" { e.apply(.insert(String(c))) }
        e.apply(.left)
        e.apply(.insert("l"))
        #expect(e.text == "hello")
        #expect(e.cursor == 4)
        e.run(.home, .delete, .end, .backspace)
        #expect(e.text == "ell")
        #expect(e.cursor == 3)
        e.apply(.right)  // at the end: stays
        #expect(e.cursor == 3)
        e.run(.home, .left, .backspace)  // at the start: nothing happens
        #expect(e.text == "ell" && e.cursor == 0)
    }

    @Test func cjkMovesAndDeletesAsWholeCharacters() {
        var e = TextEditor(text: "我的护照")
        #expect(e.cursor == 4)
        e.run(.left, .backspace)
        #expect(e.text == "我的照")
        #expect(e.render(width: 20).cursor == Point(row: 0, col: 4))
        e.apply(.delete)
        #expect(e.text == "我的")
    }

    @Test func thaiCombiningMarksTypedSeparatelyJoinTheirBase() {
        var e = TextEditor()
        // A keyboard delivers base, vowel mark and tone mark one by one.
        for s in ["ก", "\u{0E35}", "\u{0E48}", "ค"] { e.apply(.insert(s)) }
        #expect(e.characters == ["กี่", "ค"])
        #expect(e.cursor == 2)
        e.apply(.left)
        #expect(e.render(width: 10).cursor == Point(row: 0, col: 1))
        e.apply(.backspace)  // removes the whole cluster, marks included
        #expect(e.text == "ค")
    }

    @Test func emojiSequencesAreOneUnit() {
        var e = TextEditor(text: "a👩‍👧b\u{2764}\u{FE0F}")
        #expect(e.characters.count == 4)
        e.run(.left, .left, .backspace)
        #expect(e.text == "ab\u{2764}\u{FE0F}")
        e.apply(.end)
        #expect(e.render(width: 10).cursor.col == 4)
    }

    @Test func pasteIsSanitizedAndKeepsNewlinesOnlyWhenMultiline() {
        let pasted = "line one\r\n\u{1B}[31mred\u{1B}[0m\tend\u{07}\u{9B}2J"
        var single = TextEditor()
        single.apply(.insert(pasted))
        #expect(single.text == "line one [31mred[0m end2J")
        var multi = TextEditor(multiline: true)
        multi.apply(.insert(pasted))
        #expect(multi.text == "line one\n[31mred[0m end2J")
        #expect(!multi.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        single.apply(.newline)
        #expect(!single.text.contains("\n"))
        multi.apply(.newline)
        #expect(multi.text.hasSuffix("\n"))
    }

    @Test func maxLengthCountsClustersAndCutsPastes() {
        var e = TextEditor(maxLength: 5)
        e.apply(.insert("กี่中ab"))
        e.apply(.insert("cdef"))
        #expect(e.characters.count == 5)
        #expect(e.text == "กี่中abc")
        e.apply(.insert("x"))
        #expect(e.text == "กี่中abc")
    }

    @Test func whatDoesNotFitIsCountedNotSilentlyCut() {
        var e = TextEditor(maxLength: 5)
        e.apply(.insert("abc"))
        #expect(e.refused == 0)
        e.apply(.insert("defg"))
        #expect(e.text == "abcde")
        #expect(e.refused == 2)
        e.apply(.left)
        #expect(e.refused == 0)
        e.apply(.insert("x"))
        #expect(e.text == "abcde")
        #expect(e.refused == 1)
    }

    @Test func wordMovement() {
        var e = TextEditor(text: "one two  three")
        e.apply(.wordLeft)
        #expect(e.cursor == 9)
        e.apply(.wordLeft)
        #expect(e.cursor == 4)
        e.apply(.wordRight)
        #expect(e.cursor == 9)
    }

    @Test func singleLineScrollsHorizontallyByHalfWidths() {
        var e = TextEditor(text: "abcdefghijklmnop")  // 16 columns, cursor at 16
        let v = e.render(width: 10)
        #expect(v == TextEditor.View(lines: ["klmnop"], cursor: Point(row: 0, col: 6)))
        e.apply(.left)
        e.apply(.left)  // column 14: same window
        #expect(e.render(width: 10).cursor.col == 4)
        e.apply(.home)
        #expect(e.render(width: 10) == TextEditor.View(lines: ["abcdefghij"], cursor: Point(row: 0, col: 0)))
    }

    @Test func singleLineNeverSplitsAWideCharacterAtTheWindowEdge() {
        let e = TextEditor(text: "中文中文中文中文x")  // cursor at column 17
        let v = e.render(width: 7)
        #expect(v.lines[0].count <= 7)
        #expect(DisplayWidth.of(v.lines[0]) <= 7)
        #expect(v.cursor.col < 7)
        // At width 6 the window starts at column 15, the right half of 文:
        // a space stands in for the half that shows.
        #expect(e.render(width: 6) == TextEditor.View(lines: [" x"], cursor: Point(row: 0, col: 2)))
    }

    @Test func multilineWrapsAtWordsAndPutsTheCursorRight() {
        var e = TextEditor(text: "the quick brown fox\njumps", multiline: true)
        let v = e.render(width: 11)  // text wraps at 10, the last column is for the cursor
        #expect(v.lines == ["the quick ", "brown fox", "jumps"])
        #expect(v.cursor == Point(row: 2, col: 5))
        e.apply(.up, width: 11)
        #expect(e.render(width: 11).cursor == Point(row: 1, col: 5))
        e.apply(.up, width: 11)
        #expect(e.render(width: 11).cursor == Point(row: 0, col: 5))
        e.apply(.down, width: 11)
        e.apply(.down, width: 11)
        #expect(e.cursor == e.characters.count)
        e.apply(.home)
        #expect(e.render(width: 11).cursor == Point(row: 2, col: 0))
    }

    @Test func upDownKeepTheColumnAcrossWideCharacters() {
        var e = TextEditor(text: "abcdef\n中文中文", multiline: true)
        e.run(.home, .right, .right, .right)  // column 6 on the second line (after 中文中)
        #expect(e.render(width: 20).cursor == Point(row: 1, col: 6))
        e.apply(.up)
        #expect(e.cursor == 6)
        e.apply(.left)  // column 5
        e.apply(.down)  // 中文 ends at 4, 中文中 at 6: stays before the cluster that would pass 5
        #expect(e.render(width: 20).cursor == Point(row: 1, col: 4))
    }

    @Test func multilineScrollsVerticallyToTheCursor() {
        let e = TextEditor(text: "1\n2\n3\n4\n5", multiline: true)
        let v = e.render(width: 10, height: 2)
        #expect(v.lines == ["4", "5"])
        #expect(v.cursor == Point(row: 1, col: 1))
    }

    @Test func cursorAtTheEndOfAFullRowMovesToTheNextRow() {
        let e = TextEditor(text: "abcdefghij", multiline: true)
        let v = e.render(width: 5)
        #expect(v.lines == ["abcd", "efgh", "ij"])
        #expect(v.cursor == Point(row: 2, col: 2))
        let exact = TextEditor(text: "abcd", multiline: true).render(width: 5)
        #expect(exact.lines == ["abcd"])
        #expect(exact.cursor == Point(row: 0, col: 4))
    }
}

