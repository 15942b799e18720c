import Foundation
import GRDB
import IntakeTestSupport
import Testing
@testable import IntakeStore

@Suite struct CorruptionTests {
    /// Opening must throw `.corrupt` and leave the file byte-identical.
    func expectCorrupt(_ tmp: TempDir, _ comment: Comment) throws {
        let before = try Data(contentsOf: tmp.database)
        do {
            _ = try openStore(tmp.store, create: true)
            Issue.record("opened a damaged store: \(comment)")
        } catch let error as StoreError {
            guard case let .corrupt(path, _) = error else {
                Issue.record("expected .corrupt, got \(error): \(comment)")
                return
            }
            #expect(path == tmp.database.path)
            #expect(error.description.hasPrefix("The session store \(tmp.database.path) is damaged"))
            #expect(!error.description.contains("\n"))
        }
        #expect(try Data(contentsOf: tmp.database) == before, comment)
    }

    func makeStoreDirectory(_ tmp: TempDir) throws {
        try FileManager.default.createDirectory(at: tmp.store, withIntermediateDirectories: true)
        chmod(tmp.store.path, 0o700)
    }

    @Test func randomBytes() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try makeStoreDirectory(tmp)
        var rng = SplitMix64(seed: 0x1D7A_4E00 + 1)
        try Data((0..<16_384).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: tmp.database)
        try expectCorrupt(tmp, "random bytes")
    }

    @Test func aTextFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try makeStoreDirectory(tmp)
        try Data("name,answer\nnot a database\n".utf8).write(to: tmp.database)
        try expectCorrupt(tmp, "text file")
    }

    @Test func randomBytesAfterAValidHeader() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try makeStoreDirectory(tmp)
        var bytes = Data("SQLite format 3\u{0}".utf8)
        var rng = SplitMix64(seed: 0x1D7A_4E00 + 2)
        bytes += Data((0..<(8192 - 16)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        try bytes.write(to: tmp.database)
        try expectCorrupt(tmp, "header then garbage")
    }

    /// A real store cut in half, with the cut at a page boundary (the hard
    /// case) and in the middle of a page.
    /// A real SQLITE_FULL from SQLite itself: `max_page_count` caps the
    /// database at its current size, which fails writes exactly as a full
    /// disk does (no tmpfs or root needed).
    @Test func aRealSQLiteFullIsQueuedAndFlushedOnceThereIsRoom() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        let pages = try store.dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        try store.dbQueue.writeWithoutTransaction { db in
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        let recorder = SessionRecorder(sink: store, session: id)
        let big = json(String(repeating: "y", count: 20_000))
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 0..<3 {
            recorder.record(big + json("\(i)"), at: t0.addingTimeInterval(Double(i)))
        }
        #expect(recorder.pendingCount == 3)
        #expect(recorder.lastStoreError == .diskFull(path: tmp.database.path))
        #expect(recorder.lastError
            == "Can't save: the disk is full. The interview is kept in memory; saving will be retried.")
        #expect(try store.events(session: id).isEmpty)

        try store.dbQueue.writeWithoutTransaction { db in
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1000000")
        }
        #expect(recorder.retry())
        let events = try store.events(session: id)
        #expect(events.map(\.payload) == (0..<3).map { big + json("\($0)") })
        #expect(events.map(\.at) == (0..<3).map { t0.addingTimeInterval(Double($0)) })
    }

    @Test(arguments: [true, false]) func truncatedRealStore(atPageBoundary: Bool) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        do {
            let store = try openStore(tmp.store)
            let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
            for i in 0..<300 {
                try store.append(session: id, payload: json(String(repeating: "x", count: 100 + i)), at: Date())
            }
            try store.close()
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.database.path + "-wal"))
        let full = try Data(contentsOf: tmp.database)
        #expect(full.count >= 16 * 4096)
        var cut = full.count / 2
        cut = atPageBoundary ? cut - cut % 4096 : cut - cut % 4096 + 1000
        try full.prefix(cut).write(to: tmp.database)
        chmod(tmp.database.path, 0o600)
        try expectCorrupt(tmp, "truncated at \(cut)")
    }

    /// Same size, valid header: only SQLite's own checks can tell.
    @Test(arguments: [1, 2, 10]) func aPageOverwrittenWithGarbage(page: Int) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        do {
            let store = try openStore(tmp.store)
            let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
            for i in 0..<300 {
                try store.append(session: id, payload: json(String(repeating: "x", count: 100 + i)), at: Date())
            }
            try store.close()
        }
        var bytes = try Data(contentsOf: tmp.database)
        var rng = SplitMix64(seed: 0x1D7A_4E00 + 3)
        bytes.replaceSubrange(page * 4096 ..< (page + 1) * 4096,
                              with: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })
        try bytes.write(to: tmp.database)
        chmod(tmp.database.path, 0o600)
        try expectCorrupt(tmp, "page \(page) overwritten")
    }

    @Test func aForeignSQLiteDatabaseIsNotTakenOver() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try makeStoreDirectory(tmp)
        do {
            let other = try DatabaseQueue(path: tmp.database.path)
            try other.write { try $0.execute(sql: "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x')") }
            try other.close()
        }
        chmod(tmp.database.path, 0o600)
        try expectCorrupt(tmp, "someone else's database")
    }

    @Test func aCorruptionErrorReadsAsOneSentence() {
        let error = StoreError.corrupt(path: "/s/sessions.sqlite", detail: "not an SQLite database")
        #expect(error.description
            == "The session store /s/sessions.sqlite is damaged or is not a session store (not an SQLite database); it was left untouched.")
    }
}

/// An `EventSink` that fails on demand, standing in for a full disk, an I/O
/// error or a locked store, which cannot be produced reliably in a test.
final class FlakySink: EventSink {
    let store: SessionStore
    var failure: StoreError?
    var attempts = 0

    init(_ store: SessionStore, failing failure: StoreError?) {
        self.store = store
        self.failure = failure
    }

    func append(session: SessionID, payload: Data, at: Date) throws -> Int {
        attempts += 1
        if let failure { throw failure }
        return try store.append(session: session, payload: payload, at: at)
    }
}

@Suite struct RecorderTests {
    @Test func aFullDiskQueuesEventsAndRetryFlushesThemInOrder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        let sink = FlakySink(store, failing: nil)
        let recorder = SessionRecorder(sink: sink, session: id)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)

        #expect(recorder.record(json(#"{"e":1}"#), at: t0))
        sink.failure = .diskFull(path: store.path)
        #expect(!recorder.record(json(#"{"e":2}"#), at: t0.addingTimeInterval(1)))
        #expect(!recorder.record(json(#"{"e":3}"#), at: t0.addingTimeInterval(2)))
        #expect(recorder.pendingCount == 2)
        #expect(recorder.lastError
            == "Can't save: the disk is full. The interview is kept in memory; saving will be retried.")
        #expect(recorder.lastStoreError == .diskFull(path: store.path))
        #expect(!recorder.retry())
        #expect(try store.events(session: id).count == 1)

        sink.failure = nil
        #expect(recorder.retry())
        #expect(recorder.pendingCount == 0)
        #expect(recorder.lastError == nil)
        let events = try store.events(session: id)
        #expect(events.map(\.payload) == [json(#"{"e":1}"#), json(#"{"e":2}"#), json(#"{"e":3}"#)])
        #expect(events.map(\.at) == [t0, t0.addingTimeInterval(1), t0.addingTimeInterval(2)])
    }

    @Test(arguments: [
        (StoreError.ioError(path: "/s", detail: "disk I/O error"), "the disk reported an error"),
        (StoreError.busy(path: "/s"), "the session store is locked by another program"),
        (StoreError.readOnly(path: "/s"), "the session store is read-only"),
    ])
    func otherFailuresHaveScreenMessages(error: StoreError, reason: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        let recorder = SessionRecorder(sink: FlakySink(store, failing: error), session: id)
        recorder.record(json("{}"))
        #expect(recorder.lastError == "Can't save: \(reason). The interview is kept in memory; saving will be retried.")
    }

    @Test func sqliteResultCodesMapToStoreErrors() {
        let path = "/s/sessions.sqlite"
        #expect(SessionStore.mapError(DatabaseError(resultCode: .SQLITE_FULL), path: path) == .diskFull(path: path))
        #expect(SessionStore.mapError(DatabaseError(resultCode: .SQLITE_READONLY), path: path) == .readOnly(path: path))
        #expect(SessionStore.mapError(DatabaseError(resultCode: .SQLITE_BUSY), path: path) == .busy(path: path))
        #expect(SessionStore.mapError(DatabaseError(resultCode: ResultCode(rawValue: 10 | (4 << 8)), message: "disk I/O error"),
                                      path: path) == .ioError(path: path, detail: "disk I/O error"))
        if case .corrupt = SessionStore.mapError(DatabaseError(resultCode: .SQLITE_NOTADB), path: path) {} else {
            Issue.record("SQLITE_NOTADB is not mapped to .corrupt")
        }
    }

    /// Tests run as root in CI, where chmod does not stop writes, so the
    /// read-only store is simulated by opening it with SQLITE_OPEN_READONLY
    /// (`mode: .readOnly`). SQLite then fails every write with
    /// SQLITE_READONLY, exactly as for a read-only file or file system.
    @Test func aReadOnlyStoreQueuesAndAWritableOneFlushes() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let id: SessionID
        do {
            let store = try openStore(tmp.store)
            id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
            try store.append(session: id, payload: json(#"{"e":0}"#), at: Date(timeIntervalSince1970: 0))
            try store.close()
        }
        let readOnly = try openStore(tmp.store, create: false, mode: .readOnly)
        #expect(try readOnly.events(session: id).count == 1)  // reading works
        let recorder = SessionRecorder(sink: readOnly, session: id)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 1...3 {
            #expect(!recorder.record(json(#"{"e":\#(i)}"#), at: t0.addingTimeInterval(Double(i))))
        }
        #expect(recorder.pendingCount == 3)
        #expect(recorder.lastStoreError == .readOnly(path: tmp.database.path))
        #expect(recorder.lastError
            == "Can't save: the session store is read-only. The interview is kept in memory; saving will be retried.")
        #expect(throws: StoreError.readOnly(path: tmp.database.path)) {
            try readOnly.setStatus(session: id, .finished)
        }

        // "Made writable": reopen read-write and hand it to the recorder.
        try readOnly.close()
        recorder.sink = try openStore(tmp.store, create: false)
        #expect(recorder.retry())
        let events = try (recorder.sink as! SessionStore).events(session: id)
        #expect(events.map(\.seq) == [1, 2, 3, 4])
        #expect(events.map(\.payload) == (0...3).map { json(#"{"e":\#($0)}"#) })
        #expect(events.dropFirst().map(\.at) == (1...3).map { t0.addingTimeInterval(Double($0)) })
    }

    /// With real permissions; only meaningful when not root (root ignores
    /// them), so as root it checks the SQLITE_READONLY path instead.
    @Test func aReadOnlyDirectoryIsReportedOnOpen() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try openStore(tmp.store).close()
        if geteuid() != 0 {
            chmod(tmp.store.path, 0o500)
            #expect(throws: StoreError.readOnly(path: tmp.store.path)) {
                _ = try openStore(tmp.store, create: false)
            }
            chmod(tmp.store.path, 0o700)
            chmod(tmp.database.path, 0o400)
            #expect(throws: StoreError.readOnly(path: tmp.database.path)) {
                _ = try openStore(tmp.store, create: false)
            }
        } else {
            let store = try openStore(tmp.store, create: false, mode: .readOnly)
            #expect(throws: StoreError.readOnly(path: tmp.database.path)) {
                _ = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
            }
        }
        #expect(StoreError.readOnly(path: "/s").description
            == "The session store /s cannot be written (read-only file, directory or disk).")
    }
}
