import Crypto
import Foundation
import Testing
@testable import IntakeStore

@Suite struct OrganisationKeyTests {
    /// A fixed key (RFC 7748 section 6.1, Alice's private key), so the
    /// expected bytes are written out here, not computed by the code.
    static var key: Curve25519.KeyAgreement.PrivateKey {
        try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: Data(base64Encoded: "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=")!)
    }

    @Test func unprotectedFileIsMagicVersionAndRawKey() throws {
        let file = try OrganisationKey.fileContents(Self.key, passphrase: nil)
        #expect(file.count == 15 + 1 + 1 + 32)
        #expect(file.prefix(15) == Data("INTAKE-ORG-KEY\n".utf8))
        #expect(Array(file[15...16]) == [1, 0])
        #expect(file.suffix(32).base64EncodedString() == "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=")
        #expect(OrganisationKey.isProtected(file) == false)
        let read = try OrganisationKey.read(file) { Issue.record("no passphrase needed"); return "" }
        #expect(read.rawRepresentation == Self.key.rawRepresentation)
    }

    @Test func publicKeyAndFingerprintOfAKnownKey() {
        // RFC 7748 section 6.1: Alice's public key.
        #expect(OrganisationKey.base64(Self.key.publicKey) == "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=")
        // SHA-256 of the public key, first 8 bytes (computed with Python's hashlib).
        #expect(OrganisationKey.fingerprint(Self.key.publicKey) == "300c 9c96 03b9 2a4b")
    }

    @Test func protectedFileHidesTheKeyAndNeedsThePassphrase() throws {
        let file = try OrganisationKey.fileContents(Self.key, passphrase: "org secret phrase", kdf: .insecureForTesting)
        #expect(file.count == 15 + 2 + 12 + 32 + 12 + 32 + 16)
        #expect(Array(file[15...16]) == [1, 1])
        #expect(Array(file[17..<29]) == [0, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 1])  // N=16, r=1, p=1
        #expect(file.range(of: Self.key.rawRepresentation) == nil)
        #expect(OrganisationKey.isProtected(file) == true)
        let read = try OrganisationKey.read(file) { "org secret phrase" }
        #expect(read.rawRepresentation == Self.key.rawRepresentation)
        #expect(throws: StoreError.keyFile("the passphrase is not correct for this key, or the file was altered")) {
            _ = try OrganisationKey.read(file) { "another phrase" }
        }
        var altered = file
        altered[17 + 3] = 32  // N changed: the header is authenticated
        #expect(throws: StoreError.keyFile("the passphrase is not correct for this key, or the file was altered")) {
            _ = try OrganisationKey.read(altered) { "org secret phrase" }
        }
    }

    @Test func otherFilesAreRefused() {
        #expect(throws: StoreError.keyFile("it is not an intake organisation key file")) {
            _ = try OrganisationKey.read(Data("INTAKE-SEALED\n\u{1}".utf8)) { "" }
        }
        #expect(OrganisationKey.isProtected(Data("hello".utf8)) == nil)
    }

    @Test func aFileSealedToTheKeyOpensWithTheKeyFromItsFile() throws {
        let file = try OrganisationKey.fileContents(Self.key, passphrase: "org secret phrase", kdf: .insecureForTesting)
        let sealed = try SealedExport.seal(Data("record".utf8), to: Self.key.publicKey)
        let key = try OrganisationKey.read(file) { "org secret phrase" }
        #expect(try SealedExport.open(sealed, with: key) == Data("record".utf8))
    }
}
