import Foundation
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
    }
}
