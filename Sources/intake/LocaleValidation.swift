import Foundation
import IntakeCore

/// Locale files: reading, checking against the current source strings.
enum LocaleFiles {
    /// The discouraged-terms list beside the locales, if present.
    static func discouragedTerms(in locales: URL) -> (DiscouragedTerms?, [Diagnostic]) {
        let url = locales.appendingPathComponent("discouraged-terms.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, []) }
        return DiscouragedTerms.parse(yaml: String(decoding: data, as: UTF8.self), file: QuestionnaireFiles.displayPath(url))
    }

    /// Parses a PO file; diagnostics for syntax errors.
    static func parse(_ url: URL) -> (POFile?, [Diagnostic]) {
        switch QuestionnaireFiles.bytes(of: url) {
        case .failure(let d): return (nil, [d])
        case .success(let bytes): return parse(bytes, path: QuestionnaireFiles.displayPath(url))
        }
    }

    /// Parses PO text read from `path` (a whole file, or its start).
    static func parse(_ bytes: [UInt8], path: String) -> (POFile?, [Diagnostic]) {
        switch TextDecoding.utf8(bytes, path: path) {
        case .failure(let d): return (nil, [d])
        case .success(let text): return POFile.parse(text, file: path)
        }
    }

    /// The language a locale file is for, from its name (`es.po` -> `es`),
    /// with canonical case and hyphens (`zh_Hans.po` -> `zh-Hans`).
    static func language(of url: URL) -> String { canonical(Sanitize.singleLine(url.deletingPathExtension().lastPathComponent)) }

    /// A tag as BCP-47 writes it (`zh_Hans`, `zh-hans` -> `zh-Hans`); text
    /// that is not a tag is left as it is.
    static func canonical(_ tag: String) -> String { LanguageTag(tag)?.description ?? tag }
}

enum LocaleValidation {
    /// Checks one locale file: syntax, header, placeholders, plurals, keys
    /// that no longer exist, widths, discouraged terms.
    static func check(_ url: URL, template: [TemplateEntry], terms: DiscouragedTerms?) -> (LocaleReport?, [Diagnostic]) {
        let path = QuestionnaireFiles.displayPath(url)
        let (file, parseDiags) = LocaleFiles.parse(url)
        guard let file else { return (nil, parseDiags) }
        var diags = parseDiags
        let lang = LocaleFiles.language(of: url)
        if !LanguageTag.isValid(lang) {
            diags.append(.error(SourceLocation(file: path, line: 1, column: 1),
                                "the file name '\(Sanitize.singleLine(url.lastPathComponent))' is not a BCP-47 language tag"))
        } else if let header = file.language, LocaleFiles.canonical(header) != lang {
            diags.append(.error(file.header?.translationLocation ?? SourceLocation(file: path, line: 1, column: 1),
                                "the Language header says '\(Sanitize.singleLine(header))' but the file is named \(lang).po"))
        }
        let report = LocaleReport(file: file, fileName: path, template: template, discouragedTerms: terms)
        diags += report.findings
        return (report, diags)
    }
}
