import Crypto
import Foundation

/// A session sealed to an organization's X25519 public key with HPKE
/// (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
/// ChaCha20-Poly1305), so that only the holder of the private key can read
/// it, e.g. a finished screening handed to the referral partner.
///
/// File layout (all of it authenticated; the header is the AEAD's associated
/// data):
///
/// ```
/// "INTAKE-SEALED\n"                  14 bytes magic
/// 0x01                               format version
/// 8 bytes                            key id: SHA-256(recipient public key)[0..<8]
/// 32 bytes                           HPKE encapsulated key
/// rest                               HPKE ciphertext of the JSON `SessionExport`
/// ```
///
/// The key id only tells the holder which of their keys to use; it reveals
/// nothing about the session.
public enum SealedExport {
    public static let ciphersuite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    static let magic = Data("INTAKE-SEALED\n".utf8)
    static let version: UInt8 = 1
    static let info = Data("intake sealed export v1".utf8)
    static let headerCount = 14 + 1 + 8 + 32

    /// The 8-byte key id written into exports for this public key.
    public static func keyID(of key: Curve25519.KeyAgreement.PublicKey) -> Data {
        Data(SHA256.hash(data: key.rawRepresentation).prefix(8))
    }

    /// Parses a public key given as base64 of its 32 raw bytes (surrounding
    /// whitespace ignored).
    public static func publicKey(base64 text: String) throws -> Curve25519.KeyAgreement.PublicKey {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
            throw StoreError.sealedExport("the public key is not 32 bytes of base64")
        }
        return key
    }

    /// Seals `plaintext` to `recipient`.
    public static func seal(_ plaintext: Data, to recipient: Curve25519.KeyAgreement.PublicKey) throws -> Data {
        do {
            var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: ciphersuite, info: info)
            var header = magic
            header.append(version)
            header.append(keyID(of: recipient))
            header.append(sender.encapsulatedKey)
            precondition(header.count == headerCount)
            let ciphertext = try sender.seal(plaintext, authenticating: header)
            return header + ciphertext
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.sealedExport("sealing failed")
        }
    }

    /// Opens a sealed export with the organization's private key.
    public static func open(_ sealed: Data, with privateKey: Curve25519.KeyAgreement.PrivateKey) throws -> Data {
        let sealed = Data(sealed)  // zero-based indices
        guard sealed.count > headerCount, sealed.prefix(magic.count) == magic else {
            throw StoreError.sealedExport("not a sealed intake export")
        }
        guard sealed[magic.count] == version else {
            throw StoreError.sealedExport("unknown format version \(sealed[magic.count])")
        }
        let header = sealed.prefix(headerCount)
        let keyID = sealed.subdata(in: magic.count + 1 ..< magic.count + 9)
        guard keyID == Self.keyID(of: privateKey.publicKey) else {
            throw StoreError.sealedExport("it was sealed to a different key")
        }
        let encapsulated = sealed.subdata(in: magic.count + 9 ..< headerCount)
        do {
            var recipient = try HPKE.Recipient(privateKey: privateKey, ciphersuite: ciphersuite, info: info,
                                               encapsulatedKey: encapsulated)
            return try recipient.open(sealed.suffix(from: headerCount), authenticating: header)
        } catch {
            throw StoreError.sealedExport("it is damaged or was altered")
        }
    }
}

/// Everything stored about one session, as carried inside a sealed export
/// (JSON; `Data` fields are base64, as the store treats payloads as opaque).
public struct SessionExport: Codable, Equatable, Sendable {
    public struct Event: Codable, Equatable, Sendable {
        public var seq: Int
        public var at: Date
        public var payload: Data
    }

    public static let formatName = "intake-session-export/1"

    public var format: String
    public var id: SessionID
    public var createdAt: Date
    public var updatedAt: Date
    public var status: SessionStatus
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var questionnaireHash: String
    public var header: Data
    public var events: [Event]
    /// Artifacts by kind, e.g. "summary.json".
    public var artifacts: [String: Data]

    /// JSON with dates as seconds since 1970 (exact, unlike ISO 8601) and sorted keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> SessionExport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let export = try? decoder.decode(SessionExport.self, from: data), export.format == formatName else {
            throw StoreError.sealedExport("the contents are not an intake session export")
        }
        return export
    }
}

extension SessionStore {
    /// Artifact kinds stored for a session, sorted.
    public func artifactKinds(session id: SessionID) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM artifacts WHERE session_id = ? ORDER BY kind",
                                arguments: [id.string])
        }
    }

    /// Everything stored about a session, decrypted.
    public func export(session id: SessionID) throws -> SessionExport {
        guard let info = try info(session: id) else { throw StoreError.sessionNotFound(id) }
        var artifacts: [String: Data] = [:]
        for kind in try artifactKinds(session: id) {
            artifacts[kind] = try artifact(session: id, kind: kind)
        }
        return SessionExport(
            format: SessionExport.formatName, id: id, createdAt: info.createdAt, updatedAt: info.updatedAt,
            status: info.status, questionnaireID: info.questionnaireID,
            questionnaireVersion: info.questionnaireVersion, questionnaireHash: info.questionnaireHash,
            header: try header(session: id),
            events: try events(session: id).map { SessionExport.Event(seq: $0.seq, at: $0.at, payload: $0.payload) },
            artifacts: artifacts)
    }

    /// The session sealed to `recipient` (see `SealedExport`); write it with
    /// `SecureFile.write`. The caller decides which sessions may leave
    /// (typically only finished ones); the store does not restrict it.
    public func sealedExport(session id: SessionID, to recipient: Curve25519.KeyAgreement.PublicKey) throws -> Data {
        try SealedExport.seal(try export(session: id).encoded(), to: recipient)
    }
}
