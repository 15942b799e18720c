import IntakeTestSupport
import Testing
@testable import IntakeCore

/// Issue 4: a "prefers not to answer" must never count against the person
/// as if it were "no", nor make anything look more certain. For many
/// generated answer sets, turning "no" answers into `declined`:
/// - never turns a domain from negative to positive,
/// - never raises the result level,
/// - never removes a question from the `unanswered` list.
@Suite struct DeclinedPropertyTests {
    /// A random answer (or none) for one question.
    static func randomAnswer(_ q: Question, _ g: inout SplitMix64) -> AnswerValue? {
        let roll = Int.random(in: 0..<10, using: &g)
        if roll == 0 { return nil }
        if roll == 1, !q.special.isEmpty { return .special(q.special.randomElement(using: &g)!) }
        switch q.type {
        case .yesNo:
            // Lean towards "no" so that there is something to turn into declined.
            return Int.random(in: 0..<3, using: &g) == 0 ? .choice("yes") : .choice("no")
        case .single:
            return .choice(q.options.randomElement(using: &g)!.id)
        case .multiple:
            let chosen = q.options.filter { _ in Bool.random(using: &g) }.map(\.id)
            return .choices(chosen.isEmpty ? [q.options[0].id] : chosen)
        case .number:
            let lo = q.min ?? 0, hi = q.max ?? 100
            return .number(Double(Int.random(in: Int(lo)...Int(hi), using: &g)))
        case .date:
            return .date(CalendarDate(year: 2020, month: Int.random(in: 1...12, using: &g), day: 1))
        case .monthYear:
            return .date(CalendarDate(year: 2020, month: Int.random(in: 1...12, using: &g)))
        case .text:
            return .text("free text")
        case .note:
            return nil
        }
    }

    static func generate(_ q: Questionnaire, seed: UInt64, count: Int) -> [[String: AnswerValue]] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var a: [String: AnswerValue] = [:]
            for question in q.questions {
                if let v = randomAnswer(question, &g) { a[question.id] = v }
            }
            return a
        }
    }

    /// Why `after` is worse for the person than `before`, or nil.
    static func violation(_ q: Questionnaire, before: [String: AnswerValue], after: [String: AnswerValue],
                          language: String) -> String? {
        let r0 = Scorer.score(q, answers: before, language: language)
        let r1 = Scorer.score(q, answers: after, language: language)
        let newlyPositive = Set(r1.positiveDomains).subtracting(r0.positiveDomains)
        if !newlyPositive.isEmpty { return "domains became positive: \(newlyPositive.sorted())" }
        if r1.result > r0.result { return "result rose from \(r0.result.rawValue) to \(r1.result.rawValue)" }
        let lost = Set(r0.unanswered.map(\.questionID)).subtracting(r1.unanswered.map(\.questionID))
        if !lost.isEmpty { return "left the unanswered list: \(lost.sorted())" }
        if r1.urgent && !r0.urgent { return "became urgent" }
        return nil
    }

    static func describe(_ a: [String: AnswerValue]) -> String {
        a.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.plainDescription)" }.joined(separator: " ")
    }

    /// Checks every single flip and the all-at-once flip; returns the number
    /// of comparisons made and the first counterexample.
    static func check(_ q: Questionnaire, seed: UInt64, count: Int, language: String = "en") -> (Int, String?) {
        var comparisons = 0
        for answers in generate(q, seed: seed, count: count) {
            let noIDs = answers.filter { $0.value == .choice("no") }.map(\.key).sorted()
            for id in noIDs {
                var flipped = answers
                flipped[id] = .special(.declined)
                comparisons += 1
                if let why = violation(q, before: answers, after: flipped, language: language) {
                    return (comparisons, "declining '\(id)' instead of 'no': \(why)\n  answers: \(describe(answers))")
                }
            }
            var all = answers
            for id in noIDs { all[id] = .special(.declined) }
            comparisons += 1
            if let why = violation(q, before: answers, after: all, language: language) {
                return (comparisons, "declining every 'no' \(noIDs): \(why)\n  answers: \(describe(answers))")
            }
        }
        return (comparisons, nil)
    }

    @Test func exampleQuestionnaire() {
        let q = loadFixture("example.yaml")
        let (n, counterexample) = Self.check(q, seed: 20_240_601, count: 400)
        #expect(counterexample == nil, "first counterexample: \(counterexample ?? "")")
        #expect(n > 1000)
    }

    @Test func exampleQuestionnaireInSpanish() {
        let q = loadFixture("example.yaml")
        let (_, counterexample) = Self.check(q, seed: 77, count: 200, language: "es")
        #expect(counterexample == nil, "first counterexample: \(counterexample ?? "")")
    }

    @Test(arguments: ["rules/unknowns.yaml", "rules/tiers.yaml", "rules/act-means-purpose.yaml", "rules/overrides.yaml"])
    func rulesFixtures(name: String) {
        let q = loadFixture(name)
        let (n, counterexample) = Self.check(q, seed: 5, count: 300)
        #expect(counterexample == nil, "first counterexample in \(name): \(counterexample ?? "")")
        #expect(n >= 300)
    }

    /// The checker itself must be able to fail: a rule that reads
    /// `answered()` negatively does treat declined worse than "no".
    @Test func checkerFindsACounterexampleWhenOneExists() {
        let text = """
        format: 1
        id: bad
        version: "1"
        language: en
        title: Bad rule
        domains:
          - { id: d, title: D, rule: any }
        sections:
          - id: s
            title: S
            questions:
              - { id: x, type: yes_no, text: X? }
        indicators:
          - { id: evasive, when: not answered(x), domain: d, strength: weak, phase: any }
        result:
          possible: indicators() >= 1
        """
        let q = QuestionnaireLoader.load(text: text, path: "bad.yaml").questionnaire!
        let (_, counterexample) = Self.check(q, seed: 1, count: 50)
        #expect(counterexample?.hasPrefix("declining 'x' instead of 'no': domains became positive: [\"d\"]") == true,
                "\(counterexample ?? "nil")")
    }
}
