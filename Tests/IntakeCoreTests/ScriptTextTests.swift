import Testing
@testable import IntakeCore

/// Where a line may break comes from the script, not from a cluster's
/// width: a Thai letter with SARA AM (U+0E33) or a Devanagari consonant with
/// a spacing vowel sign is two columns but is not an ideograph. Every
/// expected line below was read by a person; the widths are glibc's
/// wcswidth in C.UTF-8 (ตำรวจ 5, ทำงาน 5, คำถาม 5, ข้อจำกัด 6, पुलिस 4,
/// काम 3, বাংলা 5, পুলিশ 4, ចាប់ផ្តើម 7, ការងារ 6, မြန်မာ 5, နိုင်ငံ 3).
@Suite struct ScriptWrapTests {
    /// Translators saw "ตำ|รวจ", "คำ|ถาม" and "ข้อจำ|กัด".
    @Test func thaiWordsMoveWholeToTheNextLine() {
        #expect(Wrap.lines("ตำรวจ ทำงาน", width: 8) == ["ตำรวจ", "ทำงาน"])
        #expect(Wrap.lines("คำถาม ข้อจำกัด", width: 10) == ["คำถาม", "ข้อจำกัด"])
        #expect(Wrap.lines("ทำงาน คำถาม", width: 8) == ["ทำงาน", "คำถาม"])
    }

    /// Thai writes no space between words: a run wider than the line breaks
    /// between grapheme clusters as a last resort, never inside one ("ตำ"
    /// stays whole).
    @Test func thaiRunWiderThanTheLineBreaksBetweenClusters() {
        #expect(Wrap.lines("ตำรวจทำงาน", width: 4) == ["ตำรว", "จทำง", "าน"])
    }

    @Test func devanagariBreaksAtSpacesOnly() {
        #expect(Wrap.lines("काम पुलिस", width: 6) == ["काम", "पुलिस"])
        #expect(Wrap.lines("नमस्ते पुलिस", width: 7) == ["नमस्ते", "पुलिस"])
    }

    @Test func bengaliBreaksAtSpacesOnly() {
        #expect(Wrap.lines("বাংলা পুলিশ", width: 8) == ["বাংলা", "পুলিশ"])
    }

    @Test func khmerWordsMoveWholeToTheNextLine() {
        #expect(Wrap.lines("ចាប់ផ្តើម ការងារ", width: 10) == ["ចាប់ផ្តើម", "ការងារ"])
    }

    @Test func burmeseWordsMoveWholeToTheNextLine() {
        #expect(Wrap.lines("နိုင်ငံ မြန်မာ", width: 6) == ["နိုင်ငံ", "မြန်မာ"])
    }

    /// Ideographs, kana and Hangul still break between any two clusters.
    @Test func ideographsKanaAndHangulStillBreakAnywhere() {
        #expect(Wrap.lines("警察工作", width: 5) == ["警察", "工作"])
        #expect(Wrap.lines("ひらがなカタカナ", width: 6) == ["ひらが", "なカタ", "カナ"])
        #expect(Wrap.lines("경찰관입니다", width: 7) == ["경찰관", "입니다"])
    }
}

/// A ZERO WIDTH JOINER makes one emoji only between Extended_Pictographic
/// characters; in Devanagari (र + virama + ZWJ, the eyelash ra) it belongs to
/// the cluster and the letters after it are drawn.
@Suite struct JoinerTests {
    @Test func zwjInDevanagariKeepsTheLettersAfterIt() {
        let word = "पुर्\u{200D}याएको"
        #expect(DisplayWidth.of(word) == 7)
        let pieces = word.flatMap { c in DisplayWidth.columnPieces(c)?.map(\.text) ?? [String(c)] }
        #expect(pieces == ["पु", "र्\u{200D}", "य", "ा", "ए", "क", "ो"])
    }

    @Test func zwjBetweenEmojiIsStillOneGlyph() {
        #expect(DisplayWidth.columnPieces("👩\u{200D}👧") == nil)
        #expect(DisplayWidth.of("👩\u{200D}👧") == 2)
        #expect(DisplayWidth.columnPieces("🏳\u{FE0F}\u{200D}🌈") == nil)
    }
}

/// The generated tables (scripts/gen-width-tables.py): widths of a sample of
/// code points, as glibc 2.36's wcwidth gives them in C.UTF-8.
@Suite struct WidthTableTests {
    @Test(arguments: [
        (0x0041, 1), (0x00AD, 1), (0x0300, 0), (0x0600, 1), (0x0E31, 0), (0x0E33, 1), (0x0E48, 0),
        (0x093E, 1), (0x093F, 1), (0x0941, 0), (0x094D, 0), (0x0982, 1), (0x09BE, 1), (0x09C1, 0),
        (0x102C, 1), (0x103A, 0), (0x103C, 1), (0x1100, 2), (0x1160, 0), (0x11A8, 0), (0x17B6, 1),
        (0x17CB, 0), (0x17D2, 0), (0x200B, 0), (0x200D, 0), (0x2764, 1), (0x3000, 2), (0x302A, 0),
        (0x3041, 2), (0x3099, 0), (0x3248, 2), (0x4DC0, 2), (0x4E00, 2), (0x9FFF, 2), (0xAC00, 2),
        (0xD7A3, 2), (0xD7B0, 0), (0xFE0F, 0), (0xFEFF, 0), (0xFF01, 2), (0xFF61, 1), (0x1F1E6, 1),
        (0x1F600, 2), (0x1F9FF, 2), (0x20000, 2), (0xE0001, 0), (0xE0100, 0),
    ] as [(UInt32, Int)])
    func scalarWidthsAreGlibcs(_ code: UInt32, _ width: Int) {
        #expect(DisplayWidth.scalarWidth(Unicode.Scalar(code)!) == width, "U+\(String(code, radix: 16, uppercase: true))")
    }

    @Test func tablesStateTheirUnicodeVersion() {
        #expect(DisplayWidth.unicodeVersion == "15.0.0")
    }
}
