import Foundation
import IntakeCore

/// One locale file checked against the current source strings.
public enum LocaleValidation {
    /// Checks one locale file: syntax, header, placeholders, plurals, keys
    /// that no longer exist, widths, discouraged terms.
    public static func check(_ url: URL, template: [TemplateEntry], terms: DiscouragedTerms?) -> (LocaleReport?, [Diagnostic]) {
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
