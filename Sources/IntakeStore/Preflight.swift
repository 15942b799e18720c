import Foundation
import GRDB
import Synchronization

/// Checks an existing database file *before* it is opened for writing, so
/// that a damaged or foreign file is reported and never modified (opening
/// read-write could switch its journal mode or run migrations on it).
enum Preflight {
    static let magic = Data("SQLite format 3\u{0}".utf8)

    /// The check's connections, closed and then kept until the program ends.
    /// A GRDB queue that goes away leaves libdispatch to destroy what GRDB
    /// set on its dispatch queue (`setSpecific`, GRDB's scheduling watchdog),
    /// which libdispatch does on a worker thread of its global queue; its
    /// first worker starts its one-second monitor of the pool
    /// (`_dispatch_workq_monitor_pools`), which runs until the process ends,
    /// and an interview at rest would wake every second (bench/README.md,
    /// "Issue 19, round 13"). A closed connection keeps only its objects;
    /// closing it freed SQLite's own memory.
    private static let closedConnections = Mutex<[DatabaseQueue]>([])
    private static func keepUntilExit(_ dbQueue: DatabaseQueue) {
        closedConnections.withLock { $0.append(dbQueue) }
    }

    /// `openPath`: what SQLite is given to open it (the path, or an
    /// immutable URI for a store that cannot be written).
    static func check(databasePath path: String, openPath: String? = nil) throws {
        // Another process may be checkpointing this store as it closes
        // (pages copied in, then the WAL removed): a layout that does not
        // add up is read again once before it is called damaged.
        if try layoutProblem(path) != nil {
            usleep(100_000)
            if let problem = try layoutProblem(path) { throw problem }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }  // created but never written: empty store

        // A read-only connection: quick_check, and is this our database?
        var config = Configuration()
        config.readonly = true
        config.label = "IntakeStore.preflight"
        config.busyMode = .timeout(5)
        do {
            let dbQueue = try DatabaseQueue(path: openPath ?? path, configuration: config)
            defer {
                try? dbQueue.close()
                keepUntilExit(dbQueue)
            }
            try dbQueue.read { db in
                let results = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard results == ["ok"] else {
                    let problems = results.flatMap { $0.split(separator: "\n") }
                        .filter { !$0.hasPrefix("***") }
                    let first = problems.first.map { String($0.prefix(160)) } ?? "no result"
                    let more = problems.count > 1 ? " and \(problems.count - 1) more problems" : ""
                    throw StoreError.corrupt(path: path, detail: "integrity check failed: \(first)\(more)")
                }
                let tables = try String.fetchSet(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if !tables.isEmpty, !tables.contains("store_meta") {
                    throw StoreError.corrupt(path: path, detail: "an SQLite database, but not an intake session store")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw SessionStore.mapError(error, path: path)
        }
    }

    /// The file's layout, read without SQLite: our magic, a valid page
    /// size, and (with no WAL pending) whole pages, as many as the header
    /// claims. The WAL's size is read first and the file's size last, so a
    /// checkpoint running meanwhile (the file only grows, then the WAL goes)
    /// cannot make a whole file look truncated.
    static func layoutProblem(_ path: String) throws -> StoreError? {
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size == 0 { return nil }
            throw StoreError.database(path: path, detail: "the file cannot be read")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return nil }  // created but never written: empty store
        guard header.count == 100, header.prefix(16) == magic else {
            return StoreError.corrupt(path: path, detail: "not an SQLite database")
        }
        let bytes = [UInt8](header)
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
            return StoreError.corrupt(path: path, detail: "invalid page size")
        }
        // Without a pending WAL the main file must hold whole pages, and at
        // least as many as its header claims. (With a non-empty WAL, an
        // interrupted checkpoint can legitimately leave the file short; the
        // WAL completes it, so only the quick_check applies.)
        if walSize == 0 {
            guard size % pageSize == 0 else {
                return StoreError.corrupt(path: path, detail: "the file is truncated mid-page")
            }
            let headerPages = be32(28)
            let headerValid = be32(92) == be32(24)
            if headerValid, headerPages > 0, headerPages * pageSize > size {
                return StoreError.corrupt(
                    path: path, detail: "the file is truncated, \(size / pageSize) of \(headerPages) pages left")
            }
        }
        return nil
    }
}
