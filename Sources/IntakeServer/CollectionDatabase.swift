import Foundation
import IntakeCore
import Logging
import NIOCore
import PostgresNIO

/// The server's tables in PostgreSQL, and every query it makes. Any number
/// of server instances share one database; nothing is kept in memory
/// between requests.
public struct CollectionDatabase: Sendable {
    public let client: PostgresClient
    let logger: Logger

    public init(settings: ServerConfig.DatabaseSettings, logger: Logger) {
        var config = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.name, tls: settings.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        config.options.maximumConnections = settings.poolSize
        config.options.minimumConnections = 0
        self.client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.logger = logger
    }

    /// The advisory lock key that serialises migrations between instances
    /// ("intake" in ASCII).
    static let migrationLock: Int64 = 0x696e_74616b65

    /// The schema, one step a version; a step is never changed once released.
    static let migrations: [String] = [
        """
        CREATE TABLE tokens (
            id          text PRIMARY KEY,
            role        text NOT NULL CHECK (role IN ('device', 'supervisor')),
            name        text NOT NULL,
            hash        bytea NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now(),
            revoked_at  timestamptz
        );
        CREATE TABLE submissions (
            seq          bigserial PRIMARY KEY,
            digest       text NOT NULL UNIQUE,
            key_id       text NOT NULL,
            device_id    text NOT NULL REFERENCES tokens(id),
            size         integer NOT NULL,
            received_at  timestamptz NOT NULL DEFAULT now(),
            sealed       bytea NOT NULL
        );
        """,
    ]

    /// Brings the schema up to date. Instances starting together take turns
    /// on a PostgreSQL advisory lock, so each step runs exactly once.
    public func migrate() async throws {
        try await client.withConnection { conn in
            _ = try await conn.query("SELECT pg_advisory_lock(\(Self.migrationLock))", logger: logger)
            do {
                _ = try await conn.query("CREATE TABLE IF NOT EXISTS intake_schema (version integer NOT NULL)", logger: logger)
                var current = 0
                for try await v in try await conn.query("SELECT max(version) FROM intake_schema", logger: logger).decode(Int?.self) {
                    current = v ?? 0
                }
                for (i, step) in Self.migrations.enumerated() where i + 1 > current {
                    _ = try await conn.query("BEGIN", logger: logger)
                    for statement in step.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                        _ = try await conn.query(PostgresQuery(unsafeSQL: String(statement)), logger: logger)
                    }
                    _ = try await conn.query("INSERT INTO intake_schema (version) VALUES (\(i + 1))", logger: logger)
                    _ = try await conn.query("COMMIT", logger: logger)
                    logger.info("schema migrated", metadata: ["version": "\(i + 1)"])
                }
            } catch {
                _ = try? await conn.query("ROLLBACK", logger: logger)
                _ = try? await conn.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
                throw error
            }
            _ = try await conn.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
        }
    }

    // MARK: Tokens

    public struct TokenRow: Sendable, Equatable {
        public var id: String
        public var role: Role
        public var name: String
        public var hash: [UInt8]
        public var createdAt: Date
        public var revokedAt: Date?
    }

    public func insertToken(_ token: AccessToken, name: String) async throws {
        let hash = ByteBuffer(bytes: AccessToken.hash(token.text))
        try await client.query("INSERT INTO tokens (id, role, name, hash) VALUES (\(token.id), \(token.role.rawValue), \(name), \(hash))",
                               logger: logger)
    }

    public func token(id: String) async throws -> TokenRow? {
        let rows = try await client.query("SELECT id, role, name, hash, created_at, revoked_at FROM tokens WHERE id = \(id)", logger: logger)
        for try await (id, role, name, hash, created, revoked) in rows.decode((String, String, String, ByteBuffer, Date, Date?).self) {
            return TokenRow(id: id, role: Role(rawValue: role) ?? .device, name: name, hash: Array(buffer: hash),
                            createdAt: created, revokedAt: revoked)
        }
        return nil
    }

    public func tokens() async throws -> [TokenRow] {
        var out: [TokenRow] = []
        let rows = try await client.query("SELECT id, role, name, hash, created_at, revoked_at FROM tokens ORDER BY created_at, id", logger: logger)
        for try await (id, role, name, hash, created, revoked) in rows.decode((String, String, String, ByteBuffer, Date, Date?).self) {
            out.append(TokenRow(id: id, role: Role(rawValue: role) ?? .device, name: name, hash: Array(buffer: hash),
                                createdAt: created, revokedAt: revoked))
        }
        return out
    }

    /// Marks a token revoked; false if there is no such token.
    public func revokeToken(id: String) async throws -> Bool {
        let rows = try await client.query("UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(id) RETURNING id", logger: logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }

    // MARK: Submissions

    public struct SubmissionInfo: Sendable, Equatable {
        public var seq: Int64
        public var digest: String
        public var keyID: String
        public var deviceID: String
        public var size: Int
        public var receivedAt: Date
    }

    public enum Stored: Sendable, Equatable {
        /// A new row.
        case stored(SubmissionInfo)
        /// The same bytes from the same device: a retry; the row that exists.
        case duplicate(SubmissionInfo)
        /// The same bytes from another device: refused, the row left as it was.
        case fromAnotherDevice
    }

    /// Stores a sealed file once: a unique digest and ON CONFLICT DO NOTHING
    /// make a retry, a duplicate or two instances racing end with one row.
    public func store(sealed: ByteBuffer, digest: String, keyID: String, deviceID: String) async throws -> Stored {
        let size = sealed.readableBytes
        let rows = try await client.query("""
            INSERT INTO submissions (digest, key_id, device_id, size, sealed)
            VALUES (\(digest), \(keyID), \(deviceID), \(size), \(sealed))
            ON CONFLICT (digest) DO NOTHING
            RETURNING seq, received_at
            """, logger: logger)
        for try await (seq, at) in rows.decode((Int64, Date).self) {
            return .stored(SubmissionInfo(seq: seq, digest: digest, keyID: keyID, deviceID: deviceID, size: size, receivedAt: at))
        }
        guard let existing = try await submission(digest: digest) else {
            // Deleted between the two statements: nothing does that, but say so rather than guess.
            throw PostgresStoreError("the submission vanished while it was stored")
        }
        return existing.deviceID == deviceID ? .duplicate(existing) : .fromAnotherDevice
    }

    public func submission(digest: String) async throws -> SubmissionInfo? {
        let rows = try await client.query("SELECT seq, digest, key_id, device_id, size, received_at FROM submissions WHERE digest = \(digest)", logger: logger)
        for try await (seq, digest, key, device, size, at) in rows.decode((Int64, String, String, String, Int, Date).self) {
            return SubmissionInfo(seq: seq, digest: digest, keyID: key, deviceID: device, size: size, receivedAt: at)
        }
        return nil
    }

    /// Submissions after `seq`, oldest first.
    public func submissions(after seq: Int64, limit: Int) async throws -> [SubmissionInfo] {
        var out: [SubmissionInfo] = []
        let rows = try await client.query("""
            SELECT seq, digest, key_id, device_id, size, received_at FROM submissions
            WHERE seq > \(seq) ORDER BY seq LIMIT \(limit)
            """, logger: logger)
        for try await (seq, digest, key, device, size, at) in rows.decode((Int64, String, String, String, Int, Date).self) {
            out.append(SubmissionInfo(seq: seq, digest: digest, keyID: key, deviceID: device, size: size, receivedAt: at))
        }
        return out
    }

    public func sealed(digest: String) async throws -> ByteBuffer? {
        let rows = try await client.query("SELECT sealed FROM submissions WHERE digest = \(digest)", logger: logger)
        for try await bytes in rows.decode(ByteBuffer.self) { return bytes }
        return nil
    }

    /// Whether the database answers.
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }
}

public struct PostgresStoreError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
