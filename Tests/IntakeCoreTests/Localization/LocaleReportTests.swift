import Foundation
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct LocaleReportTests {
        static let template: [TemplateEntry] = [
            TemplateEntry(key: "ui/key/skip", source: "Skip"),
            TemplateEntry(key: "ui/saved", source: "Saved {count} answer", sourcePlural: "Saved {count} answers"),
            TemplateEntry(key: "ui/greeting", source: "Hello {name}, this is section {section}."),
            TemplateEntry(key: "q/question/a/option/yes", source: "Yes"),
            TemplateEntry(key: "q/title", source: "Screening"),
            TemplateEntry(key: "ui/ok", source: "OK"),
            TemplateEntry(key: "ui/victim", source: "Are you safe?"),
            TemplateEntry(key: "ui/changed", source: "New source"),
            TemplateEntry(key: "ui/fuzzy", source: "Fuzzy one"),
            TemplateEntry(key: "ui/empty", source: "Empty one"),
            TemplateEntry(key: "ui/not-in-file", source: "Missing from file"),
        ]

        static let header = """
        msgid ""
        msgstr ""
        "Language: es\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        """

        static let body = """
        msgctxt "ui/key/skip"
        msgid "Skip"
        msgstr "Omitir esta pregunta por ahora"

        msgctxt "ui/saved"
        msgid "Saved {count} answer"
        msgid_plural "Saved {count} answers"
        msgstr[0] "Se guardó una respuesta"
        msgstr[1] "Se guardaron {count} respuestas"
        msgstr[2] "Sobra {count}"

        msgctxt "ui/greeting"
        msgid "Hello {name}, this is section {section}."
        msgstr "Hola {nombre}, esta es la sección."

        msgctxt "q/question/a/option/yes"
        msgid "Yes"
        msgstr "Sí"

        msgctxt "q/title"
        msgid "Screening"
        msgstr "Screening"

        msgctxt "ui/ok"
        msgid "OK"
        msgstr "OK"

        msgctxt "ui/victim"
        msgid "Are you safe?"
        msgstr "¿Es usted una víctima?"

        msgctxt "ui/changed"
        msgid "Old source"
        msgstr "Fuente vieja"

        #, fuzzy
        msgctxt "ui/fuzzy"
        msgid "Fuzzy one"
        msgstr "{wrong}"

        msgctxt "ui/empty"
        msgid "Empty one"
        msgstr ""

        msgctxt "ui/retired"
        msgid "Retired"
        msgstr "Retirado"

        #~ msgctxt "ui/older"
        #~ msgid "Older"
        #~ msgstr "Más viejo"

        """

        private func report(_ text: String) throws -> LocaleReport {
            let po = try parsePO(text, file: "es.po")
            return LocaleReport(file: po, fileName: "es.po", template: Self.template,
                                discouragedTerms: try DiscouragedTermsTests.shipped())
        }

        private func line(of needle: String, in text: String) -> Int {
            text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }! + 1
        }

        @Test func countsAndPercentage() throws {
            let r = try report(Self.header + Self.body)
            #expect(r.templateCount == 11)
            #expect(r.translated == 7)
            #expect(r.fuzzy == 1)
            #expect(r.stale == 1)
            #expect(r.untranslated == 2)
            #expect(r.obsolete == 1)
            #expect(r.unused == 1)
            #expect(abs(r.percentTranslated - 700.0 / 11.0) < 0.0001)
        }

        @Test func findingsPointAtTheMsgstrLine() throws {
            let text = Self.header + Self.body
            let r = try report(text)
            func finding(_ fragment: String) -> Diagnostic? { r.findings.first { $0.message.contains(fragment) } }

            let width = try #require(finding("columns wide"))
            #expect(width.severity == .warning)
            #expect(width.location == SourceLocation(file: "es.po", line: line(of: "Omitir esta", in: text), column: 1))
            #expect(width.message.contains("30 columns wide; at most 18"))

            let plural = try #require(finding("plural forms"))
            #expect(plural.severity == .error)
            #expect(plural.message == "3 plural forms, but Plural-Forms says nplurals=2")

            let greeting = try #require(r.findings.first { $0.location.line == line(of: "Hola {nombre}", in: text) })
            #expect(greeting.severity == .error)
            #expect(greeting.message == "msgstr placeholders differ from the source: missing {name}, {section}; not in the source {nombre}")

            // msgstr[0] is used for n = 1 only, so it may spell the number out;
            // msgstr[2] has the right placeholder; msgstr[1] too.
            #expect(!r.findings.contains { $0.message.contains("msgstr[0] placeholders") })

            let copies = r.findings.filter { $0.message == "untranslated copy of the source" }
            // "OK" is too short to judge: many languages write it the same.
            #expect(copies.map(\.location.line) == [line(of: "msgstr \"Screening\"", in: text)])

            let term = try #require(finding("discouraged term"))
            #expect(term.message == "discouraged term 'víctima'; consider: persona / sobreviviente")
            #expect(term.location.line == line(of: "víctima", in: text))

            let changed = try #require(finding("source text changed"))
            #expect(changed.message == "source text changed; run intake locales update")
            #expect(changed.location.line == line(of: "msgid \"Old source\"", in: text))

            let retired = try #require(finding("no longer used"))
            #expect(retired.location.line == line(of: "msgctxt \"ui/retired\"", in: text))
            #expect(retired.severity == .warning)

            // Fuzzy entries are not shown: listed at their line, and their
            // placeholders checked as a warning (a changed source often
            // brings a new placeholder; confirming is when it must be right).
            let fuzzyLine = line(of: "msgstr \"{wrong}\"", in: text)
            #expect(r.findings.filter { $0.location.line == fuzzyLine }.map(\.message) == [
                "fuzzy msgstr placeholders differ from the source: not in the source {wrong}",
                "fuzzy: not shown until a translator checks it and removes the fuzzy flag",
            ])
            #expect(r.findings.filter { $0.location.line == fuzzyLine }.allSatisfy { $0.severity == .warning })
            // Untranslated entries at their msgstr line, missing ones at line 1.
            let empty = try #require(r.findings.first { $0.location.line == line(of: "msgid \"Empty one\"", in: text) + 1 })
            #expect(empty.message == "untranslated: the English is shown instead")
            #expect(empty.severity == .warning)
            let notInFile = try #require(finding("not in the file"))
            #expect(notInFile.message == "not in the file: 'ui/not-in-file' (the English is shown instead); run intake locales update")
            #expect(notInFile.location == SourceLocation(file: "es.po", line: 1, column: 1))
            #expect(r.findings.filter { $0.severity == .error }.count == 2)
        }

        @Test func headerProblems() throws {
            let noLanguage = try report("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n" + Self.body)
            #expect(noLanguage.findings.contains { $0.severity == .error && $0.message == "missing Language header" && $0.location.line == 2 })

            let badTag = try report(Self.header.replacingOccurrences(of: "Language: es", with: "Language: Spanish!") + Self.body)
            #expect(badTag.findings.contains { $0.severity == .error && $0.message.contains("not a valid BCP-47") })

            let gettextSpelling = try report(Self.header.replacingOccurrences(of: "Language: es", with: "Language: pt_BR") + Self.body)
            #expect(!gettextSpelling.findings.contains { $0.message.contains("BCP-47") })

            let noPlural = try report(Self.header.replacingOccurrences(of: "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n", with: "") + Self.body)
            let missing = try #require(noPlural.findings.first { $0.message.hasPrefix("missing Plural-Forms") })
            #expect(missing.message.contains("nplurals=2; plural=(n != 1);"))

            let badPlural = try report(Self.header.replacingOccurrences(of: "plural=(n != 1)", with: "plural=(n != 1") + Self.body)
            #expect(badPlural.findings.contains { $0.severity == .error && $0.message.hasPrefix("invalid Plural-Forms: expected ')'") })

            let rangePlural = try report(Self.header.replacingOccurrences(of: "plural=(n != 1)", with: "plural=n") + Self.body)
            #expect(rangePlural.findings.contains { $0.message.contains("gives form 2 for n = 2") })

            let noHeader = try report(Self.body)
            #expect(noHeader.findings.first?.message.hasPrefix("missing PO header") == true)
            #expect(noHeader.findings.first?.location == SourceLocation(file: "es.po", line: 1, column: 1))
        }

        @Test func aCleanFileHasNoFindings() throws {
            var po = POFile.newCatalog(language: "es", template: Self.template)
            for i in po.entries.indices {
                po.entries[i].translations = po.entries[i].translations.map { _ in "" }
                let id = po.entries[i].idPlural ?? po.entries[i].id
                let names = Placeholders.names(in: id).map { "{\($0)}" }.joined(separator: " ")
                po.entries[i].translations = po.entries[i].translations.map { _ in "Traducido \(names)" }
            }
            let r = LocaleReport(file: try parsePO(po.serialized()), fileName: "es.po", template: Self.template)
            #expect(r.findings.isEmpty, "\(r.findings)")
            #expect(r.percentTranslated == 100)
        }

        @Test func widthLimitsMatchKeyPatterns() {
            let limits = LocaleReport.defaultWidthLimits
            func limit(_ key: String) -> Int? { limits.first { $0.matches(key) }?.maxColumns }
            #expect(limit("ui/key/next") == 18)
            #expect(limit("ui/screen/status_saved") == 30)
            #expect(limit("ui/screen/status_save_failed") == 78)
            #expect(limit("ui/footer/skip") == nil)
            #expect(limit("trafficking-screening/question/documents_held/option/yes") == 60)
            #expect(limit("trafficking-screening/section/work/title") == 70)
            #expect(limit("trafficking-screening/question/documents_held/text") == nil)
            #expect(limit("ui/keyless") == nil)
            #expect(WidthLimit("a*b*c", 1).matches("a/x/b/y/c"))
            #expect(!WidthLimit("a*b*c", 1).matches("a/x/b/y/d"))
        }

        @Test func widthIsMeasuredInDisplayColumns() throws {
            // Eight CJK characters are 16 columns: fits in 18. Ten are 20: too wide.
            var po = POFile.newCatalog(language: "zh-Hans", template: [TemplateEntry(key: "ui/key/a", source: "A"),
                                                                       TemplateEntry(key: "ui/key/b", source: "B")])
            po.entries[0].translation = String(repeating: "跳", count: 8)
            po.entries[1].translation = String(repeating: "跳", count: 10)
            let parsed = try parsePO(po.serialized())
            let r = LocaleReport(file: parsed, fileName: "zh-Hans.po", template: [TemplateEntry(key: "ui/key/a", source: "A"),
                                                                                   TemplateEntry(key: "ui/key/b", source: "B")])
            #expect(r.findings.map(\.message) == ["msgstr is 20 columns wide; at most 18 fit for 'ui/key/*'"])
            #expect(r.findings.first?.location == parsed.entries[1].locations.msgstr)
        }
    }
}

extension LocalizationTests.LocaleReportTests {
    @Test func singularFormMayDropOnlyTheCount() throws {
        let template = [TemplateEntry(key: "k", source: "{name} saved {count} answer", sourcePlural: "{name} saved {count} answers")]
        var po = POFile.newCatalog(language: "es", template: template)
        po.entries[0].translations = ["{name} guardó una respuesta", "{name} guardó {count} respuestas"]
        #expect(LocaleReport(file: po, fileName: "es.po", template: template).findings.isEmpty)
        po.entries[0].translations = ["Guardó una respuesta", "{name} guardó {count} respuestas"]
        let r = LocaleReport(file: po, fileName: "es.po", template: template)
        #expect(r.findings.map(\.message) == ["msgstr[0] placeholders differ from the source: missing {count}, {name}"])
        // Russian form 0 is also used for 21, 31, ...: it needs the count.
        var ru = POFile.newCatalog(language: "ru", template: template)
        ru.entries[0].translations = ["{name} сохранил один ответ", "{name} сохранил {count} ответа", "{name} сохранил {count} ответов"]
        #expect(LocaleReport(file: ru, fileName: "ru.po", template: template).findings.map(\.message)
                == ["msgstr[0] placeholders differ from the source: missing {count}"])
    }
}
