import Testing
@testable import IntakeTUI

@Suite struct KeyDecoderTests {
    let decoder = KeyDecoder()

    func keys(_ bytes: [UInt8]) -> [KeyEvent] {
        decoder.decode(bytes, final: true).keys
    }

    func keys(_ text: String) -> [KeyEvent] {
        keys(Array(text.utf8))
    }

    @Test func functionKeysOfEveryTerminalFamily() {
        #expect(keys("\u{1B}[11~") == [.function(1)])   // xterm (R6), rxvt, VT220
        #expect(keys("\u{1B}OP") == [.function(1)])     // xterm, vt100, screen, tmux
        #expect(keys("\u{1B}[[A") == [.function(1)])    // Linux console
        #expect(keys("\u{1B}[[E") == [.function(5)])
        #expect(keys("\u{1B}[1;2P") == [.function(1)])  // Shift-F1 on xterm
        #expect(keys("\u{1B}OS") == [.function(4)])
        #expect(keys("\u{1B}[15~") == [.function(5)])
        #expect(keys("\u{1B}[17~") == [.function(6)])
        #expect(keys("\u{1B}[21~") == [.function(10)])
        #expect(keys("\u{1B}[24~") == [.function(12)])
        #expect(keys("\u{1B}[24;5~") == [.function(12)])
    }

    @Test func cursorAndEditingKeys() {
        #expect(keys("\u{1B}[A\u{1B}OB\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}[1;5D\u{1B}[1;5C") == [.ctrlLeft, .ctrlRight])
        #expect(keys("\u{1B}Od\u{1B}Oc") == [.ctrlLeft, .ctrlRight])  // rxvt
        #expect(keys("\u{1B}[H\u{1B}OF\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~") == [.home, .end, .home, .end, .home, .end])
        #expect(keys("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[Z") == [.delete, .pageUp, .pageDown, .backTab])
        #expect(keys("\u{1B}OM") == [.enter])
        #expect(keys([0x7F, 0x08, 0x0D, 0x09, 0x04]) == [.backspace, .backspace, .enter, .tab, .ctrl("d")])
    }

    @Test func anUnknownSequenceIsConsumedWholeAndIgnored() {
        #expect(keys("\u{1B}[99;5z") == [])
        #expect(keys("a\u{1B}[99;5zb") == [.char("a"), .char("b")])
        #expect(keys("\u{1B}[2~") == [])       // Insert: no command
        #expect(keys("\u{1B}[?1;2c") == [])    // a terminal's answer to a query
        #expect(keys("\u{1B}[25~") == [])      // F13
        #expect(keys("\u{1B}[[Z") == [])
        #expect(keys("\u{1B}x") == [])         // Alt-x
    }

    @Test func onlyABareEscIsEscape() {
        #expect(keys([0x1B]) == [.escape])
        #expect(keys([0x1B, 0x1B]) == [.escape, .escape])
        #expect(keys([0x1B, 0x0D]) == [.escape, .enter])
        #expect(keys("a\u{1B}") == [.char("a"), .escape])
    }

    @Test func aSequenceCutOffAtTheEndIsPendingUntilTheRestArrives() {
        let first = decoder.decode(Array("x\u{1B}[1".utf8), final: false)
        #expect(first.keys == [.char("x")])
        #expect(first.pending == [0x1B, 0x5B, 0x31])
        #expect(decoder.decode(first.pending + Array("1~".utf8), final: false).keys == [.function(1)])
        let lone = decoder.decode([0x1B], final: false)
        #expect(lone.keys == [])
        #expect(lone.pending == [0x1B])
        // No more bytes came: a lone Esc hides; a half sequence is ignored.
        #expect(decoder.decode([0x1B], final: true).keys == [.escape])
        #expect(decoder.decode([0x1B, 0x5B, 0x31], final: true).keys == [])
    }

    @Test func anInvalidByteIsAReplacementCharacterAndTheRestIsKept() {
        #expect(keys([0x61, 0x62, 0xFF, 0x63, 0x64]) == [.char("a"), .char("b"), .char("\u{FFFD}"), .char("c"), .char("d")])
        #expect(keys([0xE4, 0xB8, 0x0D]) == [.char("\u{FFFD}"), .enter])
        #expect(keys([0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87]) == [.char("中"), .char("文")])
    }

    @Test func aUTF8CharacterCutOffAtTheEndIsPending() {
        let first = decoder.decode([0x61, 0xE4, 0xB8], final: false)
        #expect(first.keys == [.char("a")])
        #expect(first.pending == [0xE4, 0xB8])
        #expect(decoder.decode(first.pending + [0xAD], final: false).keys == [.char("中")])
        #expect(decoder.decode([0x61, 0xE4, 0xB8], final: true).keys == [.char("a"), .char("\u{FFFD}")])
    }

    @Test func theTerminalsOwnSequencesNameWhatTheTablesDoNot() {
        let d = KeyDecoder(extra: [Array("\u{1B}[M".utf8): .function(1), Array("\u{1B}[11~".utf8): .function(7)])
        #expect(d.decode(Array("\u{1B}[M".utf8), final: true).keys == [.function(1)])
        // The built-in tables win: F1 stays F1 when TERM disagrees.
        #expect(d.decode(Array("\u{1B}[11~".utf8), final: true).keys == [.function(1)])
    }
}
