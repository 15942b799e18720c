import Crypto
import Foundation

/// An organisation's key pair for sealed exports (see `SealedExport`): the
/// private key lives in a file made by `intake keys new`, the public key is
/// given to advocates (`--sealed-to`, or `public_key` in the organisation
/// config).
///
/// Private key file layout (binary, written 0600):
///
/// ```
/// "INTAKE-ORG-KEY\n"                15 bytes magic
/// 0x01                              format version
/// 0x00 | 0x01                       protection: 0 none, 1 passphrase
/// protection 0:
///   32 bytes                        the X25519 private key (RFC 7748 raw scalar)
/// protection 1:
///   4 + 4 + 4 bytes                 scrypt N, r, p (big-endian unsigned)
///   32 bytes                        scrypt salt
///   12 + 32 + 16 bytes              ChaCha20-Poly1305 nonce, sealed private key, tag;
///                                   key = scrypt(passphrase, salt, N, r, p, 32 bytes),
///                                   associated data = every byte before the nonce
/// ```
///
/// The unprotected form is what other tools need: bytes 17..<49 are the raw
/// key any RFC 9180 implementation takes (e.g. pyhpke's
/// `deserialize_private_key`).
public enum OrganisationKey {
    static let magic = Data("INTAKE-ORG-KEY\n".utf8)
    static let version: UInt8 = 1
    static let unprotected: UInt8 = 0
    static let passphraseProtected: UInt8 = 1

    /// The file's bytes for `key`, protected by `passphrase` when given
    /// (scrypt with `kdf`, as the session store derives its key).
    public static func fileContents(_ key: Curve25519.KeyAgreement.PrivateKey, passphrase: String?,
                                    kdf: KDFParameters = .default) throws -> Data {
        var out = magic
        out.append(version)
        guard let passphrase else {
            out.append(unprotected)
            out.append(key.rawRepresentation)
            return out
        }
        guard !passphrase.isEmpty else { throw StoreError.emptyPassphrase }
        out.append(passphraseProtected)
        for value in [kdf.n, kdf.r, kdf.p] { out.append(contentsOf: bigEndian(UInt32(value))) }
        let salt = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        out.append(salt)
        let box = try ChaChaPoly.seal(key.rawRepresentation, using: try kdf.deriveKey(passphrase: passphrase, salt: salt),
                                      authenticating: out)
        out.append(box.combined)
        return out
    }

    /// Whether the file's bytes say it needs a passphrase (nil: not a key file).
    public static func isProtected(_ file: Data) -> Bool? {
        let file = Data(file)
        guard file.count > magic.count + 1, file.prefix(magic.count) == magic else { return nil }
        return file[magic.count + 1] == passphraseProtected
    }

    /// Reads a private key file; `passphrase` is asked for only if it is protected.
    public static func read(_ file: Data, passphrase: () throws -> String) throws -> Curve25519.KeyAgreement.PrivateKey {
        let file = Data(file)
        guard file.count > magic.count + 2, file.prefix(magic.count) == magic else {
            throw StoreError.keyFile("it is not an intake organisation key file")
        }
        guard file[magic.count] == version else {
            throw StoreError.keyFile("unknown key file version \(file[magic.count])")
        }
        let body = file.suffix(from: magic.count + 2)
        switch file[magic.count + 1] {
        case unprotected:
            guard body.count == 32, let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: body) else {
                throw StoreError.keyFile("the key file is damaged")
            }
            return key
        case passphraseProtected:
            guard body.count == 12 + 32 + 12 + 32 + 16 else { throw StoreError.keyFile("the key file is damaged") }
            let b = [UInt8](body)
            func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
            let kdf: KDFParameters
            do { kdf = try KDFParameters(n: u32(0), r: u32(4), p: u32(8)) } catch {
                throw StoreError.keyFile("the key file's key-derivation parameters are not acceptable")
            }
            let salt = Data(b[12..<44])
            let headerEnd = magic.count + 2 + 44
            let secret = try passphrase()
            guard !secret.isEmpty else { throw StoreError.emptyPassphrase }
            guard let box = try? ChaChaPoly.SealedBox(combined: Data(b[44...])),
                  let raw = try? ChaChaPoly.open(box, using: try kdf.deriveKey(passphrase: secret, salt: salt),
                                                 authenticating: file.prefix(headerEnd)),
                  let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
                throw StoreError.keyFile("the passphrase is not correct for this key, or the file was altered")
            }
            return key
        default:
            throw StoreError.keyFile("unknown protection \(file[magic.count + 1])")
        }
    }

    /// The public key as `--sealed-to` and the organisation config take it: base64 of its 32 bytes.
    public static func base64(_ key: Curve25519.KeyAgreement.PublicKey) -> String {
        key.rawRepresentation.base64EncodedString()
    }

    /// A short fingerprint to compare by eye or over the phone: the key id
    /// of sealed exports (first 8 bytes of SHA-256 of the public key) in
    /// lower-case hex, in groups of four.
    public static func fingerprint(_ key: Curve25519.KeyAgreement.PublicKey) -> String {
        let hex = SealedExport.keyID(of: key).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { i -> String in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)]
    }
}
