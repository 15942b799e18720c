import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    /// `POFile.headerEnd`: the start screen reads only a file's first entry.
    @Suite struct POHeaderTests {
        static let header = "# Translator comment\nmsgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"X-Intake-Status: reviewed\\n\"\n\n"

        /// The header read from the prefix equals the whole file's header.
        func headerFromPrefix(_ text: String) throws -> POEntry? {
            let bytes = Array(text.utf8)
            let end = POFile.headerEnd(in: bytes) ?? bytes.count
            let (prefix, diags) = POFile.parse(String(decoding: bytes[..<end], as: UTF8.self), file: "t.po")
            #expect(diags.isEmpty)
            return try #require(prefix).header
        }

        @Test func endsAtTheBlankLineAfterTheHeader() throws {
            let text = Self.header + "msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n"
            let end = try #require(POFile.headerEnd(in: Array(text.utf8)))
            #expect(end == Self.header.utf8.count - 1)  // the blank line itself
            let whole = try #require(POFile.parse(text, file: "t.po").file)
            #expect(try headerFromPrefix(text) == whole.header)
            #expect(Catalog.isDraft(try #require(POFile.parse(String(text.prefix(end)), file: "t.po").file)) == false)
        }

        @Test func aStringContinuedAfterABlankLineStillBelongsToTheHeader() throws {
            let text = "msgid \"\"\nmsgstr \"\"\n\n\"Language: es\\n\"\n\"X-Intake-Status: reviewed\\n\"\n\nmsgid \"a\"\nmsgstr \"b\"\n"
            let header = try #require(try headerFromPrefix(text))
            #expect(header.translation.contains("X-Intake-Status: reviewed"))
        }

        @Test func undecidedWhenTheBytesEndTooSoon() {
            #expect(POFile.headerEnd(in: Array("msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n".utf8)) == nil)
            #expect(POFile.headerEnd(in: Array("msgid \"\"\nmsgstr \"\"\n\n".utf8)) == nil)  // the next line decides
        }

        @Test func aFileWithoutHeaderHasNone() throws {
            let text = "msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"l\"\nmsgid \"c\"\nmsgstr \"d\"\n"
            #expect(try headerFromPrefix(text) == nil)
            #expect(POFile.parse(text, file: "t.po").file?.header == nil)
        }

        @Test func everyBundledTranslationGivesTheSameHeaderBothWays() throws {
            let locales = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../../locales").standardizedFileURL
            let files = try FileManager.default.contentsOfDirectory(atPath: locales.path).filter { $0.hasSuffix(".po") }
            #expect(files.count >= 4)
            for name in files {
                let text = try String(contentsOf: locales.appendingPathComponent(name), encoding: .utf8)
                let whole = try #require(POFile.parse(text, file: name).file)
                #expect(try headerFromPrefix(text) == whole.header, "\(name)")
                #expect(POFile.headerEnd(in: Array(text.utf8))! < 4096, "\(name): the header is near the start")
            }
        }

        static func withHeader(_ text: String) -> POFile { POFile(header: POEntry(id: "", translations: [text])) }

        @Test func aHeaderValueIsTheFirstFieldOfThatNameInAnyLetterCase() {
            let po = Self.withHeader(
                "Project-Id-Version: intake 1\nlanguage:\tes \nLanguage: fa\nPOT-Creation-Date: 2026-01-01 10:00+0000\n"
                + "Last-Translator: Zoë Núñez <z@example.org>\n\n   \nX-Intake-Status:reviewed\nX-Empty\n  X-Spaced  :  a b  \n")
            #expect(po.headerValue("Language") == "es")
            #expect(po.headerValue("LANGUAGE") == "es")
            #expect(po.headerValue("pot-creation-date") == "2026-01-01 10:00+0000")  // colons after the first are the value's
            #expect(po.headerValue("Last-Translator") == "Zoë Núñez <z@example.org>")
            #expect(po.headerValue("X-Intake-Status") == "reviewed")
            #expect(po.reviewStatus == .reviewed)
            #expect(po.headerValue("X-Empty") == "")
            #expect(po.headerValue("X-Spaced") == "a b")
            #expect(po.headerValue("Plural-Forms") == nil)
            #expect(po.headerValue("Languag") == nil)
            #expect(po.headerValue("") == "")  // the line of spaces: a name trimmed to nothing
            #expect(POFile().headerValue("Language") == nil)
            #expect(po.headerFields == [
                POHeaderField("Project-Id-Version", "intake 1"), POHeaderField("language", "es"), POHeaderField("Language", "fa"),
                POHeaderField("POT-Creation-Date", "2026-01-01 10:00+0000"), POHeaderField("Last-Translator", "Zoë Núñez <z@example.org>"),
                POHeaderField("", ""), POHeaderField("X-Intake-Status", "reviewed"), POHeaderField("X-Empty", ""), POHeaderField("X-Spaced", "a b"),
            ])
        }

        /// Names match by ASCII letters only: "-" is not "\r", and a letter
        /// outside ASCII is not its case pair.
        @Test func fieldNamesIgnoreOnlyTheCaseOfASCIILetters() {
            let po = Self.withHeader("X\rA: 1\nÉtat: 2\nX@B: 3\n")
            #expect(po.headerValue("X-A") == nil)
            #expect(po.headerValue("état") == nil)
            #expect(po.headerValue("État") == "2")
            #expect(po.headerValue("x`b") == nil)  // "`" is "@" with bit 5 set, not a letter
            #expect(po.headerValue("x@b") == "3")
        }

        /// Lines end at every newline byte, as gettext reads a header: a
        /// carriage return before it stays in the value, and a colon joined
        /// by a combining mark still ends the name.
        @Test func linesAndNamesAreFoundOnTheBytes() {
            let po = Self.withHeader("Language: es\r\nX-Intake-Status:\u{301}reviewed\n")
            #expect(po.headerValue("Language") == "es\r")
            #expect(po.headerValue("X-Intake-Status") == "\u{301}reviewed")
            #expect(po.reviewStatus == .draft)
        }

        /// The header read on its bytes gives what reading it by characters
        /// (the way before round 11) gave, on 2,000 seeded headers whose
        /// newlines, colons, spaces and tabs are not joined to a combining mark.
        @Test func readingOnBytesAgreesWithReadingByCharacters() {
            func byCharacters(_ text: String) -> [POHeaderField] {
                text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
                    func trim(_ s: Substring) -> String {
                        var s = s
                        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
                        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
                        return String(s)
                    }
                    guard let colon = line.firstIndex(of: ":") else { return POHeaderField(trim(line), "") }
                    return POHeaderField(trim(line[..<colon]), trim(line[line.index(after: colon)...]))
                }
            }
            var rng = SplitMix64(seed: 19_11)
            let pieces = ["Language", "language", "X-Intake-Status", "Plural-Forms", "nplurals=2; plural=(n != 1);", "es", "zh-Hans",
                          "Zoë", "ناظر", "中文", "é", "e\u{301}", ":", " ", "\t", "\n", "\n\n", "reviewed", "<a@b.c>", "2026-01-01 10:00+0000"]
            let names = ["Language", "X-Intake-Status", "Plural-Forms", "Last-Translator", "Nothing"]
            for _ in 0..<2_000 {
                let text = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                let po = Self.withHeader(text)
                let expected = byCharacters(text)
                #expect(po.headerFields == expected, "\(text.debugDescription)")
                for name in names {
                    let want = expected.first { $0.name.lowercased() == name.lowercased() }?.value
                    #expect(po.headerValue(name) == want, "\(name) in \(text.debugDescription)")
                }
            }
        }
    }
}
