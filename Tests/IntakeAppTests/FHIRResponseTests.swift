import Foundation
import IntakeCore
import Testing
@testable import IntakeApp

/// Issue 18: `intake open --format fhir` and `sessions export --format fhir`
/// write a session as a FHIR QuestionnaireResponse.
@Suite struct FHIRResponseTests {
    @Test func aSessionIsAResponseAuthoredWhenItBegan() throws {
        let q = try bundledQuestionnaire("quick-screen")
        var iv = Interview(questionnaire: q, intervieweeLanguage: "es", advocateLanguage: "en")
        iv.apply(.answered(question: "interpreter_used", value: .choice("no")), at: Date(timeIntervalSince1970: 1_764_494_100))
        iv.apply(.answered(question: "consent", value: .choice("yes")), at: Date(timeIntervalSince1970: 1_764_494_160))
        iv.apply(.answered(question: "papers_held", value: .choice("yes")), at: Date(timeIntervalSince1970: 1_764_494_220))
        let json = iv.fhirResponse(finished: false, timeZone: TimeZone(identifier: "UTC")!)
        let r = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(r["resourceType"] as? String == "QuestionnaireResponse")
        #expect(r["questionnaire"] as? String == "urn:intake:questionnaire:quick-screen|2.1.0")
        #expect(r["status"] as? String == "in-progress")
        #expect(r["authored"] as? String == "2025-11-30T09:15:00Z")
        #expect(r["language"] as? String == "es")
        let items = try #require(((r["item"] as? [[String: Any]])?.first?["item"]) as? [[String: Any]])
        #expect(items.map { $0["linkId"] as! String } == ["interpreter_used", "consent", "papers_held"])
    }
}

/// Issue 16: `zh_Hans` (gettext's spelling) and `zh-Hans` name the same
/// language, for `--language` and for the file's name.
@Suite struct LanguageTagSpellingTests {
    static let po = """
    msgid ""
    msgstr ""
    "Language: zh_Hans\\n"
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Plural-Forms: nplurals=1; plural=0;\\n"

    msgctxt "ui/yes"
    msgid "Yes"
    msgstr "是"

    """

    @Test func eitherSpellingFindsEitherFile() throws {
        for file in ["zh-Hans.po", "zh_Hans.po"] {
            let s = try Scratch()
            defer { s.remove() }
            try s.write("locales/\(file)", Self.po)
            for asked in ["zh-Hans", "zh_Hans"] {
                let tr = try CatalogCache(locales: s.path("locales")).translator(asked)
                #expect(tr.ui(.yes) == "是", "\(asked) with \(file)")
                #expect(tr.language == "zh-Hans")
            }
        }
    }
}
