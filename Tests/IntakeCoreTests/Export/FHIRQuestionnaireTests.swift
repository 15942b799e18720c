import Foundation
import Testing
@testable import IntakeCore

/// Issue 18: a questionnaire as a FHIR R4 Questionnaire. The e2e test
/// `fhir.test.sh` validates the bundled ones with an independent FHIR model
/// library; these check what intake puts in, written out.
@Suite struct FHIRQuestionnaireTests {
    static let text = """
    format: 1
    id: fhir-test
    version: "1.2.0"
    language: en
    title: FHIR test
    domains:
      - id: force
        title: Force
    sections:
      - id: s1
        title: First
        questions:
          - id: consent
            type: yes_no
            text: May I ask?
            guidance: Explain first.
            required: true
            special: []
          - id: kinds
            type: multiple
            text: Which kinds?
            relevant: consent == yes
            options:
              - { id: a, text: Kind A }
              - { id: b, text: Kind B }
          - id: age
            type: number
            text: Age?
            relevant: kinds has any [a, b]
          - id: story
            type: text
            multiline: true
            text: Tell me.
            relevant: consent == yes and answered(age)
          - id: other
            type: text
            text: Other?
            relevant: count(consent == yes, kinds has a) >= 1
    result:
      possible: indicators() >= 1

    """

    static func resource(translations: [any Translating] = []) throws -> [String: Any] {
        let q = try #require(QuestionnaireLoader.load(text: text, path: "fhir-test.yaml").questionnaire)
        return FHIRQuestionnaire.resource(q, translations: translations)
    }

    static func items(_ r: [String: Any]) throws -> [String: [String: Any]] {
        let groups = try #require(r["item"] as? [[String: Any]])
        #expect(groups.map { $0["linkId"] as? String } == ["section/s1"])
        let questions = try #require(groups.first?["item"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: questions.map { ($0["linkId"] as! String, $0) })
    }

    @Test func theResourceNamesTheQuestionnaireAndItsHash() throws {
        let r = try Self.resource()
        #expect(r["resourceType"] as? String == "Questionnaire")
        #expect(r["url"] as? String == "urn:intake:questionnaire:fhir-test")
        #expect(r["version"] as? String == "1.2.0")
        #expect(r["name"] as? String == "FhirTest")
        #expect(r["status"] as? String == "active")
        let id = try #require((r["identifier"] as? [[String: String]])?.first)
        #expect(id["value"]?.hasPrefix("urn:sha256:") == true)
        #expect(id["value"]?.count == "urn:sha256:".count + 64)
    }

    @Test func questionsBecomeItemsOfTheirType() throws {
        let items = try Self.items(try Self.resource())
        #expect(items["consent"]?["type"] as? String == "choice")
        #expect(items["consent"]?["required"] as? Bool == true)
        let yesNo = try #require(items["consent"]?["answerOption"] as? [[String: [String: String]]])
        #expect(yesNo.map { $0["valueCoding"]!["code"]! } == ["yes", "no"])    // special: [] offers no special answers
        #expect(items["kinds"]?["repeats"] as? Bool == true)
        let kinds = try #require(items["kinds"]?["answerOption"] as? [[String: [String: String]]])
        #expect(kinds.map { $0["valueCoding"]!["code"]! } == ["a", "b", "dont_know", "declined"])
        #expect(kinds.map { $0["valueCoding"]!["system"]! } == ["urn:intake:answer", "urn:intake:answer",
                                                                 "urn:intake:special-answer", "urn:intake:special-answer"])
        #expect(items["age"]?["type"] as? String == "integer")
        #expect(items["story"]?["type"] as? String == "text")
        #expect(items["other"]?["type"] as? String == "string")
        let help = try #require((items["consent"]?["item"] as? [[String: Any]])?.first)
        #expect(help["linkId"] as? String == "consent/help")
        #expect(help["type"] as? String == "display")
        #expect(help["text"] as? String == "Explain first.")
    }

    @Test func relevanceBecomesEnableWhenWhereFHIRCanSayIt() throws {
        let items = try Self.items(try Self.resource())
        let kinds = try #require(items["kinds"]?["enableWhen"] as? [[String: Any]])
        #expect(kinds.count == 1)
        #expect(kinds[0]["question"] as? String == "consent")
        #expect(kinds[0]["operator"] as? String == "=")
        #expect((kinds[0]["answerCoding"] as? [String: String])?["code"] == "yes")
        #expect(items["kinds"]?["enableBehavior"] == nil)

        let age = try #require(items["age"]?["enableWhen"] as? [[String: Any]])
        #expect(age.map { ($0["answerCoding"] as! [String: String])["code"]! } == ["a", "b"])
        #expect(items["age"]?["enableBehavior"] as? String == "any")

        let story = try #require(items["story"]?["enableWhen"] as? [[String: Any]])
        #expect(story.map { $0["operator"] as! String } == ["=", "exists"])
        #expect(story[1]["answerBoolean"] as? Bool == true)
        #expect(items["story"]?["enableBehavior"] as? String == "all")

        // A count is not expressible: the condition travels as an extension
        // and the question is always enabled (more questions, never fewer).
        #expect(items["other"]?["enableWhen"] == nil)
        let ext = try #require((items["other"]?["extension"] as? [[String: String]])?.first)
        #expect(ext["url"] == "urn:intake:relevant")
        #expect(ext["valueString"] == "count(consent == yes, kinds has a) >= 1")
    }

    @Test func translatedStringsCarryTranslationExtensions() throws {
        struct French: Translating {
            var language: String { "fr" }
            var isDraft: Bool { true }
            func translate(key: String, source: String) -> Translated {
                key == "fhir-test/question/consent/text" ? Translated(text: "Puis-je demander ?", isFallback: false)
                    : Translated(text: source, isFallback: true)
            }
            func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
                Translated(text: source, isFallback: true)
            }
        }
        let items = try Self.items(try Self.resource(translations: [French()]))
        let ext = try #require(((items["consent"]?["_text"] as? [String: Any])?["extension"] as? [[String: Any]])?.first)
        #expect(ext["url"] as? String == "http://hl7.org/fhir/StructureDefinition/translation")
        let parts = try #require(ext["extension"] as? [[String: String]])
        #expect(parts == [["url": "lang", "valueCode": "fr"], ["url": "content", "valueString": "Puis-je demander ?"]])
        // Untranslated strings have none.
        #expect(items["kinds"]?["_text"] == nil)
    }
}

/// A screening as a FHIR R4 QuestionnaireResponse referring to the
/// questionnaire above.
@Suite struct FHIRQuestionnaireResponseTests {
    @Test func answersThatApplyAreFiledUnderTheirSection() throws {
        let q = try #require(QuestionnaireLoader.load(text: FHIRQuestionnaireTests.text, path: "fhir-test.yaml").questionnaire)
        let answers: [String: AnswerValue] = ["consent": .choice("yes"), "kinds": .choices(["a", "b"]),
                                              "age": .number(34), "story": .special(.declined),
                                              "other": .text("line one\u{1B}[2J")]
        let r = FHIRQuestionnaireResponse.resource(q, answers: answers, status: .completed,
                                                   authored: "2026-12-01T10:30:00-05:00", language: "es")
        #expect(r["resourceType"] as? String == "QuestionnaireResponse")
        #expect(r["questionnaire"] as? String == "urn:intake:questionnaire:fhir-test|1.2.0")
        #expect(r["status"] as? String == "completed")
        #expect(r["authored"] as? String == "2026-12-01T10:30:00-05:00")
        #expect(r["language"] as? String == "es")
        let group = try #require((r["item"] as? [[String: Any]])?.first)
        #expect(group["linkId"] as? String == "section/s1")
        let items = try #require(group["item"] as? [[String: Any]])
        #expect(items.map { $0["linkId"] as! String } == ["consent", "kinds", "age", "story", "other"])
        func answer(_ i: Int) -> [[String: Any]] { items[i]["answer"] as! [[String: Any]] }
        #expect((answer(0)[0]["valueCoding"] as? [String: String]) == ["system": "urn:intake:answer", "code": "yes", "display": "Yes"])
        #expect(answer(1).map { ($0["valueCoding"] as! [String: String])["display"]! } == ["Kind A", "Kind B"])
        #expect(answer(2)[0]["valueInteger"] as? Int == 34)
        #expect((answer(3)[0]["valueCoding"] as? [String: String]) == ["system": "urn:intake:special-answer", "code": "declined",
                                                                         "display": "Prefers not to answer"])
        // Typed text reaches the file without its control characters.
        #expect(answer(4)[0]["valueString"] as? String == "line one[2J")
    }

    @Test func unansweredQuestionsAndEmptySectionsAreLeftOut() throws {
        let q = try #require(QuestionnaireLoader.load(text: FHIRQuestionnaireTests.text, path: "fhir-test.yaml").questionnaire)
        let none = FHIRQuestionnaireResponse.resource(q, answers: [:], status: .inProgress, authored: nil, language: "en")
        #expect(none["status"] as? String == "in-progress")
        #expect(none["authored"] == nil)
        #expect((none["item"] as? [[String: Any]])?.isEmpty == true)
    }
}
