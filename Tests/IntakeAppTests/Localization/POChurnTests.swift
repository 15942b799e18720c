import Foundation
import IntakeCore
import IntakeTestSupport
import Testing
@testable import IntakeApp

/// Writing a file Poedit, Weblate or msgcat saved changes nothing but what
/// changed (issue 16): wrapping is kept, references carry no line numbers.
@Suite struct POChurnTests {
    @Test(arguments: BundledLocaleTests.localeFiles())
    func updateAfterMsgcatChangesNothing(_ url: URL) throws {
        let dir = try TempDir()
        let r = try Gettext.run("msgcat", ["-o", "cat.po", url.path], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let catted = try dir.read("cat.po")
        let merged = try parseValidPO(catted, file: "cat.po").merged(with: try BundledLocaleTests.template())
        let written = merged.serialized()
        #expect(written == catted, "\(lineDiff(catted, written).prefix(10))")
    }

    @Test func editingOneMsgstrChangesOnlyItsLines() throws {
        let url = BundledLocaleTests.localeFiles().first { $0.lastPathComponent == "ko.po" }!
        let original = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var po = try parseValidPO(original, file: "ko.po")
        let i = try #require(po.entries.firstIndex { $0.context == "ui/screen/start_hint" })
        po.entries[i].translation = "위/아래: 줄 선택. Enter: 바꾸거나 시작."
        let written = po.merged(with: try BundledLocaleTests.template()).serialized()
        let changes = lineDiff(original, written)
        #expect(changes.count == 2, "\(changes)")
        #expect(changes.allSatisfy { $0.contains("msgstr") || $0.contains("위/아래") }, "\(changes)")
    }

    @Test func referencesCarryNoLineNumbers() throws {
        for t in try BundledLocaleTests.template() {
            let ref = try #require(t.reference)
            #expect(!ref.contains(":"), "\(ref)")
        }
    }

    @Test func removingAQuestionChangesOnlyItsEntries() throws {
        let url = BundledLocaleTests.localeFiles().first { $0.lastPathComponent == "es.po" }!
        let original = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let template = try BundledLocaleTests.template()
        let gone = "trafficking-screening/question/documents_held/text"
        #expect(template.contains { $0.key == gone })
        let written = try parseValidPO(original).merged(with: template.filter { $0.key != gone }).serialized()
        // The entry leaves its place and comes back at the end as '#~';
        // no other line changes.
        let changes = lineDiff(original, written)
        let block = """
        #. Question (yes_no), read to the person. "ID card" means any identity document.
        #: questionnaires/trafficking-screening.yaml
        msgctxt "trafficking-screening/question/documents_held/text"
        msgid ""
        "At any time in this work, did someone else keep your passport, ID card or "
        "other identity papers?"
        """
        let removed = changes.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }
        #expect(Array(removed.prefix(6)) == block.components(separatedBy: "\n"), "\(changes)")
        #expect(removed.dropFirst(6).allSatisfy { $0.hasPrefix("\"") || $0.hasPrefix("msgstr") || $0.isEmpty }, "\(changes)")
        let added = changes.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) }
        // The obsolete entry keeps its note, as msgmerge does.
        #expect(added.allSatisfy { $0.hasPrefix("#~ ") || $0.hasPrefix("#. ") || $0.isEmpty }, "\(changes)")
        #expect(added.contains("#~ msgctxt \"trafficking-screening/question/documents_held/text\""))
    }
}
