// Over 400 lines: a table of scoring rules and their written-out results.

import Testing
@testable import IntakeCore

let yes = AnswerValue.choice("yes")
let no = AnswerValue.choice("no")
let dontKnow = AnswerValue.special(.dontKnow)
let declined = AnswerValue.special(.declined)

/// Answers with every listed yes/no question `yes` and the others `no`.
func yesNo(_ q: Questionnaire, yes ids: [String]) -> [String: AnswerValue] {
    var a: [String: AnswerValue] = [:]
    for question in q.questions where question.type == .yesNo { a[question.id] = ids.contains(question.id) ? yes : no }
    return a
}

func unansweredPairs(_ r: ScoreResult) -> [String] {
    r.unanswered.map { "\($0.questionID):\($0.reason.rawValue)" }
}

@Suite struct RuleAnyYesTests {
    let q = loadFixture("rules/any-yes.yaml")

    @Test func allNoIsNoIndicators() {
        let r = Scorer.score(q, answers: yesNo(q, yes: []), language: "en")
        #expect(r.result == .noIndicators)
        #expect(r.positiveDomains == [])
        #expect(r.indicators.map(\.id) == [])
    }

    @Test(arguments: ["item1", "item2", "item3", "item4"])
    func oneYesIsPossible(item: String) {
        let r = Scorer.score(q, answers: yesNo(q, yes: [item]), language: "en")
        #expect(r.result == .possible)
        #expect(r.positiveDomains == ["screen"])
        #expect(r.indicators.map(\.id) == ["ind" + item.dropFirst(4)])
    }

    @Test func dontKnowEverywhereIsNotPositive() {
        let answers = Dictionary(uniqueKeysWithValues: q.questions.map { ($0.id, dontKnow) })
        let r = Scorer.score(q, answers: answers, language: "en")
        #expect(r.result == .noIndicators)
        #expect(unansweredPairs(r) == ["item1:dont_know", "item2:dont_know", "item3:dont_know", "item4:dont_know"])
    }
}

@Suite struct RuleCutoffTests {
    let q = loadFixture("rules/cutoff.yaml")

    @Test func parameterHasPerLanguageValues() throws {
        let p = try #require(q.parameters.first { $0.id == "cutoff" })
        #expect(p.value(for: "en") == 2)
        #expect(p.value(for: "es") == 3)
        #expect(p.value(for: "es-MX") == 3)
        #expect(p.value(for: "fr") == 2)
    }

    @Test func twoYesIsPositiveInEnglishButNotSpanish() {
        let answers = yesNo(q, yes: ["q1", "q3"])
        #expect(Scorer.score(q, answers: answers, language: "en").result == .possible)
        #expect(Scorer.score(q, answers: answers, language: "es").result == .noIndicators)
        #expect(Scorer.score(q, answers: answers, language: "es-MX").result == .noIndicators)
        #expect(Scorer.score(q, answers: answers, language: "zh").result == .possible)
    }

    @Test func threeYesIsPositiveInBoth() {
        let answers = yesNo(q, yes: ["q1", "q2", "q4"])
        #expect(Scorer.score(q, answers: answers, language: "en").result == .possible)
        #expect(Scorer.score(q, answers: answers, language: "es").result == .possible)
    }

    @Test func oneYesIsNegativeInBoth() {
        let answers = yesNo(q, yes: ["q2"])
        #expect(Scorer.score(q, answers: answers, language: "en").result == .noIndicators)
        #expect(Scorer.score(q, answers: answers, language: "es").result == .noIndicators)
    }

    @Test func unknownAnswersAreNotCounted() {
        var answers = yesNo(q, yes: ["q1"])
        answers["q2"] = dontKnow
        answers["q3"] = declined
        #expect(Scorer.score(q, answers: answers, language: "en").result == .noIndicators)
    }
}

@Suite struct RuleWeightedTests {
    let q = loadFixture("rules/weighted.yaml")
    // Points: documents_held 3, locked_in 2, watched 1, sector domestic/farm 2; threshold 5.
    // Indicator weights: documents 3, locked 2, surveillance 1; control is positive at weight 4.

    func answers(yes ids: [String], sector: String, _ changes: [String: AnswerValue] = [:]) -> [String: AnswerValue] {
        var a = yesNo(q, yes: ids)
        a["sector"] = .choice(sector)
        a.merge(changes) { $1 }
        return a
    }

    @Test func scoreIsTheSumOfTruePoints() {
        let r = Scorer.score(q, answers: answers(yes: ["documents_held", "watched"], sector: "farm"), language: "en")
        #expect(r.scores["risk"] == 6)
        #expect(r.result == .likely) // weight(control) = 3 + 1 = 4
        #expect(r.positiveDomains == ["control"])
    }

    @Test func belowThreshold() {
        let r = Scorer.score(q, answers: answers(yes: ["locked_in", "watched"], sector: "office"), language: "en")
        #expect(r.scores["risk"] == 3)
        #expect(r.result == .noIndicators) // weight 3 < 4; risk 3 < 5
        #expect(r.positiveDomains == [])
    }

    @Test func exactlyAtThresholdIsPossible() {
        let r = Scorer.score(q, answers: answers(yes: ["locked_in", "watched"], sector: "domestic"), language: "en")
        #expect(r.scores["risk"] == 5)
        #expect(r.result == .possible) // weight 3 < 4
        #expect(r.positiveDomains == [])
    }

    @Test func unknownAnswersAddNoPoints() {
        let r = Scorer.score(q, answers: answers(yes: ["documents_held"], sector: "domestic",
                                                 ["watched": dontKnow, "locked_in": declined]), language: "en")
        #expect(r.scores["risk"] == 5)
        #expect(r.result == .possible)
        let r2 = Scorer.score(q, answers: answers(yes: ["documents_held"], sector: "domestic",
                                                  ["watched": dontKnow, "locked_in": yes]), language: "en")
        #expect(r2.scores["risk"] == 7)
        #expect(r2.result == .likely) // weight 3 + 2 = 5
    }

    @Test func noAnswersScoreZero() {
        let r = Scorer.score(q, answers: [:], language: "en")
        #expect(r.scores["risk"] == 0)
        #expect(r.result == .noIndicators)
    }
}

@Suite struct RuleTiersTests {
    let q = loadFixture("rules/tiers.yaml")

    static let cases: [([String], Bool)] = [
        (["s1", "s2"], true),          // two strong
        (["s1", "m1"], true),          // one strong + one medium
        (["s1", "w1"], true),          // one strong + one weak
        (["m1", "m2", "m3"], true),    // three medium
        (["m1", "m2", "w1"], true),    // two medium + one weak
        (["s1"], false),               // one strong alone
        (["m1", "m2"], false),         // two medium alone
        (["m1", "w1", "w2"], false),   // one medium + two weak
        (["w1", "w2"], false),         // weak only
        ([], false),
    ]

    @Test(arguments: cases)
    func tieredReading(yesIDs: [String], positive: Bool) throws {
        let r = Scorer.score(q, answers: yesNo(q, yes: yesIDs), language: "en")
        let f = try #require(r.domain("exploitation"))
        #expect(f.positive == positive)
        let strong = yesIDs.filter { $0.hasPrefix("s") }.count
        let medium = yesIDs.filter { $0.hasPrefix("m") }.count
        let weak = yesIDs.filter { $0.hasPrefix("w") }.count
        #expect(f.tally == StrengthTally(strong: strong, medium: medium, weak: weak))
        #expect(r.result == (positive ? .likely : yesIDs.isEmpty ? .noIndicators : .possible))
    }

    @Test func tallyRule() {
        #expect(StrengthTally(strong: 2).meetsTiers)
        #expect(StrengthTally(strong: 1, weak: 1).meetsTiers)
        #expect(!StrengthTally(strong: 1).meetsTiers)
        #expect(!StrengthTally(medium: 2).meetsTiers)
        #expect(StrengthTally(medium: 2, weak: 1).meetsTiers)
        #expect(!StrengthTally(medium: 1, weak: 5).meetsTiers)
    }
}

@Suite struct RuleActMeansPurposeTests {
    let q = loadFixture("rules/act-means-purpose.yaml")

    @Test func allThreeElementsAreLikely() {
        let r = Scorer.score(q, answers: yesNo(q, yes: ["recruited", "threatened", "forced_work"]), language: "en")
        #expect(r.result == .likely)
        #expect(r.positiveDomains == ["act", "means", "purpose", "trafficking"])
    }

    @Test func meansByFraudInsteadOfThreats() {
        let r = Scorer.score(q, answers: yesNo(q, yes: ["recruited", "lied_to", "forced_work"]), language: "en")
        #expect(r.result == .likely)
    }

    @Test(arguments: [["recruited", "threatened"], ["threatened", "forced_work"], ["recruited", "forced_work"],
                      ["threatened", "lied_to"]])
    func twoElementsArePossibleOnly(yesIDs: [String]) {
        let r = Scorer.score(q, answers: yesNo(q, yes: yesIDs), language: "en")
        #expect(r.result == .possible)
        #expect(!r.positiveDomains.contains("trafficking"))
    }

    @Test func unknownMeansIsNotAssumed() {
        var answers = yesNo(q, yes: ["recruited", "forced_work"])
        answers["threatened"] = declined
        answers["lied_to"] = dontKnow
        let r = Scorer.score(q, answers: answers, language: "en")
        #expect(r.result == .possible)
        #expect(r.positiveDomains == ["act", "purpose"])
    }

    @Test func noneIsNoIndicators() {
        let r = Scorer.score(q, answers: yesNo(q, yes: []), language: "en")
        #expect(r.result == .noIndicators)
        #expect(r.positiveDomains == [])
    }
}

@Suite struct RuleOverrideTests {
    let q = loadFixture("rules/overrides.yaml")

    func base() -> [String: AnswerValue] {
        ["age": .number(30), "sectors": .choices(["farm"]), "forced": no, "danger_now": no, "injured": no,
         "concern": .choice("none")]
    }

    @Test func minorInCommercialSexIsLikelyWithoutMeans() {
        var a = base()
        a["age"] = .number(16)
        a["sectors"] = .choices(["sex_trade"])
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.ruleResult == .noIndicators)
        #expect(r.result == .likely)
        #expect(r.positiveDomains == [])
        #expect(r.overrides.map(\.override.id) == ["minor_in_sex_trade"])
        #expect(r.overrides.map(\.before) == [.noIndicators])
        #expect(r.overrides.map(\.after) == [.likely])
        #expect(!r.urgent)
    }

    @Test func adultInCommercialSexWithoutMeansIsNotRaised() {
        var a = base()
        a["sectors"] = .choices(["sex_trade"])
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.result == .noIndicators)
        #expect(r.overrides.isEmpty)
    }

    @Test func unknownAgeDoesNotTriggerTheMinorOverride() {
        var a = base()
        a["age"] = dontKnow
        a["sectors"] = .choices(["sex_trade"])
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.result == .noIndicators)
        #expect(r.overrides.isEmpty)
    }

    @Test func advocateConcernRaisesToAtLeastPossible() {
        var a = base()
        a["concern"] = .choice("high")
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.ruleResult == .noIndicators)
        #expect(r.result == .possible)
        #expect(r.overrides.map(\.override.id) == ["advocate_concern"])
        #expect(r.overrides.map(\.after) == [.possible])
    }

    @Test func advocateConcernNeverLowersTheResult() {
        var a = base()
        a["concern"] = .choice("high")
        a["forced"] = yes
        a["sectors"] = .choices(["sex_trade"])
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.ruleResult == .likely)
        #expect(r.result == .likely)
        #expect(r.overrides.map(\.override.id) == ["advocate_concern"])
        #expect(r.overrides.map(\.before) == [.likely])
        #expect(r.overrides.map(\.after) == [.likely])
    }

    @Test func immediateDangerIsUrgentWhateverTheScore() {
        var a = base()
        a["danger_now"] = yes
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.result == .noIndicators)
        #expect(r.urgent)
        #expect(r.urgentBecause == ["rule"])
        #expect(r.overrides.isEmpty)
    }

    @Test func urgentOverride() {
        var a = base()
        a["injured"] = yes
        a["danger_now"] = yes
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.urgent)
        #expect(r.urgentBecause == ["rule", "injured_now"])
        #expect(r.overrides.map(\.override.id) == ["injured_now"])
        #expect(r.result == .noIndicators)
    }

    @Test func unknownDangerIsNotUrgent() {
        var a = base()
        a["danger_now"] = dontKnow
        a["injured"] = declined
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(!r.urgent)
        #expect(r.urgentBecause == [])
    }

    @Test func allOverridesTogetherInOrder() {
        var a = base()
        a["age"] = .number(15)
        a["sectors"] = .choices(["sex_trade", "farm"])
        a["concern"] = .choice("high")
        a["injured"] = yes
        let r = Scorer.score(q, answers: a, language: "en")
        #expect(r.result == .likely)
        #expect(r.overrides.map(\.override.id) == ["minor_in_sex_trade", "advocate_concern", "injured_now"])
        #expect(r.urgentBecause == ["injured_now"])
    }
}

@Suite struct RuleGradedOutputTests {
    let q = loadFixture("rules/graded.yaml")

    func answers(_ changes: [String: AnswerValue]) -> [String: AnswerValue] {
        var a: [String: AnswerValue] = ["hit": no, "locked_in": no, "pay": .choice("as_promised"),
                                        "job_promised": no, "job_same": yes]
        a.merge(changes) { $1 }
        return a
    }

    @Test func noIndicators() {
        let r = Scorer.score(q, answers: answers([:]), language: "en")
        #expect(r.result == .noIndicators)
        #expect(r.domains.map(\.domain.id) == ["force", "fraud"])
        #expect(r.domains.allSatisfy { !$0.positive && $0.indicators.isEmpty })
        #expect(r.unanswered.isEmpty)
    }

    @Test func possibleWithEvidence() throws {
        let r = Scorer.score(q, answers: answers(["pay": .choice("less")]), language: "en")
        #expect(r.result == .possible)
        let fraud = try #require(r.domain("fraud"))
        #expect(fraud.positive)
        #expect(fraud.indicators.map(\.id) == ["pay_deception"])
        #expect(fraud.indicators.first?.evidence == [Evidence(questionID: "pay", answer: .choice("less"))])
        let force = try #require(r.domain("force"))
        #expect(!force.positive)
    }

    @Test func forceRaisedButNotPositiveIsStillReported() throws {
        let r = Scorer.score(q, answers: answers(["hit": yes]), language: "en")
        #expect(r.result == .possible)
        let force = try #require(r.domain("force"))
        #expect(!force.positive)
        #expect(force.indicators.map(\.id) == ["violence"])
        #expect(force.indicators.first?.evidence == [Evidence(questionID: "hit", answer: yes)])
    }

    @Test func likelyWithEvidenceFromTwoAnswers() throws {
        let r = Scorer.score(q, answers: answers(["hit": yes, "locked_in": yes, "job_promised": yes, "job_same": no]),
                             language: "en")
        #expect(r.result == .likely)
        #expect(r.positiveDomains == ["force", "fraud"])
        let force = try #require(r.domain("force"))
        #expect(force.indicators.map(\.id) == ["violence", "confinement"])
        #expect(force.tally == StrengthTally(strong: 1, medium: 1))
        let fraud = try #require(r.domain("fraud"))
        #expect(fraud.indicators.map(\.id) == ["job_deception"])
        #expect(fraud.indicators.first?.evidence == [Evidence(questionID: "job_promised", answer: yes),
                                                     Evidence(questionID: "job_same", answer: no)])
        #expect(r.indicators.map(\.id) == ["violence", "confinement", "job_deception"])
    }
}

@Suite struct RuleUnknownAnswersTests {
    let q = loadFixture("rules/unknowns.yaml")

    @Test func noRaisesTheIndicatorsAsAControl() {
        let r = Scorer.score(q, answers: ["free_to_leave": no, "paid": no, "has_debt": yes, "debt_grows": yes],
                             language: "en")
        #expect(r.indicators.map(\.id) == ["growing_debt", "cannot_leave", "unpaid"])
        #expect(r.result == .possible)
        #expect(r.unanswered.isEmpty)
    }

    @Test func dontKnowIsNotNo() {
        let r = Scorer.score(q, answers: ["free_to_leave": dontKnow, "paid": yes, "has_debt": no], language: "en")
        #expect(r.indicators.map(\.id) == [])
        #expect(r.result == .noIndicators)
        #expect(unansweredPairs(r) == ["free_to_leave:dont_know"])
    }

    @Test func declinedIsNotNoUnderNegation() {
        let r = Scorer.score(q, answers: ["free_to_leave": yes, "paid": declined, "has_debt": no], language: "en")
        #expect(r.indicators.map(\.id) == [])
        #expect(r.positiveDomains == [])
        #expect(unansweredPairs(r) == ["paid:declined"])
    }

    @Test func notAskedIsNotNo() {
        let r = Scorer.score(q, answers: ["has_debt": no], language: "en")
        #expect(r.indicators.map(\.id) == [])
        #expect(unansweredPairs(r) == ["free_to_leave:not_asked", "paid:not_asked"])
    }

    @Test func followUpToADeclinedAnswerIsUndeterminedAndNotAsked() {
        let r = Scorer.score(q, answers: ["free_to_leave": dontKnow, "paid": declined, "has_debt": declined,
                                          "debt_grows": yes], language: "en")
        #expect(r.relevance.state("debt_grows") == .undetermined)
        // Its stale answer is not read: no indicator from it.
        #expect(r.indicators.map(\.id) == [])
        #expect(r.result == .noIndicators)
        #expect(unansweredPairs(r) == ["free_to_leave:dont_know", "paid:declined", "has_debt:declined", "debt_grows:not_asked"])
    }

    @Test func followUpToANoIsNotApplicableAndNotListed() {
        let r = Scorer.score(q, answers: ["free_to_leave": yes, "paid": yes, "has_debt": no, "debt_grows": yes],
                             language: "en")
        #expect(r.relevance.state("debt_grows") == .notApplicable)
        #expect(r.indicators.map(\.id) == [])
        #expect(r.unanswered.isEmpty)
    }
}

/// Concern domains and the `concerns` result: what is not a trafficking
/// indicator is never counted as one.
@Suite struct ConcernDomainTests {
    static let q: Questionnaire = QuestionnaireLoader.load(text: """
    format: 1
    id: concerns
    version: "1"
    language: en
    title: Concerns
    domains:
      - { id: force, title: Force, core: true, rule: any }
      - { id: harm_by_others, title: Harm by others, kind: concern, rule: any }
    sections:
      - id: s
        title: S
        questions:
          - id: hit_by_boss
            type: yes_no
            text: Boss hit you?
            indicators: [{ id: boss, answer: yes, domain: force, strength: strong, phase: any }]
          - id: hit_by_client
            type: yes_no
            text: Client hit you?
            indicators: [{ id: client, answer: yes, domain: harm_by_others, strength: strong, phase: any }]
    result:
      likely: positive(force)
      possible: strong() >= 1
      concerns: indicators(harm_by_others) >= 1
    """, path: "concerns.yaml").questionnaire!

    @Test func aConcernIsNeitherCountedByStrongNorByIndicators() {
        let r = Scorer.score(Self.q, answers: ["hit_by_boss": no, "hit_by_client": yes], language: "en")
        #expect(r.result == .concerns)
        #expect(r.positiveDomains == ["harm_by_others"])
    }

    @Test func anIndicatorDomainStillCounts() {
        let r = Scorer.score(Self.q, answers: ["hit_by_boss": yes, "hit_by_client": no], language: "en")
        #expect(r.result == .likely)
    }

    @Test func theSummaryShowsConcernsApartFromTheDomainTable() {
        let answers: [String: AnswerValue] = ["hit_by_boss": no, "hit_by_client": yes]
        let tr = SourceLanguage(language: "en")
        let s = SummaryBuilder.build(questionnaire: Self.q, score: Scorer.score(Self.q, answers: answers, language: "en"),
                                     answers: answers, remarks: [:], interviewRemark: "", intervieweeLanguage: "en",
                                     endedBy: nil, in: tr)
        #expect(s.domains["harm_by_others"]?.kind == .concern)
        let md = s.rendered(.markdown, in: tr)
        #expect(!md.contains("| Harm by others |"))
        #expect(md.contains("## Other concerns (not trafficking indicators)\n"))
        #expect(s.resultText == "Labour or safety concerns noted, without possible trafficking indicators")
    }

    @Test func aConcernDomainCannotBeCore() {
        let d = diagnostics("""
        format: 1
        id: t
        version: "1"
        language: en
        title: T
        domains:
          - { id: harm, title: Harm, kind: concern, core: true }
          - { id: odd, title: Odd, kind: verdict }
        sections:
          - id: s
            title: S
            questions:
              - { id: q1, type: yes_no, text: Q? }
        result:
          possible: q1 == yes
        """)
        #expect(d == ["t.yaml:7:11: error: domain 'harm' is a concern, not a trafficking indicator, so it cannot be core",
                      "t.yaml:8:34: error: unknown domain kind 'verdict' (use indicator or concern)"])
    }
}
