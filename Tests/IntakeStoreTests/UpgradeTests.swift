import Foundation
import GRDB
import Testing
@testable import IntakeStore

/// `Fixtures/format-1/sessions.sqlite` was written by the format-1 code
/// (commit f1946e6) with `KDFParameters.insecureForTesting`, passphrase
/// "format-1 fixture passphrase", then closed:
///
/// - session 63d89d97-…: created at 1_709_632_800 (2024-03-05 10:00 UTC),
///   header {"fixture":"header A"}; event {"answer":"yes"} at
///   1_709_632_810.25 and {"answer":"no"} at 1_709_632_875.5; artifact
///   summary.json {"fixture":"summary A"}; finished at 1_709_633_000.
/// - session 8b279c36-…: created at 1_709_719_200 (2024-03-06 10:00 UTC),
///   header {"fixture":"header B"}; event {"remark":"fixture remark B"} at
///   1_709_719_260; unfinished.
@Suite struct UpgradeTests {
    static let passphrase = "format-1 fixture passphrase"
    static let a = SessionID("63d89d97-c8ba-404a-af3b-c3f14dc015a2")!
    static let b = SessionID("8b279c36-e3e7-4bb2-b259-9b0ea8fde234")!

    /// A private copy of the fixture store.
    static func copyFixture(to tmp: TempDir) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/format-1/sessions.sqlite")
        try FileManager.default.createDirectory(at: tmp.store, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(at: fixture, to: tmp.database)
        chmod(tmp.database.path, 0o600)
    }

    static func open(_ tmp: TempDir, passphrase: String = passphrase,
                     mode: SessionStore.AccessMode = .readWrite) throws -> SessionStore {
        try SessionStore.open(directory: tmp.store, passphrase: passphrase, create: false,
                              kdf: .insecureForTesting, mode: mode)
    }

    @Test func aFormatOneStoreOpensWithEverythingInIt() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try Self.copyFixture(to: tmp)
        let store = try Self.open(tmp)

        #expect(try store.list() == [
            SessionInfo(id: Self.b, createdAt: Date(timeIntervalSince1970: 1_709_719_200),
                        updatedAt: Date(timeIntervalSince1970: 1_709_719_260), status: .unfinished,
                        questionnaireID: "quick-screen", questionnaireVersion: "1.0.0", questionnaireHash: "hash-b",
                        eventCount: 1),
            SessionInfo(id: Self.a, createdAt: Date(timeIntervalSince1970: 1_709_632_800),
                        updatedAt: Date(timeIntervalSince1970: 1_709_633_000), status: .finished,
                        questionnaireID: "quick-screen", questionnaireVersion: "1.0.0", questionnaireHash: "hash-a",
                        eventCount: 2),
        ])
        #expect(try store.events(session: Self.a) == [
            StoredEvent(seq: 1, at: Date(timeIntervalSince1970: 1_709_632_810.25), payload: json(#"{"answer":"yes"}"#)),
            StoredEvent(seq: 2, at: Date(timeIntervalSince1970: 1_709_632_875.5), payload: json(#"{"answer":"no"}"#)),
        ])
        #expect(try store.events(session: Self.b) == [
            StoredEvent(seq: 1, at: Date(timeIntervalSince1970: 1_709_719_260), payload: json(#"{"remark":"fixture remark B"}"#)),
        ])
        #expect(try store.header(session: Self.a) == json(#"{"fixture":"header A"}"#))
        #expect(try store.header(session: Self.b) == json(#"{"fixture":"header B"}"#))
        #expect(try store.artifact(session: Self.a, kind: "summary.json") == json(#"{"fixture":"summary A"}"#))
        // New events go on after the old ones.
        #expect(try store.append(session: Self.b, payload: json("{}"), at: Date(timeIntervalSince1970: 1_709_719_300)) == 2)
    }

    @Test func theUpgradeLeavesNoExactTimeAndOnlyPaddedValues() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try Self.copyFixture(to: tmp)
        func needle(_ t: Double) -> Data { withUnsafeBytes(of: t.bitPattern.bigEndian) { Data($0) } }
        // The fixture does hold the exact times in the clear (REAL, big-endian).
        #expect(try filesContaining(needle(1_709_632_810.25), in: tmp.store) == ["sessions.sqlite"])
        let store = try Self.open(tmp)
        for t in [1_709_632_810.25, 1_709_632_875.5] {
            #expect(try filesContaining(needle(t), in: tmp.store) == [], "\(t)")
        }
        let rows = try store.dbQueue.read { db in
            (try Int.fetchOne(db, sql: "SELECT format_version FROM store_meta"),
             try Int.fetchAll(db, sql: "SELECT length(payload) FROM events"),
             try Int.fetchAll(db, sql: "SELECT length(header) FROM sessions ORDER BY id"),
             try Row.fetchAll(db, sql: "SELECT created_day, updated_day FROM sessions ORDER BY id")
                .map { [$0[0] as Int, $0[1] as Int] },
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try Int.fetchOne(db, sql: "PRAGMA freelist_count"))
        }
        #expect(rows.0 == 2)
        #expect(rows.1 == [1053, 1053, 1053])
        #expect(rows.2 == [1053, 1053])
        #expect(rows.3 == [[19787, 19787], [19788, 19788]])
        #expect(rows.4 == ["artifacts", "events", "grdb_migrations", "sessions", "store_meta"])
        #expect(rows.5 == 0)
        try store.close()
        // Opened again (now format 2), also read-only.
        #expect(try Self.open(tmp, mode: .readOnly).events(session: Self.a).count == 2)
    }

    @Test func aWrongPassphraseLeavesTheOldStoreUntouched() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try Self.copyFixture(to: tmp)
        let before = try Data(contentsOf: tmp.database)
        #expect(throws: StoreError.wrongPassphrase) { _ = try Self.open(tmp, passphrase: "not the passphrase") }
        #expect(try Data(contentsOf: tmp.database) == before)
    }

    @Test func aReadOnlyOpenOfAFormatOneStoreSaysItNeedsUpgrading() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try Self.copyFixture(to: tmp)
        #expect(throws: StoreError.needsUpgrade(path: tmp.database.path)) { _ = try Self.open(tmp, mode: .readOnly) }
    }
}
