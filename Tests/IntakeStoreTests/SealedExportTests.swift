import Crypto
import Foundation
import Testing
import IntakeCore
@testable import IntakeStore

@Suite struct SealedExportTests {
    static let secret = "EXPORT-Quaffelmink: debt of 9000 to the recruiter"

    func makeSession(_ store: SessionStore) throws -> SessionID {
        let id = try store.createSession(questionnaireID: "q", version: "2", hash: "h",
                                         header: json(#"{"lang":"es"}"#),
                                         now: Date(timeIntervalSince1970: 1_800_000_000.123))
        try store.append(session: id, payload: json(#"{"a":"\#(Self.secret)"}"#),
                         at: Date(timeIntervalSince1970: 1_800_000_001.987654))
        try store.append(session: id, payload: json(#"{"b":2}"#), at: Date(timeIntervalSince1970: 1_800_000_002.5))
        try store.putArtifact(session: id, kind: "summary.json", data: json(#"{"s":1}"#))
        try store.setStatus(session: id, .finished, now: Date(timeIntervalSince1970: 1_800_000_003))
        return id
    }

    @Test func onlyThePrivateKeyHolderCanOpenIt() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try makeSession(store)
        let org = Curve25519.KeyAgreement.PrivateKey()
        let publicKey = try SealedExport.publicKey(base64: org.publicKey.rawRepresentation.base64EncodedString() + "\n")

        let sealed = try store.sealedExport(session: id, to: publicKey)
        #expect(sealed.range(of: Data("Quaffelmink".utf8)) == nil)
        #expect(sealed.range(of: Data(Self.secret.utf8).base64EncodedData()) == nil)

        let file = tmp.url.appendingPathComponent("session.intake-sealed")
        try SecureFile.write(sealed, to: file)
        #expect(mode(of: file) == 0o600)

        let opened = try SessionExport.decode(SealedExport.open(try Data(contentsOf: file), with: org))
        #expect(opened == (try store.export(session: id)))
        #expect(opened.status == .finished)
        #expect(opened.events.map(\.seq) == [1, 2])
        #expect(opened.events[0].payload == json(#"{"a":"\#(Self.secret)"}"#))
        #expect(opened.events[0].at == Date(timeIntervalSince1970: 1_800_000_001.987654))
        #expect(opened.header == json(#"{"lang":"es"}"#))
        #expect(opened.artifacts == ["summary.json": json(#"{"s":1}"#)])
        let plain = try SealedExport.open(sealed, with: org)
        #expect(String(decoding: plain, as: UTF8.self).contains(#""id":"\#(id.string)""#))

        #expect(throws: StoreError.sealedExport("it was sealed to a different key")) {
            try SealedExport.open(sealed, with: Curve25519.KeyAgreement.PrivateKey())
        }
    }

    @Test func anyAlteredByteIsDetected() throws {
        let org = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try SealedExport.seal(json(#"{"x":1}"#), to: org.publicKey)
        #expect(try SealedExport.open(sealed, with: org) == json(#"{"x":1}"#))
        // Byte 14 is the version, 15..<23 the key id: they have their own errors.
        for index in [0, 30, SealedExport.headerCount, sealed.count - 1] {
            var altered = sealed
            altered[index] ^= 0x01
            #expect(throws: StoreError.self, "byte \(index)") { try SealedExport.open(altered, with: org) }
        }
        #expect(throws: StoreError.sealedExport("not a sealed intake export")) {
            try SealedExport.open(json("hello"), with: org)
        }
        #expect(throws: StoreError.self) { try SealedExport.publicKey(base64: "not base64!") }
    }
}

@Suite struct SealedExportOuterFormatTests {
    /// What a collection server checks without the key is what sealing writes.
    @Test func aSealedExportPassesTheServersStructureCheck() throws {
        let key = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try SealedExport.seal(Data("{}".utf8), to: key.publicKey)
        let header = try SealedFormat.inspect([UInt8](sealed))
        #expect(header.keyID == SealedFormat.keyIDHex(of: key.publicKey))
        #expect(header.size == 14 + 1 + 8 + 32 + 2 + 16)
        #expect(try SealedExport.open(sealed, with: key) == Data("{}".utf8))
    }
}
