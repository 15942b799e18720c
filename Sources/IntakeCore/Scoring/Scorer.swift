/// Scores an interview: indicators, scores, domains, the result level,
/// urgency, overrides and referrals. Pure and deterministic.
public enum Scorer {
    public static func score(_ q: Questionnaire, answers: [String: AnswerValue], language: String) -> ScoreResult {
        let relevance = Relevance(questionnaire: q, answers: answers, language: language)
        let effective = relevance.effectiveAnswers(answers)
        var ctx = ScoringContext(base: AnswerContext(answers: effective, questionnaire: q, language: language))

        // 1. Indicators: raised only when their condition is definitely true.
        var raised: [RaisedIndicator] = []
        for ind in q.indicators where ConditionEvaluator.evaluate(ind.when, in: ctx) == .yes {
            let evidence = contributingAnswers(ind.when, answers: effective, base: ctx.base)
            raised.append(RaisedIndicator(indicator: ind, evidence: evidence))
        }
        ctx.raised = raised

        // 2. Scores.
        for s in q.scores {
            ctx.scores[s.id] = s.items.reduce(0) { sum, item in
                ConditionEvaluator.evaluate(item.when, in: ctx) == .yes ? sum + item.points : sum
            }
        }

        // 3. Domains, each after the domains its rule reads (cycles were refused at load).
        var findings: [String: DomainFinding] = [:]
        func evaluateDomain(_ d: Domain, depth: Int) {
            guard findings[d.id] == nil, depth <= q.domains.count else { return }
            let inDomain = raised.filter { $0.indicator.domain == d.id }
            var tally = StrengthTally()
            for r in inDomain {
                switch r.indicator.strength {
                case .strong: tally.strong += 1
                case .medium: tally.medium += 1
                case .weak: tally.weak += 1
                }
            }
            let positive: Bool
            switch d.rule {
            case .tiers: positive = tally.meetsTiers
            case .any: positive = !inDomain.isEmpty
            case .condition(let c):
                for dep in c.domainReferences where dep != d.id {
                    if let other = q.domain(dep) { evaluateDomain(other, depth: depth + 1) }
                }
                ctx.positive = Set(findings.values.filter(\.positive).map(\.domain.id))
                positive = ConditionEvaluator.evaluate(c, in: ctx) == .yes
            }
            findings[d.id] = DomainFinding(domain: d, positive: positive, indicators: inDomain, tally: tally)
        }
        for d in q.domains { evaluateDomain(d, depth: 0) }
        let domains = q.domains.compactMap { findings[$0.id] }
        ctx.positive = Set(domains.filter(\.positive).map(\.domain.id))

        // 4. Result level from the rules, then overrides in order.
        var level = ResultLevel.noIndicators
        if let c = q.result.likely, ConditionEvaluator.evaluate(c, in: ctx) == .yes {
            level = .likely
        } else if let c = q.result.possible, ConditionEvaluator.evaluate(c, in: ctx) == .yes {
            level = .possible
        }
        let ruleResult = level
        var urgentBecause: [String] = []
        if let c = q.result.urgent, ConditionEvaluator.evaluate(c, in: ctx) == .yes { urgentBecause.append("rule") }
        var applied: [AppliedOverride] = []
        for o in q.result.overrides where ConditionEvaluator.evaluate(o.when, in: ctx) == .yes {
            let before = level
            if let r = o.result { level = r }
            if let floor = o.atLeast, level < floor { level = floor }
            if o.urgent { urgentBecause.append(o.id) }
            applied.append(AppliedOverride(override: o, before: before, after: level))
        }

        // 5. Referrals.
        let referrals = q.referrals
            .filter { ConditionEvaluator.evaluate($0.when, in: ctx) == .yes }
            .map { ReferralFinding(referral: $0) }

        // 6. What is unknown: declined, don't know, or not asked.
        var unanswered: [(String, UnansweredReason)] = []
        for question in q.questions where question.takesAnswer {
            switch relevance.state(question.id) {
            case .notApplicable:
                continue
            case .undetermined:
                unanswered.append((question.id, .notAsked))
            case .relevant:
                switch answers[question.id] {
                case nil: unanswered.append((question.id, .notAsked))
                case .special(.declined)?: unanswered.append((question.id, .declined))
                case .special(.dontKnow)?: unanswered.append((question.id, .dontKnow))
                default: break
                }
            }
        }

        return ScoreResult(result: level, ruleResult: ruleResult, urgent: !urgentBecause.isEmpty,
                           urgentBecause: urgentBecause, domains: domains, indicators: raised,
                           scores: ctx.scores, overrides: applied, referrals: referrals,
                           unanswered: unanswered, relevance: relevance)
    }
}

extension Scorer {
    /// The answers a true condition rests on: those without which it would
    /// no longer be true. When no single answer is decisive (two true
    /// alternatives), every answered question it reads.
    static func contributingAnswers(_ c: Condition, answers: [String: AnswerValue], base: AnswerContext) -> [Evidence] {
        let refs = c.questionReferences.filter { answers[$0] != nil }
        var decisive: [String] = []
        for id in refs {
            var ctx = base
            ctx.answers[id] = nil
            if ConditionEvaluator.evaluate(c, in: ctx) != .yes { decisive.append(id) }
        }
        return (decisive.isEmpty ? refs : decisive).map { Evidence(questionID: $0, answer: answers[$0]!) }
    }

    /// The answers that made the interview urgent through the `urgent` rule.
    public static func urgentEvidence(_ q: Questionnaire, answers: [String: AnswerValue], language: String) -> [Evidence] {
        guard let c = q.result.urgent else { return [] }
        let relevance = Relevance(questionnaire: q, answers: answers, language: language)
        let effective = relevance.effectiveAnswers(answers)
        let ctx = AnswerContext(answers: effective, questionnaire: q, language: language)
        guard ConditionEvaluator.evaluate(c, in: ctx) == .yes else { return [] }
        return contributingAnswers(c, answers: effective, base: ctx)
    }
}

/// What scoring rules read: answers, raised indicators, scores, domains.
struct ScoringContext: ConditionContext {
    var base: AnswerContext
    var raised: [RaisedIndicator] = []
    var scores: [String: Double] = [:]
    var positive: Set<String> = []

    var language: String { base.language }
    func answer(_ question: String) -> AnswerValue? { base.answer(question) }
    func parameter(_ id: String) -> Double { base.parameter(id) }
    func indicatorRaised(_ id: String) -> Bool { raised.contains { $0.indicator.id == id } }
    func score(_ id: String) -> Double { scores[id] ?? 0 }
    func domainPositive(_ id: String) -> Bool { positive.contains(id) }
    func strengthCount(_ strength: Strength, domain: String) -> Int {
        raised.filter { $0.indicator.domain == domain && $0.indicator.strength == strength }.count
    }
    func indicatorCount(domain: String?) -> Int {
        raised.filter { domain == nil || $0.indicator.domain == domain }.count
    }
    func weight(domain: String?) -> Double {
        raised.filter { domain == nil || $0.indicator.domain == domain }.reduce(0) { $0 + $1.indicator.weight }
    }
}
