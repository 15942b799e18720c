import Foundation
import GRDB

extension SessionStore {
    // MARK: - Sessions

    /// Creates an unfinished session. `header` is the caller's JSON
    /// (languages, etc.); it is sealed. Questionnaire id/version/hash stay
    /// plaintext for listing.
    public func createSession(
        questionnaireID: String, version: String, hash: String, header: Data, now: Date = Date()
    ) throws -> SessionID {
        let id = SessionID()
        let sealed = try sealer.seal(header, context: .header(id))
        let time = now.timeIntervalSince1970
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions
                        (id, created_at, updated_at, status, questionnaire_id, questionnaire_version, questionnaire_hash, header)
                    VALUES (?, ?, ?, 'unfinished', ?, ?, ?, ?)
                    """,
                arguments: [id.string, time, time, questionnaireID, version, hash, sealed])
        }
        return id
    }

    /// Appends one event and commits it (durably) before returning.
    /// - Returns: its seq, 1 for the first event of the session.
    @discardableResult
    public func append(session id: SessionID, payload: Data, at: Date) throws -> Int {
        let sealer = self.sealer
        let atValue = at.timeIntervalSince1970
        return try write { db in
            try Self.requireSession(db, id)
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM events WHERE session_id = ?",
                                        arguments: [id.string]) ?? 0) + 1
            let sealed = try sealer.seal(payload, context: .event(id, seq: seq, at: atValue))
            try db.execute(sql: "INSERT INTO events (session_id, seq, at, payload) VALUES (?, ?, ?, ?)",
                           arguments: [id.string, seq, atValue, sealed])
            try db.execute(sql: "UPDATE sessions SET updated_at = MAX(updated_at, ?) WHERE id = ?",
                           arguments: [atValue, id.string])
            return seq
        }
    }

    /// All events of a session, decrypted, in seq order.
    /// - Throws: `StoreError.tampered` if any value fails authentication.
    public func events(session id: SessionID) throws -> [StoredEvent] {
        let rows = try read { db -> [Row] in
            try Self.requireSession(db, id)
            return try Row.fetchAll(db, sql: "SELECT seq, at, payload FROM events WHERE session_id = ? ORDER BY seq",
                                    arguments: [id.string])
        }
        return try rows.map { row in
            let seq: Int = row["seq"]
            let at: Double = row["at"]
            let payload = try sealer.open(row["payload"], context: .event(id, seq: seq, at: at))
            return StoredEvent(seq: seq, at: Date(timeIntervalSince1970: at), payload: payload)
        }
    }

    /// The session's header, decrypted.
    public func header(session id: SessionID) throws -> Data {
        let sealed = try read { db -> Data in
            guard let data = try Data.fetchOne(db, sql: "SELECT header FROM sessions WHERE id = ?",
                                               arguments: [id.string]) else {
                throw StoreError.sessionNotFound(id)
            }
            return data
        }
        return try sealer.open(sealed, context: .header(id))
    }

    /// Replaces the session's header.
    public func updateHeader(session id: SessionID, _ header: Data, now: Date = Date()) throws {
        let sealed = try sealer.seal(header, context: .header(id))
        try update(id, sql: "UPDATE sessions SET header = ?, updated_at = MAX(updated_at, ?) WHERE id = ?",
                   arguments: [sealed, now.timeIntervalSince1970, id.string])
    }

    /// Sets the session's status.
    public func setStatus(session id: SessionID, _ status: SessionStatus, now: Date = Date()) throws {
        try update(id, sql: "UPDATE sessions SET status = ?, updated_at = MAX(updated_at, ?) WHERE id = ?",
                   arguments: [status.rawValue, now.timeIntervalSince1970, id.string])
    }

    /// Stores (or replaces) an artifact of the session, such as
    /// `summary.json`. `kind` is plaintext; `data` is sealed.
    public func putArtifact(session id: SessionID, kind: String, data: Data, now: Date = Date()) throws {
        let sealed = try sealer.seal(data, context: .artifact(id, kind: kind))
        let time = now.timeIntervalSince1970
        try write { db in
            try Self.requireSession(db, id)
            try db.execute(
                sql: "INSERT OR REPLACE INTO artifacts (session_id, kind, updated_at, payload) VALUES (?, ?, ?, ?)",
                arguments: [id.string, kind, time, sealed])
        }
    }

    /// The artifact of this kind, decrypted; nil if there is none.
    public func artifact(session id: SessionID, kind: String) throws -> Data? {
        let sealed = try read { db -> Data? in
            try Self.requireSession(db, id)
            return try Data.fetchOne(db, sql: "SELECT payload FROM artifacts WHERE session_id = ? AND kind = ?",
                                     arguments: [id.string, kind])
        }
        return try sealed.map { try sealer.open($0, context: .artifact(id, kind: kind)) }
    }

    /// Every session, most recently updated first.
    public func list() throws -> [SessionInfo] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.created_at, s.updated_at, s.status, s.questionnaire_id,
                       s.questionnaire_version, s.questionnaire_hash,
                       (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id) AS event_count
                FROM sessions s ORDER BY s.updated_at DESC, s.id
                """).map(Self.info)
        }
    }

    /// One session's listing facts; nil if it does not exist.
    public func info(session id: SessionID) throws -> SessionInfo? {
        try list().first { $0.id == id }
    }

    // MARK: - Deleting

    /// Deletes a session with its events and artifacts, then scrubs: with
    /// `secure_delete` the freed content is zeroed, the WAL is checkpointed
    /// and truncated, and the database is vacuumed so no free page keeps old
    /// (sealed) data.
    public func delete(session id: SessionID) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id.string])
            guard db.changesCount > 0 else { throw StoreError.sessionNotFound(id) }
        }
        try scrub()
    }

    /// Deletes every session (whatever its status) not updated for more than
    /// `age` seconds before `now`, then scrubs as `delete` does.
    /// - Returns: the ids deleted.
    @discardableResult
    public func purge(olderThan age: TimeInterval, now: Date = Date()) throws -> [SessionID] {
        let cutoff = now.timeIntervalSince1970 - age
        let ids = try write { db -> [SessionID] in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM sessions WHERE updated_at < ? ORDER BY id",
                                          arguments: [cutoff]).compactMap(SessionID.init)
            try db.execute(sql: "DELETE FROM sessions WHERE updated_at < ?", arguments: [cutoff])
            return ids
        }
        if !ids.isEmpty { try scrub() }
        return ids
    }

    /// Moves everything from the WAL into the database and truncates the
    /// WAL to zero bytes.
    func checkpoint() throws {
        guard accessMode == .readWrite else { throw StoreError.readOnly(path: path) }
        do {
            try dbQueue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    func scrub() throws {
        guard accessMode == .readWrite else { throw StoreError.readOnly(path: path) }
        do {
            try dbQueue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            throw Self.mapError(error, path: path)
        }
        enforceFileModes()
    }

    // MARK: - Private

    private func update(_ id: SessionID, sql: String, arguments: StatementArguments) throws {
        try write { db in
            try db.execute(sql: sql, arguments: arguments)
            guard db.changesCount > 0 else { throw StoreError.sessionNotFound(id) }
        }
    }

    private static func requireSession(_ db: Database, _ id: SessionID) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [id.string]) != nil else {
            throw StoreError.sessionNotFound(id)
        }
    }

    private static func info(_ row: Row) -> SessionInfo {
        SessionInfo(
            id: SessionID(row["id"] as String) ?? SessionID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))),
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            status: SessionStatus(rawValue: row["status"]) ?? .unfinished,
            questionnaireID: row["questionnaire_id"],
            questionnaireVersion: row["questionnaire_version"],
            questionnaireHash: row["questionnaire_hash"],
            eventCount: row["event_count"])
    }
}
