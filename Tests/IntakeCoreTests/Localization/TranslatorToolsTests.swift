import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

/// What Poedit, Weblate and gettext's own tools expect of the files intake
/// writes (issue 16): format flags, width limits in the notes, retired
/// strings, headers.
extension LocalizationTests {
    @Suite struct TranslatorToolsTests {
        static let template: [TemplateEntry] = [
            TemplateEntry(key: "ui/screen/start_questionnaire", source: "Questionnaire: {title}", note: "Start screen line."),
            TemplateEntry(key: "ui/key/pause", source: "Pause", note: "Key name."),
            TemplateEntry(key: "ui/screen/status_saved", source: "Saved", note: "Status line."),
            TemplateEntry(key: "ui/summary/count", source: "{count} answer", sourcePlural: "{count} answers"),
            TemplateEntry(key: "q/question/a/text", source: "Do you keep your own papers?", reference: "questionnaires/q.yaml"),
        ]

        // MARK: 1. Format flags

        @Test func entriesWithPlaceholdersAreFlaggedPythonBraceFormat() throws {
            let po = POFile.newCatalog(language: "fr", template: Self.template)
            #expect(po.entries.map(\.flags) == [["python-brace-format"], [], [], ["python-brace-format"], []])
            let pot = POFile.template(Self.template)
            #expect(pot.entries.map(\.flags) == [["python-brace-format"], [], [], ["python-brace-format"], []])
        }

        @Test func theFlagFollowsTheSourceAndComesAfterFuzzy() throws {
            var po = POFile.newCatalog(language: "fr", template: Self.template)
            po.entries[0].translation = "Questionnaire : {title}"
            po.entries[1].translation = "Pause"
            var changed = Self.template
            changed[0].source = "Questionnaire {title} chosen"
            changed[1].source = "Pause {key}"
            changed[3].source = "One answer"
            changed[3].sourcePlural = "Several answers"
            let merged = po.merged(with: changed)
            #expect(merged.entries[0].flags == ["fuzzy", "python-brace-format"])
            #expect(merged.entries[1].flags == ["fuzzy", "python-brace-format"])
            #expect(merged.entries[3].flags == [])
            #expect(merged.serialized().contains("#, fuzzy, python-brace-format\n#| msgid \"Questionnaire: {title}\"\nmsgctxt \"ui/screen/start_questionnaire\""))
        }

        @Test func msgfmtCatchesAWrongPlaceholderInAFlaggedEntry() throws {
            var po = POFile.newCatalog(language: "fr", template: Self.template)
            po.entries[0].translation = "Questionnaire : {title}"
            try Gettext.expectMsgfmtAccepts(po.serialized(), name: "fr.po")
            po.entries[0].translation = "Questionnaire : {titre}"
            let dir = try TempDir()
            try dir.write("fr.po", po.serialized())
            let r = try Gettext.run("msgfmt", ["-c", "-o", "/dev/null", "fr.po"], in: dir.url)
            #expect(r.status != 0)
            #expect(r.stderr.contains("a format specification for argument 'title' doesn't exist in 'msgstr'"), "\(r.stderr)")
        }

        // MARK: 2. Width limits in the notes

        @Test func widthLimitedStringsSayTheirLimitInTheNote() throws {
            let po = POFile.newCatalog(language: "fr", template: Self.template)
            #expect(po.entries[0].extractedComments == ["Start screen line."])
            #expect(po.entries[1].extractedComments == ["Key name.", "At most 18 columns."])
            #expect(po.entries[2].extractedComments == ["Status line.", "At most 30 columns."])
            #expect(po.serialized().contains("#. Key name.\n#. At most 18 columns.\n"))
        }

        // MARK: 8. Retired strings

        @Test func untranslatedRetiredStringsAreDropped() throws {
            var po = POFile.newCatalog(language: "fr", template: Self.template)
            po.entries[1].translation = "Pause"
            var old = POEntry(context: "ui/older", id: "Older", translations: [""])
            old.isObsolete = true
            po.entries.append(old)
            let merged = po.merged(with: Array(Self.template.prefix(1)))
            #expect(merged.obsoleteEntries.map(\.context) == ["ui/key/pause"])
            #expect(merged.activeEntries.map(\.context) == ["ui/screen/start_questionnaire"])
        }

        // MARK: 9. Header

        @Test func headersSayWhoWroteThem() throws {
            let pot = POFile.template(Self.template, creationDate: "2026-12-06 13:00+0000", generator: "intake 0.1.0")
            #expect(pot.headerValue("POT-Creation-Date") == "2026-12-06 13:00+0000")
            #expect(pot.headerValue("X-Generator") == "intake 0.1.0")
            var po = POFile.newCatalog(language: "fr", template: Self.template, generator: "intake 0.1.0")
            #expect(po.headerValue("X-Generator") == "intake 0.1.0")
            po.setHeaderValue("Poedit 3.4", for: "X-Generator")
            po.setGenerator("intake 0.2.0")
            #expect(po.headerValue("X-Generator") == "intake 0.2.0")
            try Gettext.expectMsgfmtAccepts(pot.serialized(), name: "intake.pot")
        }
    }
}
