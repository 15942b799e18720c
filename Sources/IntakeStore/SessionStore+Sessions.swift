import Foundation
import GRDB

extension SessionStore {
    // MARK: - Sessions

    /// Creates an unfinished session. `header` is the caller's JSON
    /// (languages, etc.); it is sealed, as are the exact times. Questionnaire
    /// id/version/hash and the UTC day stay plaintext for listing.
    public func createSession(
        questionnaireID: String, version: String, hash: String, header: Data, now: Date = Date()
    ) throws -> SessionID {
        let id = SessionID()
        let sealed = try sealer.seal(header, context: .header(id))
        let time = now.timeIntervalSince1970
        let times = try SessionTimes(created: time, updated: time).sealed(by: sealer, for: id)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions
                        (id, created_day, updated_day, status, questionnaire_id, questionnaire_version,
                         questionnaire_hash, times, header)
                    VALUES (?, ?, ?, 'unfinished', ?, ?, ?, ?, ?)
                    """,
                arguments: [id.string, SessionTimes.day(time), SessionTimes.day(time), questionnaireID, version, hash,
                            times, sealed])
        }
        return id
    }

    /// Appends one event and commits it (durably) before returning. Its time
    /// is sealed with the payload; nothing about it is in the clear but the
    /// row itself (session id, seq).
    /// - Returns: its seq, 1 for the first event of the session.
    @discardableResult
    public func append(session id: SessionID, payload: Data, at: Date) throws -> Int {
        let sealer = self.sealer
        let atValue = at.timeIntervalSince1970
        return try write { db in
            try Self.requireSession(db, id)
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM events WHERE session_id = ?",
                                        arguments: [id.string]) ?? 0) + 1
            let sealed = try sealer.seal(SessionTimes.eventPlaintext(at: atValue, payload: payload),
                                         context: .event(id, seq: seq))
            try db.execute(sql: "INSERT INTO events (session_id, seq, payload) VALUES (?, ?, ?)",
                           arguments: [id.string, seq, sealed])
            try Self.touch(db, id, at: atValue, sealer: sealer)
            return seq
        }
    }

    /// All events of a session, decrypted, in seq order.
    /// - Throws: `StoreError.tampered` if any value fails authentication.
    public func events(session id: SessionID) throws -> [StoredEvent] {
        let rows = try read { db -> [Row] in
            try Self.requireSession(db, id)
            return try Row.fetchAll(db, sql: "SELECT seq, payload FROM events WHERE session_id = ? ORDER BY seq",
                                    arguments: [id.string])
        }
        return try rows.map { row in
            let seq: Int = row["seq"]
            let context = SealContext.event(id, seq: seq)
            guard let (at, payload) = SessionTimes.splitEvent(try sealer.open(row["payload"], context: context)) else {
                throw StoreError.tampered(what: context.what)
            }
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
        try update(id, sql: "UPDATE sessions SET header = ? WHERE id = ?", arguments: [sealed, id.string],
                   touchingAt: now)
    }

    /// Sets the session's status.
    public func setStatus(session id: SessionID, _ status: SessionStatus, now: Date = Date()) throws {
        try update(id, sql: "UPDATE sessions SET status = ? WHERE id = ?", arguments: [status.rawValue, id.string],
                   touchingAt: now)
    }

    /// Stores (or replaces) an artifact of the session, such as
    /// `summary.json`. `kind` is plaintext; `data` is sealed. No time is
    /// kept for it (`now` is accepted for compatibility and ignored).
    public func putArtifact(session id: SessionID, kind: String, data: Data, now: Date = Date()) throws {
        let sealed = try sealer.seal(data, context: .artifact(id, kind: kind))
        try write { db in
            try Self.requireSession(db, id)
            try db.execute(sql: "INSERT OR REPLACE INTO artifacts (session_id, kind, payload) VALUES (?, ?, ?)",
                           arguments: [id.string, kind, sealed])
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

    /// Every session, most recently updated first (exact times, unsealed).
    public func list() throws -> [SessionInfo] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.times, s.status, s.questionnaire_id,
                       s.questionnaire_version, s.questionnaire_hash,
                       (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id) AS event_count
                FROM sessions s ORDER BY s.id
                """)
        }
        return try rows.map { try info($0) }.sorted { ($1.updatedAt, $0.id.string) < ($0.updatedAt, $1.id.string) }
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
    /// `age` seconds before `now`, then scrubs as `delete` does. Sessions
    /// last changed on a day before the cutoff's are deleted from the clear
    /// day alone; on the cutoff's day the sealed exact time decides.
    /// - Returns: the ids deleted.
    @discardableResult
    public func purge(olderThan age: TimeInterval, now: Date = Date()) throws -> [SessionID] {
        let ids = try write { db -> [SessionID] in
            let ids = try self.purgeable(db, olderThan: age, now: now)
            for id in ids {
                try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id.string])
            }
            return ids
        }
        if !ids.isEmpty { try scrub() }
        return ids
    }

    /// The sessions `purge(olderThan:now:)` would delete now (e.g. to
    /// remove their written files first).
    public func sessions(olderThan age: TimeInterval, now: Date = Date()) throws -> [SessionID] {
        try read { db in try self.purgeable(db, olderThan: age, now: now) }
    }

    private func purgeable(_ db: Database, olderThan age: TimeInterval, now: Date) throws -> [SessionID] {
        let cutoff = now.timeIntervalSince1970 - age
        let cutoffDay = SessionTimes.day(cutoff)
        let sealer = self.sealer
        var ids: [SessionID] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, updated_day, times FROM sessions WHERE updated_day <= ? ORDER BY id",
                                    arguments: [cutoffDay]) {
            guard let id = SessionID(row["id"] as String) else { continue }
            let before = (row["updated_day"] as Int) < cutoffDay
            if try before || SessionTimes.open(row["times"], by: sealer, for: id).updated < cutoff {
                ids.append(id)
            }
        }
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

    private func update(_ id: SessionID, sql: String, arguments: StatementArguments, touchingAt now: Date) throws {
        let sealer = self.sealer
        try write { db in
            try db.execute(sql: sql, arguments: arguments)
            guard db.changesCount > 0 else { throw StoreError.sessionNotFound(id) }
            try Self.touch(db, id, at: now.timeIntervalSince1970, sealer: sealer)
        }
    }

    /// Moves the session's last-change time forward to `time` (never
    /// back): the sealed exact time and the clear day.
    private static func touch(_ db: Database, _ id: SessionID, at time: Double, sealer: Sealer) throws {
        guard let sealed = try Data.fetchOne(db, sql: "SELECT times FROM sessions WHERE id = ?", arguments: [id.string]) else {
            throw StoreError.sessionNotFound(id)
        }
        var times = try SessionTimes.open(sealed, by: sealer, for: id)
        guard time > times.updated else { return }
        times.updated = time
        try db.execute(sql: "UPDATE sessions SET times = ?, updated_day = ? WHERE id = ?",
                       arguments: [try times.sealed(by: sealer, for: id), SessionTimes.day(time), id.string])
    }

    private static func requireSession(_ db: Database, _ id: SessionID) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [id.string]) != nil else {
            throw StoreError.sessionNotFound(id)
        }
    }

    private func info(_ row: Row) throws -> SessionInfo {
        let id = SessionID(row["id"] as String) ?? SessionID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        let times = try SessionTimes.open(row["times"], by: sealer, for: id)
        return SessionInfo(
            id: id,
            createdAt: Date(timeIntervalSince1970: times.created),
            updatedAt: Date(timeIntervalSince1970: times.updated),
            status: SessionStatus(rawValue: row["status"]) ?? .unfinished,
            questionnaireID: row["questionnaire_id"],
            questionnaireVersion: row["questionnaire_version"],
            questionnaireHash: row["questionnaire_hash"],
            eventCount: row["event_count"])
    }
}
