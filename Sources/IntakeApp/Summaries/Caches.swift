import Foundation
import CProcessHygiene
import Glibc
import IntakeCore

/// Questionnaires loaded once per batch. Threads may share it: a
/// questionnaire is loaded by the first that asks, and the others wait.
public final class QuestionnaireCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: ScoringProgram] = [:]  // guarded by `lock`
    private var texts: [String: SummaryTexts] = [:]  // by questionnaire hash and language; guarded by `lock`
    /// Where validated questionnaires are kept (see `CompiledCache`); nil:
    /// load and check the file every time. Reading one instead of loading
    /// the bundled screening was 85 M of the 133 M instructions a batch
    /// spends before its first file (bench/README.md, "Issue 19, round 6:
    /// batch summaries").
    let compiled: CompiledCache?
    /// Where a thread's cache takes its questionnaires from (`init(copying:)`).
    private let origin: QuestionnaireCache?
    public init(compiled: CompiledCache? = nil) {
        self.compiled = compiled
        self.origin = nil
    }

    /// A cache for one thread of a batch: each questionnaire is `origin`'s,
    /// loaded once for the whole batch, as a copy that shares no storage
    /// with it (`CompiledQuestionnaire.copy`), so that threads do not
    /// retain and release the same objects.
    public init(copying origin: QuestionnaireCache) {
        self.compiled = origin.compiled
        self.origin = origin
    }

    public func get(_ id: String, _ loc: DataLocation) throws -> Questionnaire {
        try program(id, loc).questionnaire
    }

    /// The questionnaire with its conditions compiled, once per batch.
    public func program(_ id: String, _ loc: DataLocation) throws -> ScoringProgram {
        lock.lock()
        defer { lock.unlock() }
        if let p = loaded[id] { return p }
        let p: ScoringProgram
        if let origin {
            let shared = try origin.program(id, loc)
            p = CompiledQuestionnaire.copy(shared.questionnaire).map(ScoringProgram.init) ?? shared
        } else {
            p = ScoringProgram(try loc.questionnaire(id: id, compiled: compiled))
        }
        loaded[id] = p
        return p
    }

    /// A questionnaire's texts in `tr`'s language, worked out once per batch.
    public func texts(_ q: Questionnaire, in tr: some Translating) -> SummaryTexts {
        let key = q.contentHash + " " + tr.language
        lock.lock()
        defer { lock.unlock() }
        if let t = texts[key] { return t }
        let t = SummaryTexts(q, in: tr)
        texts[key] = t
        return t
    }
}

/// Translations by language, loaded once. The source language needs no file.
/// Threads may share it, as `QuestionnaireCache`.
public final class CatalogCache: @unchecked Sendable {
    public let locales: URL
    private let lock = NSLock()
    private var loaded: [String: any Translating] = [:]  // guarded by `lock`
    /// Where compiled translations are kept (see `CompiledCache`); nil: parse every time.
    let compiled: CompiledCache?
    /// Where a thread's cache takes its translations from (`init(copying:)`).
    private let origin: CatalogCache?
    public init(locales: URL, compiled: CompiledCache? = nil) {
        self.locales = locales
        self.compiled = compiled
        self.origin = nil
    }

    /// A cache for one thread of a batch, as `QuestionnaireCache(copying:)`:
    /// each translation is `origin`'s as a copy (`CompiledCatalog.copy`).
    public init(copying origin: CatalogCache) {
        self.locales = origin.locales
        self.compiled = origin.compiled
        self.origin = origin
    }

    /// The languages there are translations for, from the file names.
    public var availableLanguages: [String] {
        DataLocation.files(in: locales, ext: ["po"]).map(LocaleFiles.language(of:))
    }

    /// `language` in either spelling (`zh_Hans` or `zh-Hans`), found in a
    /// file named in either.
    public func translator(_ asked: String, source: String = "en") throws -> any Translating {
        lock.lock()
        defer { lock.unlock() }
        let language = LocaleFiles.canonical(asked)
        if let t = loaded[language] { return t }
        if let origin {
            let shared = try origin.translator(asked, source: source)
            let t = (shared as? Catalog).flatMap(CompiledCatalog.copy) ?? shared
            loaded[language] = t
            return t
        }
        if language == LocaleFiles.canonical(source) {
            loaded[language] = SourceLanguage(language: language)
            return loaded[language]!
        }
        let url = DataLocation.files(in: locales, ext: ["po"]).first { LocaleFiles.language(of: $0) == language }
            ?? locales.appendingPathComponent("\(language).po")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = ([source] + availableLanguages).joined(separator: ", ")
            printError("intake: no translation for '\(Sanitize.singleLine(language))' (available: \(known))")
            throw Failure.usage
        }
        switch DeferredCatalog.parse(url, language: language, cache: compiled) {
        case .failure(let f):
            for d in f.diagnostics { printError(d.description) }
            throw Failure.failed
        case .success(let catalog):
            loaded[language] = catalog
            return catalog
        }
    }
}

/// Files the program writes: created owner-only (0600), written whole.
public enum OutputFile {
    /// A file written whole under a hidden temporary name in the same
    /// folder (created 0600), flushed to disk (fsync), then renamed over
    /// the final name, so that the final name only ever holds a complete
    /// file: a kill or a crash mid-write leaves at most a hidden
    /// `.NAME.XXXXXX` beside it. The rename itself is on disk once the
    /// folder is flushed (`syncFolder`).
    public static func writeReplacing(_ bytes: [UInt8], to url: URL, report: (String) -> Void = printError) throws {
        let temporary = try writeTemporary(bytes, beside: url, flush: true, report: report)
        try commit(temporary, to: url, report: report)
    }

    /// `bytes` written whole under a hidden temporary name beside `url`
    /// (created 0600), and flushed to disk when `flush` is set (a batch
    /// flushes a group of them at once, `syncFileSystem`); its path. Not
    /// yet under `url`: `commit` renames it there.
    public static func writeTemporary(_ bytes: [UInt8], beside url: URL, flush: Bool,
                                      report: (String) -> Void = printError) throws -> String {
        try writeTemporary(bytes, folder: url.deletingLastPathComponent().path, name: url.lastPathComponent,
                           flush: flush, report: report)
    }

    /// The same for the file `name` in the folder at the path `folder`: a
    /// batch works out its folder's path once, where a URL for each file
    /// cost 15,000 instructions to make and 26,000 to take apart again
    /// (bench/README.md, "Issue 19, round 7").
    public static func writeTemporary(_ bytes: [UInt8], folder: String, name: String, flush: Bool,
                                      report: (String) -> Void = printError) throws -> String {
        let path = folder + "/" + name
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            report("intake: cannot write \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var open = true
        func fail(_ what: String) throws -> Never {
            let e = errno
            if open { close(fd) }
            unlink(temporary)
            report("intake: \(what) \(path): \(String(cString: strerror(e)))")
            throw Failure.failed
        }
        let written = bytes.withUnsafeBufferPointer { u -> Bool in
            var done = 0
            while done < u.count {
                let n = Glibc.write(fd, u.baseAddress! + done, u.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        if !written { try fail("cannot write") }
        if flush, fsync(fd) != 0 { try fail("cannot save") }
        open = false
        if close(fd) != 0 { try fail("cannot save") }
        return temporary
    }

    /// Renames a file from `writeTemporary` over `url`; on failure the
    /// temporary file is removed.
    public static func commit(_ temporary: String, to url: URL, report: (String) -> Void = printError) throws {
        try commit(temporary, toPath: url.path, report: report)
    }

    /// The same, to a path.
    public static func commit(_ temporary: String, toPath path: String, report: (String) -> Void = printError) throws {
        if rename(temporary, path) != 0 {
            let e = errno
            unlink(temporary)
            report("intake: cannot write \(path): \(String(cString: strerror(e)))")
            throw Failure.failed
        }
    }

    /// Flushes every file written on the file system that holds `folder`
    /// (`syncfs`): one flush for a group of `writeTemporary` files instead
    /// of one `fsync` each. Since Linux 5.8 it reports a write-back error of
    /// any file there; which one cannot be told, so the caller treats the
    /// whole group as unsaved.
    public static func syncFileSystem(of folder: URL, report: (String) -> Void = printError) throws {
        try flush(folder, report: report, with: intake_syncfs)
    }

    /// Flushes a folder's entries (new names, renames) to disk.
    public static func syncFolder(_ url: URL, report: (String) -> Void = printError) throws {
        try flush(url, report: report, with: fsync)
    }

    /// Opens the folder and calls `sync` on it; a failure is reported.
    private static func flush(_ folder: URL, report: (String) -> Void, with sync: (Int32) -> Int32) throws {
        let fd = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0, sync(fd) == 0 else {
            report("intake: cannot save \(folder.path): \(String(cString: strerror(errno)))")
            if fd >= 0 { close(fd) }
            throw Failure.failed
        }
        close(fd)
    }

    /// One summary, report or export (`--output`): written whole beside
    /// the file and renamed over it (`writeReplacing`), so that a full disk
    /// or a kill mid-write leaves the earlier file as it was, never a file
    /// cut short. Through a symbolic link, the file it names is replaced
    /// and the link kept. A pipe, terminal or device (`--output
    /// /dev/stdout`) has nothing to rename over and is written in place.
    /// Errors go to `report`, then it throws `Failure.failed`.
    public static func write(_ text: String, to url: URL, report: (String) -> Void = printError) throws {
        var st = stat()
        if stat(url.path, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(text, to: url, report: report)
            return
        }
        var target = url
        if lstat(url.path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(url.path, nil) {
            target = URL(fileURLWithPath: String(cString: resolved))
            free(resolved)
        }
        try writeReplacing(Array(text.utf8), to: target, report: report)
        try syncFolder(target.deletingLastPathComponent(), report: report)
    }

    /// Writes into the file itself: for a pipe, terminal or device.
    private static func writeInPlace(_ text: String, to url: URL, report: (String) -> Void) throws {
        let path = url.path
        let fd = open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else {
            report("intake: cannot write \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                report("intake: cannot write \(path): \(String(cString: strerror(errno)))")
                throw Failure.failed
            }
            written += n
        }
        // A pipe or terminal cannot be flushed to a disk (EINVAL): nothing to wait for.
        if fsync(fd) != 0, errno != EINVAL {
            report("intake: cannot save \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
    }
}
