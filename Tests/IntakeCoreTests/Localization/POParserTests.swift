import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct POParserTests {
        @Test func readsEveryFeatureOfTheHandWrittenFile() throws {
            let po = try POFixture.parse("features.po")
            let header = try #require(po.header)
            #expect(header.translatorComments == ["Translator comment one.", "", "Translator comment three."])
            #expect(po.headerFields.map(\.name) == ["Project-Id-Version", "Language", "MIME-Version", "Content-Type",
                                                     "Content-Transfer-Encoding", "Plural-Forms", "X-Intake-Status",
                                                     "X-Intake-Reviewed-By"])
            #expect(po.language == "ru")
            #expect(po.reviewStatus == .reviewed)
            #expect(po.reviewedBy == "Irina Volkova")
            #expect(po.pluralForms?.count == 3)
            #expect(po.entries.count == 5)

            let esc = po.entries[0]
            #expect(esc.translatorComments == ["A comment for the translator."])
            #expect(esc.extractedComments == ["An extracted note.", "A second note line."])
            #expect(esc.references == ["a.yaml:1", "b.yaml:2", "c.yaml:3"])
            #expect(esc.flags == ["fuzzy", "no-c-format"])
            #expect(esc.isFuzzy)
            #expect(esc.previousContext == "old/key")
            #expect(esc.previousID == "Old source")
            #expect(esc.context == "k/escapes")
            #expect(esc.id == "Escapes: \" \\ \t \r \u{07} \u{08} \u{0C} \u{0B} end\n")
            #expect(esc.translation == "Экранирование: \" \\ \t \r \u{07} \u{08} \u{0C} \u{0B} конец\n")

            let plural = po.entries[1]
            #expect(plural.idPlural == "{count} people")
            #expect(plural.translations == ["{count} человек", "{count} человека", "{count} человек"])

            let noContext = po.entries[2]
            #expect(noContext.context == nil)
            #expect(noContext.id == "No context, octal AB and hex C")

            #expect(po.entries[3].translations == [""])
            #expect(!po.entries[3].isTranslated)

            let obsolete = po.entries[4]
            #expect(obsolete.isObsolete)
            #expect(obsolete.isFuzzy)
            #expect(obsolete.previousID == "Older text")
            #expect(obsolete.context == "k/obsolete")
            #expect(obsolete.translation == "Устаревший текст")
            #expect(obsolete.translatorComments == ["Kept because the translator asked."])
        }

        @Test func remembersWhereEachPartOfAnEntryIs() throws {
            let po = try POFixture.parse("features.po")
            let e = po.entries[0]
            #expect(e.locations.start == SourceLocation(file: "features.po", line: 15, column: 1))
            #expect(e.locations.msgctxt == SourceLocation(file: "features.po", line: 24, column: 1))
            #expect(e.locations.msgid == SourceLocation(file: "features.po", line: 25, column: 1))
            #expect(e.locations.msgstr == SourceLocation(file: "features.po", line: 26, column: 1))
            #expect(po.entries[1].locations.msgstrs.map(\.line) == [32, 33, 34])
            // "#~ msgctxt" puts the keyword at column 4.
            #expect(po.entries[4].locations.msgctxt == SourceLocation(file: "features.po", line: 46, column: 4))
        }

        @Test func crlfAndByteOrderMarkReadLikeTheUnixFile() throws {
            let unix = try POFixture.parse("features.po")
            let dos = try POFixture.parse("crlf-bom.po")
            #expect(semantic(dos) == semantic(unix))
            #expect(dos.entries[0].locations.msgstr?.line == 26)
            #expect(dos.entries[0].locations.msgstr?.column == 1)
        }

        @Test func readsFilesWrittenByGettextTools() throws {
            let ru = try POFixture.parse("msginit-ru.po")
            #expect(ru.language == "ru")
            #expect(ru.pluralForms?.count == 3)
            #expect(ru.entry(key: "ui/saved_answers")?.translations.count == 3)
            #expect(ru.entry(key: "ui/old_format")?.flags == ["c-format"])

            let es = try POFixture.parse("msgmerge-es.po")
            let changed = try #require(es.entry(key: "trafficking-screening/question/documents_held/text"))
            #expect(changed.isFuzzy)
            #expect(changed.previousID == "Does someone keep your passport?")
            #expect(changed.previousContext == "trafficking-screening/question/documents_held/text")
            #expect(changed.translation == "¿Alguien guarda su pasaporte?")
            #expect(changed.translatorComments == ["Revisado con la intérprete."])
            let guidance = try #require(es.entry(key: "trafficking-screening/question/debt/guidance"))
            #expect(guidance.id.hasPrefix("Ask gently. The person may not think of what they owe as a \"debt\".\nIf they"))
            #expect(guidance.id.hasSuffix("\tTab and backslash \\ are kept."))
            #expect(guidance.references == ["questionnaires/trafficking-screening.yaml:300",
                                            "questionnaires/trafficking-screening.yaml:301"])
            let gone = try #require(es.obsoleteEntries.first)
            #expect(gone.context == "ui/removed")
            #expect(gone.translation == "Esta cadena se eliminó")

            let pot = try POFixture.parse("template.pot")
            #expect(pot.header?.isFuzzy == true)
            #expect(pot.language == "")
            #expect(pot.entries.allSatisfy { !$0.isTranslated })
        }

        // MARK: Errors with exact positions

        private func firstError(_ text: String) -> Diagnostic? {
            let (file, diagnostics) = POFile.parse(text, file: "bad.po")
            if !diagnostics.filter({ $0.severity == .error }).isEmpty { #expect(file == nil) }
            return diagnostics.first { $0.severity == .error }
        }

        @Test func unterminatedStringPointsAtItsQuote() throws {
            let d = try #require(firstError("msgid \"ok\"\nmsgstr \"never closed\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 2, column: 8))
            #expect(d.message.contains("unterminated string"))
        }

        @Test func columnsCountUnicodeScalarsNotBytes() throws {
            let d = try #require(firstError("msgid \"ключ\" junk\nmsgstr \"\"\n"))
            #expect(d.location.column == 14)
            #expect(d.message.contains("unexpected text after string"))
        }

        @Test func unknownKeyword() throws {
            let d = try #require(firstError("msgid \"a\"\n  msgstring \"b\"\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 2, column: 3))
            #expect(d.message == "unknown keyword 'msgstring'")
        }

        @Test func msgstrWithoutMsgid() throws {
            let d = try #require(firstError("# note\nmsgstr \"b\"\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 2, column: 1))
            #expect(d.message == "msgstr without msgid")
        }

        @Test func msgidWithoutMsgstrAtEndOfFile() throws {
            let d = try #require(firstError("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"truncated\"\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 4, column: 1))
            #expect(d.message == "msgid without msgstr")
        }

        @Test func duplicateContextAndID() throws {
            let text = "msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"1\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"2\"\n"
            let d = try #require(firstError(text))
            #expect(d.location == SourceLocation(file: "bad.po", line: 6, column: 1))
            #expect(d.message.contains("duplicate message definition"))
            #expect(d.message.contains("bad.po:2:1"))
            // The same msgid under another context is not a duplicate.
            _ = try parsePO("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"1\"\n\nmsgctxt \"j\"\nmsgid \"a\"\nmsgstr \"2\"\n")
        }

        @Test func badEscapePointsAtTheBackslash() throws {
            let d = try #require(firstError("msgid \"a\\qb\"\nmsgstr \"\"\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 1, column: 9))
            #expect(d.message.contains("bad escape '\\q'"))
        }

        @Test func pluralIndexOutOfOrder() throws {
            let text = "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[2] \"y\"\n"
            let d = try #require(firstError(text))
            #expect(d.location == SourceLocation(file: "bad.po", line: 4, column: 8))
            #expect(d.message == "msgstr[2] out of order; expected msgstr[1]")
        }

        @Test func pluralAndSingularMsgstrMustMatchTheMsgid() throws {
            let a = try #require(firstError("msgid \"a\"\nmsgstr[0] \"x\"\n"))
            #expect(a.message.contains("without msgid_plural"))
            let b = try #require(firstError("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n"))
            #expect(b.location.line == 3)
            #expect(b.message.contains("needs msgstr[0]"))
        }

        @Test func continuationWithoutKeyword() throws {
            let d = try #require(firstError("\"floating\"\nmsgid \"a\"\nmsgstr \"\"\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 1, column: 1))
        }

        @Test func mixingObsoleteAndActiveLinesIsAnError() throws {
            let d = try #require(firstError("#~ msgid \"a\"\nmsgstr \"b\"\n"))
            #expect(d.location.line == 2)
            #expect(d.message.contains("obsolete"))
        }

        @Test func previousContextNeedsAPreviousMsgid() throws {
            let d = try #require(firstError("#| msgctxt \"old\"\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n"))
            #expect(d.location == SourceLocation(file: "bad.po", line: 1, column: 1))
            #expect(d.message.contains("without '#| msgid'"))
        }

        @Test func keepsReportingAfterAnError() {
            let text = "msgid \"a\\q\"\nmsgstr \"\"\n\nmsgid \"b\"\nmsgstr \"unterminated\n\nmsgid \"c\"\nmsgstr \"ok\"\n"
            let (_, diagnostics) = POFile.parse(text, file: "bad.po")
            #expect(diagnostics.map(\.location.line) == [1, 5, 4])
        }

        @Test func strayCommentAtEndIsOnlyAWarning() throws {
            let (file, diagnostics) = POFile.parse("msgid \"a\"\nmsgstr \"b\"\n\n# dangling\n", file: "w.po")
            #expect(file?.entries.count == 1)
            #expect(diagnostics.map(\.severity) == [.warning])
            #expect(diagnostics.first?.location.line == 4)
        }

        // MARK: Hostile input

        // Speed on large input is measured in bench/, not asserted here;
        // these tests check that hostile input gets clear diagnostics.

        @Test func randomBytesGiveDiagnosticsNotACrash() {
            var generator = SplitMix64(seed: 42)
            for round in 0..<20 {
                let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                let text = String(decoding: bytes, as: UTF8.self)
                let (file, diagnostics) = POFile.parse(text, file: "random-\(round).po")
                #expect(file == nil)
                #expect(!diagnostics.isEmpty)
                #expect(diagnostics.count <= POParser.maxErrors + 5)
            }
        }

        @Test func everyTruncationOfARealFileIsHandled() throws {
            let text = try POFixture.text("msgmerge-es.po")
            let scalars = Array(text.unicodeScalars)
            var errors = 0
            for cut in stride(from: 0, to: scalars.count, by: 7) {
                let prefix = String(String.UnicodeScalarView(scalars[..<cut]))
                let (file, diagnostics) = POFile.parse(prefix, file: "cut.po")
                if file == nil {
                    errors += 1
                    #expect(diagnostics.contains { $0.severity == .error })
                    for d in diagnostics { #expect(d.location.line >= 1 && d.location.column >= 1) }
                }
            }
            #expect(errors > 0)
        }

        @Test func tenMegabyteFileParses() throws {
            var text = "msgid \"\"\nmsgstr \"Language: es\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
            var i = 0
            while text.utf8.count < 10_000_000 {
                text += "#. note \(i)\n#: q.yaml:\(i)\nmsgctxt \"key/\(i)\"\nmsgid \"Source text number \(i) with some words\"\nmsgstr \"Texto fuente número \(i) con algunas palabras\"\n\n"
                i += 1
            }
            let (file, diagnostics) = POFile.parse(text, file: "big.po")
            #expect(diagnostics.isEmpty)
            #expect(file?.entries.count == i)
        }

        @Test func millionCharacterLine() throws {
            let long = String(repeating: "ab ", count: 333_334)
            let (file, diagnostics) = POFile.parse("msgid \"x\"\nmsgstr \"\(long)\"\n", file: "long.po")
            #expect(diagnostics.isEmpty)
            #expect(file?.entries.first?.translation.count == long.count)

            let (bad, badDiagnostics) = POFile.parse("msgid \"x\"\nmsgstr \"" + String(repeating: "é", count: 1_000_000) + "\n", file: "long.po")
            #expect(bad == nil)
            #expect(badDiagnostics.first?.message == "unterminated string")
            #expect(badDiagnostics.first?.location.column == 8)

            let (_, garbage) = POFile.parse(String(repeating: "z", count: 1_000_000), file: "long.po")
            let message = try #require(garbage.first?.message)
            #expect(message.hasPrefix("unknown keyword 'zzz"))
            #expect(message.count < 80)
        }
    }
}
