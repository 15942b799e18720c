import IntakeTestSupport
@testable import IntakeTUI
import Testing

/// `Words.isMarked` (a byte search in the string's storage) against a
/// search by Unicode scalar, on seeded text mixing ASCII, the mark (C2 B0),
/// other characters that begin with its first byte (`¢`, `±`) or hold its
/// second (`İ` is C4 B0), CJK, right-to-left letters and an emoji.
@Suite struct WordsMarkTests {
    static let pieces = ["a", "Z", " ", "°", "¢", "±", "Â", "Ű", "İ", "你", "ف", "\u{B0}", "1.", "\u{1F600}", "é", "—"]

    @Test func markFoundAsByScalar() {
        var rng = SplitMix64(seed: 0x3A7C_0001)
        var marked = 0
        for _ in 0..<5_000 {
            let n = Int(rng.next() % 40)
            var text = ""
            for _ in 0..<n {
                let p = Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
                // The mark is rare, as on a screen: most lines carry none.
                if p == "°" || p == "\u{B0}", rng.next() % 8 != 0 { continue }
                text += p
            }
            let expected = text.unicodeScalars.contains("\u{B0}")
            if expected { marked += 1 }
            #expect(Words.isMarked(text) == expected, "\(text.debugDescription)")
        }
        #expect(marked > 500)
        #expect(marked < 4_500)
    }

    @Test func examples() {
        #expect(Words.isMarked("Farm work°"))
        #expect(Words.isMarked("°"))
        #expect(!Words.isMarked(""))
        #expect(!Words.isMarked("¢±Â"))  // C2 A2, C2 B1, C3 82: the lead byte without the mark
        #expect(!Words.isMarked("Farm work"))
    }
}
