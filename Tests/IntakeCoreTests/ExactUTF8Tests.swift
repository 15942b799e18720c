import IntakeTestSupport
import Testing
@testable import IntakeCore

/// `TextDecoding.exactUTF8` is the fast path beside the standard library's
/// `String(validating:as:)`: it must accept and refuse exactly the same bytes.
@Suite struct ExactUTF8Tests {
    private func exact(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { TextDecoding.exactUTF8($0) } }

    @Test func validTextComesBackWhole() {
        #expect(exact(Array("Have you been told you owe money?".utf8)) == "Have you been told you owe money?")
        #expect(exact(Array("이동 비용 때문에 빚이 있다고".utf8)) == "이동 비용 때문에 빚이 있다고")
        #expect(exact([]) == "")
        #expect(exact([0xF0, 0x9F, 0x98, 0x80]) == "\u{1F600}")
    }

    /// Each of these is repaired by `String(decoding:as:)` into text with
    /// U+FFFD; the first two keep the byte count (a four-byte sequence cut
    /// after three becomes one three-byte U+FFFD), so only a byte-by-byte
    /// comparison tells them from valid text.
    @Test(arguments: [
        [0xF0, 0x90, 0x80, 0x41],          // a four-byte sequence cut after three, then "A"
        [0x61, 0xF3, 0xA0, 0x80],          // "a", then a four-byte sequence cut after three
        [0x41, 0xE2, 0x82],                // a three-byte sequence cut after two
        [0xEF, 0xBF, 0xBD, 0x80],          // U+FFFD itself, then a lone continuation byte
        [0xC0, 0xAF],                      // an overlong "/"
        [0xED, 0xA0, 0x80],                // a surrogate
        [0xF4, 0x90, 0x80, 0x80],          // above U+10FFFF
        [0xFF],
        [0x80],
    ] as [[UInt8]])
    func invalidBytesAreRefused(_ bytes: [UInt8]) {
        #expect(exact(bytes) == nil)
    }

    /// Seeded byte strings of valid scalars, random bytes and cut sequences,
    /// some valid and some not: the fast path gives what the general one gives.
    @Test func agreesWithTheStandardLibraryOnGeneratedBytes() {
        var rng = SplitMix64(seed: 0x00E7_AC70)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("é".utf8), Array("中".utf8), Array("\u{1F600}".utf8), Array("\u{FFFD}".utf8),
            [0xF0, 0x90, 0x80], [0xE2, 0x82], [0xC3], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        ]
        var valid = 0, invalid = 0
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &rng) {
                if Int.random(in: 0..<32, using: &rng) == 0 {
                    bytes.append(UInt8.random(in: 0...255, using: &rng))
                } else {
                    // Mostly valid pieces, so that both outcomes are common.
                    let i = Int.random(in: 0..<(Int.random(in: 0..<12, using: &rng) == 0 ? pieces.count : 5), using: &rng)
                    bytes += pieces[i]
                }
            }
            let general = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
            #expect(exact(bytes) == general, "\(bytes)")
            if general == nil { invalid += 1 } else { valid += 1 }
        }
        // Both outcomes were met many times (the generator is seeded).
        #expect(valid > 1_000, "\(valid) valid")
        #expect(invalid > 1_000, "\(invalid) invalid")
    }
}
