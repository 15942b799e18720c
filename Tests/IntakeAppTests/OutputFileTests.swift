import Foundation
import Testing
@testable import IntakeApp

/// How a batch summary's files are written: never a partial file under the
/// final name, even when the program is killed mid-write.
@Suite struct OutputFileTests {
    @Test func aBatchFileReplacesTheOldOneWholeInsteadOfWritingIntoIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = try scratch.write("a.json", "old summary\n")
        // A second name for the old file: written into in place (truncated,
        // then filled), it would show the new text, and a kill between the
        // truncation and the last write would leave a partial file.
        try FileManager.default.linkItem(at: out, to: scratch.path("old-link"))
        try OutputFile.writeReplacing(Array("new summary\n".utf8), to: out)
        #expect(try String(contentsOf: out, encoding: .utf8) == "new summary\n")
        #expect(try String(contentsOf: scratch.path("old-link"), encoding: .utf8) == "old summary\n")
        // Owner-only, and no temporary file left beside it.
        let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["a.json", "old-link"])
    }

    @Test func aFileThatCannotBeWrittenIsReportedAndLeavesNothingBehind() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var messages: [String] = []
        let missing = scratch.path("no-such-folder").appendingPathComponent("a.json")
        #expect(throws: Failure.self) { try OutputFile.writeReplacing(Array("x".utf8), to: missing, report: { messages.append($0) }) }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("intake: cannot write \(missing.path)") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == [])
    }

    /// A batch writes a group of summaries under temporary names, flushes
    /// them at once, then renames each: until `commit`, the final name
    /// keeps the earlier file.
    @Test func aTemporaryFileReplacesTheOldOneOnlyWhenCommitted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = try scratch.write("a.json", "old summary\n")
        let temporary = try OutputFile.writeTemporary(Array("new summary\n".utf8), beside: out, flush: false)
        #expect(try String(contentsOf: out, encoding: .utf8) == "old summary\n")
        #expect(URL(fileURLWithPath: temporary).lastPathComponent.hasPrefix(".a.json."))
        #expect(try String(contentsOfFile: temporary, encoding: .utf8) == "new summary\n")
        try OutputFile.syncFileSystem(of: scratch.url)
        try OutputFile.commit(temporary, to: out)
        #expect(try String(contentsOf: out, encoding: .utf8) == "new summary\n")
        let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["a.json"])
    }

    @Test func aTemporaryFileThatCannotBeRenamedIsRemovedAndReported() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let out = try scratch.write("a.json", "old summary\n")
        let temporary = try OutputFile.writeTemporary(Array("new summary\n".utf8), beside: out, flush: false)
        var messages: [String] = []
        let elsewhere = scratch.path("no-such-folder").appendingPathComponent("a.json")
        #expect(throws: Failure.self) { try OutputFile.commit(temporary, to: elsewhere, report: { messages.append($0) }) }
        #expect(messages == ["intake: cannot write \(elsewhere.path): No such file or directory"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["a.json"])
        #expect(try String(contentsOf: out, encoding: .utf8) == "old summary\n")
    }

    @Test func aFolderThatCannotBeFlushedIsReported() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var messages: [String] = []
        let missing = scratch.path("no-such-folder")
        #expect(throws: Failure.self) { try OutputFile.syncFileSystem(of: missing, report: { messages.append($0) }) }
        #expect(messages == ["intake: cannot save \(missing.path): No such file or directory"])
    }
}
