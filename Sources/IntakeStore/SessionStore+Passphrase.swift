import Crypto
import Foundation
import GRDB

/// How `SessionStore.changePassphrase` runs.
public struct PassphraseChangeOptions: Sendable {
    /// TEST ONLY: sleep this long after each value is rewritten, so an
    /// end-to-end test can kill the program in the middle of the
    /// re-encryption (`INTAKE_TEST_REENCRYPT_PAUSE_MS`). Zero otherwise.
    public var pauseAfterEachValue: TimeInterval = 0

    /// Tests only: throw `injectedFailure(after:)` once this many values
    /// have been rewritten (before the next one, or before the key check
    /// when all are done), to show that nothing of a failed change remains.
    var failAfter: Int?

    static func injectedFailure(after count: Int) -> StoreError {
        .database(path: "", detail: "injected failure after \(count) values")
    }

    public init() {}
}

/// What `SessionStore.changePassphrase` did.
public struct PassphraseChange: Equatable, Sendable {
    /// Sessions re-encrypted.
    public var sessions: Int
    /// Sealed values re-encrypted (session dates and headers, events,
    /// artifacts), the key check not counted.
    public var values: Int
}

extension SessionStore {
    /// Changes the passphrase of the store in `directory`: derives a new key
    /// from `new` with a fresh scrypt salt (the store's scrypt parameters are
    /// kept), re-encrypts every sealed value (each session's dates and
    /// header, every event, every artifact, the written-files lists
    /// included) and replaces the salt and the key check, all in one SQLite
    /// transaction: a crash or `kill -9` at any moment leaves either the
    /// old passphrase or the new one working, never neither, and no session
    /// half re-encrypted. Every value stays in its padding bucket. Once
    /// committed, the file is vacuumed and the WAL truncated, so no value
    /// sealed under the old key stays in free pages.
    ///
    /// A program that opened the store before the change (an interview in
    /// another terminal) then refuses to write (`StoreError.passphraseChanged`).
    ///
    /// - Throws: `StoreError.passphraseTooShort` (the rule of a new store),
    ///   `.wrongPassphrase` for a wrong `current`, and the errors of
    ///   `open`; in each case nothing was changed.
    public static func changePassphrase(
        directory: URL, current: String, new: String, options: PassphraseChangeOptions = PassphraseChangeOptions()
    ) throws -> PassphraseChange {
        try requireNewPassphraseLength(new)
        let store = try open(directory: directory, passphrase: current, create: false)
        defer { try? store.close() }
        // Opening is over: from here on, any other program opening the store
        // waits (see `open`) until the change is committed, and then needs
        // the new passphrase.
        let lock = DirectoryLock(store.directory.path)
        defer { lock.release() }

        let parameters = try store.read { db -> KDFParameters in
            let meta = try Row.fetchOne(db, sql: "SELECT kdf_n, kdf_r, kdf_p FROM store_meta WHERE id = 1")
            guard let meta else { throw StoreError.corrupt(path: store.path, detail: "the key material is missing") }
            return try KDFParameters(n: meta["kdf_n"], r: meta["kdf_r"], p: meta["kdf_p"])
        }
        let salt = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let newSealer = Sealer(key: try parameters.deriveKey(passphrase: new, salt: salt))
        let change = try store.write { db in
            try reseal(db, from: store.sealer, to: newSealer, newSalt: salt, options: options, path: store.path)
        }
        // The old key's values are gone from the tables; remove them from
        // free pages and the WAL too.
        try store.scrub()
        return change
    }

    /// Re-encrypts every sealed value and the key material, inside the
    /// caller's transaction.
    private static func reseal(
        _ db: Database, from old: Sealer, to new: Sealer, newSalt: Data, options: PassphraseChangeOptions, path: String
    ) throws -> PassphraseChange {
        var rewritten = 0
        func rewrite(_ sealed: Data, _ context: SealContext, update: (Data) throws -> Void) throws {
            if let failAfter = options.failAfter, rewritten >= failAfter { throw PassphraseChangeOptions.injectedFailure(after: rewritten) }
            let resealed = try new.seal(try old.open(sealed, context: context), context: context)
            // Padding keeps the bucket; a different size would be a bug.
            guard resealed.count == sealed.count || sealed.first == Sealer.unpaddedVersion else {
                throw StoreError.database(path: path, detail: "a re-encrypted value changed size")
            }
            try update(resealed)
            rewritten += 1
            if options.pauseAfterEachValue > 0 { Thread.sleep(forTimeInterval: options.pauseAfterEachValue) }
        }

        let sessions = try Row.fetchAll(db, sql: "SELECT id, times, header FROM sessions ORDER BY id")
        for row in sessions {
            let text: String = row["id"]
            guard let id = SessionID(text) else { throw StoreError.corrupt(path: path, detail: "a session id is not a UUID") }
            try rewrite(row["times"], .times(id)) {
                try db.execute(sql: "UPDATE sessions SET times = ? WHERE id = ?", arguments: [$0, text])
            }
            try rewrite(row["header"], .header(id)) {
                try db.execute(sql: "UPDATE sessions SET header = ? WHERE id = ?", arguments: [$0, text])
            }
            for event in try Row.fetchAll(db, sql: "SELECT seq, payload FROM events WHERE session_id = ? ORDER BY seq",
                                          arguments: [text]) {
                let seq: Int = event["seq"]
                try rewrite(event["payload"], .event(id, seq: seq)) {
                    try db.execute(sql: "UPDATE events SET payload = ? WHERE session_id = ? AND seq = ?",
                                   arguments: [$0, text, seq])
                }
            }
            for artifact in try Row.fetchAll(db, sql: "SELECT kind, payload FROM artifacts WHERE session_id = ? ORDER BY kind",
                                             arguments: [text]) {
                let kind: String = artifact["kind"]
                try rewrite(artifact["payload"], .artifact(id, kind: kind)) {
                    try db.execute(sql: "UPDATE artifacts SET payload = ? WHERE session_id = ? AND kind = ?",
                                   arguments: [$0, text, kind])
                }
            }
        }
        // Rows of no session (foreign keys make them impossible) would stay
        // under the old key and break the store: refuse rather than commit.
        let orphans = try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM events WHERE session_id NOT IN (SELECT id FROM sessions))
                 + (SELECT COUNT(*) FROM artifacts WHERE session_id NOT IN (SELECT id FROM sessions))
            """) ?? 0
        guard orphans == 0 else {
            throw StoreError.corrupt(path: path, detail: "events or artifacts belong to no session")
        }

        if let failAfter = options.failAfter, rewritten >= failAfter { throw PassphraseChangeOptions.injectedFailure(after: rewritten) }
        let check = try new.seal(keyCheckPlaintext, context: .keyCheck)
        try db.execute(sql: "UPDATE store_meta SET kdf_salt = ?, key_check = ? WHERE id = 1", arguments: [newSalt, check])
        guard db.changesCount == 1 else { throw StoreError.corrupt(path: path, detail: "the key material is missing") }
        return PassphraseChange(sessions: sessions.count, values: rewritten)
    }
}
