import Foundation
import GRDB
import Testing
@testable import IntakeStore

/// Someone holding the database file (and a store of their own to compare)
/// must learn nothing about the answers from the sizes of the sealed values,
/// nor per-event times from plaintext columns.
@Suite struct LengthChannelTests {
    /// Fixed times, with fractions so SQLite stores them as REAL.
    static let created = Date(timeIntervalSince1970: 1_709_632_800.125)  // 2024-03-05 10:00 UTC
    static let times: [Double] = [1_709_632_810.25, 1_709_632_875.5, 1_709_632_901.75, 1_709_632_960.375]

    /// One interview; only the answers differ between the two variants.
    static func interview(in dir: URL, yes: Bool, longText: Bool) throws -> SessionStore {
        let store = try openStore(dir)
        let id = try store.createSession(questionnaireID: "quick-screen", version: "1.0.0", hash: "h",
                                         header: json(#"{"intervieweeLanguage":"es","advocateLanguage":"en"}"#),
                                         now: created)
        let answer = yes ? #"{"answered":{"question":"in_danger_now","value":{"option":"yes"}}}"#
                         : #"{"answered":{"question":"in_danger_now","value":{"option":"no"}}}"#
        try store.append(session: id, payload: json(answer), at: Date(timeIntervalSince1970: times[0]))
        let text = longText
            ? "They took my passport at the airport and said I owed them nine thousand dollars for the trip, the room and the food; I work every day in the kitchen and they do not let me leave."
            : "No."
        try store.append(session: id, payload: json(#"{"answered":{"question":"story","value":{"text":"\#(text)"}}}"#),
                         at: Date(timeIntervalSince1970: times[1]))
        let second = yes ? #"{"answered":{"question":"hurt","value":{"option":"yes"}}}"#
                         : #"{"answered":{"question":"hurt","value":{"option":"no"}}}"#
        try store.append(session: id, payload: json(second), at: Date(timeIntervalSince1970: times[2]))
        try store.putArtifact(session: id, kind: "summary.json",
                              data: json(yes ? #"{"result":"indicators reported","domains":["force","coercion"]}"#
                                             : #"{"result":"no indicators reported","domains":[]}"#),
                              now: Date(timeIntervalSince1970: times[3]))
        try store.setStatus(session: id, .finished, now: Date(timeIntervalSince1970: times[3]))
        return store
    }

    /// Every BLOB value in the database, as (table.column, row number, byte length), in a stable order.
    static func sealedLengths(_ store: SessionStore) throws -> [String] {
        try store.dbQueue.read { db in
            var out: [String] = []
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'grdb_%' ORDER BY name
                """)
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
                    .filter { ($0["type"] as String).uppercased() == "BLOB" }.map { $0["name"] as String }
                for column in columns {
                    let lengths = try Int.fetchAll(db, sql: "SELECT length(\(column)) FROM \(table) ORDER BY rowid")
                    for (row, length) in lengths.enumerated() { out.append("\(table).\(column)[\(row)] \(length)") }
                }
            }
            return out
        }
    }

    @Test func sealedSizesAreTheSameWhateverTheAnswers() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let yesDir = tmp.url.appendingPathComponent("yes"), noDir = tmp.url.appendingPathComponent("no")
        let yes = try Self.interview(in: yesDir, yes: true, longText: true)
        let no = try Self.interview(in: noDir, yes: false, longText: false)

        let a = try Self.sealedLengths(yes), b = try Self.sealedLengths(no)
        #expect(a.count >= 6)  // at least the key check, the header, 3 events and the artifact
        // The attacker compares the two stores row by row: every size equal.
        #expect(a == b)
        // And within one store all event payloads have one size: 1 version
        // byte + 12 nonce + 1024 padded plaintext + 16 tag.
        let eventSizes = try yes.dbQueue.read { try Int.fetchAll($0, sql: "SELECT length(payload) FROM events") }
        #expect(eventSizes == [1053, 1053, 1053])
        let headerSizes = try no.dbQueue.read { try Int.fetchAll($0, sql: "SELECT length(header) FROM sessions") }
        #expect(headerSizes == [1053])

        // The files too, while open (WAL, SHM) and after a checkpoint.
        let filesA = try rawFiles(in: yesDir).mapValues(\.count), filesB = try rawFiles(in: noDir).mapValues(\.count)
        #expect(filesA == filesB)
        #expect(filesA.keys.sorted() == ["sessions.sqlite", "sessions.sqlite-shm", "sessions.sqlite-wal"])
        try yes.checkpoint()
        try no.checkpoint()
        #expect(try rawFiles(in: yesDir).mapValues(\.count) == rawFiles(in: noDir).mapValues(\.count))
    }

    @Test func perEventTimesAreNotInTheClear() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try Self.interview(in: tmp.store, yes: true, longText: false)
        // SQLite writes a REAL as 8 big-endian bytes of the IEEE double.
        func needle(_ t: Double) -> Data { withUnsafeBytes(of: t.bitPattern.bigEndian) { Data($0) } }
        for t in Self.times + [Self.created.timeIntervalSince1970] {
            #expect(try filesContaining(needle(t), in: tmp.store) == [], "time \(t) while open")
        }
        try store.close()
        for t in Self.times + [Self.created.timeIntervalSince1970] {
            #expect(try filesContaining(needle(t), in: tmp.store) == [], "time \(t) after close")
        }
        // Still exact for the holder of the passphrase.
        let again = try openStore(tmp.store, create: false)
        let id = try #require(try again.list().first?.id)
        #expect(try again.events(session: id).map(\.at.timeIntervalSince1970) == Array(Self.times.prefix(3)))
        let info = try #require(try again.info(session: id))
        #expect(info.createdAt == Self.created)
        #expect(info.updatedAt == Date(timeIntervalSince1970: 1_709_632_960.375))
        #expect(info.eventCount == 3)
    }

    @Test func plaintextColumnsAreOnlyWhatListingAndPurgingNeed() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try Self.interview(in: tmp.store, yes: true, longText: false)
        func columns(_ table: String) throws -> [String] {
            try store.dbQueue.read { db in
                try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { "\($0["name"] as String) \($0["type"] as String)" }
            }
        }
        #expect(try columns("sessions") == [
            "id TEXT", "created_day INTEGER", "updated_day INTEGER", "status TEXT", "questionnaire_id TEXT",
            "questionnaire_version TEXT", "questionnaire_hash TEXT", "times BLOB", "header BLOB",
        ])
        #expect(try columns("events") == ["session_id TEXT", "seq INTEGER", "payload BLOB"])
        #expect(try columns("artifacts") == ["session_id TEXT", "kind TEXT", "payload BLOB"])
        // Days since 1970 (UTC): 2024-03-05 is day 19787.
        let days = try store.dbQueue.read { try Row.fetchAll($0, sql: "SELECT created_day, updated_day FROM sessions") }
        #expect(days.map { [$0["created_day"] as Int, $0["updated_day"] as Int] } == [[19787, 19787]])
        let storeCreated = try store.dbQueue.read { try Double.fetchOne($0, sql: "SELECT created_at FROM store_meta") }
        #expect(storeCreated.map { $0.truncatingRemainder(dividingBy: 86400) } == 0)
    }
}
