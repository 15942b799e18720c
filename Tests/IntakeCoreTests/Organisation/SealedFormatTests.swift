import Foundation
import Testing
@testable import IntakeCore

@Suite struct SealedFormatTests {
    static let header: [UInt8] = Array("INTAKE-SEALED\n".utf8) + [1] + [0x3f, 0x9a, 0x2c, 0x1b, 0x8d, 0x7e, 0x6f, 0x50]
        + [UInt8](repeating: 7, count: 32)

    @Test func aWellFormedFileGivesItsKeyID() throws {
        let file = Self.header + [UInt8](repeating: 0, count: 16)
        #expect(try SealedFormat.inspect(file) == SealedFormat.Header(keyID: "3f9a2c1b8d7e6f50", size: 71))
    }

    @Test func whatIsRefused() {
        #expect(throws: SealedFormat.Problem.notSealed) { _ = try SealedFormat.inspect(Array("name,answer\n".utf8)) }
        #expect(throws: SealedFormat.Problem.notSealed) { _ = try SealedFormat.inspect([UInt8]()) }
        var v2 = Self.header + [UInt8](repeating: 0, count: 16)
        v2[14] = 2
        #expect(throws: SealedFormat.Problem.unknownVersion(2)) { _ = try SealedFormat.inspect(v2) }
        // A header without the 16-byte tag.
        #expect(throws: SealedFormat.Problem.truncated(55)) { _ = try SealedFormat.inspect(Self.header) }
        #expect(throws: SealedFormat.Problem.truncated(14)) { _ = try SealedFormat.inspect(Array("INTAKE-SEALED\n".utf8)) }
        #expect(SealedFormat.Problem.truncated(55).description
                == "a sealed intake session cut short (55 bytes; a header and tag need 71)")
    }

    @Test func theDigestIsSHA256InHex() {
        #expect(SealedFormat.digest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
