import Crypto
import Foundation

/// The outer layout of a sealed session (`IntakeStore.SealedExport` seals
/// and opens it): what can be checked without the private key, so that a
/// collection server can refuse anything that is not a sealed session
/// while never being able to read one.
///
/// ```
/// "INTAKE-SEALED\n"     14 bytes magic
/// 0x01                  format version
/// 8 bytes               key id: SHA-256(recipient public key)[0..<8]
/// 32 bytes              HPKE encapsulated key
/// rest                  HPKE ciphertext (at least the 16-byte Poly1305 tag)
/// ```
public enum SealedFormat {
    public static let magic = Data("INTAKE-SEALED\n".utf8)
    public static let version: UInt8 = 1
    public static let keyIDCount = 8
    public static let encapsulatedKeyCount = 32
    public static let headerCount = 14 + 1 + 8 + 32
    /// ChaCha20-Poly1305's tag: an empty plaintext still has these bytes.
    public static let tagCount = 16

    /// Why bytes are not a sealed session.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The bytes do not start with the magic: some other kind of file.
        case notSealed
        /// The magic is there, but the version is one this program does not know.
        case unknownVersion(UInt8)
        /// The magic is there, but the file is too short to hold a header and a tag.
        case truncated(Int)

        public var description: String {
            switch self {
            case .notSealed: return "not a sealed intake session (no INTAKE-SEALED header)"
            case .unknownVersion(let v): return "a sealed intake session of unknown format version \(v)"
            case .truncated(let n): return "a sealed intake session cut short (\(n) bytes; a header and tag need \(SealedFormat.headerCount + SealedFormat.tagCount))"
            }
        }
    }

    /// What the header says, checked for structure only.
    public struct Header: Equatable, Sendable {
        /// The 8-byte key id, as lower-case hex (16 digits).
        public var keyID: String
        public var size: Int
    }

    /// Checks the magic, version and length; returns the key id.
    public static func inspect<Bytes: Collection>(_ bytes: Bytes) throws(Problem) -> Header where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(headerCount))
        guard head.count >= magic.count, head.prefix(magic.count).elementsEqual(magic) else { throw .notSealed }
        guard head.count > magic.count, head[magic.count] == version else {
            throw head.count > magic.count ? .unknownVersion(head[magic.count]) : .truncated(bytes.count)
        }
        guard bytes.count >= headerCount + tagCount else { throw .truncated(bytes.count) }
        let id = head[(magic.count + 1)..<(magic.count + 1 + keyIDCount)]
        return Header(keyID: hex(id), size: bytes.count)
    }

    /// The key id of `publicKey` as hex, as `inspect` reports it.
    public static func keyIDHex(of publicKey: Curve25519.KeyAgreement.PublicKey) -> String {
        hex(SHA256.hash(data: publicKey.rawRepresentation).prefix(keyIDCount))
    }

    /// SHA-256 of the whole file as lower-case hex: the digest a collection
    /// server stores and confirms receipt with.
    public static func digest<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hex(SHA256.hash(data: bytes))
    }

    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
