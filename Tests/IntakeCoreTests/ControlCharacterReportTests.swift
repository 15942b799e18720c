import Foundation
import Testing
@testable import IntakeCore

/// `locales check` and `validate` report what the sanitizing rule would
/// remove, at the file, line and column of the character itself.
@Suite struct ControlCharacterReportTests {
    static let template = [TemplateEntry(key: "ui/title", source: "Summary"), TemplateEntry(key: "ui/two", source: "Two")]

    @Test func controlsInATranslationAreErrorsAtTheirColumn() throws {
        let text = """
        msgid ""
        msgstr ""
        "Language: es\\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        msgctxt "ui/title"
        msgid "Summary"
        msgstr "Resumen\\033]52;c;eA==\\a"

        msgctxt "ui/two"
        msgid "Two"
        msgstr ""
        "Dos\\n"
        "\u{9B}31m\u{202E}"

        """
        let po = try parsePO(text, file: "es.po")
        let report = LocaleReport(file: po, fileName: "es.po", template: Self.template)
        #expect(report.findings.filter { $0.severity == .error }.map(\.description) == [
            "es.po:8:16: error: msgstr contains a control character, U+001B (escape); remove it",
            "es.po:8:30: error: msgstr contains a control character, U+0007 (bell); remove it",
            "es.po:14:2: error: msgstr contains a control character, U+009B (C1 control); remove it",
            "es.po:14:6: error: msgstr contains a control character, U+202E (bidi control); remove it",
        ])
    }

    @Test func persianWithZeroWidthNonJoinerAndLetterMarkIsClean() throws {
        let text = """
        msgid ""
        msgstr ""
        "Language: fa\\n"
        "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

        msgctxt "ui/title"
        msgid "Summary"
        msgstr "خلاصه\u{200C}ها\u{061C} ۱۲"

        """
        let report = LocaleReport(file: try parsePO(text, file: "fa.po"), fileName: "fa.po", template: Self.template)
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings)")
    }

    @Test func controlsInQuestionnaireTextAreErrorsAtTheirColumn() {
        // Line 15 is `        text: Consent?`; the quoted value starts at column 16.
        let text = replacing(line: 15, with: "        text: \"Consent\\e]0;x\\a?\"")
        #expect(diagnostics(text) == [
            "t.yaml:15:23: error: text contains a control character, U+001B (escape); remove it",
            "t.yaml:15:29: error: text contains a control character, U+0007 (bell); remove it",
        ])
    }

    /// The parser's byte check lets through only strings the rule leaves
    /// alone: it agrees with `Sanitize` on every scalar that starts with
    /// the lead bytes it looks at (C2 and D8: U+0000–U+07FF; E2:
    /// U+2000–U+2FFF; EF: U+F000–U+FFFF).
    @Test func parserByteCheckAgreesWithTheRule() {
        var disagreements: [String] = []
        for v in Array(UInt32(0)...0x7FF) + Array(UInt32(0x2000)...0x2FFF) + Array(UInt32(0xF000)...0xFFFF) {
            guard let s = Unicode.Scalar(v), s != "\n", s != "\t" else { continue }
            let expected = Sanitize.isControl(s) || s == Sanitize.arabicLetterMark
            if POParser.mayHoldControls(Array(String(Character(s)).utf8)) != expected {
                disagreements.append(String(format: "U+%04X", v))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
