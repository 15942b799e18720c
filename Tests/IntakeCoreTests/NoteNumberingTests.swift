import Foundation
import Testing
@testable import IntakeCore

/// A note screen shows the progress line of the question before it: `intake
/// locales preview` showed "Section 1 of 1 · question 0 of 4" on the three
/// notes that follow questions 1-3 of trafficking-screening, because a note
/// was numbered 0 instead of "the last question counted up to it".
@Suite struct NoteNumberingTests {
    static let yaml = """
    format: 1
    id: notes
    version: "1"
    language: en
    title: Notes
    domains: []
    sections:
      - id: s
        title: Section
        questions:
          - id: opening
            type: note
            text: A note before any question.
          - id: q1
            type: yes_no
            text: First?
          - id: q2
            type: yes_no
            text: Second?
          - id: middle
            type: note
            text: A note after two questions.
          - id: q3
            type: yes_no
            text: Third?
    result:
      possible: q1 == yes
    """

    @Test func aNoteCarriesTheNumberOfTheLastQuestionBeforeIt() throws {
        let questionnaire = try #require(QuestionnaireLoader.load(text: Self.yaml, path: "notes.yaml").questionnaire)
        var d = Driver(questionnaire)
        #expect(d.next() == q("opening"))
        var n = try #require(d.interview.positionNumbers)
        #expect([n.section, n.sections, n.question, n.questions] == [1, 1, 0, 3] as [Int])
        #expect(d.next() == q("q1"))
        d.say(yes)
        d.say(no)
        #expect(d.interview.position == q("middle"))
        n = try #require(d.interview.positionNumbers)
        #expect([n.section, n.sections, n.question, n.questions] == [1, 1, 2, 3] as [Int])
        d.next()
        n = try #require(d.interview.positionNumbers)
        #expect([n.section, n.sections, n.question, n.questions] == [1, 1, 3, 3] as [Int])
    }
}
