// About 400 lines: opening, key derivation and the database's life cycle
// of the encrypted store; sessions and passphrases are in the extensions
// (SessionStore+Sessions, SessionStore+Passphrase).

import Crypto
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The encrypted session store: one SQLite database, `<dir>/sessions.sqlite`.
///
/// - Durability: WAL journal with `synchronous=FULL`, so every committed
///   event is on disk (WAL fsync-ed) before `append` returns, and survives
///   kill -9 and power loss.
/// - Confidentiality: every value about the person (header, events,
///   artifacts) is sealed with ChaCha20-Poly1305 under a key derived from the
///   passphrase with scrypt; only listing/purging facts are plaintext.
///   `secure_delete=ON` zeroes deleted content; temporary tables stay in
///   memory (`temp_store=MEMORY`), so SQLite writes no other files.
/// - Privacy on disk: directory 0700, files 0600 (created under umask 077
///   and chmod-ed explicitly; SQLite gives -wal/-shm the database's mode).
/// - Damage: a damaged or foreign file gives `StoreError.corrupt` and is
///   never modified.
///
/// One `SessionStore` is one connection (a GRDB `DatabaseQueue`); it is safe
/// to use from several threads, but one process at a time is the intended
/// use. Errors thrown by its methods are always `StoreError`.
public final class SessionStore: Sendable {
    /// The database file name inside the store directory.
    public static let databaseFileName = "sessions.sqlite"

    /// How the store is opened.
    public enum AccessMode: Sendable {
        case readWrite
        /// Opens the database read-only (SQLITE_OPEN_READONLY): listing and
        /// reading work, every write fails with `StoreError.readOnly`.
        case readOnly
    }

    /// The store directory.
    public let directory: URL
    /// `<directory>/sessions.sqlite`.
    public let databaseURL: URL
    /// Whether the store was opened read-only.
    public let accessMode: AccessMode

    let dbQueue: DatabaseQueue
    let sealer: Sealer
    /// The scrypt salt the key was derived with. Every write first checks
    /// that the store still has it: after `changePassphrase` (from another
    /// program) this connection's key is the old one, and a value sealed
    /// with it would be unreadable.
    let salt: Data
    var path: String { databaseURL.path }

    private init(directory: URL, databaseURL: URL, accessMode: AccessMode, dbQueue: DatabaseQueue, sealer: Sealer,
                 salt: Data) {
        self.directory = directory
        self.databaseURL = databaseURL
        self.accessMode = accessMode
        self.dbQueue = dbQueue
        self.sealer = sealer
        self.salt = salt
    }

    // MARK: - Locating

    /// The default store directory: `$XDG_DATA_HOME/intake` if
    /// `XDG_DATA_HOME` is an absolute path (the XDG spec says to ignore a
    /// relative one), else `$HOME/.local/share/intake`.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("intake", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/intake", isDirectory: true)
    }

    /// Whether `<directory>/sessions.sqlite` exists (says nothing about
    /// whether it is valid or which passphrase opens it).
    public static func exists(at directory: URL) -> Bool {
        Permissions.exists(directory.appendingPathComponent(databaseFileName).path)
    }

    // MARK: - Opening

    /// Opens the store in `directory`, reading the passphrase from `source`.
    public static func open(
        directory: URL, passphrase source: PassphraseSource, create: Bool,
        kdf: KDFParameters = .default, mode: AccessMode = .readWrite
    ) throws -> SessionStore {
        try open(directory: directory, passphrase: source.resolve(), create: create, kdf: kdf, mode: mode)
    }

    /// Opens the store in `directory`.
    ///
    /// - Parameters:
    ///   - passphrase: unlocks the store; on the first open of an empty store
    ///     it creates the key material.
    ///   - create: create the directory (0700) and database if missing;
    ///     otherwise a missing store is `StoreError.notFound`.
    ///   - kdf: scrypt parameters for a *new* store only; an existing store
    ///     always uses the parameters saved in it.
    ///   - mode: `.readOnly` never writes to the database.
    /// - Throws: `StoreError`: `.wrongPassphrase`, `.corrupt` (file left
    ///   byte-identical), `.readOnly`, `.insecurePermissions`, `.notFound`, …
    public static func open(
        directory: URL, passphrase: String, create: Bool,
        kdf: KDFParameters = .default, mode: AccessMode = .readWrite
    ) throws -> SessionStore {
        guard !passphrase.isEmpty else { throw StoreError.emptyPassphrase }
        let directory = directory.standardizedFileURL
        let dirPath = directory.path
        let dbURL = directory.appendingPathComponent(databaseFileName)
        let dbPath = dbURL.path
        let create = create && mode == .readWrite
        // The prompt's rule, for every source (a file too), checked before
        // anything is created.
        if create, !Permissions.exists(dbPath) {
            try requireNewPassphraseLength(passphrase)
        }

        // The directory: create it private, or make it private.
        if let st = Permissions.status(dirPath) {
            guard st.isDirectory else {
                throw StoreError.database(path: dirPath, detail: "it is not a directory")
            }
            try Permissions.enforcePrivate(dirPath)
        } else {
            guard create else { throw StoreError.notFound(path: dirPath) }
            try Permissions.makeDirectory(dirPath)
        }

        // Two first runs at once: the second waits here until the first has
        // made the tables and the key material, then opens them as an
        // existing store. Held until this function returns.
        let creationLock = mode == .readWrite ? DirectoryLock(dirPath) : nil
        defer { creationLock?.release() }

        let dbExists = Permissions.exists(dbPath)
        guard dbExists || create else { throw StoreError.notFound(path: dbPath) }
        if mode == .readWrite {
            // Checked up front so the advocate learns before the interview,
            // not at the first answer. (root passes these checks.)
            guard access(dirPath, W_OK) == 0 else { throw StoreError.readOnly(path: dirPath) }
            if dbExists, access(dbPath, W_OK) != 0 { throw StoreError.readOnly(path: dbPath) }
        }
        for suffix in ["", "-wal", "-shm"] {
            let filePath = dbPath + suffix
            guard let st = Permissions.status(filePath) else { continue }
            guard st.isRegular else {
                throw StoreError.insecurePermissions(path: filePath, detail: "it is a symbolic link or not a regular file")
            }
            try Permissions.enforcePrivate(filePath)
        }
        // SQLite reads a WAL database only through its -shm file, which it
        // cannot create in a folder that cannot be written (a read-only disk
        // or copy). Nothing can change the file then, so it is opened as
        // immutable (a URI, which the system SQLite accepts).
        var openPath = dbPath
        if mode == .readOnly, access(dirPath, W_OK) != 0,
           !Permissions.exists(dbPath + "-shm"), !Permissions.exists(dbPath + "-wal") {
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "?#%")
            openPath = "file:" + (dbPath.addingPercentEncoding(withAllowedCharacters: allowed) ?? dbPath) + "?immutable=1"
        }
        if dbExists {
            try Preflight.check(databasePath: dbPath, openPath: openPath)
        }

        let dbQueue: DatabaseQueue
        do {
            dbQueue = try Permissions.withPrivateUmask {
                try DatabaseQueue(path: openPath, configuration: configuration(mode: mode))
            }
        } catch {
            throw mapError(error, path: dbPath)
        }

        do {
            let store: SessionStore = try withExtendedLifetime(dbQueue) {
                if mode == .readWrite {
                    try dbQueue.writeWithoutTransaction { db in
                        let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                        guard journal?.lowercased() == "wal" else {
                            throw StoreError.database(path: dbPath, detail: "WAL journal mode could not be enabled")
                        }
                    }
                }
                // The format-1 tables first (a new store gets them too), so the
                // passphrase is checked before anything is upgraded.
                let isNew = try migrate(dbQueue, upTo: "v1", sealer: nil, mode: mode, path: dbPath)
                let (sealer, salt) = try unlock(dbQueue, passphrase: passphrase, create: create, kdf: kdf,
                                                path: dbPath)
                let upgraded = try migrate(dbQueue, upTo: nil, sealer: sealer, mode: mode, path: dbPath)
                let store = SessionStore(directory: directory, databaseURL: dbURL, accessMode: mode,
                                         dbQueue: dbQueue, sealer: sealer, salt: salt)
                if upgraded && !isNew {
                    // A format-1 store was upgraded: leave none of its
                    // unpadded values or exact times in free pages or the WAL.
                    try store.scrub()
                }
                return store
            }
            store.enforceFileModes()
            return store
        } catch {
            try? dbQueue.close()
            throw mapError(error, path: dbPath)
        }
    }

    private static func configuration(mode: AccessMode) -> Configuration {
        var config = Configuration()
        config.label = "IntakeStore"
        config.readonly = mode == .readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        // Not `journalMode = .wal`: GRDB would then lower synchronous to
        // NORMAL, and a committed answer must survive a power loss.
        config.prepareDatabase { db in
            try db.execute(sql: """
                PRAGMA secure_delete = ON;
                PRAGMA synchronous = FULL;
                PRAGMA temp_store = MEMORY;
                """)
        }
        return config
    }

    /// Runs the migrations up to `target` (all if nil); returns whether any
    /// ran. A read-only store must already be there: missing format-1
    /// tables mean no store, a missing later migration means an old store.
    @discardableResult
    private static func migrate(_ dbQueue: DatabaseQueue, upTo target: String?, sealer: Sealer?,
                                mode: AccessMode, path: String) throws -> Bool {
        let migrator = Schema.migrator(sealer: sealer)
        let (superseded, applied) = try dbQueue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
        }
        if superseded {
            throw StoreError.unsupportedFormat(path: path, detail: "unknown schema migrations")
        }
        let wanted = target.map { [$0] } ?? migrator.migrations
        let missing = wanted.filter { !applied.contains($0) }
        guard !missing.isEmpty else { return false }
        guard mode == .readWrite else {
            throw applied.isEmpty ? StoreError.notFound(path: path) : StoreError.needsUpgrade(path: path)
        }
        if let target { try migrator.migrate(dbQueue, upTo: target) } else { try migrator.migrate(dbQueue) }
        return true
    }

    static let keyCheckPlaintext = Data("intake session store key check v1".utf8)

    /// Derives the key and verifies it against `store_meta`, or creates the
    /// key material for an empty store. Returns the key and its salt.
    private static func unlock(
        _ dbQueue: DatabaseQueue, passphrase: String, create: Bool, kdf: KDFParameters, path: String
    ) throws -> (Sealer, Data) {
        let meta = try dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM store_meta WHERE id = 1")
        }
        if let meta {
            let version: Int = meta["format_version"]
            guard version <= Schema.formatVersion else {
                throw StoreError.unsupportedFormat(path: path, detail: "format version \(version)")
            }
            let algorithm: String = meta["kdf_algorithm"]
            let cipher: String = meta["cipher"]
            guard algorithm == "scrypt", cipher == "ChaChaPoly" else {
                throw StoreError.unsupportedFormat(path: path, detail: "\(algorithm)/\(cipher)")
            }
            let parameters: KDFParameters
            do {
                parameters = try KDFParameters(n: meta["kdf_n"], r: meta["kdf_r"], p: meta["kdf_p"])
            } catch {
                throw StoreError.corrupt(path: path, detail: "invalid key-derivation parameters")
            }
            let salt: Data = meta["kdf_salt"]
            let sealer = Sealer(key: try parameters.deriveKey(passphrase: passphrase, salt: salt))
            let check: Data = meta["key_check"]
            guard let opened = try? sealer.open(check, context: .keyCheck), opened == keyCheckPlaintext else {
                throw StoreError.wrongPassphrase
            }
            return (sealer, salt)
        }

        // No key material yet: only an empty store may be given one.
        let sessionCount = try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") ?? 0 }
        guard sessionCount == 0 else {
            throw StoreError.corrupt(path: path, detail: "sessions exist but the key material is missing")
        }
        guard create else { throw StoreError.notFound(path: path) }
        try requireNewPassphraseLength(passphrase)
        let salt = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let sealer = Sealer(key: try kdf.deriveKey(passphrase: passphrase, salt: salt))
        let check = try sealer.seal(keyCheckPlaintext, context: .keyCheck)
        try dbQueue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO store_meta
                        (id, format_version, kdf_algorithm, kdf_salt, kdf_n, kdf_r, kdf_p, cipher, key_check, created_at)
                    VALUES (1, ?, 'scrypt', ?, ?, ?, ?, 'ChaChaPoly', ?, ?)
                    """,
                // The store's creation day only, like the sessions' dates.
                arguments: [Schema.formatVersion, salt, kdf.n, kdf.r, kdf.p, check,
                            Double(SessionTimes.day(Date().timeIntervalSince1970)) * 86400])
        }
        return (sealer, salt)
    }

    /// A new store's passphrase must have `PassphraseSource.minimumNewLength`
    /// characters, as the prompt asks.
    static func requireNewPassphraseLength(_ passphrase: String) throws {
        guard passphrase.count >= PassphraseSource.minimumNewLength else {
            throw StoreError.passphraseTooShort(minimum: PassphraseSource.minimumNewLength)
        }
    }

    /// Closes the database connection (checkpointing the WAL). Further
    /// calls fail. Also happens when the store is deallocated.
    public func close() throws {
        do { try dbQueue.close() } catch { throw Self.mapError(error, path: path) }
    }

    // MARK: - Helpers

    /// Removes group/world access from the database and its -wal/-shm, if
    /// present. (Created under umask 077 they are 0600 already; SQLite gives
    /// -wal/-shm the database's mode.)
    func enforceFileModes() {
        for suffix in ["", "-wal", "-shm"] {
            try? Permissions.enforcePrivate(path + suffix)
        }
    }

    func write<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        guard accessMode == .readWrite else { throw StoreError.readOnly(path: path) }
        let salt = self.salt, path = self.path
        do {
            return try dbQueue.write { db in
                // In the same transaction as the write, so a change of
                // passphrase cannot slip in between.
                guard try Data.fetchOne(db, sql: "SELECT kdf_salt FROM store_meta WHERE id = 1") == salt else {
                    throw StoreError.passphraseChanged(path: path)
                }
                return try body(db)
            }
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    func read<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do {
            return try dbQueue.read(body)
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    /// Turns GRDB/SQLite errors into `StoreError`. Uses SQLite's message
    /// only, never GRDB's description (which can include SQL).
    static func mapError(_ error: Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let dbError = error as? DatabaseError else {
            return .database(path: path, detail: "unexpected error")
        }
        let message = (dbError.message ?? "SQLite error \(dbError.resultCode.rawValue)")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        switch dbError.resultCode.primaryResultCode {
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_IOERR: return .ioError(path: path, detail: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, detail: message)
        case .SQLITE_CANTOPEN: return .database(path: path, detail: "the file cannot be opened")
        default: return .database(path: path, detail: message)
        }
    }
}

/// An exclusive flock(2) on the store directory, serialising the opening
/// (and so the creation) of a store between processes. Advisory: only
/// intake takes it. If the directory cannot be opened, there is no lock and
/// opening goes on as before.
final class DirectoryLock {
    private var fd: Int32

    init(_ path: String) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        _ = close(fd)
        fd = -1
    }

    deinit { release() }
}
