import IntakeTestSupport
import Testing
@testable import IntakeCore

/// The batch's compiled conditions (`IndexedNode`, `ScoringProgram`)
/// against the general path (`ConditionEvaluator` over answers by id), on
/// the bundled questionnaires and seeded generated ones, with seeded
/// generated answers: every condition gives the same truth, relevance the
/// same states, scoring the same result in every detail, evidence the same
/// answers, `end_if` the same question.
@Suite struct IndexedConditionTests {
    static let languages = ["en", "es", "zh-Hans"]

    static func questionnaires() throws -> [Questionnaire] {
        var out = [try bundledQuestionnaire("trafficking-screening"), try bundledQuestionnaire("quick-screen")]
        for seed in UInt64(1)...24 {
            out.append(try CompiledQuestionnaireTests.load(GeneratedQuestionnaire.yaml(seed: seed, questions: 40 + Int(seed) * 5),
                                                           path: "gen-\(seed).yaml").0)
        }
        return out
    }

    /// Every condition in `q`, with a name for messages.
    static func conditions(_ q: Questionnaire) -> [(String, Condition)] {
        var out: [(String, Condition)] = []
        for s in q.sections { if let c = s.relevant { out.append(("section \(s.id)", c)) } }
        for question in q.questions {
            for (what, c) in [("relevant", question.relevant), ("end_if", question.endIf), ("constraint", question.constraint)] {
                if let c { out.append(("\(what) \(question.id)", c)) }
            }
        }
        for i in q.indicators { out.append(("indicator \(i.id)", i.when)) }
        for s in q.scores { for item in s.items { out.append(("score \(s.id)", item.when)) } }
        for r in q.referrals { out.append(("referral \(r.id)", r.when)) }
        for o in q.result.overrides { out.append(("override \(o.id)", o.when)) }
        for c in [q.result.likely, q.result.possible, q.result.concerns, q.result.urgent] { if let c { out.append(("result", c)) } }
        return out
    }

    /// Everything a score holds, as text.
    static func describe(_ s: ScoreResult) -> String {
        func ev(_ e: [Evidence]) -> String { e.map { "\($0.questionID)=\($0.answer)" }.joined(separator: ",") }
        var lines = ["result \(s.result) rule \(s.ruleResult) urgent \(s.urgent) \(s.urgentBecause) [\(ev(s.urgentEvidence))]",
                     "safety \(s.safety)"]
        for d in s.domains {
            lines.append("domain \(d.domain.id) \(d.positive) \(d.tally) \(d.indicators.map { "\($0.id)[\(ev($0.evidence))]" })")
        }
        lines.append("indicators \(s.indicators.map { "\($0.id)[\(ev($0.evidence))]" })")
        lines.append("scores \(s.scores.sorted { $0.key < $1.key })")
        for o in s.overrides { lines.append("override \(o.override.id) \(o.before) \(o.after) [\(ev(o.evidence))]") }
        for r in s.referrals { lines.append("referral \(r.referral.id) \(r.timeCritical) [\(ev(r.evidence))]") }
        lines.append("unanswered \(s.unanswered.map { "\($0.questionID):\($0.reason)" })")
        lines.append("relevance \(s.relevance.byPosition)")
        return lines.joined(separator: "\n")
    }

    @Test func compiledConditionsScoreAsTheGeneralPathDoes() throws {
        var compared = 0, urgent = 0, ended = 0
        for (k, q) in try Self.questionnaires().enumerated() {
            let program = ScoringProgram(q)
            let conditions = Self.conditions(q)
            for (n, answers) in DeclinedPropertyTests.generate(q, seed: 19_300 + UInt64(k), count: 12).enumerated() {
                let language = Self.languages[n % Self.languages.count]
                let slots = q.questions.map { answers[$0.id] }
                // Each condition alone, with each given answer as the one a constraint checks.
                for current in [nil] + q.questions.prefix(6).compactMap({ answers[$0.id] }) {
                    let general = AnswerContext(answers: answers, questionnaire: q, language: language, currentAnswer: current)
                    let indexed = IndexedAnswers(slots: slots, questionnaire: q, language: language, currentAnswer: current)
                    for (name, c) in conditions {
                        let want = ConditionEvaluator.evaluate(c, in: general)
                        let got = IndexedEvaluator.evaluate(IndexedNode(c.root, positions: q.positions), in: indexed)
                        #expect(got == want, "\(q.id) set \(n) \(name): \(c.source)")
                    }
                }
                let general = Scorer.score(q, answers: answers, language: language)
                let fast = Scorer.score(program, answers: answers, language: language)
                #expect(Self.describe(fast) == Self.describe(general), "\(q.id) set \(n)")
                #expect(general.relevance.byPosition
                    == Relevance(questionnaire: q, answers: answers, language: language).byPosition)
                let endedGeneral = Scorer.endedBy(q, score: general, answers: answers, language: language)
                // With the relevant answers the program's score keeps, and
                // without them (a score from the general path).
                #expect(fast.relevantAnswers != nil && general.relevantAnswers == nil)
                #expect(program.endedBy(fast, answers: answers, language: language) == endedGeneral, "\(q.id) set \(n)")
                #expect(program.endedBy(general, answers: answers, language: language) == endedGeneral, "\(q.id) set \(n)")
                compared += 1
                if general.urgent { urgent += 1 }
                if endedGeneral != nil { ended += 1 }
            }
        }
        // The comparison means something only if the answers reached these.
        #expect(compared == 26 * 12)
        #expect(urgent > 10)
        #expect(ended > 5)
    }

    /// `answer == option` and `!=`, either way round, are compiled to
    /// `choiceIs` (read in place), and give the truth and the evidence the
    /// tree gives, for single and multiple choices, special and missing
    /// answers, text, and an id that names no question; other comparisons
    /// are not compiled so.
    @Test func aChoiceComparedWithAnOptionEitherWayRound() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        let cases: [(ConditionNode, fused: Bool)] = [
            (.compare(.eq, .answer("consent"), .option("yes")), true),
            (.compare(.eq, .option("yes"), .answer("consent")), true),
            (.compare(.ne, .answer("consent"), .option("no")), true),
            (.compare(.ne, .option("no"), .answer("consent")), true),
            (.compare(.eq, .answer("age_group"), .option("adult")), true),
            (.compare(.eq, .answer("sectors"), .option("nail_beauty")), true),
            (.compare(.ne, .answer("no_such_question"), .option("yes")), true),
            (.compare(.eq, .answer("consent"), .special(.dontKnow)), false),
            (.compare(.ge, .answer("hours_per_day"), .number(12)), false),
            (.compare(.eq, .option("yes"), .option("yes")), false),
            (.compare(.eq, .answer("consent"), .answer("in_danger_now")), false),
        ]
        let sets = DeclinedPropertyTests.generate(q, seed: 19_702, count: 20) + [
            [:], ["consent": .special(.dontKnow)], ["consent": .choice("no")], ["consent": .choices(["yes"])],
            ["sectors": .choices(["nail_beauty"])], ["sectors": .choice("nail_beauty")], ["consent": .text("yes")],
        ]
        var fusedSeen = 0
        for (node, fused) in cases {
            let compiled = IndexedNode(node, positions: q.positions)
            if case .choiceIs = compiled { fusedSeen += 1; #expect(fused, "\(node)") } else { #expect(!fused, "\(node)") }
            let condition = Condition(source: "\(node)", location: IntakeCore.SourceLocation(file: "c", line: 1, column: 1), root: node)
            for answers in sets {
                let tree = ScoringContext(base: AnswerContext(answers: answers, questionnaire: q, language: "en"), questionnaire: q)
                let indexed = ScoringContext(base: IndexedAnswers(slots: q.questions.map { answers[$0.id] }, questionnaire: q,
                                                                  language: "en"), questionnaire: q)
                #expect(IndexedEvaluator.evaluate(compiled, in: indexed) == ConditionEvaluator.evaluate(condition, in: tree),
                        "\(node) \(answers)")
                for want in [Truth.yes, .no, .unknown] {
                    #expect(Support.evidence(compiled, ids: q.questions.map(\.id), want: want, in: indexed)
                        == Support.evidence(condition, want: want, in: tree), "\(node) \(want)")
                }
            }
        }
        #expect(fusedSeen == 7)
    }

    /// The evidence of every condition, wanted true, false or unknown,
    /// compiled (`Support.evidence` over `IndexedNode`) and over trees, with
    /// the indicators the answers raise (their evidence is copied in).
    @Test func compiledEvidenceIsTheEvidenceOverTrees() throws {
        var compared = 0, nonEmpty = 0
        for (k, q) in try Self.questionnaires().enumerated() {
            let ids = q.questions.map(\.id)
            for (n, answers) in DeclinedPropertyTests.generate(q, seed: 19_700 + UInt64(k), count: 8).enumerated() {
                let language = Self.languages[n % Self.languages.count]
                let raised = Scorer.score(q, answers: answers, language: language).indicators
                let domains = ScoringTallyTests.domainPositions(raised, q)
                var tree = ScoringContext(base: AnswerContext(answers: answers, questionnaire: q, language: language),
                                          questionnaire: q)
                tree.raise(raised, inDomains: domains)
                var compiled = ScoringContext(base: IndexedAnswers(slots: q.questions.map { answers[$0.id] }, questionnaire: q,
                                                                   language: language),
                                              questionnaire: q)
                compiled.raise(raised, inDomains: domains)
                for (name, c) in Self.conditions(q) {
                    let node = IndexedNode(c.root, positions: q.positions)
                    for want in [Truth.yes, .no, .unknown] {
                        let expected = Support.evidence(c, want: want, in: tree)
                        #expect(Support.evidence(node, ids: ids, want: want, in: compiled) == expected,
                                "\(q.id) set \(n) \(name) \(want): \(c.source)")
                        compared += 1
                        if !expected.isEmpty { nonEmpty += 1 }
                    }
                }
            }
        }
        // Enough of them rest on answers for the comparison to mean something.
        #expect(compared > 10_000)
        #expect(nonEmpty > compared / 4)
    }

    @Test func relevanceByIdIsRelevanceByPosition() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        let answers = DeclinedPropertyTests.generate(q, seed: 19_399, count: 1)[0]
        let r = Relevance(questionnaire: q, answers: answers, language: "en")
        #expect(r.states.count == q.questions.count)
        for (p, question) in q.questions.enumerated() {
            #expect(r.state(question.id) == r.byPosition[p])
            #expect(r.states[question.id] == r.byPosition[p])
        }
        #expect(r.state("no-such-question") == .notApplicable)
    }
}
