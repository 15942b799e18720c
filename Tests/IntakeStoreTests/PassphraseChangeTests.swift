import Foundation
import GRDB
import IntakeCore
import Testing
@testable import IntakeStore

/// `SessionStore.changePassphrase`: every sealed value re-encrypted under a
/// new key, in one transaction, so the old or the new passphrase works and
/// never neither.
@Suite struct PassphraseChangeTests {
    static let newPassphrase = "a new passphrase 2024"

    /// Two sessions with answers, remarks, a draft, a long remark (a larger
    /// bucket), an artifact and a written-files list.
    static func fill(_ store: SessionStore) throws -> [SessionID] {
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        var ids: [SessionID] = []
        for n in 0..<2 {
            let id = try store.createSession(questionnaireID: "quick-screen", version: "1", hash: "h\(n)",
                                             header: json("{\"languages\":\"es/en\",\"n\":\(n)}"), now: at)
            let events: [InterviewEvent] = [
                .answered(question: "consent", value: .choice("yes")),
                .remarked(question: "consent", text: "quokka remark \(n)"),
                .answered(question: "employer", value: .text("Wombat Laundry")),
                .drafted(field: .answer(question: "story"), text: "typed but not confirmed \(n)"),
                .remarked(question: nil, text: String(repeating: "long remark ", count: 200)),
            ]
            for (i, event) in events.enumerated() {
                try store.append(session: id, payload: InterviewCodec.encode(event),
                                 at: at.addingTimeInterval(Double(i + 1)))
            }
            try store.putArtifact(session: id, kind: "summary.json", data: json("{\"result\":\"possible\"}"), now: at)
            try store.recordWrittenFiles(session: id, [URL(fileURLWithPath: "/tmp/summary-\(n).md")])
            ids.append(id)
        }
        return ids
    }

    /// Everything a store holds, decrypted: headers, times, events, artifacts.
    struct Contents: Equatable {
        var infos: [SessionInfo]
        var headers: [Data]
        var events: [[StoredEvent]]
        var artifacts: [Data?]
        var writtenFiles: [[String]]
    }

    static func contents(_ store: SessionStore, _ ids: [SessionID]) throws -> Contents {
        Contents(infos: try ids.map { try #require(try store.info(session: $0)) },
                 headers: try ids.map { try store.header(session: $0) },
                 events: try ids.map { try store.events(session: $0) },
                 artifacts: try ids.map { try store.artifact(session: $0, kind: "summary.json") },
                 writtenFiles: try ids.map { try store.writtenFiles(session: $0) })
    }

    /// The size of every sealed value, by table, row and column.
    static func sealedSizes(_ database: URL) throws -> [String: Int] {
        let db = try rawDatabase(database)
        defer { try? db.close() }
        return try db.read { db in
            var sizes: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, length(times) AS t, length(header) AS h FROM sessions") {
                sizes["times/\(row["id"] as String)"] = row["t"]
                sizes["header/\(row["id"] as String)"] = row["h"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT session_id, seq, length(payload) AS l FROM events") {
                sizes["event/\(row["session_id"] as String)/\(row["seq"] as Int)"] = row["l"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT session_id, kind, length(payload) AS l FROM artifacts") {
                sizes["artifact/\(row["session_id"] as String)/\(row["kind"] as String)"] = row["l"]
            }
            sizes["key_check"] = try Int.fetchOne(db, sql: "SELECT length(key_check) FROM store_meta")
            return sizes
        }
    }

    @Test func theNewPassphraseOpensTheStoreAndEverythingReadsBackIdentical() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let ids = try Self.fill(store)
        let before = try Self.contents(store, ids)
        try store.close()
        let sizesBefore = try Self.sealedSizes(tmp.database)
        let saltBefore = try rawDatabase(tmp.database).read { try Data.fetchOne($0, sql: "SELECT kdf_salt FROM store_meta") }

        let changed = try SessionStore.changePassphrase(directory: tmp.store, current: testPassphrase,
                                                       new: Self.newPassphrase)
        #expect(changed.sessions == 2)
        // 2 sessions × (times + header + 5 events + summary.json + written-files)
        #expect(changed.values == 18)

        #expect(throws: StoreError.wrongPassphrase) { _ = try openStore(tmp.store, create: false) }
        let reopened = try openStore(tmp.store, passphrase: Self.newPassphrase, create: false)
        #expect(try Self.contents(reopened, ids) == before)
        #expect(before.events[0].count == 5)
        #expect(String(decoding: before.artifacts[1] ?? Data(), as: UTF8.self) == "{\"result\":\"possible\"}")
        try reopened.close()

        // Values stay in their buckets: an event 1053 bytes, the long remark (2,400 bytes) 4129.
        let sizesAfter = try Self.sealedSizes(tmp.database)
        #expect(sizesAfter == sizesBefore)
        #expect(sizesAfter["event/\(ids[0].string)/1"] == 1053)
        #expect(sizesAfter["event/\(ids[0].string)/5"] == 1 + 12 + 4096 + 16)
        // A fresh scrypt salt.
        let saltAfter = try rawDatabase(tmp.database).read { try Data.fetchOne($0, sql: "SELECT kdf_salt FROM store_meta") }
        #expect(saltAfter != saltBefore)
        #expect(saltAfter?.count == 32)
    }

    @Test func aWrongCurrentPassphraseChangesNothing() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        _ = try Self.fill(store)
        try store.close()
        let bytesBefore = try Data(contentsOf: tmp.database)
        #expect(throws: StoreError.wrongPassphrase) {
            _ = try SessionStore.changePassphrase(directory: tmp.store, current: "not the passphrase",
                                                  new: Self.newPassphrase)
        }
        #expect(try Data(contentsOf: tmp.database) == bytesBefore)
        try openStore(tmp.store, create: false).close()
    }

    @Test(arguments: ["", "x", "1234567", "abcdéfg"])
    func aShortNewPassphraseIsRefusedAndChangesNothing(new: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        _ = try Self.fill(store)
        try store.close()
        #expect(throws: StoreError.passphraseTooShort(minimum: 8)) {
            _ = try SessionStore.changePassphrase(directory: tmp.store, current: testPassphrase, new: new)
        }
        try openStore(tmp.store, create: false).close()
    }

    /// The fault hook throws after N values were rewritten, for every N:
    /// the transaction is rolled back, the old passphrase opens everything
    /// and the new one is refused.
    @Test func aFailureAfterAnyNumberOfValuesLeavesTheOldPassphraseWorking() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let ids = try Self.fill(store)
        let before = try Self.contents(store, ids)
        try store.close()
        let sizesBefore = try Self.sealedSizes(tmp.database)

        for n in 0...18 {
            #expect(throws: PassphraseChangeOptions.injectedFailure(after: n)) {
                var options = PassphraseChangeOptions()
                options.failAfter = n
                _ = try SessionStore.changePassphrase(directory: tmp.store, current: testPassphrase,
                                                      new: Self.newPassphrase, options: options)
            }
            #expect(throws: StoreError.wrongPassphrase) {
                _ = try openStore(tmp.store, passphrase: Self.newPassphrase, create: false)
            }
            let reopened = try openStore(tmp.store, create: false)
            #expect(try Self.contents(reopened, ids) == before, "after \(n) values")
            try reopened.close()
            #expect(try Self.sealedSizes(tmp.database) == sizesBefore)
        }
        // And with no failure the change goes through.
        _ = try SessionStore.changePassphrase(directory: tmp.store, current: testPassphrase, new: Self.newPassphrase)
        let changed = try openStore(tmp.store, passphrase: Self.newPassphrase, create: false)
        #expect(try Self.contents(changed, ids) == before)
    }

    /// A program that had the store open before the change (an interview in
    /// another terminal) must not write values under the old key.
    @Test func aStoreOpenedBeforeTheChangeRefusesToWrite() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let ids = try Self.fill(store)
        _ = try SessionStore.changePassphrase(directory: tmp.store, current: testPassphrase, new: Self.newPassphrase)
        #expect(throws: StoreError.passphraseChanged(path: tmp.database.path)) {
            try store.append(session: ids[0], payload: InterviewCodec.encode(.paused), at: Date())
        }
        try store.close()
        let reopened = try openStore(tmp.store, passphrase: Self.newPassphrase, create: false)
        #expect(try reopened.events(session: ids[0]).count == 5)
    }
}
