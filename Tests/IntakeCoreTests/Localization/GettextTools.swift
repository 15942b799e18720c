import Foundation
import Testing
@testable import IntakeCore

/// Runs GNU gettext's tools from tests. CI installs `gettext`; when a tool is
/// missing the test fails and says how to install it.
enum Gettext {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func path(of tool: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in dirs {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String {
            "\(tool) not found on PATH: install GNU gettext (Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext)"
        }
    }

    /// Runs `tool args...` in `directory`; throws `Missing` if the tool is absent.
    @discardableResult
    static func run(_ tool: String, _ args: [String], in directory: URL) throws -> Result {
        guard let exe = path(of: tool) else { throw Missing(tool: tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent(".\(tool)-\(UUID().uuidString).out")
        let err = directory.appendingPathComponent(".\(tool)-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        process.environment = env
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let result = Result(status: process.terminationStatus,
                            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        return result
    }

    /// Fails the test unless `msgfmt -c` accepts `text`.
    static func expectMsgfmtAccepts(_ text: String, name: String = "out.po",
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let dir = try TempDir()
        let file = try dir.write(name, text)
        let r = try run("msgfmt", ["-c", "-o", "/dev/null", file.lastPathComponent], in: dir.url)
        #expect(r.status == 0, "msgfmt -c rejected \(name):\n\(r.stderr)\n---\n\(text)", sourceLocation: sourceLocation)
    }
}

/// A directory removed when the value is deinitialized.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-po-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Committed fixtures under Tests/IntakeCoreTests/Fixtures/po/.
enum POFixture {
    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return base.appendingPathComponent("po").appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        // Read bytes so a BOM and CRLF reach the parser untouched.
        let data = try Data(contentsOf: url(name))
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses a fixture, failing the test on any diagnostic.
    static func parse(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> POFile {
        let (file, diagnostics) = POFile.parse(try text(name), file: name)
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        return try #require(file, sourceLocation: sourceLocation)
    }
}

/// Parses text that must be valid.
func parsePO(_ text: String, file: String = "test.po", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> POFile {
    let (po, diagnostics) = POFile.parse(text, file: file)
    #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return try #require(po, sourceLocation: sourceLocation)
}

/// Entries without their source locations, for comparing files read from
/// different text.
func semantic(_ file: POFile) -> [POEntry] {
    ([file.header].compactMap { $0 } + file.entries).map { e in
        var e = e
        e.locations = POEntryLocations()
        return e
    }
}
