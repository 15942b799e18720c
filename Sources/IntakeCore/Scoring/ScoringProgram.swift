/// A questionnaire's conditions compiled once, with question ids resolved
/// to positions (`IndexedNode`), for scoring many answer sets against it:
/// a batch of summaries builds one per questionnaire and scores every file
/// with it (`Scorer.score(_:answers:language:)`). Relevance, scoring and
/// `end_if` give what the general path gives (`IndexedConditionTests`).
public struct ScoringProgram: Sendable {
    public let questionnaire: Questionnaire
    /// By section.
    let sectionRelevant: [IndexedNode?]
    /// How many questions each section has: `relevance` copied every
    /// section out (`enumerated()`) only to count them, a retain and a
    /// release of shared storage each, which two cores contend for.
    let sectionSizes: [Int]
    /// By question position.
    let questionRelevant: [IndexedNode?]
    let endIf: [IndexedNode?]
    let indicators: [IndexedNode]
    let scoreItems: [[IndexedNode]]
    /// By domain; nil for a domain whose rule is not a condition.
    let domainRules: [IndexedNode?]
    let likely, possible, concerns, urgent: IndexedNode?
    let overrides: [IndexedNode]
    let referrals: [IndexedNode]
    let timeCritical: [IndexedNode?]
    /// Question ids by position, for evidence.
    let questionIDs: [String]

    public init(_ q: Questionnaire) {
        let p = q.positions
        func node(_ c: Condition) -> IndexedNode { IndexedNode(c.root, positions: p) }
        questionnaire = q
        sectionRelevant = q.sections.map { $0.relevant.map(node) }
        sectionSizes = q.sections.map(\.questions.count)
        questionRelevant = q.questions.map { $0.relevant.map(node) }
        endIf = q.questions.map { $0.endIf.map(node) }
        indicators = q.indicators.map { node($0.when) }
        scoreItems = q.scores.map { $0.items.map { node($0.when) } }
        domainRules = q.domains.map { d in
            if case .condition(let c) = d.rule { return node(c) }
            return nil
        }
        likely = q.result.likely.map(node)
        possible = q.result.possible.map(node)
        concerns = q.result.concerns.map(node)
        urgent = q.result.urgent.map(node)
        overrides = q.result.overrides.map { node($0.when) }
        referrals = q.referrals.map { node($0.when) }
        timeCritical = q.referrals.map { $0.timeCritical.map(node) }
        questionIDs = q.questions.map(\.id)
    }

    /// What `Relevance(questionnaire:answers:language:)` works out, and the
    /// answers of the relevant questions by position.
    /// - Parameter known: `answers` by position, if the caller has them.
    func relevance(_ answers: [String: AnswerValue], given known: [AnswerValue?]? = nil,
                   language: String) -> (Relevance, IndexedAnswers) {
        let q = questionnaire
        let given: [AnswerValue?]
        if let known { given = known } else {
            var byID = [AnswerValue?](repeating: nil, count: q.questions.count)
            for (id, a) in answers { if let p = q.positions[id] { byID[p] = a } }
            given = byID
        }
        // The visible answers, filled in question order as in `Relevance`:
        // a condition sees only earlier relevant questions' answers.
        var visible = IndexedAnswers(slots: [AnswerValue?](repeating: nil, count: q.questions.count),
                                     questionnaire: q, language: language)
        var states: [Relevance.State] = []
        states.reserveCapacity(q.questions.count)
        var p = 0
        for (s, size) in sectionSizes.enumerated() {
            let sectionTruth = sectionRelevant[s].map { IndexedEvaluator.evaluate($0, in: visible) } ?? .yes
            for _ in 0..<size {
                var truth = sectionTruth
                if truth == .yes, let c = questionRelevant[p] { truth = IndexedEvaluator.evaluate(c, in: visible) }
                let state = Relevance.State(truth)
                states.append(state)
                if state == .relevant, let a = given[p] { visible.slots[p] = a }
                p += 1
            }
        }
        return (Relevance(byPosition: states, positions: q.positions), visible)
    }

    /// `Scorer.endedBy`, with the conditions compiled; `score` is of
    /// these `answers`.
    /// `answers` is read only when `score` has no relevant answers by
    /// position (it was not scored by a program).
    public func endedBy(_ score: ScoreResult, answers: @autoclosure () -> [String: AnswerValue], language: String) -> String? {
        let q = questionnaire
        // Scored by this program: the relevant answers by position are at
        // hand, and an answer is there only if its question is relevant.
        if let slots = score.relevantAnswers, slots.count == endIf.count {
            var ctx: IndexedAnswers?
            for p in slots.indices {
                guard let a = slots[p], let c = endIf[p] else { continue }
                if ctx == nil { ctx = IndexedAnswers(slots: slots, questionnaire: q, language: language) }
                ctx!.currentAnswer = a
                if IndexedEvaluator.evaluate(c, in: ctx!) == .yes { return q.questions[p].id }
            }
            return nil
        }
        let answers = answers()
        var ctx: IndexedAnswers?
        for (p, c) in endIf.enumerated() {
            guard let c, let a = answers[q.questions[p].id], score.relevance.byPosition[p] == .relevant else { continue }
            if ctx == nil {
                var relevant = [AnswerValue?](repeating: nil, count: q.questions.count)
                for (id, a) in answers {
                    if let i = q.positions[id], score.relevance.byPosition[i] == .relevant { relevant[i] = a }
                }
                ctx = IndexedAnswers(slots: relevant, questionnaire: q, language: language)
            }
            ctx!.currentAnswer = a
            if IndexedEvaluator.evaluate(c, in: ctx!) == .yes { return q.questions[p].id }
        }
        return nil
    }
}

extension Scorer {
    /// The first relevant, answered question whose `end_if` is true of the
    /// relevant answers: what ended the interview early, if anything.
    public static func endedBy(_ q: Questionnaire, score: ScoreResult, answers: [String: AnswerValue], language: String) -> String? {
        q.questions.first { question in
            guard let c = question.endIf, let a = answers[question.id], score.relevance.isRelevant(question.id) else { return false }
            let ctx = AnswerContext(answers: score.relevance.effectiveAnswers(answers), questionnaire: q,
                                    language: language, currentAnswer: a)
            return ConditionEvaluator.evaluate(c, in: ctx) == .yes
        }?.id
    }
}

extension ScoringProgram: ScoringRules {
    func truth(_ rule: ScoringRule, in ctx: ScoringContext<IndexedAnswers>) -> Truth {
        node(rule).map { IndexedEvaluator.evaluate($0, in: ctx) } ?? .no
    }

    func evidence(_ rule: ScoringRule, in ctx: ScoringContext<IndexedAnswers>) -> [Evidence] {
        node(rule).map { Support.evidence($0, ids: questionIDs, in: ctx) } ?? []
    }

    private func node(_ rule: ScoringRule) -> IndexedNode? {
        let node: IndexedNode?
        switch rule {
        case .indicator(let k): node = indicators[k]
        case .scoreItem(let s, let i): node = scoreItems[s][i]
        case .domain(let k): node = domainRules[k]
        case .likely: node = likely
        case .possible: node = possible
        case .concerns: node = concerns
        case .urgent: node = urgent
        case .override(let k): node = overrides[k]
        case .referral(let k): node = referrals[k]
        case .timeCritical(let k): node = timeCritical[k]
        }
        return node
    }
}
