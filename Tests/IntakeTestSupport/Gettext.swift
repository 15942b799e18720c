import Foundation
import IntakeCore

/// Runs GNU gettext's tools from tests. CI installs `gettext`; when a tool is
/// missing the test fails and says how to install it.
public enum Gettext {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func path(of tool: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in dirs {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public struct Missing: Error, CustomStringConvertible {
        public var tool: String
        public var description: String {
            "\(tool) not found on PATH: install GNU gettext (Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext)"
        }
    }

    /// Runs `tool args...` in `directory`; throws `Missing` if the tool is absent.
    @discardableResult
    public static func run(_ tool: String, _ args: [String], in directory: URL) throws -> Result {
        guard let exe = path(of: tool) else { throw Missing(tool: tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        process.currentDirectoryURL = directory
        // Its output is caught in the temporary folder, not in `directory`,
        // which may be the checkout's own locales/ (BundledLocaleTests).
        let caught = FileManager.default.temporaryDirectory
        let out = caught.appendingPathComponent("intake-\(tool)-\(UUID().uuidString).out")
        let err = caught.appendingPathComponent("intake-\(tool)-\(UUID().uuidString).err")
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
}

/// A directory removed when the value is deinitialized.
public final class TempDir {
    public let url: URL
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-po-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    public func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Entries without their source locations, for comparing files read from
/// different text.
public func semantic(_ file: POFile) -> [POEntry] {
    ([file.header].compactMap { $0 } + file.entries).map { e in
        var e = e
        e.locations = POEntryLocations()
        return e
    }
}

/// Parses PO text that must be valid; throws the diagnostics otherwise.
public func parseValidPO(_ text: String, file: String = "test.po") throws -> POFile {
    let (po, diagnostics) = POFile.parse(text, file: file)
    guard let po, diagnostics.isEmpty else { throw InvalidPO(file: file, diagnostics: diagnostics.map(\.description)) }
    return po
}

public struct InvalidPO: Error, CustomStringConvertible {
    public var file: String
    public var diagnostics: [String]
    public var description: String { "\(file) is not valid: \(diagnostics.joined(separator: "; "))" }
}
