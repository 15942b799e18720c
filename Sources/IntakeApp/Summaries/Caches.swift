import Foundation
import Glibc
import IntakeCore

/// Questionnaires loaded once per batch.
public final class QuestionnaireCache {
    private var loaded: [String: Questionnaire] = [:]
    public init() {}
    public func get(_ id: String, _ loc: DataLocation) throws -> Questionnaire {
        if let q = loaded[id] { return q }
        let q = try loc.questionnaire(id: id)
        loaded[id] = q
        return q
    }
}

/// Translations by language, loaded once. The source language needs no file.
public final class CatalogCache {
    public let locales: URL
    private var loaded: [String: any Translating] = [:]
    public init(locales: URL) { self.locales = locales }

    /// The languages there are translations for, from the file names.
    public var availableLanguages: [String] {
        DataLocation.files(in: locales, ext: ["po"]).map(LocaleFiles.language(of:))
    }

    /// `language` in either spelling (`zh_Hans` or `zh-Hans`), found in a
    /// file named in either.
    public func translator(_ asked: String, source: String = "en") throws -> any Translating {
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
        let (file, diags) = LocaleFiles.parse(url)
        guard let file else {
            for d in diags { printError(d.description) }
            throw Failure.failed
        }
        let catalog = Catalog(file, language: language)
        loaded[language] = catalog
        return catalog
    }
}

/// Files the program writes: created owner-only (0600), written whole.
public enum OutputFile {
    public static func write(_ text: String, to url: URL) throws {
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            printError("intake: cannot write \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                printError("intake: cannot write \(path): \(String(cString: strerror(errno)))")
                throw Failure.failed
            }
            written += n
        }
        if fsync(fd) != 0 {
            printError("intake: cannot save \(path): \(String(cString: strerror(errno)))")
            throw Failure.failed
        }
    }
}
