import IntakeTestSupport
import Testing
@testable import IntakeCore

/// Issue 13's properties of the bundled full screen, checked over many
/// seeded answer sets: harm by others or deception alone never yields
/// "likely"; a minor in commercial sex always does; an unknown answer is
/// never more reassuring than a real one; every evidence line decided its
/// finding.
@Suite struct ScreeningPropertyTests {
    static var q: Questionnaire { ScreeningLawTests.q }
    static let harmQuestions = ["physical_violence", "sexual_violence", "locked_in", "threatened_harm",
                                "threats_family", "threat_authorities", "threat_expose"]

    static func answers(seed: UInt64, count: Int) -> [[String: AnswerValue]] {
        DeclinedPropertyTests.generate(q, seed: seed, count: count)
    }

    @Test func harmByClientsPoliceOrOthersAloneNeverYieldsLikely() {
        var g = SplitMix64(seed: 13_001)
        var concerns = 0
        for _ in 0..<400 {
            var changes: [String: AnswerValue] = [:]
            for h in Self.harmQuestions where Bool.random(using: &g) {
                let who = ["client", "police", "someone_else"].filter { _ in Bool.random(using: &g) }
                changes[h] = .choice("yes")
                changes[h + "_by"] = .choices(who.isEmpty ? ["client"] : who)
            }
            let r = ScreeningLawTests.score(changes)
            // Being held by police is an arrest, not harm in itself (the
            // arrest questions deal with it); everything else is a concern.
            let onlyHeldByPolice = changes.keys.allSatisfy { $0.hasPrefix("locked_in") }
                && changes["locked_in_by"] == .choices(["police"])
            #expect(r.result == (changes.isEmpty || onlyHeldByPolice ? .noIndicators : .concerns), "\(changes)")
            #expect(r.domain("force")?.positive == false && r.domain("coercion")?.positive == false, "\(changes)")
            if r.result == .concerns { concerns += 1 }
        }
        #expect(concerns > 300)
    }

    @Test func deceptionAloneNeverYieldsLikely() {
        var g = SplitMix64(seed: 13_002)
        let options = ["job", "employer", "location", "pay", "hours", "conditions", "housing", "legal_status", "marriage_study"]
        var possible = 0
        for _ in 0..<400 {
            let chosen = options.filter { _ in Bool.random(using: &g) }
            let changes: [String: AnswerValue] = ["what_differed": .choices(chosen.isEmpty ? ["pay"] : chosen),
                                                  "paid_as_promised": Bool.random(using: &g) ? .choice("no") : .choice("yes")]
            let r = ScreeningLawTests.score(changes)
            #expect(r.result != .likely, "\(chosen)")
            if r.result == .possible { possible += 1 }
        }
        #expect(possible > 200)
    }

    @Test func aMinorInCommercialSexAlwaysYieldsLikely() {
        var checked = 0
        for var a in Self.answers(seed: 13_003, count: 300) {
            a["consent"] = .choice("yes")
            a["age_group"] = .choice("under_18")
            if checked % 2 == 0 {
                var sectors: [String] = []
                if case .choices(let s)? = a["sectors"] { sectors = s }
                a["sectors"] = .choices(sectors.contains("sex_trade") ? sectors : sectors + ["sex_trade"])
            } else {
                a["minor_exchange_sex"] = .choice("yes")
            }
            let r = Scorer.score(Self.q, answers: a, language: "en")
            #expect(r.result == .likely, "\(DeclinedPropertyTests.describe(a))")
            checked += 1
        }
        #expect(checked == 300)
    }

    /// The least alarming result any real answer to `id` gives, everything else kept.
    static func leastAlarming(_ a: [String: AnswerValue], _ question: Question) -> (ResultLevel, Bool) {
        let options = question.type == .yesNo ? ["yes", "no"] : question.options.map(\.id)
        var lowest = ResultLevel.likely
        var everNoConcern = false
        for o in options {
            var b = a
            b[question.id] = .choice(o)
            let r = Scorer.score(q, answers: b, language: "en")
            lowest = min(lowest, r.result)
            if r.safety == .noConcernReported { everNoConcern = true }
        }
        return (lowest, everNoConcern)
    }

    @Test func anUnknownAnswerIsNeverMoreReassuringThanARealOne() {
        let urgentReads = Set(Self.q.result.urgent?.questionReferences ?? [])
        var comparisons = 0
        for var a in Self.answers(seed: 13_004, count: 25) {
            a["consent"] = .choice("yes")
            let relevance = Relevance(questionnaire: Self.q, answers: a, language: "en")
            for question in Self.q.questions where question.type == .yesNo || question.type == .single {
                guard !question.special.isEmpty, relevance.isRelevant(question.id) else { continue }
                let (lowest, _) = Self.leastAlarming(a, question)
                for special in question.special {
                    var b = a
                    b[question.id] = .special(special)
                    let r = Scorer.score(Self.q, answers: b, language: "en")
                    comparisons += 1
                    #expect(r.result >= lowest, "\(special.rawValue) to \(question.id) gave \(r.result) below \(lowest): \(DeclinedPropertyTests.describe(a))")
                    if urgentReads.contains(question.id) {
                        #expect(r.safety != .noConcernReported, "\(special.rawValue) to \(question.id) read as no safety concern")
                    }
                }
            }
        }
        #expect(comparisons > 1000)
    }

    @Test func decliningANoNeverRaisesTheResultOfTheBundledScreen() {
        let (n, counterexample) = DeclinedPropertyTests.check(Self.q, seed: 13_005, count: 60)
        #expect(counterexample == nil, "first counterexample: \(counterexample ?? "")")
        #expect(n > 1000)
    }

    /// Whether `c` is true with only `evidence` as answers.
    static func holds(_ c: Condition, with evidence: [Evidence]) -> Bool {
        let answers = Dictionary(evidence.map { ($0.questionID, $0.answer) }, uniquingKeysWith: { a, _ in a })
        return ConditionEvaluator.evaluate(c, in: AnswerContext(answers: answers, questionnaire: q, language: "en")) == .yes
    }

    /// Every line is needed in some set of lines that on its own makes the
    /// condition true: no line is a bystander that decided nothing.
    static func everyLineDecided(_ c: Condition, _ evidence: [Evidence]) -> String? {
        guard holds(c, with: evidence) else { return "the evidence alone does not make it true" }
        let n = evidence.count
        guard n <= 12 else { return "too much evidence to check: \(n) lines" }
        for (i, e) in evidence.enumerated() {
            var decided = false
            for mask in 0..<(1 << n) where mask & (1 << i) != 0 {
                let subset = evidence.indices.filter { mask & (1 << $0) != 0 }.map { evidence[$0] }
                if holds(c, with: subset) && !holds(c, with: subset.filter { $0.questionID != e.questionID }) {
                    decided = true
                    break
                }
            }
            if !decided { return "'\(e.questionID)' decided nothing" }
        }
        return nil
    }

    @Test func everyEvidenceLineDecidedItsFinding() {
        var lines = 0
        for var a in Self.answers(seed: 13_006, count: 200) {
            a["consent"] = .choice("yes")
            let r = Scorer.score(Self.q, answers: a, language: "en")
            for raised in r.indicators {
                lines += raised.evidence.count
                if let why = Self.everyLineDecided(raised.indicator.when, raised.evidence) {
                    Issue.record("\(raised.id): \(why): \(DeclinedPropertyTests.describe(a))")
                }
            }
            if let urgent = Self.q.result.urgent, r.urgentBecause.contains("rule") {
                lines += r.urgentEvidence.count
                if let why = Self.everyLineDecided(urgent, r.urgentEvidence) {
                    Issue.record("urgent: \(why): \(DeclinedPropertyTests.describe(a))")
                }
            }
        }
        #expect(lines > 500)
    }

    /// The checker can fail: the answers a condition merely reads (the old
    /// fallback listed them all) are caught.
    @Test func theEvidenceCheckerCatchesABystander() throws {
        let urgent = try #require(Self.q.result.urgent)
        let bystander = [Evidence(questionID: "in_danger_now", answer: .choice("no")),
                         Evidence(questionID: "safe_tonight", answer: .choice("no"))]
        #expect(Self.everyLineDecided(urgent, bystander) == "'in_danger_now' decided nothing")
        #expect(Self.everyLineDecided(urgent, [bystander[1]]) == nil)
    }
}
