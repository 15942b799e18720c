import Foundation
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct CatalogTests {
        static let text = """
        msgid ""
        msgstr ""
        "Language: ru\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"
        "X-Intake-Status: draft\\n"
        "X-Intake-Reviewed-By: \\n"

        msgctxt "ui/ok"
        msgid "OK"
        msgstr "Хорошо\\u{1B}"

        #, fuzzy
        msgctxt "ui/fuzzy"
        msgid "Save"
        msgstr "Сохранить"

        msgctxt "ui/empty"
        msgid "Quit"
        msgstr ""

        msgctxt "ui/stale"
        msgid "Old text"
        msgstr "Старый текст"

        msgctxt "ui/count"
        msgid "{count} answer"
        msgid_plural "{count} answers"
        msgstr[0] "{count} ответ"
        msgstr[1] "{count} ответа"
        msgstr[2] "{count} ответов"

        msgctxt "ui/partial"
        msgid "{count} file"
        msgid_plural "{count} files"
        msgstr[0] "{count} файл"
        msgstr[1] ""
        msgstr[2] "{count} файлов"

        #~ msgctxt "ui/gone"
        #~ msgid "Gone"
        #~ msgstr "Ушло"
        """.replacingOccurrences(of: "\\u{1B}", with: "\u{1B}")

        private func catalog() throws -> Catalog {
            Catalog(try parsePO(Self.text))
        }

        @Test func aTranslationWithAControlCharacterIsNotShown() throws {
            let c = try catalog()
            let t = c.text(key: "ui/ok", source: "OK")
            #expect(t.status == .rejected)
            // A control character is an error for `locales check`, so the
            // translation is never shown.
            #expect(t.text == "OK")
            #expect(t.isFallback)
            let plural = c.plural(key: "ui/count", source: "{count} answer", sourcePlural: "{count} answers", count: 5)
            #expect(plural == LocalizedText(text: "{count} ответов", status: .translated))
        }

        @Test func fallbacksShowTheSourceWithAReason() throws {
            let c = try catalog()
            #expect(c.text(key: "ui/fuzzy", source: "Save") == LocalizedText(text: "Save", status: .fuzzy))
            #expect(c.text(key: "ui/empty", source: "Quit") == LocalizedText(text: "Quit", status: .missing))
            #expect(c.text(key: "ui/nowhere", source: "Help") == LocalizedText(text: "Help", status: .missing))
            #expect(c.text(key: "ui/stale", source: "New text") == LocalizedText(text: "New text", status: .stale))
            #expect(c.text(key: "ui/gone", source: "Gone") == LocalizedText(text: "Gone", status: .missing))
            #expect(c.text(key: "ui/stale", source: "Old text").status == .translated)
        }

        @Test func pluralsUseTheFileRule() throws {
            let c = try catalog()
            func form(_ n: Int) -> LocalizedText {
                c.plural(key: "ui/count", source: "{count} answer", sourcePlural: "{count} answers", count: n)
            }
            #expect(form(1).text == "{count} ответ")
            #expect(form(3).text == "{count} ответа")
            #expect(form(5).text == "{count} ответов")
            #expect(form(21).text == "{count} ответ")
            #expect(form(5).status == .translated)
            // An empty form falls back to the English rule on the source.
            let partial2 = c.plural(key: "ui/partial", source: "{count} file", sourcePlural: "{count} files", count: 2)
            #expect(partial2 == LocalizedText(text: "{count} files", status: .missing))
            let partial5 = c.plural(key: "ui/partial", source: "{count} file", sourcePlural: "{count} files", count: 5)
            #expect(partial5.text == "{count} файлов")
            let missing1 = c.plural(key: "ui/none", source: "{count} day", sourcePlural: "{count} days", count: 1)
            #expect(missing1 == LocalizedText(text: "{count} day", status: .missing))
            let stale = c.plural(key: "ui/count", source: "{count} reply", sourcePlural: "{count} replies", count: 0)
            #expect(stale == LocalizedText(text: "{count} replies", status: .stale))
        }

        @Test func headerInformation() throws {
            let c = try catalog()
            #expect(c.language == "ru")
            #expect(c.isDraft)
            #expect(c.reviewedBy == nil)
            var po = try parsePO(Self.text)
            po.reviewStatus = .reviewed
            po.reviewedBy = "Irina Volkova"
            let reviewed = Catalog(po)
            #expect(!reviewed.isDraft)
            #expect(reviewed.reviewedBy == "Irina Volkova")
            #expect(Catalog(po, language: "ru-RU").language == "ru-RU")
        }

        @Test func aFileWithoutPluralFormsUsesTheEnglishRule() throws {
            let po = try parsePO("msgctxt \"k\"\nmsgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"uno\"\nmsgstr[1] \"varios\"\n")
            let c = Catalog(po, language: "es")
            #expect(c.plural(key: "k", source: "a", sourcePlural: "as", count: 1).text == "uno")
            #expect(c.plural(key: "k", source: "a", sourcePlural: "as", count: 0).text == "varios")
        }

        @Test func sourceCatalogIsTheIdentity() {
            let c = Catalog.source(language: "en")
            #expect(c.text(key: "anything", source: "Hello") == LocalizedText(text: "Hello", status: .translated))
            #expect(c.plural(key: "k", source: "{n} day", sourcePlural: "{n} days", count: 1).text == "{n} day")
            #expect(c.plural(key: "k", source: "{n} day", sourcePlural: "{n} days", count: 2).text == "{n} days")
            #expect(!c.isDraft)
            #expect(c.language == "en")
        }
    }

    @Suite struct PlaceholdersTests {
        @Test func namesInOrder() {
            #expect(Placeholders.names(in: "Saved {count} of {total} in {section}") == ["count", "total", "section"])
            #expect(Placeholders.names(in: "{a}{b}{a}") == ["a", "b", "a"])
        }

        @Test func escapedAndNonPlaceholderBracesAreIgnored() {
            #expect(Placeholders.names(in: "{{literal}} and {real}") == ["real"])
            #expect(Placeholders.names(in: "{ spaced } {} {1 2} {unclosed") == [])
            #expect(Placeholders.names(in: "{{{x}}}") == ["x"])
        }

        @Test func substitution() {
            #expect(Placeholders.substitute("Saved {count} of {total}", ["count": "3", "total": "10"]) == "Saved 3 of 10")
            #expect(Placeholders.substitute("{{count}} is {count}", ["count": "3"]) == "{count} is 3")
            #expect(Placeholders.substitute("Keep {unknown}", [:]) == "Keep {unknown}")
            // Values are inserted literally, never re-expanded.
            #expect(Placeholders.substitute("{a}", ["a": "{b}", "b": "x"]) == "{b}")
            #expect(Placeholders.substitute("第{n}题", ["n": "3"]) == "第3题")
        }
    }
}
