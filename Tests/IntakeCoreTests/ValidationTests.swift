// Over 400 lines: one test per validation message of the questionnaire
// format, each with its broken file written out.

import Testing
@testable import IntakeCore

/// A small valid questionnaire; tests insert lines into it by line number,
/// so every expected `line:column` below can be read off this text.
let validBase = """
format: 1
id: t
version: "1"
language: en
title: T
domains:
  - id: force
    title: Force
sections:
  - id: s1
    title: S
    questions:
      - id: consent
        type: yes_no
        text: Consent?
      - id: sector
        type: single
        text: Sector?
        options:
          - { id: farm, text: Farm }
          - { id: home, text: Home }
      - id: kinds
        type: multiple
        text: Kinds?
        options:
          - { id: a, text: A }
          - { id: b, text: B }
      - id: age
        type: number
        text: Age?
result:
  possible: indicators() >= 1

"""

/// `validBase` with `text` inserted after line `line` (0: at the top).
func inserting(_ text: String, after line: Int, into base: String = validBase) -> String {
    var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.insert(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), at: line)
    return lines.joined(separator: "\n")
}

/// `validBase` with line `line` replaced by `text` (which may be several lines or empty).
func replacing(line: Int, with text: String?, in base: String = validBase) -> String {
    var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.remove(at: line - 1)
    if let text { lines.insert(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), at: line - 1) }
    return lines.joined(separator: "\n")
}

/// A question appended at the end of section s1 (its lines start at line 31).
func withQuestion(_ body: String) -> String { inserting(body, after: 30) }

/// Asserts the diagnostics are exactly one per expectation, in order, each
/// starting with `file:line:column: error: ` and containing the message.
func expectDiagnostics(_ text: String, path: String = "t.yaml", _ expected: [(String, String)],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let ds = diagnostics(text, path: path)
    #expect(ds.count == expected.count, "got:\n\(ds.joined(separator: "\n"))", sourceLocation: sourceLocation)
    for (d, (loc, message)) in zip(ds, expected) {
        #expect(d.hasPrefix("\(path):\(loc): error: "), "expected at \(loc): \(d)", sourceLocation: sourceLocation)
        #expect(d.contains(message), "expected '\(message)' in: \(d)", sourceLocation: sourceLocation)
    }
}

func expectDiagnostic(_ text: String, path: String = "t.yaml", _ loc: String, _ message: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectDiagnostics(text, path: path, [(loc, message)], sourceLocation: sourceLocation)
}

@Suite struct ValidationBaseTests {
    @Test func baseIsValid() {
        #expect(diagnostics(validBase) == [])
    }
}

@Suite struct YAMLAndKeyTests {
    @Test func yamlSyntaxError() {
        expectDiagnostic(replacing(line: 5, with: "title: a: b"), "5:9", "YAML syntax error: mapping values are not allowed in this context")
    }

    @Test func duplicateKeyInMapping() {
        // Yams gives only the first occurrence's position (line 5), not the duplicate's (line 6).
        #expect(diagnostics(inserting("title: Again", after: 5)) == ["t.yaml:5:1: error: duplicate key 'title' in the same mapping"])
    }

    @Test func unknownTopLevelKeyWithSuggestion() {
        expectDiagnostic(inserting("titlee: X", after: 5), "6:1", "unknown key 'titlee' in the questionnaire; did you mean 'title'?")
    }

    @Test func unknownKeyWithoutSuggestionListsAllowed() {
        expectDiagnostic(inserting("zzzzzz: X", after: 5), "6:1", "unknown key 'zzzzzz' in the questionnaire (allowed: format, id, version")
    }

    @Test func unknownKeyInSection() {
        expectDiagnostic(inserting("    titles: S", after: 11), "12:5", "unknown key 'titles' in section 's1'; did you mean 'title'?")
    }

    @Test func unknownKeyInQuestion() {
        expectDiagnostic(inserting("        relevent: age > 3", after: 15), "16:9", "unknown key 'relevent' in question 'consent'; did you mean 'relevant'?")
    }

    @Test func unknownKeyInOption() {
        expectDiagnostic(replacing(line: 20, with: "          - { id: farm, text: Farm, txt: F }"), "20:37",
                         "unknown key 'txt' in an option of 'sector'; did you mean 'text'?")
    }

    @Test func unknownKeyInIndicator() {
        let text = inserting("""
                indicators:
                  - id: agreed
                    answer: yes
                    domain: force
                    strength: weak
                    phase: any
                    wieght: 2
        """, after: 15)
        expectDiagnostic(text, "22:13", "unknown key 'wieght' in indicator 'agreed'; did you mean 'weight'?")
    }

    @Test func unknownKeyInDomain() {
        expectDiagnostic(inserting("    cor: true", after: 8), "9:5", "unknown key 'cor' in domain 'force'; did you mean 'core'?")
    }

    @Test func unknownKeyInOverride() {
        let text = inserting("""
          overrides:
            - id: o1
              when: consent == yes
              at_least: possible
              reason: R
              reson: typo
        """, after: 32)
        expectDiagnostic(text, "38:7", "unknown key 'reson' in override 'o1'; did you mean 'reason'?")
    }

    @Test func optionKeyOnNumberQuestionIsUnknown() {
        expectDiagnostic(inserting("        options: []", after: 30), "31:9", "unknown key 'options' in question 'age'")
    }
}

@Suite struct MissingKeyTests {
    @Test func questionMissingID() {
        expectDiagnostic(replacing(line: 13, with: "      - idd: consent"), "13:9", "a question is missing 'id'")
    }

    @Test func questionMissingType() {
        expectDiagnostic(replacing(line: 14, with: nil), "13:9", "question 'consent' is missing 'type'")
    }

    @Test func questionMissingText() {
        expectDiagnostic(replacing(line: 15, with: nil), "13:9", "question 'consent' is missing 'text'")
    }

    @Test func questionnaireMissingTitle() {
        expectDiagnostic(replacing(line: 5, with: nil), "1:1", "the questionnaire is missing 'title'")
    }

    @Test func sectionMissingTitle() {
        expectDiagnostic(replacing(line: 11, with: nil), "10:5", "section 's1' is missing 'title'")
    }

    @Test func domainMissingTitle() {
        expectDiagnostic(replacing(line: 8, with: nil), "7:5", "domain 'force' is missing 'title'")
    }

    @Test func questionnaireMissingDomains() {
        let text = replacing(line: 6, with: nil, in: replacing(line: 7, with: nil, in: replacing(line: 8, with: nil)))
        expectDiagnostic(text, "1:1", "the questionnaire is missing 'domains'")
    }

    @Test func questionnaireMissingSections() {
        let text = """
        format: 1
        id: t
        version: "1"
        language: en
        title: T
        domains:
          - id: force
            title: Force
        result:
          possible: indicators() >= 1
        """
        expectDiagnostic(text, "1:1", "the questionnaire is missing 'sections'")
    }

    @Test func questionnaireMissingResult() {
        let text = replacing(line: 31, with: nil, in: replacing(line: 32, with: nil))
        expectDiagnostic(text, "1:1", "the questionnaire is missing 'result'")
    }

    @Test func resultWithNeitherLikelyNorPossible() {
        expectDiagnostic(replacing(line: 32, with: "  urgent: consent == yes"), "32:3", "'result' needs 'likely' or 'possible' (or both)")
    }

    @Test func missingFormatVersionLanguage() {
        let text = replacing(line: 1, with: nil, in: replacing(line: 3, with: nil, in: replacing(line: 4, with: nil)))
        expectDiagnostics(text, [("1:1", "the questionnaire is missing 'format'"),
                                 ("1:1", "the questionnaire is missing 'language'"),
                                 ("1:1", "the questionnaire is missing 'version'")])
    }
}

@Suite struct IDTests {
    @Test func duplicateQuestionIDs() {
        let text = withQuestion("""
              - id: consent
                type: yes_no
                text: Again?
        """)
        expectDiagnostic(text, "31:13", "duplicate id 'consent': already used by a question at line 13")
    }

    @Test func questionAndIndicatorShareOneNameSpace() {
        let text = inserting("""
        indicators:
          - id: age
            when: consent == yes
            domain: force
            strength: weak
            phase: any
        """, after: 32)
        expectDiagnostic(text, "34:9", "duplicate id 'age': already used by a question at line 28")
    }

    @Test func duplicateOptionIDs() {
        expectDiagnostic(replacing(line: 21, with: "          - { id: farm, text: Home }"), "21:19", "duplicate option id 'farm' in question 'sector'")
    }

    @Test func duplicateSectionIDs() {
        let text = inserting("""
          - id: s1
            title: Again
            questions:
              - id: extra
                type: yes_no
                text: Extra?
        """, after: 30)
        expectDiagnostic(text, "31:9", "duplicate section id 's1' (first at line 10)")
    }

    @Test func duplicateReferralIDs() {
        let text = validBase + """
        referrals:
          - id: help
            title: Help
            when: consent == yes
            reason: R
          - id: help
            title: Help again
            when: consent == yes
            reason: R
        """
        expectDiagnostic(text, "38:9", "duplicate referral id 'help'")
    }

    @Test func invalidQuestionID() {
        expectDiagnostic(replacing(line: 13, with: "      - id: Consent"), "13:13",
                         "question id 'Consent' is not valid: use lowercase letters, digits and '_', starting with a letter")
    }

    @Test func invalidOptionID() {
        expectDiagnostic(replacing(line: 20, with: "          - { id: 1farm, text: Farm }"), "20:19", "option id '1farm' is not valid")
    }

    @Test func invalidQuestionnaireID() {
        expectDiagnostic(replacing(line: 2, with: "id: T_1"), "2:5", "questionnaire id 'T_1' is not valid")
    }

    @Test func idMustMatchFileName() {
        expectDiagnostic(validBase, path: "other.yaml", "2:5", "id 't' does not match the file name 'other'")
    }
}

@Suite struct QuestionShapeTests {
    @Test func unknownQuestionType() {
        expectDiagnostic(replacing(line: 14, with: "        type: yesno"), "14:15", "unknown question type 'yesno'; did you mean 'yes_no'?")
    }

    @Test func choiceQuestionWithoutOptions() {
        let text = replacing(line: 19, with: nil, in: replacing(line: 20, with: nil, in: replacing(line: 21, with: nil)))
        expectDiagnostic(text, "16:13", "single question 'sector' has no options")
    }

    @Test func choiceQuestionWithEmptyOptions() {
        let text = replacing(line: 19, with: "        options: []", in: replacing(line: 20, with: nil, in: replacing(line: 21, with: nil)))
        expectDiagnostic(text, "19:9", "question 'sector' has an empty option list")
    }

    @Test func minGreaterThanMax() {
        expectDiagnostic(inserting("        min: 10\n        max: 5", after: 30), "31:9", "'min' (10) is greater than 'max' (5)")
    }

    @Test func constraintWithoutMessage() {
        expectDiagnostic(inserting("        constraint: . >= 10", after: 30), "31:9",
                         "question 'age' has a constraint but no 'constraint_message' to explain it")
    }

    @Test func endIfWithoutEndMessage() {
        expectDiagnostic(inserting("        end_if: consent == no", after: 15), "16:9", "question 'consent' has 'end_if' but no 'end_message'")
    }

    @Test func unsupportedFormat() {
        expectDiagnostic(replacing(line: 1, with: "format: 2"), "1:9", "unsupported format '2'; this version of intake reads format 1")
    }

    @Test func badLanguageTag() {
        expectDiagnostic(replacing(line: 4, with: "language: english"), "4:11", "'english' is not a valid BCP-47 language tag")
    }

    @Test func anchorsAreRefused() {
        do {
            expectDiagnostic(replacing(line: 5, with: "title: &t T"), "5:8", "anchors and aliases (&name, *name) are not supported")
        }
    }

    @Test func aliasesAreRefused() {
        // The anchor is found first, so the message names both.
        let text = replacing(line: 8, with: "    title: &f Force", in: replacing(line: 11, with: "    title: *f"))
        do {
            expectDiagnostic(text, "8:12", "anchors and aliases (&name, *name) are not supported")
        }
    }

    @Test func parameterWithoutDefault() {
        expectDiagnostic(inserting("parameters:\n  cutoff: { es: 3 }", after: 5), "7:3", "parameter 'cutoff' needs a 'default' value")
    }

    @Test func parameterWithBadLanguage() {
        expectDiagnostic(inserting("parameters:\n  cutoff:\n    default: 2\n    spanish: 3", after: 5), "9:5",
                         "'spanish' is not a valid language tag (or 'default')")
    }

    @Test func noteTakesNoRequired() {
        let text = withQuestion("""
              - id: hello
                type: note
                text: Hello
                required: true
        """)
        expectDiagnostic(text, "34:9", "a note takes no answer, so 'required' has no meaning here")
    }
}

/// A question `q2` appended after `age`, whose `relevant` condition starts at column 19 of line 34.
func relevantQuestion(_ condition: String) -> String {
    withQuestion("""
          - id: q2
            type: yes_no
            text: Q2?
            relevant: \(condition)
    """)
}

@Suite struct ConditionDiagnosticTests {
    @Test func singleEquals() {
        expectDiagnostic(relevantQuestion("consent = yes"), "34:27", "syntax error in condition: use '==' to compare")
    }

    @Test func ampersands() {
        expectDiagnostic(relevantQuestion("consent == yes && age > 3"), "34:34", "syntax error in condition: use 'and', 'or' and 'not'")
    }

    @Test func unterminatedStringInSingleQuotedScalar() {
        // The content of a quoted scalar starts one column after the quote (col 20).
        expectDiagnostic(relevantQuestion("'consent == \"yes'"), "34:31", "syntax error in condition: unterminated string")
    }

    @Test func trailingTokens() {
        expectDiagnostic(relevantQuestion("consent == yes no"), "34:34", "syntax error in condition: unexpected 'no' after the end of the condition")
    }

    @Test func trailingTokensInDoubleQuotedScalar() {
        expectDiagnostic(relevantQuestion("\"consent == yes yes\""), "34:35", "unexpected 'yes' after the end of the condition")
    }

    @Test func endsTooEarly() {
        expectDiagnostic(relevantQuestion("consent =="), "34:29", "syntax error in condition: the condition ends too early")
    }

    @Test func singleQuotesInCondition() {
        expectDiagnostic(relevantQuestion("\"sector == 'farm'\""), "34:30", "strings use double quotes")
    }

    @Test func unknownName() {
        expectDiagnostic(relevantQuestion("consnt == yes"), "34:19",
                         "unknown name 'consnt' in the conditions of question 'q2': not a question, indicator, score or parameter it may refer to")
    }

    @Test func laterQuestionInRelevant() {
        expectDiagnostic(inserting("        relevant: age > 3", after: 15), "16:19",
                         "the conditions of question 'consent' cannot refer to 'age', which is asked later (line 29); refer only to earlier questions")
    }

    @Test func questionCannotBeRelevantOnItself() {
        expectDiagnostic(inserting("        relevant: consent == yes", after: 15), "16:19",
                         "cannot depend on the answer to 'consent' itself: that is a cycle")
    }

    @Test func optionNotOfTheQuestion() {
        expectDiagnostic(relevantQuestion("sector == nonexistent"), "34:29", "'nonexistent' is not an option of 'sector' (options: farm, home)")
    }

    @Test func yesOnASingleChoiceQuestion() {
        expectDiagnostic(relevantQuestion("sector == yes"), "34:29", "'yes' is not an option of 'sector' (options: farm, home)")
    }

    @Test func equalsOnMultiple() {
        expectDiagnostic(relevantQuestion("kinds == a"), "34:25", "'kinds' allows several answers: use 'has' instead of '=='")
    }

    @Test func inOnMultiple() {
        expectDiagnostic(relevantQuestion("kinds in [a, b]"), "34:25", "'kinds' allows several answers: use 'has any [...]' instead of 'in'")
    }

    @Test func hasOnNonMultiple() {
        expectDiagnostic(relevantQuestion("sector has farm"), "34:26", "'has' needs a multiple-choice question on its left")
    }

    @Test func hasAnyNeedsList() {
        expectDiagnostic(relevantQuestion("kinds has any a"), "34:33", "'has any' needs a list in brackets, e.g. [a, b]")
    }

    @Test func countYesOnNonYesNo() {
        expectDiagnostic(relevantQuestion("count_yes(consent, sector) >= 1"), "34:38", "count_yes() takes yes/no questions, but 'sector' is single")
    }

    @Test func orderingOnNonNumbers() {
        expectDiagnostic(relevantQuestion("sector > 3"), "34:26", "'>' compares numbers, but this compares the answer to 'sector' with a number")
    }

    @Test func conditionThatIsNotBoolean() {
        expectDiagnostic(relevantQuestion("age + 1"), "34:19", "a condition must be true or false, but this is a number")
    }

    @Test func domainFunctionInRelevant() {
        expectDiagnostic(relevantQuestion("positive(force)"), "34:19",
                         "positive() reads scoring results and cannot be used in the conditions of question 'q2'")
    }

    @Test func indicatorsFunctionInSectionRelevant() {
        expectDiagnostic(inserting("    relevant: indicators() >= 1", after: 11), "12:15",
                         "indicators() reads scoring results and cannot be used in the 'relevant' condition of section 's1'")
    }

    @Test func unknownFunction() {
        expectDiagnostic(relevantQuestion("answerd(consent)"), "34:19", "unknown function 'answerd'")
    }

    @Test func dotOutsideConstraint() {
        expectDiagnostic(relevantQuestion(". == yes"), "34:19", "'.' (the answer being checked) can only be used in a constraint")
    }

    @Test func unknownDomainInPositive() {
        expectDiagnostic(inserting("  likely: positive(forse)", after: 32), "33:20", "unknown domain 'forse' (declared domains: force)")
    }

    @Test func indicatorWithUndefinedDomain() {
        let text = validBase + """
        indicators:
          - id: ind1
            when: consent == yes
            domain: forse
            strength: strong
            phase: any
        """
        expectDiagnostic(text, "36:13", "indicator 'ind1' names undefined domain 'forse'; did you mean 'force'?")
    }

    @Test func indicatorAnswerNotAnOption() {
        let text = inserting("""
                indicators:
                  - id: farmer
                    answer: farmm
                    domain: force
                    strength: weak
                    phase: any
        """, after: 21)
        expectDiagnostic(text, "24:21", "'farmm' is not an option of question 'sector' (options: farm, home)")
    }

    @Test func indicatorWithBothAnswerAndWhenOnQuestion() {
        let text = inserting("""
                indicators:
                  - id: agreed
                    answer: yes
                    when: consent == yes
                    domain: force
                    strength: weak
                    phase: any
        """, after: 15)
        expectDiagnostic(text, "19:13", "an indicator on a question is raised by 'answer'; put indicators with 'when' at the top level")
    }

    @Test func unknownStrength() {
        let text = validBase + """
        indicators:
          - id: ind1
            when: consent == yes
            domain: force
            strength: huge
            phase: any
        """
        expectDiagnostic(text, "37:15", "unknown strength 'huge' (use strong, medium or weak)")
    }

    @Test func cycleAmongDomainRules() {
        let text = inserting("""
            rule: positive(b)
          - id: b
            title: B
            rule: positive(a)
          - id: a
            title: A
            rule: positive(b)
        """, after: 8)
        // 'force' reads 'b' but is not on the cycle, so only a and b are reported.
        expectDiagnostics(text, [("12:11", "the rule of domain 'b' depends on itself: b -> a -> b"),
                                 ("15:11", "the rule of domain 'a' depends on itself: a -> b -> a")])
    }

    @Test func ruleReadingItsOwnDomainIsACycle() {
        expectDiagnostic(inserting("    rule: strong(force) >= 1 or positive(force)", after: 8), "9:11",
                         "the rule of domain 'force' depends on itself: force -> force")
    }

    @Test func questionThatCanNeverBeShown() {
        expectDiagnostic(relevantQuestion("consent == yes and consent == no"), "34:19",
                         "question 'q2' can never be shown: its 'relevant' condition is false for every possible earlier answer")
    }

    @Test func sectionThatCanNeverBeShown() {
        let text = inserting("""
          - id: s2
            title: Never
            relevant: sector == farm and sector == home
            questions:
              - id: extra
                type: yes_no
                text: Extra?
        """, after: 30)
        expectDiagnostic(text, "33:15", "section 's2' can never be shown")
    }

    @Test func questionDependingOnANeverShownQuestion() {
        let text = inserting("""
              - id: q3
                type: yes_no
                text: Q3?
                relevant: q2 == yes or q2 == no
        """, after: 34, into: relevantQuestion("consent == yes and consent == no"))
        expectDiagnostics(text, [("34:19", "question 'q2' can never be shown"),
                                 ("38:19", "question 'q3' can never be shown")])
    }

    @Test func summaryHookUnknownQuestion() {
        expectDiagnostic(validBase + "summary:\n  needs: wantz\n", "34:10", "'needs' refers to unknown question 'wantz'")
    }

    /// Translators were told "read to the person" for questions the
    /// advocate answers alone; `audience: advocate` says otherwise.
    @Test func advocateQuestionsSayNotReadAloudInTheirNote() throws {
        let text = inserting("        audience: advocate", after: 15)
        let q = try #require(QuestionnaireLoader.load(text: text, path: "t.yaml").questionnaire)
        #expect(q.question("consent")?.text.note == "Question (yes_no) for the advocate only; not read aloud.")
        #expect(q.question("sector")?.text.note == "Question (single), read to the person.")
        expectDiagnostic(inserting("        audience: advocates", after: 15), "16:19",
                         "'audience' must be 'person' or 'advocate', not 'advocates'")
    }

    /// Issue 14: a referral can carry answers a service needs (the
    /// interpreter's language with the Interpretation referral).
    @Test func referralDetailsUnknownQuestion() {
        expectDiagnostic(validBase + """
        referrals:
          - id: r
            title: R
            when: consent == yes
            reason: Why.
            details: [age, agez]

        """, "38:20", "referral 'r' lists unknown question 'agez' in 'details'")
    }

    @Test func summaryHookWrongType() {
        expectDiagnostic(validBase + "summary:\n  law_enforcement_preference: age\n", "34:31",
                         "'law_enforcement_preference' needs a single or yes_no question, but 'age' is number")
    }

    @Test func overrideThatChangesNothing() {
        let text = inserting("""
          overrides:
            - id: o1
              when: consent == yes
              reason: R
        """, after: 32)
        expectDiagnostic(text, "34:11", "override 'o1' changes nothing: give 'result', 'at_least' or 'urgent: true'")
    }

    @Test func severalErrorsAreAllReportedInOrder() {
        var text = replacing(line: 14, with: "        type: yesno")
        text = inserting("        relevent: x", after: 15, into: text)
        expectDiagnostics(text, [("14:15", "unknown question type 'yesno'"), ("16:9", "unknown key 'relevent'")])
    }
}

@Suite struct LineEndingTests {
    @Test func crlfFileLoadsAndLocatesLikeLF() {
        let crlf = validBase.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(diagnostics(crlf) == [])
        let bad = inserting("        relevent: x", after: 15).replacingOccurrences(of: "\n", with: "\r\n")
        expectDiagnostic(bad, "16:9", "unknown key 'relevent' in question 'consent'; did you mean 'relevant'?")
    }

    @Test func byteOrderMarkIsSkipped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(replacing(line: 4, with: "language: english").utf8)
        let ds = QuestionnaireLoader.load(bytes: bytes, path: "t.yaml").diagnostics.map(\.description)
        #expect(ds == ["t.yaml:4:11: error: 'english' is not a valid BCP-47 language tag"])
    }

    @Test func tabIndentationIsAYAMLError() {
        let ds = diagnostics(replacing(line: 15, with: "\t\ttext: Consent?"))
        #expect(ds.count == 1)
        #expect(ds.first?.hasPrefix("t.yaml:15:") == true && ds.first?.contains("YAML syntax error") == true, "\(ds)")
    }
}

@Suite struct ReachabilityTests {
    /// A follow-up gated on a cut-off that is reachable in one language version only.
    static let perLanguageCutoff = """
    format: 1
    id: t
    version: "1"
    language: en
    title: T
    parameters:
      cutoff: { default: 3, es: 2 }
    domains:
      - { id: d, title: D }
    sections:
      - id: s
        title: S
        questions:
          - { id: a, type: yes_no, text: A? }
          - { id: b, type: yes_no, text: B? }
          - { id: follow_up, type: yes_no, text: Follow up?, relevant: "count_yes(a, b) >= cutoff" }
    result:
      possible: indicators() >= 1

    """

    @Test func followUpIsReachableInSpanish() throws {
        // The Spanish version asks it after two "yes" answers, so the file is valid...
        do {
            #expect(diagnostics(Self.perLanguageCutoff) == [])
        }
    }

    @Test func scoringAgreesTheFollowUpIsReachable() throws {
        // ...as relevance shows once the questionnaire is built (bypassing the analysis).
        var text = Self.perLanguageCutoff
        text = text.replacingOccurrences(of: "default: 3, es: 2", with: "default: 2, es: 2")
        let q = try #require(QuestionnaireLoader.load(text: text, path: "t.yaml").questionnaire)
        let r = Relevance(questionnaire: q, answers: ["a": yes, "b": yes], language: "es")
        #expect(r.state("follow_up") == .relevant)
    }

    @Test func reachableWithoutTheCutoffIsFine() {
        #expect(diagnostics(Self.perLanguageCutoff.replacingOccurrences(of: "default: 3, es: 2", with: "default: 2, es: 3")) == [])
    }
}

/// Conditions written over several lines or with escapes: the column of a
/// syntax error should still point into the condition as written.
@Suite struct MultiLineConditionLocationTests {
    @Test func plainScalarSingleLineIsExact() {
        expectDiagnostic(replacing(line: 32, with: "  possible: indicators() >= 1 and consent = yes"), "32:43",
                         "syntax error in condition: use '==' to compare")
    }

    @Test func foldedBlockScalar() {
        // The condition text starts on line 33, column 5; '=' is 30 scalars in.
        let text = replacing(line: 32, with: "  possible: >\n    indicators() >= 1 and consent = yes")
        let ds = diagnostics(text)
        #expect(ds.count == 1)
        #expect(ds.first?.contains("syntax error in condition: use '==' to compare") == true)
        do {
            #expect(ds.first?.hasPrefix("t.yaml:33:35: error:") == true, "\(ds)")
        }
    }

    @Test func plainScalarOverTwoLines() {
        let text = replacing(line: 32, with: "  possible: indicators() >= 1 and\n    consent = yes")
        let ds = diagnostics(text)
        #expect(ds.count == 1)
        do {
            #expect(ds.first?.hasPrefix("t.yaml:33:13: error:") == true, "\(ds)")
        }
    }

    @Test func escapesInDoubleQuotedScalar() {
        // Source: relevant: "sector == \"farm\" x" -- the stray x is at column 39.
        let ds = diagnostics(relevantQuestion("\"sector == \\\"farm\\\" x\""))
        #expect(ds.count == 1)
        #expect(ds.first?.contains("unexpected 'x' after the end of the condition") == true)
        do {
            #expect(ds.first?.hasPrefix("t.yaml:34:39: error:") == true, "\(ds)")
        }
    }
}
