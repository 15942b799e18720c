import IntakeTestSupport
import Testing
@testable import IntakeCore

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() { #expect(DisplayWidth.of("abc") == 3) }
    @Test func cjkIsTwoColumns() { #expect(DisplayWidth.of("中文") == 4) }
    @Test func thaiCombiningMarksAddNothing() {
        // "กี่" is one base consonant with a vowel and a tone mark above it.
        #expect(DisplayWidth.of("กี่") == 1)
        #expect("กี่".count == 1)
    }
    @Test func hangulSyllablesAreWide() { #expect(DisplayWidth.of("한국어") == 6) }
    @Test func emojiWithSelectorIsWide() { #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2) }

    /// Spacing vowel signs take a column of their own, as glibc's wcswidth
    /// (and so the terminal) counts them; the expected widths are glibc's,
    /// read with wcswidth in C.UTF-8.
    @Test(arguments: [("ตำรวจ", 5), ("ทำงาน", 5), ("पुलिस", 4), ("ចាប់ផ្តើម", 7), ("नमस्ते", 4),
                      ("မြန်မာ", 5), ("বাংলা", 5), ("한국어", 6), ("中文", 4), ("é", 1)])
    func spacingVowelSignsTakeAColumnAsTheTerminalGivesThem(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func aClusterIsSplitIntoTheCellsATerminalDrawsIt() {
        #expect(DisplayWidth.columnPieces("ตำ").map { $0.map(\.text) } == ["ต", "\u{0E33}"])
        #expect(DisplayWidth.columnPieces("लि").map { $0.map(\.text) } == ["ल", "\u{093F}"])
        #expect(DisplayWidth.columnPieces("पु") == nil)           // a non-spacing mark stays with its base
        #expect(DisplayWidth.columnPieces("👩\u{200D}👧") == nil)  // an emoji sequence is one glyph
    }
}

@Suite struct SanitizeTests {
    @Test func escapeSequencesAreRemoved() {
        #expect(Sanitize.singleLine("a\u{1B}[31mred\u{7}") == "a[31mred")
    }
    @Test func c1AndBidiOverridesAreRemoved() {
        #expect(Sanitize.singleLine("x\u{9B}y\u{202E}z") == "xyz")
    }
    @Test func multiLineKeepsNewlinesAndNormalisesCR() {
        #expect(Sanitize.multiLine("a\r\nb\rc\n\u{1B}d") == "a\nb\nc\nd")
    }
}

@Suite struct WrapTests {
    @Test func wrapsAtSpaces() {
        #expect(Wrap.lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
    }
    @Test func wideCharactersBreakAnywhereWithinWidth() {
        let lines = Wrap.lines("一二三四五六七", width: 6)
        #expect(lines == ["一二三", "四五六", "七"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 6 })
    }
    @Test func thaiClustersAreNeverSplit() {
        let text = String(repeating: "กี่", count: 10)
        let lines = Wrap.lines(text, width: 4)
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 4 })
    }
    @Test func closingPunctuationNeverStartsALine() {
        // Width 6 fits three ideographs; "、" would start line 2, so "二" moves down with it.
        let lines = Wrap.lines("一二三、四五", width: 6)
        #expect(lines == ["一二", "三、四", "五"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 6 })
    }
    /// The ASCII fast path and the general path agree on every input.
    @Test func asciiFastPathMatchesTheGeneralPath() {
        var rng = SplitMix64(seed: 11)
        func next() -> UInt64 { rng.next() }
        let pieces = ["a", "bb", "word", "longerword", "x", " ", "  ", "   ", "supercalifragilistic", ",", "."]
        for _ in 0..<2000 {
            let count = Int(next() % 30)
            let text = (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
            let width = 1 + Int(next() % 25)
            let fast = Wrap.wrapASCII(Array(text.utf8), width: width)
            let general = Wrap.generalLines(text, width: width)
            #expect(fast == general, "width \(width), text '\(text)'")
            if fast != general { return }
        }
    }
    @Test func longWordBreaks() {
        #expect(Wrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
    }
    @Test func keepsParagraphs() {
        #expect(Wrap.lines("a\n\nb", width: 5) == ["a", "", "b"])
    }
}

@Suite struct TrimTests {
    @Test func trimsAsciiAndUnicodeSpaceAtBothEnds() {
        #expect(" \t\n a b \r\n".trimmingWhitespace() == "a b")
        #expect("\u{3000}質問\u{00A0}\u{2028}".trimmingWhitespace() == "質問")
    }
    @Test func keepsInnerSpaceAndMarks() {
        #expect("e\u{301} x".trimmingWhitespace() == "e\u{301} x")
        #expect("x".trimmingWhitespace() == "x")
    }
    @Test func onlySpaceBecomesEmpty() {
        #expect(" \n\u{3000}".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }
    @Test func worksOnSubstrings() {
        let s = "[  inner  ]"
        #expect(s.dropFirst().dropLast().trimmingWhitespace() == "inner")
    }
}

@Suite struct CapitalsTests {
    @Test func defaultMappingNeedsNoLocaleData() {
        #expect(LanguageTag.uppercased("straße und café", language: "de") == "STRASSE UND CAFÉ")
        #expect(LanguageTag.uppercased("indicadores", language: "es") == "INDICADORES")
    }
    @Test func turkishAndAzerbaijaniKeepTheDot() {
        #expect(LanguageTag.uppercased("bilgi ısı", language: "tr") == "BİLGİ ISI")
        #expect(LanguageTag.uppercased("bilgi", language: "az-Latn") == "BİLGİ")
        #expect(LanguageTag.uppercased("bilgi", language: "en") == "BILGI")
    }
}

@Suite struct PlainNarrowTests {
    /// The fast path of `DisplayWidth.of(String)` counts these scalars one
    /// column each without grapheme breaking: that must agree with the
    /// per-character rule for every one of them, alone and between others.
    @Test func everyPlainNarrowScalarIsOneColumnAndItsOwnCharacter() {
        var checked = 0
        for v in UInt32(0)..<0x2600 where DisplayWidth.isPlainNarrow(v) {
            let s = Unicode.Scalar(v)!
            let c = Character(s)
            #expect(DisplayWidth.of(c) == 1, "U+\(String(v, radix: 16))")
            let text = "a\(c)\(c)a"
            #expect(text.count == 4, "U+\(String(v, radix: 16)) joins a neighbour")
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
            checked += 1
        }
        #expect(checked > 900)
    }
    @Test func otherTextStillMeasuredPerCharacter() {
        #expect(DisplayWidth.of("› e\u{301}") == 3)       // a combining mark leaves the fast path
        #expect(DisplayWidth.of("› 中文") == 6)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F} ok") == 5)
    }
}

@Suite struct SHA256Tests {
    /// FIPS 180-4 test vectors.
    @Test func knownDigests() {
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256Digest.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
    /// The same vectors given in uneven pieces.
    @Test func knownDigestsInPieces() {
        func pieces(_ bytes: [UInt8], _ sizes: [Int]) -> String {
            var stream = SHA256Digest.Stream()
            var at = 0
            for n in sizes + [bytes.count] where at < bytes.count {
                let end = min(bytes.count, at + n)
                bytes[at..<end].withUnsafeBytes { stream.update($0) }
                at = end
            }
            return SHA256Digest.hexOfDigest(stream.finalize())
        }
        #expect(pieces(Array("abc".utf8), [1, 1, 1]) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(pieces(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), [0, 55, 1])
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(pieces([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), [63, 65, 4096, 65536, 7])
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256Digest.hexOfDigest(SHA256Digest.Stream().finalize())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
    /// Lengths around the padding boundary (55, 56, 63, 64 bytes) digest differently and stably.
    @Test func paddingBoundaries() {
        let digests = [55, 56, 63, 64, 65].map { SHA256Digest.hex([UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == 5)
        #expect(digests[0] == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    }
}
