import Foundation
import GRDB
import Testing
@testable import IntakeStore

@Suite struct SessionStoreTests {
    @Test func createAppendReopenReadsBackInOrder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let t0 = Date(timeIntervalSince1970: 1_800_000_000.25)
        var store: SessionStore? = try openStore(tmp.store)
        let id = try store!.createSession(questionnaireID: "tvpra-screen", version: "3", hash: "sha256:abc",
                                          header: json(#"{"languages":["es","en"]}"#), now: t0)
        for i in 1...5 {
            let seq = try store!.append(session: id, payload: json(#"{"n":\#(i)}"#),
                                        at: t0.addingTimeInterval(Double(i) * 1.5))
            #expect(seq == i)
        }
        try store!.putArtifact(session: id, kind: "summary.json", data: json(#"{"ok":true}"#))
        try store!.setStatus(session: id, .finished)
        try store!.close()
        store = nil

        let reopened = try openStore(tmp.store, create: false)
        let events = try reopened.events(session: id)
        #expect(events.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(events.map { String(decoding: $0.payload, as: UTF8.self) } == (1...5).map { #"{"n":\#($0)}"# })
        #expect(events.map(\.at) == (1...5).map { t0.addingTimeInterval(Double($0) * 1.5) })
        #expect(try reopened.header(session: id) == json(#"{"languages":["es","en"]}"#))
        #expect(try reopened.artifact(session: id, kind: "summary.json") == json(#"{"ok":true}"#))
        #expect(try reopened.artifact(session: id, kind: "missing") == nil)

        let list = try reopened.list()
        #expect(list.count == 1)
        #expect(list[0].id == id)
        #expect(list[0].status == .finished)
        #expect(list[0].questionnaireID == "tvpra-screen")
        #expect(list[0].questionnaireVersion == "3")
        #expect(list[0].questionnaireHash == "sha256:abc")
        #expect(list[0].eventCount == 5)
        #expect(list[0].createdAt == t0)
    }

    @Test func headerCanBeReplaced() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        try store.updateHeader(session: id, json(#"{"lang":"fr"}"#))
        #expect(try store.header(session: id) == json(#"{"lang":"fr"}"#))
    }

    @Test func unknownSessionIsReported() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let ghost = SessionID()
        #expect(throws: StoreError.sessionNotFound(ghost)) {
            try store.append(session: ghost, payload: json("{}"), at: Date())
        }
        #expect(throws: StoreError.sessionNotFound(ghost)) { try store.events(session: ghost) }
        #expect(throws: StoreError.sessionNotFound(ghost)) { try store.delete(session: ghost) }
    }

    @Test func wrongPassphraseIsRefusedAndRightOneStillWorks() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        do {
            let store = try openStore(tmp.store)
            _ = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        }
        let before = try Data(contentsOf: tmp.database)
        #expect(throws: StoreError.wrongPassphrase) {
            _ = try openStore(tmp.store, passphrase: "Correct horse battery staple", create: false)
        }
        #expect(throws: StoreError.wrongPassphrase) {
            _ = try openStore(tmp.store, passphrase: "wrong", create: true)
        }
        #expect(try Data(contentsOf: tmp.database) == before)
        #expect(StoreError.wrongPassphrase.description
            == "The passphrase is not correct for this session store; nothing was changed.")
        let store = try openStore(tmp.store, create: false)
        #expect(try store.list().count == 1)
    }

    @Test func missingStoreWithoutCreateIsNotFound() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(!SessionStore.exists(at: tmp.store))
        #expect(throws: StoreError.notFound(path: tmp.store.path)) {
            _ = try openStore(tmp.store, create: false)
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.store.path))
        _ = try openStore(tmp.store)
        #expect(SessionStore.exists(at: tmp.store))
    }

    @Test func emptyPassphraseIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(throws: StoreError.emptyPassphrase) { _ = try openStore(tmp.store, passphrase: "") }
    }

    @Test func savedKDFParametersWinOverTheCallersOnReopen() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        _ = try openStore(tmp.store)  // created with the cheap test parameters
        let reopened = try SessionStore.open(directory: tmp.store, passphrase: testPassphrase, create: false,
                                             kdf: .default)
        let row = try reopened.dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT kdf_algorithm, kdf_n, kdf_r, kdf_p, length(kdf_salt) AS salt FROM store_meta")
        }
        #expect(row?["kdf_algorithm"] == "scrypt")
        #expect(row?["kdf_n"] == KDFParameters.insecureForTesting.n)
        #expect(row?["kdf_r"] == KDFParameters.insecureForTesting.r)
        #expect(row?["salt"] == 32)
    }

    @Test func defaultKDFParametersDeriveAWorkingKey() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(KDFParameters.default.n == 1 << 15 && KDFParameters.default.r == 8 && KDFParameters.default.p == 1)
        let store = try SessionStore.open(directory: tmp.store, passphrase: "pw-12345", create: true)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        try store.close()
        let again = try SessionStore.open(directory: tmp.store, passphrase: "pw-12345", create: false)
        #expect(try again.list().map(\.id) == [id])
        #expect(throws: StoreError.wrongPassphrase) {
            _ = try SessionStore.open(directory: tmp.store, passphrase: "pW-12345", create: false)
        }
    }

    @Test func kdfParametersAreValidated() {
        #expect(throws: StoreError.self) { try KDFParameters(n: 1000, r: 8, p: 1) }
        #expect(throws: StoreError.self) { try KDFParameters(n: 1 << 30, r: 8, p: 1) }
        #expect(throws: StoreError.self) { try KDFParameters(n: 1 << 15, r: 0, p: 1) }
        #expect((try? KDFParameters(n: 1 << 14, r: 8, p: 1)) != nil)
    }

    @Test func durabilityPragmasAreInForce() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let values = try store.dbQueue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA secure_delete"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA temp_store"))
        }
        #expect(values.0 == "wal")
        #expect(values.1 == 2)  // FULL
        #expect(values.2 == 1)
        #expect(values.3 == 1)
        #expect(values.4 == 2)  // MEMORY
    }

    @Test func anAppendedEventIsCommittedWhenAppendReturns() throws {
        // Subprocess-free stand-in for kill -9: a second, independent
        // connection sees the event while the first one is still open.
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        try store.append(session: id, payload: json("{}"), at: Date())
        var config = Configuration()
        config.readonly = true
        let other = try DatabaseQueue(path: tmp.database.path, configuration: config)
        #expect(try other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM events") } == 1)
        try other.close()
    }

    /// What kill -9 leaves behind: the database and its WAL as they are
    /// on disk right after `append` returned, never checkpointed, and no
    /// -shm. Opening that copy must recover every event (and not call the
    /// store damaged just because the main file lags behind the WAL).
    @Test func aCrashImageRecoversEveryCommittedEvent() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        for i in 1...200 {
            try store.append(session: id, payload: json(#"{"n":\#(i)}"#), at: Date())
        }
        let wal = try Data(contentsOf: URL(fileURLWithPath: tmp.database.path + "-wal"))
        #expect(wal.count > 0)
        let crashed = tmp.url.appendingPathComponent("crashed", isDirectory: true)
        try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: false)
        chmod(crashed.path, 0o700)
        let crashedDB = crashed.appendingPathComponent(SessionStore.databaseFileName)
        try Data(contentsOf: tmp.database).write(to: crashedDB)
        try wal.write(to: URL(fileURLWithPath: crashedDB.path + "-wal"))

        let recovered = try openStore(crashed, create: false)
        let events = try recovered.events(session: id)
        #expect(events.map(\.seq) == Array(1...200))
        #expect(events.last?.payload == json(#"{"n":200}"#))
        for name in try FileManager.default.contentsOfDirectory(atPath: crashed.path) {
            #expect(mode(of: crashed.appendingPathComponent(name)) == 0o600, "\(name)")
        }
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]).path
            == "/data/intake")
        #expect(SessionStore.defaultDirectory(environment: ["HOME": "/home/a"]).path
            == "/home/a/.local/share/intake")
        #expect(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/home/a"]).path
            == "/home/a/.local/share/intake")
        #expect(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"]).path
            == "/home/a/.local/share/intake")
    }

    @Test func purgeDeletesSessionsNotUpdatedWithinTheAge() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        let day: TimeInterval = 86_400
        let old = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"),
                                          now: now.addingTimeInterval(-40 * day))
        let resumed = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"),
                                              now: now.addingTimeInterval(-40 * day))
        try store.append(session: resumed, payload: json("{}"), at: now.addingTimeInterval(-1 * day))
        let fresh = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"),
                                            now: now.addingTimeInterval(-2 * day))
        let purged = try store.purge(olderThan: 30 * day, now: now)
        #expect(purged == [old])
        #expect(Set(try store.list().map(\.id)) == [resumed, fresh])
        #expect(try store.purge(olderThan: 30 * day, now: now) == [])
    }
}
