import Crypto
import Foundation
import IntakeCore

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
    // The outer layout is declared once, in IntakeCore (what a server can check).
    static let magic = SealedFormat.magic
    static let version = SealedFormat.version
    static let info = Data("intake sealed export v1".utf8)
    static let headerCount = SealedFormat.headerCount

    /// The 8-byte key id written into exports for this public key.
    public static func keyID(of key: Curve25519.KeyAgreement.PublicKey) -> Data {
        Data(SHA256.hash(data: key.rawRepresentation).prefix(8))
    }

    /// Parses a public key given as base64 of its 32 raw bytes (surrounding
    /// whitespace ignored), and refuses a weak one (see `validate`).
    public static func publicKey(base64 text: String) throws -> Curve25519.KeyAgreement.PublicKey {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
            throw StoreError.sealedExport("the public key is not 32 bytes of base64")
        }
        try validate(key)
        return key
    }

    /// The u-coordinates of Curve25519's low-order points (libsodium's
    /// blacklist): 0, 1, the two points of order 8, p-1, and p and p+1
    /// (non-canonical 0 and 1). X25519 ignores bit 255, so it is cleared
    /// before comparing.
    static let lowOrderPoints: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [0x01] + [UInt8](repeating: 0, count: 31),
        [0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
         0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00],
        [0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
         0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57],
        [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
        [0xed] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
        [0xee] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
    ]

    /// Refuses a recipient key whose X25519 shared secret is all zero, so an
    /// export sealed to it could be opened by anyone (RFC 9180, section
    /// 7.1.4; RFC 7748, section 6.1). swift-crypto does not check this (its
    /// X25519 ignores BoringSSL's all-zero result, like CryptoKit), and
    /// HPKE's ephemeral key is out of reach, so the check is made here: the
    /// known low-order encodings, then a key agreement with a fresh key.
    /// X25519 scalars are multiples of 8, so the result is all zero for
    /// every private key or for none: the probe's result is the one HPKE's
    /// ephemeral key would get.
    public static func validate(_ key: Curve25519.KeyAgreement.PublicKey) throws {
        var raw = [UInt8](key.rawRepresentation)
        raw[31] &= 0x7f
        guard !lowOrderPoints.contains(raw) else { throw StoreError.unsafeRecipientKey }
        let secret = try Curve25519.KeyAgreement.PrivateKey().sharedSecretFromKeyAgreement(with: key)
        guard !secret.withUnsafeBytes({ $0.allSatisfy { $0 == 0 } }) else { throw StoreError.unsafeRecipientKey }
    }

    /// Seals `plaintext` to `recipient`; a weak key is refused (`validate`).
    public static func seal(_ plaintext: Data, to recipient: Curve25519.KeyAgreement.PublicKey) throws -> Data {
        try validate(recipient)
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
        public init(seq: Int, at: Date, payload: Data) {
            self.seq = seq
            self.at = at
            self.payload = payload
        }
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

    public init(id: SessionID, createdAt: Date, updatedAt: Date, status: SessionStatus, questionnaireID: String,
                questionnaireVersion: String, questionnaireHash: String, header: Data, events: [Event],
                artifacts: [String: Data] = [:]) {
        self.format = Self.formatName
        self.id = id
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.status = status
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.questionnaireHash = questionnaireHash
        self.header = header
        self.events = events
        self.artifacts = artifacts
    }

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
        // The list of files written on this computer stays here.
        for kind in try artifactKinds(session: id) where kind != SessionStore.writtenFilesKind {
            artifacts[kind] = try artifact(session: id, kind: kind)
        }
        return SessionExport(
            id: id, createdAt: info.createdAt, updatedAt: info.updatedAt,
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
