import Foundation
import GRDB
import Testing
@testable import IntakeStore

@Suite struct ConfidentialityTests {
    static let answer = "Zorbalinka-Answer-7Q3X worked at the nail salon on Quimby Street"
    static let remark = "REMARK-Vexmoorth: passport kept by the employer"
    static let headerSecret = "HEADER-Plimsquat"
    static let artifactSecret = "ARTIFACT-Gruntwhistle"

    static func needles() -> [Data] {
        [answer, remark, headerSecret, artifactSecret, "Zorbalinka", "Vexmoorth"].map { Data($0.utf8) }
            // UTF-16 too, in case anything ever re-encodes.
            + [Data("Zorbalinka".utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })]
    }

    static func expectNoPlaintext(in dir: URL, _ when: Comment) throws {
        for needle in needles() {
            #expect(try filesContaining(needle, in: dir) == [], when)
        }
    }

    @Test func sensitiveValuesNeverAppearInAnyFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h",
                                         header: json(#"{"note":"\#(Self.headerSecret)"}"#))
        try store.append(session: id, payload: json(#"{"answer":"\#(Self.answer)"}"#), at: Date())
        try store.append(session: id, payload: json(#"{"remark":"\#(Self.remark)"}"#), at: Date())
        try store.putArtifact(session: id, kind: "summary.json", data: json(#"{"s":"\#(Self.artifactSecret)"}"#))

        let files = try rawFiles(in: tmp.store)
        #expect(files.keys.contains("sessions.sqlite-wal"))  // the data is in the WAL now
        #expect(files["sessions.sqlite-wal"]!.count > 0)
        try Self.expectNoPlaintext(in: tmp.store, "while open, before checkpoint")

        try store.checkpoint()
        try Self.expectNoPlaintext(in: tmp.store, "after checkpoint")
        try store.close()
        try Self.expectNoPlaintext(in: tmp.store, "after close")
        // Sanity: the needle search does find what is there.
        #expect(try filesContaining(Data("store_meta".utf8), in: tmp.store) == ["sessions.sqlite"])
        #expect(Set(try rawFiles(in: tmp.store).keys).isSubset(of: ["sessions.sqlite", "sessions.sqlite-wal", "sessions.sqlite-shm"]))
    }

    @Test func deleteRemovesTheSessionsBytesFromEveryFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let keep = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        try store.append(session: keep, payload: json(#"{"a":"kept"}"#), at: Date())
        let gone = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        for i in 0..<20 {
            try store.append(session: gone, payload: json(#"{"answer":"\#(Self.answer) \#(i)"}"#), at: Date())
        }
        try store.putArtifact(session: gone, kind: "summary.json", data: json(Self.artifactSecret))
        try store.checkpoint()
        // The sealed bytes as stored: after deletion not even these may remain.
        let sealed = try store.dbQueue.read { db in
            try Data.fetchAll(db, sql: "SELECT payload FROM events WHERE session_id = ?", arguments: [gone.string])
                + Data.fetchAll(db, sql: "SELECT header FROM sessions WHERE id = ?", arguments: [gone.string])
        }
        #expect(sealed.count == 21)
        #expect(try filesContaining(sealed[0].suffix(32), in: tmp.store) != [])

        try store.delete(session: gone)

        for blob in sealed {
            #expect(try filesContaining(blob.suffix(32), in: tmp.store) == [])
        }
        #expect(try filesContaining(Data(gone.string.utf8), in: tmp.store) == [])
        try Self.expectNoPlaintext(in: tmp.store, "after delete")
        #expect(try store.list().map(\.id) == [keep])
        #expect(try store.events(session: keep).count == 1)
        let walSize = try rawFiles(in: tmp.store)["sessions.sqlite-wal"]?.count ?? 0
        #expect(walSize == 0)
        #expect(try store.dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") } == 0)
    }

    @Test func aBlobSwappedBetweenRowsFailsAuthentication() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let a = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json(#"{"h":"a"}"#))
        let b = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json(#"{"h":"b"}"#))
        let at = Date()
        try store.append(session: a, payload: json(#"{"q":1}"#), at: at)
        try store.append(session: a, payload: json(#"{"q":2}"#), at: at)
        try store.append(session: b, payload: json(#"{"q":3}"#), at: at)

        // Swap events 1 and 2 of session a (same timestamp, so only seq differs).
        try store.dbQueue.write { db in
            let p1 = try Data.fetchOne(db, sql: "SELECT payload FROM events WHERE session_id = ? AND seq = 1", arguments: [a.string])!
            let p2 = try Data.fetchOne(db, sql: "SELECT payload FROM events WHERE session_id = ? AND seq = 2", arguments: [a.string])!
            try db.execute(sql: "UPDATE events SET payload = ? WHERE session_id = ? AND seq = 1", arguments: [p2, a.string])
            try db.execute(sql: "UPDATE events SET payload = ? WHERE session_id = ? AND seq = 2", arguments: [p1, a.string])
        }
        #expect(throws: StoreError.tampered(what: "event 1 of session \(a)")) { try store.events(session: a) }

        // Copy session a's header onto session b.
        try store.dbQueue.write { db in
            try db.execute(sql: "UPDATE sessions SET header = (SELECT header FROM sessions WHERE id = ?) WHERE id = ?",
                           arguments: [a.string, b.string])
        }
        #expect(throws: StoreError.tampered(what: "the header of session \(b)")) { try store.header(session: b) }

        // Copy session a's sealed dates onto session b.
        try store.dbQueue.write { db in
            try db.execute(sql: "UPDATE sessions SET times = (SELECT times FROM sessions WHERE id = ?) WHERE id = ?",
                           arguments: [a.string, b.string])
        }
        #expect(throws: StoreError.tampered(what: "the dates of session \(b)")) { try store.list() }

        // Flip one ciphertext bit of an artifact.
        try store.putArtifact(session: a, kind: "summary.json", data: json("{}"))
        try store.dbQueue.write { db in
            var blob = try Data.fetchOne(db, sql: "SELECT payload FROM artifacts")!
            blob[20] ^= 1
            try db.execute(sql: "UPDATE artifacts SET payload = ?", arguments: [blob])
        }
        #expect(throws: StoreError.tampered(what: "artifact summary.json of session \(a)")) {
            try store.artifact(session: a, kind: "summary.json")
        }
    }

    @Test func directoryIs0700AndEveryFileIs0600() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        try store.append(session: id, payload: json("{}"), at: Date())
        #expect(mode(of: tmp.store) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.store.path).sorted()
        #expect(names == ["sessions.sqlite", "sessions.sqlite-shm", "sessions.sqlite-wal"])
        for name in names {
            #expect(mode(of: tmp.store.appendingPathComponent(name)) == 0o600, "\(name)")
        }
        try store.delete(session: id)
        for name in try FileManager.default.contentsOfDirectory(atPath: tmp.store.path) {
            #expect(mode(of: tmp.store.appendingPathComponent(name)) == 0o600, "\(name) after delete")
        }
    }

    @Test func looserPermissionsOfOurOwnStoreAreTightened() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try openStore(tmp.store).close()
        chmod(tmp.store.path, 0o755)
        chmod(tmp.database.path, 0o644)
        let store = try openStore(tmp.store, create: false)
        #expect(mode(of: tmp.store) == 0o700)
        #expect(mode(of: tmp.database) == 0o600)
        try store.close()
    }

    @Test func someoneElsesOpenDirectoryIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(at: tmp.store, withIntermediateDirectories: true)
        chmod(tmp.store.path, 0o777)
        // As root: hand the directory to "nobody". Otherwise we cannot
        // chown, so the directory already belongs to someone else only if
        // it is a shared one; /tmp (root, 1777) is, and is never modified
        // because its owner is not us.
        let victim: URL
        if geteuid() == 0 {
            #expect(chown(tmp.store.path, 65534, 65534) == 0)
            victim = tmp.store
        } else {
            victim = URL(fileURLWithPath: "/tmp", isDirectory: true)
        }
        let before = mode(of: victim)
        do {
            _ = try openStore(victim)
            Issue.record("opened a store in someone else's open directory")
        } catch let error as StoreError {
            guard case .insecurePermissions(let path, _) = error else {
                Issue.record("expected .insecurePermissions, got \(error)")
                return
            }
            #expect(path == victim.path)
            #expect(error.description.hasPrefix("Refusing to use \(victim.path) because it is not private to you (mode 0"))
        }
        #expect(mode(of: victim) == before)
        #expect(!FileManager.default.fileExists(atPath: victim.appendingPathComponent("sessions.sqlite").path))
    }

    @Test func aNewStoreInAPreexistingOpenDirectoryIsMadePrivate() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(at: tmp.store, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        chmod(tmp.store.path, 0o777)
        _ = try openStore(tmp.store)
        #expect(mode(of: tmp.store) == 0o700)
        #expect(mode(of: tmp.database) == 0o600)
    }
}
