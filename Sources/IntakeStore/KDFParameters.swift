import Crypto
import CryptoExtras
import Foundation

/// scrypt parameters used to turn the passphrase into the store key.
///
/// They are chosen once, when a store is created, and saved in `store_meta`;
/// reopening always uses the saved values, so changing `default` later does
/// not lock anyone out.
public struct KDFParameters: Equatable, Sendable {
    /// CPU/memory cost N (a power of two).
    public var n: Int
    /// Block size r.
    public var r: Int
    /// Parallelism p.
    public var p: Int

    /// N = 2^15, r = 8, p = 1: about 32 MiB and a fraction of a second, the
    /// interactive-login setting recommended for scrypt.
    public static let `default` = KDFParameters(uncheckedN: 1 << 15, r: 8, p: 1)

    /// A deliberately weak set that keeps tests fast. Never use it for real
    /// records: it must be passed explicitly to `SessionStore.open`.
    public static let insecureForTesting = KDFParameters(uncheckedN: 1 << 4, r: 1, p: 1)

    /// Validates the parameters: N a power of two in 2^4...2^22, r in 1...32,
    /// p in 1...16, memory at most 1 GiB. The upper bounds also protect
    /// against a tampered `store_meta` that asks for absurd amounts of work.
    public init(n: Int, r: Int, p: Int) throws {
        guard n >= 16, n <= 1 << 22, n & (n - 1) == 0 else {
            throw StoreError.invalidKDFParameters("N must be a power of two between 16 and 4194304")
        }
        guard (1...32).contains(r) else { throw StoreError.invalidKDFParameters("r must be between 1 and 32") }
        guard (1...16).contains(p) else { throw StoreError.invalidKDFParameters("p must be between 1 and 16") }
        guard 128 * n * r * p <= 1 << 30 else { throw StoreError.invalidKDFParameters("more than 1 GiB of memory") }
        self.init(uncheckedN: n, r: r, p: p)
    }

    private init(uncheckedN n: Int, r: Int, p: Int) {
        self.n = n
        self.r = r
        self.p = p
    }

    /// scrypt(passphrase, salt) → 32-byte key.
    func deriveKey(passphrase: String, salt: Data) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32,
            rounds: n, blockSize: r, parallelism: p)
    }
}

/// Seals and opens values with ChaCha20-Poly1305 under the store key.
///
/// Every sealed value carries a fresh random nonce, and is bound through the
/// associated data to the row it belongs to (session id, seq, artifact
/// kind, …), so a blob copied to another row fails authentication.
///
/// Layout of a sealed value: one version byte, then the ChaChaPoly combined
/// box (12-byte nonce, ciphertext, 16-byte tag). Version 2 (written now):
/// the ciphertext is of the plaintext padded as `Padding` describes, so
/// every value's size is a bucket size. Version 1 (stores of format 1, read
/// only to upgrade them, and their key check): the plaintext unpadded.
struct Sealer: Sendable {
    static let unpaddedVersion: UInt8 = 1
    static let paddedVersion: UInt8 = 2
    let key: SymmetricKey

    func seal(_ plaintext: Data, context: SealContext) throws -> Data {
        let box = try ChaChaPoly.seal(Padding.pad(plaintext), using: key, authenticating: context.associatedData)
        var out = Data([Self.paddedVersion])
        out.append(box.combined)
        return out
    }

    /// Opens a sealed value; throws `StoreError.tampered` if it fails.
    func open(_ sealed: Data, context: SealContext) throws -> Data {
        guard sealed.count > 1 + 12 + 16, let version = sealed.first,
              version == Self.unpaddedVersion || version == Self.paddedVersion else {
            throw StoreError.tampered(what: context.what)
        }
        let opened: Data
        do {
            let box = try ChaChaPoly.SealedBox(combined: sealed.dropFirst())
            opened = try ChaChaPoly.open(box, using: key, authenticating: context.associatedData)
        } catch {
            throw StoreError.tampered(what: context.what)
        }
        guard version == Self.paddedVersion else { return opened }
        guard let plaintext = Padding.unpad(opened) else { throw StoreError.tampered(what: context.what) }
        return plaintext
    }
}

/// What a sealed value belongs to; turned into associated data.
enum SealContext {
    case keyCheck
    case header(SessionID)
    /// The session's exact creation and last-change times.
    case times(SessionID)
    case event(SessionID, seq: Int)
    case artifact(SessionID, kind: String)
    /// Values of a format-1 store, opened only to upgrade it.
    case formatOneHeader(SessionID)
    case formatOneEvent(SessionID, seq: Int, at: Double)
    case formatOneArtifact(SessionID, kind: String)

    var associatedData: Data {
        switch self {
        case .keyCheck:
            return Data("intake-store/v1/key-check".utf8)
        case let .header(id):
            return Data("intake-store/v2/header/\(id.string)".utf8)
        case let .times(id):
            return Data("intake-store/v2/times/\(id.string)".utf8)
        case let .event(id, seq):
            return Data("intake-store/v2/event/\(id.string)/\(seq)".utf8)
        case let .artifact(id, kind):
            return Data("intake-store/v2/artifact/\(id.string)/".utf8) + Data(kind.utf8)
        case let .formatOneHeader(id):
            return Data("intake-store/v1/header/\(id.string)".utf8)
        case let .formatOneEvent(id, seq, at):
            return Data("intake-store/v1/event/\(id.string)/\(seq)/\(at.bitPattern)".utf8)
        case let .formatOneArtifact(id, kind):
            return Data("intake-store/v1/artifact/\(id.string)/".utf8) + Data(kind.utf8)
        }
    }

    /// Names the record in an error message (no sensitive content).
    var what: String {
        switch self {
        case .keyCheck: return "the key check value"
        case let .header(id), let .formatOneHeader(id): return "the header of session \(id)"
        case let .times(id): return "the dates of session \(id)"
        case let .event(id, seq), let .formatOneEvent(id, seq, _): return "event \(seq) of session \(id)"
        case let .artifact(id, kind), let .formatOneArtifact(id, kind): return "artifact \(kind) of session \(id)"
        }
    }
}
