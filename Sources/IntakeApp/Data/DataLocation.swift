import Foundation
import IntakeCore
import IntakeTUI

/// The data folders: questionnaires, locales and personas.
public struct DataLocation: Sendable {
    public var questionnaires: URL
    public var locales: URL
    /// Trainers' fictional personas (answer files).
    public var personas: URL

    public init(questionnaires: URL, locales: URL, personas: URL) {
        self.questionnaires = questionnaires
        self.locales = locales
        self.personas = personas
    }

    /// The data folder holding `base/questionnaires`, if it exists.
    public init?(base: URL) {
        var isDir: ObjCBool = false
        let q = base.appending(path: "questionnaires", directoryHint: .isDirectory)
        guard FileManager.default.fileExists(atPath: q.path, isDirectory: &isDir), isDir.boolValue else { return nil }
        self.init(questionnaires: q, locales: base.appending(path: "locales", directoryHint: .isDirectory),
                  personas: base.appending(path: "personas", directoryHint: .isDirectory))
    }

    /// The folder that holds questionnaires/ (and directories/, organisation.yaml).
    public var base: URL { questionnaires.deletingLastPathComponent() }

    /// Finds the data folders: `dataDir` (--data-dir), INTAKE_DATA_DIR,
    /// ../share/intake beside the executable, then ./questionnaires and
    /// ./locales. Says where it looked when it finds none (exit 2).
    public static func locate(dataDir: String?,
                              environment: [String: String] = ProcessEnvironment.variables(["INTAKE_DATA_DIR"]),
                              currentFolder: String = FileManager.default.currentDirectoryPath) throws -> DataLocation {
        // Where it looked, put into words only if nothing is found: made at
        // every start, each path cost a check of the file system.
        var tried: [(base: URL, how: String)] = []
        func check(_ base: URL, _ how: String) -> DataLocation? {
            tried.append((base, how))
            return DataLocation(base: base)
        }
        if let d = dataDir {
            if let loc = check(URL(fileURLWithPath: d), "--data-dir") { return loc }
            printError("intake: no questionnaires/ folder in --data-dir \(d)")
            throw Failure.usage
        }
        if let d = environment["INTAKE_DATA_DIR"], !d.isEmpty {
            if let loc = check(URL(fileURLWithPath: d), "INTAKE_DATA_DIR") { return loc }
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let viaExe = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0].contains("/") ? exe.path : Self.executablePath())
            .deletingLastPathComponent().appendingPathComponent("../share/intake").standardized
        if let loc = check(viaExe, "beside the executable") { return loc }
        if let loc = check(URL(fileURLWithPath: currentFolder), "current folder") { return loc }
        let places = tried.map { "\($0.base.appendingPathComponent("questionnaires").path) (\($0.how))" }
        printError("intake: cannot find the questionnaires. Looked in:\n  " + places.joined(separator: "\n  ")
                   + "\nGive --data-dir or set INTAKE_DATA_DIR.")
        throw Failure.usage
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The questionnaire files, sorted by name.
    public func questionnaireFiles() -> [URL] {
        Self.files(in: questionnaires, ext: ["yaml", "yml"])
    }

    public func localeFiles() -> [URL] {
        Self.files(in: locales, ext: ["po"])
    }

    /// Named as files: `appendingPathComponent` asks the file system
    /// whether each is a folder (a `stat` for every questionnaire and
    /// translation, at every start). A folder named like a file fails to
    /// read either way.
    public static func files(in dir: URL, ext: [String]) -> [URL] {
        names(in: dir, ext: ext).map { dir.appending(path: $0, directoryHint: .notDirectory) }
    }

    /// The names of the files in `dir` ending in `.` and one of `ext`, sorted.
    public static func names(in dir: URL, ext: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { n in ext.contains { n.hasSuffix("." + $0) } }.sorted()
    }

    /// Loads one questionnaire by id, reporting problems; taken from
    /// `compiled` when it holds the questionnaire validated from the file's
    /// bytes (`InterviewData.loadQuestionnaire`).
    public func questionnaire(id: String, compiled: CompiledCache? = nil) throws -> Questionnaire {
        for ext in ["yaml", "yml"] {
            let url = questionnaires.appendingPathComponent("\(id).\(ext)")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            return try QuestionnaireFiles.questionnaire(from: QuestionnaireFiles.bytes(of: url).map {
                InterviewData.loadQuestionnaire($0, path: QuestionnaireFiles.displayPath(url), id: id, cache: compiled)
            })
        }
        let known = questionnaireFiles().map { $0.deletingPathExtension().lastPathComponent }
        printError("intake: no questionnaire '\(Sanitize.singleLine(id))' in \(questionnaires.path) (available: \(known.joined(separator: ", ")))")
        throw Failure.usage
    }
}

/// Reading files with errors a person can act on.
public enum QuestionnaireFiles {
    public static let maxBytes = 64 * 1024 * 1024

    public static func read(_ url: URL) throws -> [UInt8] {
        try read(path: url.path, shown: displayPath(url))
    }

    /// `read(_:)` of a file whose path and shown path are known already.
    public static func read(path: String, shown: @autoclosure () -> String) throws -> [UInt8] {
        switch bytes(atPath: path, shown: shown()) {
        case .success(let b): return b
        case .failure(let d):
            printError(d.description)
            throw Failure.failed
        }
    }

    /// The whole file, or why not (it cannot be opened or read, or it is
    /// too large); prints nothing. Reads at most a little over the limit, so
    /// a huge file is refused without filling memory.
    public static func bytes(of url: URL) -> Result<[UInt8], Diagnostic> {
        bytes(atPath: url.path, shown: displayPath(url))
    }

    /// `bytes(of:)`; the shown path is worked out only for a message.
    static func bytes(atPath path: String, shown: @autoclosure () -> String) -> Result<[UInt8], Diagnostic> {
        guard let bytes = bytes(atPath: path, limit: maxBytes + 1) else {
            return .failure(.error(SourceLocation(file: shown(), line: 1, column: 1), Self.unreadable))
        }
        if bytes.count > maxBytes {
            return .failure(.error(SourceLocation(file: shown(), line: 1, column: 1),
                                   "the file is larger than \(maxBytes / 1024 / 1024) MiB"))
        }
        return .success(bytes)
    }

    public static let unreadable = "cannot open the file (does it exist, and may you read it?)"

    /// The first `limit` bytes of a file (all of a shorter one), read
    /// straight into the array; nil when it cannot be opened or read.
    public static func bytes(atPath path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        let expected = fstat(fd, &st) == 0 && st.st_size > 0 ? Int(st.st_size) : 64 * 1024
        // One byte more than the size, to meet the end of the file in the same call.
        var out = [UInt8](repeating: 0, count: max(1, min(limit, expected + 1)))
        var count = 0
        while count < limit {
            if count == out.count { out.append(contentsOf: repeatElement(0, count: min(out.count, limit - out.count))) }
            let n = out.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        out.removeLast(out.count - count)
        return out
    }

    public static func load(_ url: URL) throws -> Questionnaire {
        try questionnaire(from: outcome(url))
    }

    /// Loads and checks a questionnaire file; prints nothing.
    public static func outcome(_ url: URL) -> Result<QuestionnaireLoader.Outcome, Diagnostic> {
        bytes(of: url).map { QuestionnaireLoader.load(bytes: $0, path: displayPath(url)) }
    }

    /// The questionnaire of an outcome, or its errors printed and exit 1.
    public static func questionnaire(from result: Result<QuestionnaireLoader.Outcome, Diagnostic>) throws -> Questionnaire {
        switch result {
        case .failure(let d):
            printError(d.description)
        case .success(let outcome):
            if let q = outcome.questionnaire { return q }
            for d in outcome.diagnostics { printError(d.description) }
        }
        throw Failure.failed
    }

    /// A path relative to the current folder when it is inside it.
    public static func displayPath(_ url: URL) -> String {
        relative(url.standardizedFileURL.path, to: FileManager.default.currentDirectoryPath + "/")
    }

    static func relative(_ p: String, to cwd: String) -> String {
        p.hasPrefix(cwd) ? String(p.dropFirst(cwd.count)) : p
    }

    /// The files of one folder, by name: the path to open each by, and the
    /// path `displayPath` shows for it, without a URL a file. Why: in a
    /// batch summary, `displayPath` (standardizing the URL, asking for the
    /// current folder) and `deletingPathExtension` cost about 85,000
    /// instructions a file, 5% of summarising it (bench/README.md, "Issue
    /// 19, round 6: batch summaries"). A name from a folder's listing holds
    /// no `/` and is never `.` or `..`, so standardizing the folder once
    /// and adding the name gives what standardizing each file's URL gives
    /// (`FolderPathsTests` compares the two).
    public struct FolderPaths: Sendable {
        private let opened: String
        private let standardized: String
        private let cwd: String

        public init(_ folder: URL) {
            opened = folder.path
            standardized = folder.standardizedFileURL.path
            cwd = FileManager.default.currentDirectoryPath + "/"
        }

        private static func join(_ folder: String, _ name: String) -> String {
            folder.hasSuffix("/") ? folder + name : folder + "/" + name
        }

        /// The path to open the file `name` by.
        public func path(_ name: String) -> String { Self.join(opened, name) }

        /// `displayPath(folder.appendingPathComponent(name))`.
        public func shown(_ name: String) -> String { QuestionnaireFiles.relative(Self.join(standardized, name), to: cwd) }
    }
}
