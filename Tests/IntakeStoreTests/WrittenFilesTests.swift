import Foundation
import Testing
@testable import IntakeStore

/// Files written for a session outside the database are listed (sealed)
/// and removed with it.
@Suite struct WrittenFilesTests {
    @Test func listedFilesAreRemovedAndNamedWhenTheyCannotBe() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
        let out = tmp.url.appendingPathComponent("exports-elsewhere")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let a = out.appendingPathComponent("summary-a.txt")
        let b = out.appendingPathComponent("summary-a.sealed")
        let gone = out.appendingPathComponent("moved-away.md")
        let blocked = out.appendingPathComponent("not-a-file")
        try SecureFile.write(Data("plaintext-zebra-41".utf8), to: a)
        try SecureFile.write(Data("sealed".utf8), to: b)
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        try store.recordWrittenFiles(session: id, [a, b])
        try store.recordWrittenFiles(session: id, [a, gone, blocked])

        #expect(try store.writtenFiles(session: id) == [a.path, b.path, gone.path, blocked.path])
        // The paths are sealed: not in the database in the clear.
        #expect(try filesContaining(Data("summary-a".utf8), in: tmp.store) == [])
        // Not part of what leaves the computer.
        #expect(try store.export(session: id).artifacts.isEmpty)

        let result = try store.removeWrittenFiles(session: id)
        #expect(result.removed == [a.path, b.path])
        #expect(result.missing == [gone.path])
        #expect(result.kept.map(\.path) == [blocked.path])
        #expect(!FileManager.default.fileExists(atPath: a.path))
        #expect(!FileManager.default.fileExists(atPath: b.path))
    }
}
