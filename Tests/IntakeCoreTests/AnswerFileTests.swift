import Testing
@testable import IntakeCore

func loadAnswers(_ text: String, path: String = "a.yaml") -> Result<AnswerFile, DiagnosticsError> {
    AnswerFile.load(bytes: Array(text.utf8), path: path, questionnaire: loadFixture("example.yaml"))
}

func answerErrors(_ text: String) -> [String] {
    switch loadAnswers(text) {
    case .success: return []
    case .failure(let e): return e.diagnostics.map(\.description)
    }
}

@Suite struct AnswerFileTests {
    @Test func flatForm() throws {
        let file = try loadAnswers("""
        consent: yes
        age: 30
        sectors: [domestic, farm]
        arrived: 2023-04
        job_different: no
        pay_kind: less
        story: "Nanny for one child, with a day off each week"
        hit: declined
        owes_debt: dont_know
        wants_now: housing
        """).get()
        #expect(file.answers == [
            "consent": yes, "age": .number(30), "sectors": .choices(["domestic", "farm"]),
            "arrived": .date(CalendarDate(year: 2023, month: 4)), "job_different": no, "pay_kind": .choice("less"),
            "story": .text("Nanny for one child, with a day off each week"), "hit": declined, "owes_debt": dontKnow,
            "wants_now": .choices(["housing"]),
        ])
        #expect(file.persona == nil)
        #expect(file.language == nil)
        #expect(file.questionnaireID == nil)
        #expect(file.remarks == [:])
        #expect(file.locations["age"] == IntakeCore.SourceLocation(file: "a.yaml", line: 2, column: 6))
    }

    @Test func fullFormWithPersona() throws {
        let file = try loadAnswers("""
        questionnaire: example
        language: es
        persona:
          name: Lucía
          sector: domestic work
          story: Came to care for a family's children.
          expected:
            result: likely
            urgent: true
            domains: [fraud, document_retention]
            referrals: [immigration_legal, housing]
        answers:
          consent: yes
          job_different: yes
          documents_held: yes
          danger_now: yes
        remarks:
          _interview: Spoke quietly.
          documents_held: Said the employer "keeps it in the safe".
        """).get()
        #expect(file.questionnaireID == "example")
        #expect(file.language == "es")
        #expect(file.answers == ["consent": yes, "job_different": yes, "documents_held": yes, "danger_now": yes])
        #expect(file.remarks == ["_interview": "Spoke quietly.", "documents_held": "Said the employer \"keeps it in the safe\"."])
        let persona = try #require(file.persona)
        #expect(persona.name == "Lucía")
        #expect(persona.sector == "domestic work")
        #expect(persona.story == "Came to care for a family's children.")
        let expected = try #require(persona.expected)
        #expect(expected.result == .likely)
        #expect(expected.urgent)
        #expect(expected.domains == ["fraud", "document_retention"])
        #expect(expected.referrals == ["immigration_legal", "housing"])
    }

    @Test func personaExpectationMatchesTheScore() throws {
        // The persona's expected outcome is what the scorer gives for its answers.
        let file = try loadAnswers("""
        answers:
          consent: yes
          job_different: yes
          documents_held: yes
          danger_now: yes
          deport_threat: yes
        """).get()
        let r = Scorer.score(loadFixture("example.yaml"), answers: file.answers, language: file.language ?? "en")
        #expect(r.result == .likely)
        #expect(r.urgent)
        #expect(r.positiveDomains == ["fraud", "coercion", "document_retention"])
        #expect(r.referrals.map(\.referral.id) == ["immigration_legal", "housing"])
    }

    @Test func unknownQuestionWithSuggestion() {
        #expect(answerErrors("consent: yes\nconsnt: yes\n") ==
                ["a.yaml:2:1: error: unknown question 'consnt' in questionnaire 'example'; did you mean 'consent'?"])
    }

    @Test func unknownQuestionInFullForm() {
        #expect(answerErrors("answers:\n  consent: yes\n  hitt: no\n") ==
                ["a.yaml:3:3: error: unknown question 'hitt' in questionnaire 'example'; did you mean 'hit'?"])
    }

    @Test func invalidOption() {
        #expect(answerErrors("consent: yes\npay_kind: sometimes\n") ==
                ["a.yaml:2:11: error: invalid answer to 'pay_kind': 'sometimes' is not an option (options: as_promised, less, not_at_all)"])
    }

    @Test func invalidOptionInAList() {
        #expect(answerErrors("sectors: [domestic, mining]\n") ==
                ["a.yaml:1:10: error: invalid answer to 'sectors': 'mining' is not an option (options: domestic, farm, sex_trade, other)"])
    }

    @Test func yesNoTakesOnlyYesOrNo() {
        #expect(answerErrors("hit: maybe\n") ==
                ["a.yaml:1:6: error: invalid answer to 'hit': 'maybe' is not an option (options: yes, no)"])
    }

    @Test func numberOutOfRange() {
        #expect(answerErrors("age: 120\n") == ["a.yaml:1:6: error: invalid answer to 'age': above the maximum of 100"])
        #expect(answerErrors("age: 3\n") == ["a.yaml:1:6: error: invalid answer to 'age': below the minimum of 10"])
        #expect(answerErrors("age: 30.5\n") == ["a.yaml:1:6: error: invalid answer to 'age': a whole number is needed"])
        #expect(answerErrors("age: thirty\n") == ["a.yaml:1:6: error: 'age' takes a number, not 'thirty'"])
    }

    @Test func badDates() {
        #expect(answerErrors("arrived: 2023-13\n") == ["a.yaml:1:10: error: 'arrived' takes a date written YYYY-MM, not '2023-13'"])
        #expect(answerErrors("arrived: 2023-04-31\n") == ["a.yaml:1:10: error: 'arrived' takes a date written YYYY-MM, not '2023-04-31'"])
        #expect(answerErrors("arrived: 2023-02-14\n") == ["a.yaml:1:10: error: invalid answer to 'arrived': a month YYYY-MM is needed"])
    }

    @Test func noteCannotBeAnswered() {
        #expect(answerErrors("thanks: yes\n") == ["a.yaml:1:9: error: 'thanks' is a note and takes no answer"])
    }

    @Test func specialNotOffered() {
        #expect(answerErrors("consent: declined\n") == ["a.yaml:1:10: error: invalid answer to 'consent': 'declined' is not offered on this question"])
    }

    @Test func wrongForm() {
        #expect(answerErrors("hit: [yes]\n") == ["a.yaml:1:6: error: the answer to 'hit' (yes_no) has the wrong form"])
    }

    @Test func unknownDomainAndReferralInExpected() {
        let errors = answerErrors("""
        persona:
          name: P
          sector: S
          story: T
          expected:
            result: possible
            domains: [forse]
            referrals: [shelter]
        answers:
          consent: yes
        """)
        #expect(errors == ["a.yaml:7:15: error: unknown domain 'forse'", "a.yaml:8:17: error: unknown referral 'shelter'"])
    }

    @Test func unknownResultAndPersonaKey() {
        let errors = answerErrors("""
        persona:
          name: P
          sector: S
          story: T
          age: 30
          expected:
            result: certain
        answers:
          consent: yes
        """)
        #expect(errors == ["a.yaml:5:3: error: unknown key 'age' in 'persona' (allowed: name, sector, story, expected)",
                           "a.yaml:7:13: error: unknown result 'certain'"])
    }

    @Test func wrongQuestionnaireAndLanguage() {
        let errors = answerErrors("questionnaire: other\nlanguage: spanish\nanswers:\n  consent: yes\n")
        #expect(errors == ["a.yaml:1:16: error: this answer file is for questionnaire 'other', not 'example'",
                           "a.yaml:2:11: error: 'spanish' is not a valid language tag"])
    }

    @Test func remarkForUnknownQuestion() {
        #expect(answerErrors("answers:\n  consent: yes\nremarks:\n  hitt: x\n") ==
                ["a.yaml:4:3: error: remark for unknown question 'hitt'"])
    }

    @Test func constraintIsChecked() throws {
        // example.yaml's age constraint (. >= 10) agrees with its min, so the form check reports first.
        #expect(answerErrors("age: 9\n") == ["a.yaml:1:6: error: invalid answer to 'age': below the minimum of 10"])
    }

    @Test func notAMapping() {
        #expect(answerErrors("- consent\n") == ["a.yaml:1:1: error: an answer file must map question ids to answers"])
    }

    @Test func hostileAnswerFile() {
        #expect(answerErrors(String(repeating: "[", count: 5000)) == ["a.yaml:1:65: error: nesting is deeper than 64 levels"])
        do {
            #expect(answerErrors("consent: &x yes\nhit: *x\n") == ["a.yaml:1:10: error: anchors and aliases (&name, *name) are not supported; write the value out"])
        }
    }

    @Test func severalErrorsInOrder() {
        #expect(answerErrors("age: 200\nconsnt: yes\nhit: maybe\n") == [
            "a.yaml:1:6: error: invalid answer to 'age': above the maximum of 100",
            "a.yaml:2:1: error: unknown question 'consnt' in questionnaire 'example'; did you mean 'consent'?",
            "a.yaml:3:6: error: invalid answer to 'hit': 'maybe' is not an option (options: yes, no)",
        ])
    }

    @Test func peekQuestionnaireID() {
        #expect(AnswerFile.peekQuestionnaireID(bytes: Array("questionnaire: example\nanswers: {}\n".utf8), path: "a.yaml") == "example")
        #expect(AnswerFile.peekQuestionnaireID(bytes: Array("consent: yes\n".utf8), path: "a.yaml") == nil)
    }
}
