import Crypto
import Foundation
import Testing
@testable import IntakeStore

/// `--sealed-to` must refuse public keys whose X25519 shared secret is all
/// zero whatever the sender's key (RFC 9180, section 7.1.4; RFC 7748,
/// section 6.1): the low-order points and their other encodings.
@Suite struct WeakRecipientKeyTests {
    /// The low-order points of Curve25519 as little-endian u-coordinates, as
    /// listed in libsodium's blacklist (and in "Curve25519 low order
    /// points"): 0, 1, the two points of order 8, p-1, and the non-canonical
    /// encodings p and p+1.
    static let canonicalAndNonCanonical: [(name: String, bytes: [UInt8])] = [
        ("0 (order 4)", [UInt8](repeating: 0, count: 32)),
        ("1 (order 1)", [0x01] + [UInt8](repeating: 0, count: 31)),
        ("order-8 point e0eb7a7c…", [
            0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
            0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00]),
        ("order-8 point 5f9c95bc…", [
            0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
            0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57]),
        ("p-1 (order 2)", [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f]),
        ("p (= 0)", [0xed] + [UInt8](repeating: 0xff, count: 30) + [0x7f]),
        ("p+1 (= 1)", [0xee] + [UInt8](repeating: 0xff, count: 30) + [0x7f]),
    ]

    /// X25519 ignores the top bit of the last byte (RFC 7748, section 5), so
    /// each point above with that bit set is the same point.
    static let topBitSet: [(name: String, bytes: [UInt8])] = [
        ("0 with bit 255 set", [UInt8](repeating: 0, count: 31) + [0x80]),
        ("1 with bit 255 set", [0x01] + [UInt8](repeating: 0, count: 30) + [0x80]),
        ("order-8 point e0eb7a7c… with bit 255 set", [
            0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
            0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x80]),
        ("order-8 point 5f9c95bc… with bit 255 set", [
            0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
            0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0xd7]),
        ("p-1 with bit 255 set", [0xec] + [UInt8](repeating: 0xff, count: 31)),
        ("p with bit 255 set", [0xed] + [UInt8](repeating: 0xff, count: 31)),
        ("p+1 with bit 255 set", [0xee] + [UInt8](repeating: 0xff, count: 31)),
    ]

    static let lowOrder = canonicalAndNonCanonical + topBitSet

    /// A check of the table itself (not of intake): swift-crypto's X25519
    /// gives an all-zero shared secret with each of these points, whatever
    /// the private key. It also shows that swift-crypto does not refuse them.
    @Test(arguments: lowOrder.map(\.name))
    func swiftCryptoGivesAnAllZeroSecretForThePoint(name: String) throws {
        let bytes = Self.lowOrder.first { $0.name == name }!.bytes
        let point = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: bytes)
        for _ in 0..<3 {
            let secret = try Curve25519.KeyAgreement.PrivateKey().sharedSecretFromKeyAgreement(with: point)
            #expect(secret.withUnsafeBytes { Array($0) } == [UInt8](repeating: 0, count: 32), "\(name)")
        }
    }

    @Test(arguments: lowOrder.map(\.name))
    func parsingALowOrderPointIsRefused(name: String) {
        let bytes = Self.lowOrder.first { $0.name == name }!.bytes
        let text = Data(bytes).base64EncodedString()
        #expect(throws: StoreError.unsafeRecipientKey) { _ = try SealedExport.publicKey(base64: text) }
    }

    @Test(arguments: lowOrder.map(\.name))
    func sealingToALowOrderPointIsRefused(name: String) throws {
        let bytes = Self.lowOrder.first { $0.name == name }!.bytes
        // Made with swift-crypto directly, as a caller that skips
        // `publicKey(base64:)` would.
        let point = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: bytes)
        #expect(throws: StoreError.unsafeRecipientKey) { _ = try SealedExport.seal(json(#"{"x":1}"#), to: point) }
    }

    @Test func theMessageSaysWhyAndNamesNoSecret() {
        #expect(StoreError.unsafeRecipientKey.description
                == "Refusing to seal to this public key: it is a weak (low-order) X25519 key that would let anyone read the export.")
    }

    @Test func aRealKeyStillSealsAndOpens() throws {
        // A fixed key pair (RFC 7748, section 6.1, Bob's), so the test does
        // not depend on chance.
        let bobPrivate: [UInt8] = [
            0x5d, 0xab, 0x08, 0x7e, 0x62, 0x4a, 0x8a, 0x4b, 0x79, 0xe1, 0x7f, 0x8b, 0x83, 0x80, 0x0e, 0xe6,
            0x6f, 0x3b, 0xb1, 0x29, 0x26, 0x18, 0xb6, 0xfd, 0x1c, 0x2f, 0x8b, 0x27, 0xff, 0x88, 0xe0, 0xeb]
        let bobPublic: [UInt8] = [
            0xde, 0x9e, 0xdb, 0x7d, 0x7b, 0x7d, 0xc1, 0xb4, 0xd3, 0x5b, 0x61, 0xc2, 0xec, 0xe4, 0x35, 0x37,
            0x3f, 0x83, 0x43, 0xc8, 0x5b, 0x78, 0x67, 0x4d, 0xad, 0xfc, 0x7e, 0x14, 0x6f, 0x88, 0x2b, 0x4f]
        let org = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bobPrivate)
        #expect(Array(org.publicKey.rawRepresentation) == bobPublic)
        let key = try SealedExport.publicKey(base64: Data(bobPublic).base64EncodedString())
        let sealed = try SealedExport.seal(json(#"{"x":1}"#), to: key)
        #expect(try SealedExport.open(sealed, with: org) == json(#"{"x":1}"#))
        // And a fresh random key, as `intake` users make them.
        let other = Curve25519.KeyAgreement.PrivateKey()
        let parsed = try SealedExport.publicKey(base64: other.publicKey.rawRepresentation.base64EncodedString())
        #expect(try SealedExport.open(try SealedExport.seal(json("{}"), to: parsed), with: other) == json("{}"))
    }
}
