import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct POWriterTests {
        static let fixtures = ["features.po", "crlf-bom.po", "msginit-ru.po", "msgmerge-es.po", "msgcat-features.po",
                               "template.pot", "es-old.po"]

        @Test(arguments: fixtures)
        func roundTripKeepsEveryFeature(name: String) throws {
            let po = try POFixture.parse(name)
            let again = try parsePO(po.serialized(), file: "again-\(name)")
            #expect(again == po)
            #expect(semantic(again) == semantic(po))
            // Writing is stable: a second round writes the same bytes.
            #expect(again.serialized() == po.serialized())
        }

        @Test func writesLikeMsgcat() throws {
            // msgcat's own output is already in gettext's layout, so ours must
            // reproduce it byte for byte.
            let po = try POFixture.parse("msgcat-features.po")
            #expect(po.serialized() == (try POFixture.text("msgcat-features.po")))
            let merged = try POFixture.parse("msgmerge-es.po")
            #expect(merged.serialized() == (try POFixture.text("msgmerge-es.po")))
        }

        @Test func handBuiltEntriesRoundTrip() throws {
            var po = POFile.newCatalog(language: "ar", template: [
                TemplateEntry(key: "k/one", source: "Hello \"quoted\" \\ back\\slash\ttab", note: "Line one\nLine two", reference: "q.yaml:1"),
                TemplateEntry(key: "k/plural", source: "{count} file", sourcePlural: "{count} files", note: nil, reference: nil),
                TemplateEntry(key: "k/controls", source: "bell\u{07} back\u{08} ff\u{0C} vt\u{0B} cr\r nul-ish\u{01} del\u{7F}"),
            ])
            po.entries[0].translation = "مرحبا"
            po.entries[0].translatorComments = ["reviewed", ""]
            po.entries[0].flags = ["fuzzy", "no-c-format"]
            po.entries[0].previousID = "Hello"
            po.entries[0].previousIDPlural = nil
            // Every form keeps {count}: the entry is flagged python-brace-format.
            po.entries[1].translations = ["{count} 0", "{count} 1", "{count} 2", "{count} 3", "{count} 4", "{count} 5"]
            po.entries[1].previousContext = "k/old-plural"
            po.entries[1].previousID = "{count} old file"
            po.entries[1].previousIDPlural = "{count} old files"
            var gone = POEntry(context: "k/gone", id: "Gone", translations: ["ذهب"])
            gone.isObsolete = true
            gone.previousID = "Went"
            gone.flags = ["fuzzy"]
            po.entries.append(gone)
            let text = po.serialized()
            #expect(text.contains("#~| msgid \"Went\""))
            #expect(text.contains("#. Line one\n#. Line two\n"))
            let again = try parsePO(text)
            #expect(again == po)
            #expect(again.entries[2].id == po.entries[2].id)
            #expect(again.entries[1].previousIDPlural == "{count} old files")
            #expect(text.contains("#| msgid_plural \"{count} old files\""))
            #expect(text.contains("\\001"))
            try Gettext.expectMsgfmtAccepts(text, name: "ar.po")
        }

        @Test func wrapsLongStringsAt79ColumnsAfterSpacesAndNewlines() throws {
            let sentence = "The person may not think of what they owe as a debt, and may not want to talk about it today. "
            var e = POEntry(context: "k", id: sentence + sentence + "\nSecond line.\n", translations: [""])
            e.translation = "corto"
            let po = POFile(header: nil, entries: [e])
            let text = po.serialized()
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.contains("msgid \"\""))
            for line in lines { #expect(DisplayWidth.of(line) <= 79, "too wide: \(line)") }
            let pieces = lines.filter { $0.hasPrefix("\"") }
            #expect(pieces.count >= 4)
            // Every piece but the ones ending a line of text ends after a space.
            #expect(pieces.contains { $0.hasSuffix("\\n\"") })
            for piece in pieces where !piece.hasSuffix("\\n\"") && piece != pieces.last {
                #expect(piece.hasSuffix(" \""), "breaks after a space: \(piece)")
            }
            #expect(lines.contains("msgstr \"corto\""))
            #expect(try parsePO(text) == po)
        }

        @Test func aWordLongerThanALineIsNotSplit() throws {
            let word = String(repeating: "x", count: 120)
            let po = POFile(entries: [POEntry(id: "a " + word + " b", translations: [""])])
            let text = po.serialized()
            #expect(text.contains("\"\(word) \""))
            #expect(try parsePO(text) == po)
        }

        @Test func wideCharactersCountTwoColumns() throws {
            let cjk = String(repeating: "中文 ", count: 30)
            let po = POFile(entries: [POEntry(id: "k", translations: [cjk])])
            for line in po.serialized().split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= 79)
            }
        }

        // template.pot is left out: xgettext's placeholder header
        // ("nplurals=INTEGER") is rejected by msgfmt -c by design.
        @Test(arguments: fixtures.filter { $0 != "template.pot" })
        func msgfmtAcceptsWhatWeWrite(name: String) throws {
            let po = try POFixture.parse(name)
            try Gettext.expectMsgfmtAccepts(po.serialized(), name: name.hasSuffix(".pot") ? "x.pot" : "x.po")
        }

        @Test func msgfmtAcceptsNewCatalogsForEveryListedLanguage() throws {
            let template = MergeTests.template
            for tag in ["en", "es", "ru", "ar", "zh-Hans", "pt-BR", "ko", "th", "tl", "ro", "he", "cs", "pl"] {
                var po = POFile.newCatalog(language: tag, template: template, revisionDate: "2026-11-29 04:00+0000")
                // Fill every form so msgfmt checks the plural count too.
                for i in po.entries.indices {
                    po.entries[i].translations = po.entries[i].translations.indices.map { "[\(tag) \($0)] \(po.entries[i].id)" }
                }
                try Gettext.expectMsgfmtAccepts(po.serialized(), name: "\(tag).po")
            }
            try Gettext.expectMsgfmtAccepts(POFile.template(template).serialized(), name: "intake.pot")
        }

        @Test(arguments: ["features.po", "msgmerge-es.po", "msginit-ru.po"])
        func msgcatLeavesOurOutputSemanticallyUnchanged(name: String) throws {
            let po = try POFixture.parse(name)
            let dir = try TempDir()
            try dir.write("ours.po", po.serialized())
            let r = try Gettext.run("msgcat", ["-o", "theirs.po", "ours.po"], in: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let theirs = try parsePO(try dir.read("theirs.po"), file: "theirs.po")
            #expect(semantic(theirs) == semantic(po))
        }

        @Test func gettextGeneratedFilesParse() throws {
            // Produce files with gettext itself now, so the parser is tested on
            // whatever version is installed, not only on committed fixtures.
            let dir = try TempDir()
            try dir.write("t.pot", try POFixture.text("template.pot"))
            try dir.write("es-old.po", try POFixture.text("es-old.po"))
            for lang in ["ar", "zh_CN", "pt_BR"] {
                let r = try Gettext.run("msginit", ["--no-translator", "-l", lang, "-i", "t.pot", "-o", "\(lang).po"], in: dir.url)
                #expect(r.status == 0, "\(r.stderr)")
                let po = try parsePO(try dir.read("\(lang).po"), file: "\(lang).po")
                #expect(po.language == lang)
                #expect(po.entries.count == 5)
                #expect(try parsePO(po.serialized()) == po)
            }
            let m = try Gettext.run("msgmerge", ["--quiet", "--previous", "-o", "merged.po", "es-old.po", "t.pot"], in: dir.url)
            #expect(m.status == 0, "\(m.stderr)")
            let merged = try parsePO(try dir.read("merged.po"), file: "merged.po")
            #expect(merged.entries.filter(\.isFuzzy).count == 1)
            #expect(merged.obsoleteEntries.count == 1)
            #expect(try parsePO(merged.serialized()) == merged)
        }
    }
}
