import Foundation
import IntakeCore

/// Locale files: reading and naming them. (Checking them against the
/// current source strings is `LocaleValidation`.)
public enum LocaleFiles {
    /// The discouraged-terms list beside the locales, if present.
    public static func discouragedTerms(in locales: URL) -> (DiscouragedTerms?, [Diagnostic]) {
        let url = locales.appendingPathComponent("discouraged-terms.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, []) }
        return DiscouragedTerms.parse(yaml: String(decoding: data, as: UTF8.self), file: QuestionnaireFiles.displayPath(url))
    }

    /// Parses a PO file; diagnostics for syntax errors.
    public static func parse(_ url: URL) -> (POFile?, [Diagnostic]) {
        switch QuestionnaireFiles.bytes(of: url) {
        case .failure(let d): return (nil, [d])
        case .success(let bytes): return parse(bytes, path: QuestionnaireFiles.displayPath(url))
        }
    }

    /// Parses PO text read from `path` (a whole file, or its start).
    public static func parse(_ bytes: [UInt8], path: String) -> (POFile?, [Diagnostic]) {
        switch TextDecoding.utf8(bytes, path: path) {
        case .failure(let d): return (nil, [d])
        case .success(let text): return POFile.parse(text, file: path)
        }
    }

    /// The language a locale file is for, from its name (`es.po` -> `es`),
    /// with canonical case and hyphens (`zh_Hans.po` -> `zh-Hans`).
    public static func language(of url: URL) -> String { canonical(Sanitize.singleLine(url.deletingPathExtension().lastPathComponent)) }

    /// A tag as BCP-47 writes it (`zh_Hans`, `zh-hans` -> `zh-Hans`); text
    /// that is not a tag is left as it is.
    public static func canonical(_ tag: String) -> String { LanguageTag(tag)?.description ?? tag }
}
