import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

/// `locales check` and the catalog agree (issue 16): width limits match
/// real keys, a translation with an error is never shown, an identical
/// translation can be confirmed.
extension LocalizationTests {
    @Suite struct CheckAndFallbackTests {
        /// The same small template as the translator-tools tests.
        static let template = TranslatorToolsTests.template

        @Test func aTooWideStatusIsReported() throws {
            var po = POFile.newCatalog(language: "fr", template: Self.template)
            po.entries[2].translation = String(repeating: "Enregistré ", count: 9)
            let r = LocaleReport(file: try parsePO(po.serialized()), fileName: "fr.po", template: Self.template)
            #expect(r.findings.contains { $0.message == "msgstr is 99 columns wide; at most 30 fit for 'ui/screen/status_*'" })
        }

        /// A discouraged term found as an inflected form is named as found.
        @Test func theReportNamesTheFormFound() throws {
            let template = [TemplateEntry(key: "ui/a", source: "Are you safe?")]
            var po = POFile.newCatalog(language: "es", template: template)
            po.entries[0].translation = "¿Las víctimas están seguras?"
            let r = LocaleReport(file: po, fileName: "es.po", template: template, discouragedTerms: try DiscouragedTermsTests.shipped())
            #expect(r.findings.map(\.message) == ["discouraged term 'víctima' (as 'víctimas'); consider: persona / sobreviviente"])
        }

        // MARK: 3. Never show a translation that fails check

        static let broken = """
        msgid ""
        msgstr ""
        "Language: fr\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

        #, python-brace-format
        msgctxt "ui/screen/start_questionnaire"
        msgid "Questionnaire: {title}"
        msgstr "Questionnaire : {titre}"

        msgctxt "ui/key/pause"
        msgid "Pause"
        msgstr "Pause\\033[2J"

        msgctxt "ui/screen/status_saved"
        msgid "Saved"
        msgstr "Enregistré"

        #, python-brace-format
        msgctxt "ui/summary/count"
        msgid "{count} answer"
        msgid_plural "{count} answers"
        msgstr[0] "{count} réponse"
        msgstr[1] "{count} réponses"
        msgstr[2] "{count} réponses de trop"

        """

        @Test func translationsWithErrorsFallBackToTheSourceMarked() throws {
            let c = Catalog(try parsePO(Self.broken))
            let title = c.text(key: "ui/screen/start_questionnaire", source: "Questionnaire: {title}")
            #expect(title == LocalizedText(text: "Questionnaire: {title}", status: .rejected))
            #expect(title.isFallback)
            #expect(c.translate(key: "ui/screen/start_questionnaire", source: "Questionnaire: {title}").isFallback)
            // The start screen's line (declared in IntakeTUI), as Core's lookup sees it.
            let line = UIString("screen/start_questionnaire", "Questionnaire: {title}", note: "")
            #expect(c.ui(line, ["title": "Work"]) == "Questionnaire: Work")
            #expect(c.text(key: "ui/key/pause", source: "Pause") == LocalizedText(text: "Pause", status: .rejected))
            #expect(c.text(key: "ui/screen/status_saved", source: "Saved") == LocalizedText(text: "Enregistré", status: .translated))
            let plural = c.plural(key: "ui/summary/count", source: "{count} answer", sourcePlural: "{count} answers", count: 3)
            #expect(plural == LocalizedText(text: "{count} answers", status: .rejected))
            #expect(c.rejectedCount == 3)
        }

        @Test func whatTheCatalogRejectsIsExactlyWhatCheckCallsAnError() throws {
            let file = try parsePO(Self.broken, file: "fr.po")
            let r = LocaleReport(file: file, fileName: "fr.po", template: Self.template)
            let errorLines = Set(r.findings.filter { $0.severity == .error }.map(\.location.line))
            let rejectedLines = Set(file.entries.filter { e in
                Catalog(file).text(key: e.context!, source: e.id).status == .rejected
            }.compactMap { $0.locations.msgstr?.line })
            // The plural error is on msgstr[0]'s line; the others on their msgstr.
            #expect(errorLines == rejectedLines)
        }

        // MARK: 6. A deliberate identical translation

        @Test func sameAsSourceCommentSilencesTheCopyWarning() throws {
            var po = POFile.newCatalog(language: "fr", template: Self.template)
            po.entries[1].translation = "Pause"
            po.entries[4].translation = "Do you keep your own papers?"
            var r = LocaleReport(file: try parsePO(po.serialized()), fileName: "fr.po", template: Self.template)
            #expect(r.findings.filter { $0.message == "untranslated copy of the source" }.count == 2)
            po.entries[1].translatorComments = ["intake: same-as-source"]
            // It survives gettext's tools.
            let dir = try TempDir()
            try dir.write("fr.po", po.serialized())
            #expect(try Gettext.run("msgcat", ["-o", "cat.po", "fr.po"], in: dir.url).status == 0)
            r = LocaleReport(file: try parsePO(try dir.read("cat.po")), fileName: "fr.po", template: Self.template)
            #expect(r.findings.filter { $0.message == "untranslated copy of the source" }.map(\.location.line)
                    == [try parsePO(try dir.read("cat.po")).entries[4].locations.msgstr!.line])
        }

    }
}
