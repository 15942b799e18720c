import Foundation
import Glibc
import IntakeCore

/// Questionnaires loaded once per batch. Threads may share it: a
/// questionnaire is loaded by the first that asks, and the others wait.
public final class QuestionnaireCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: Questionnaire] = [:]  // guarded by `lock`
    public init() {}
    public func get(_ id: String, _ loc: DataLocation) throws -> Questionnaire {
        lock.lock()
        defer { lock.unlock() }
        if let q = loaded[id] { return q }
        let q = try loc.questionnaire(id: id)
        loaded[id] = q
        return q
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
    public init(locales: URL, compiled: CompiledCache? = nil) {
        self.locales = locales
        self.compiled = compiled
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
    /// Errors go to `report`, then it throws `Failure.failed`.
    public static func write(_ text: String, to url: URL, report: (String) -> Void = printError) throws {
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            report("intake: cannot write \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
        defer { close(fd) }
        fchmod(fd, 0o600)
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
        if fsync(fd) != 0 {
            report("intake: cannot save \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
    }
}
