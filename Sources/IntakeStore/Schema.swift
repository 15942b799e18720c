import Foundation
import GRDB

/// The database schema, as GRDB migrations.
///
/// Plaintext columns are limited to what listing and purging need, coarsened:
/// session ids, status, questionnaire id/version/hash, the UTC day (days
/// since 1970) a session was created and last changed, event sequence
/// numbers and artifact kinds. Every value that could say something about
/// the person, and every exact time, is a sealed BLOB padded to a bucket
/// size (`Padding`).
///
/// Versions: migration "v1" is format 1 (exact times in the clear, sealed
/// values unpadded); "v2" is format 2. An older program opening a format-2
/// store sees an unknown migration and refuses it ("unknown schema
/// migrations"). A format-1 store is upgraded when it is first opened for
/// writing, after the passphrase has been checked: every value is opened and
/// sealed again, padded, and the old tables are dropped and the file
/// vacuumed. Opened read-only, a format-1 store is refused with
/// `StoreError.needsUpgrade`.
enum Schema {
    /// The `store_meta.format_version` this code writes and understands.
    static let formatVersion = 2

    /// The migrations. `sealer` re-seals the values of a format-1 store in
    /// "v2"; it may be nil only while the store has no sessions.
    static func migrator(sealer: Sealer?) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE store_meta (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    format_version INTEGER NOT NULL,
                    kdf_algorithm TEXT NOT NULL,
                    kdf_salt BLOB NOT NULL,
                    kdf_n INTEGER NOT NULL,
                    kdf_r INTEGER NOT NULL,
                    kdf_p INTEGER NOT NULL,
                    cipher TEXT NOT NULL,
                    key_check BLOB NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('unfinished', 'finished', 'abandoned')),
                    questionnaire_id TEXT NOT NULL,
                    questionnaire_version TEXT NOT NULL,
                    questionnaire_hash TEXT NOT NULL,
                    header BLOB NOT NULL
                );
                CREATE INDEX sessions_updated_at ON sessions(updated_at);
                CREATE TABLE events (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    at REAL NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (session_id, seq)
                );
                CREATE TABLE artifacts (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    updated_at REAL NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (session_id, kind)
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            try upgradeToFormatTwo(db, sealer: sealer)
        }
        return migrator
    }

    /// Format 1 → 2: exact times move into sealed values, every sealed value
    /// is padded, and the clear dates become days.
    private static func upgradeToFormatTwo(_ db: Database, sealer: Sealer?) throws {
        try db.execute(sql: """
            ALTER TABLE sessions RENAME TO sessions_v1;
            ALTER TABLE events RENAME TO events_v1;
            ALTER TABLE artifacts RENAME TO artifacts_v1;
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY NOT NULL,
                created_day INTEGER NOT NULL,
                updated_day INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('unfinished', 'finished', 'abandoned')),
                questionnaire_id TEXT NOT NULL,
                questionnaire_version TEXT NOT NULL,
                questionnaire_hash TEXT NOT NULL,
                times BLOB NOT NULL,
                header BLOB NOT NULL
            );
            CREATE INDEX sessions_updated_day ON sessions(updated_day);
            CREATE TABLE events (
                session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                payload BLOB NOT NULL,
                PRIMARY KEY (session_id, seq)
            );
            CREATE TABLE artifacts (
                session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (session_id, kind)
            );
            """)
        let sessions = try Row.fetchAll(db, sql: "SELECT * FROM sessions_v1")
        if !sessions.isEmpty {
            guard let sealer else {
                throw StoreError.database(path: db.configuration.label ?? "", detail: "upgrade without a key")
            }
            for s in sessions {
                guard let id = SessionID(s["id"] as String) else {
                    throw StoreError.corrupt(path: "", detail: "a session id is not a UUID")
                }
                let times = SessionTimes(created: s["created_at"], updated: s["updated_at"])
                let header = try sealer.open(s["header"], context: .formatOneHeader(id))
                try db.execute(
                    sql: """
                        INSERT INTO sessions (id, created_day, updated_day, status, questionnaire_id,
                                              questionnaire_version, questionnaire_hash, times, header)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [id.string, SessionTimes.day(times.created), SessionTimes.day(times.updated),
                                s["status"] as String, s["questionnaire_id"] as String,
                                s["questionnaire_version"] as String, s["questionnaire_hash"] as String,
                                try times.sealed(by: sealer, for: id), try sealer.seal(header, context: .header(id))])
                for e in try Row.fetchAll(db, sql: "SELECT seq, at, payload FROM events_v1 WHERE session_id = ?",
                                          arguments: [id.string]) {
                    let seq: Int = e["seq"]
                    let at: Double = e["at"]
                    let payload = try sealer.open(e["payload"], context: .formatOneEvent(id, seq: seq, at: at))
                    try db.execute(sql: "INSERT INTO events (session_id, seq, payload) VALUES (?, ?, ?)",
                                   arguments: [id.string, seq,
                                               try sealer.seal(SessionTimes.eventPlaintext(at: at, payload: payload),
                                                               context: .event(id, seq: seq))])
                }
                for a in try Row.fetchAll(db, sql: "SELECT kind, payload FROM artifacts_v1 WHERE session_id = ?",
                                          arguments: [id.string]) {
                    let kind: String = a["kind"]
                    let data = try sealer.open(a["payload"], context: .formatOneArtifact(id, kind: kind))
                    try db.execute(sql: "INSERT INTO artifacts (session_id, kind, payload) VALUES (?, ?, ?)",
                                   arguments: [id.string, kind, try sealer.seal(data, context: .artifact(id, kind: kind))])
                }
            }
        }
        try db.execute(sql: """
            DROP TABLE artifacts_v1;
            DROP TABLE events_v1;
            DROP TABLE sessions_v1;
            UPDATE store_meta SET format_version = 2, created_at = CAST(created_at / 86400 AS INTEGER) * 86400.0;
            """)
    }
}

/// A session's exact creation and last-change times (seconds since 1970),
/// kept sealed; only their UTC days are in the clear.
struct SessionTimes: Equatable {
    var created: Double
    var updated: Double

    /// Days since 1970-01-01 (UTC) of a time: what the clear columns hold.
    static func day(_ time: Double) -> Int { Int((time / 86400).rounded(.down)) }

    /// Plaintext layout: the two times as big-endian IEEE-754 doubles.
    func sealed(by sealer: Sealer, for id: SessionID) throws -> Data {
        try sealer.seal(Self.bytes(created) + Self.bytes(updated), context: .times(id))
    }

    static func open(_ sealed: Data, by sealer: Sealer, for id: SessionID) throws -> SessionTimes {
        let plain = Data(try sealer.open(sealed, context: .times(id)))
        guard plain.count == 16 else { throw StoreError.tampered(what: SealContext.times(id).what) }
        return SessionTimes(created: double(plain.prefix(8)), updated: double(plain.suffix(8)))
    }

    /// An event's sealed plaintext: its time (8 bytes, big-endian double),
    /// then the caller's payload.
    static func eventPlaintext(at: Double, payload: Data) -> Data {
        bytes(at) + payload
    }

    /// Splits an event's plaintext; nil if it is too short.
    static func splitEvent(_ plain: Data) -> (at: Double, payload: Data)? {
        let plain = Data(plain)
        guard plain.count >= 8 else { return nil }
        return (double(plain.prefix(8)), Data(plain.dropFirst(8)))
    }

    static func bytes(_ value: Double) -> Data {
        withUnsafeBytes(of: value.bitPattern.bigEndian) { Data($0) }
    }

    static func double(_ data: Data) -> Double {
        Double(bitPattern: data.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }
}
