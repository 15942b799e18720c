/// Scores an interview: indicators, scores, domains, the result level,
/// urgency, overrides and referrals. Pure and deterministic.
public enum Scorer {
    public static func score(_ q: Questionnaire, answers: [String: AnswerValue], language: String) -> ScoreResult {
        let relevance = Relevance(questionnaire: q, answers: answers, language: language)
        let effective = relevance.effectiveAnswers(answers)
        var ctx = ScoringContext(base: AnswerContext(answers: effective, questionnaire: q, language: language),
                                 concernDomains: Set(q.domains.filter { $0.kind == .concern }.map(\.id)))

        // 1. Indicators: raised only when their condition is definitely true.
        var raised: [RaisedIndicator] = []
        for ind in q.indicators where ConditionEvaluator.evaluate(ind.when, in: ctx) == .yes {
            raised.append(RaisedIndicator(indicator: ind, evidence: Support.evidence(ind.when, in: ctx)))
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
        } else if let c = q.result.concerns, ConditionEvaluator.evaluate(c, in: ctx) == .yes {
            level = .concerns
        }
        let ruleResult = level
        var urgentBecause: [String] = []
        var urgentEvidence: [Evidence] = []
        let urgentTruth = q.result.urgent.map { ConditionEvaluator.evaluate($0, in: ctx) }
        if let c = q.result.urgent, urgentTruth == .yes {
            urgentBecause.append("rule")
            urgentEvidence = Support.evidence(c, in: ctx)
        }
        var applied: [AppliedOverride] = []
        for o in q.result.overrides where ConditionEvaluator.evaluate(o.when, in: ctx) == .yes {
            let before = level
            if let r = o.result { level = r }
            if let floor = o.atLeast, level < floor { level = floor }
            if o.urgent { urgentBecause.append(o.id) }
            applied.append(AppliedOverride(override: o, before: before, after: level,
                                           evidence: Support.evidence(o.when, in: ctx)))
        }
        // Safety is established only when the urgent rule could be read:
        // an unknown answer there is "not established", never "no concern".
        let safety: SafetyStatus
        if !urgentBecause.isEmpty {
            safety = .urgent
        } else if let c = q.result.urgent, urgentTruth == .unknown {
            // Only questions that applied (or could not be decided) and have no real answer.
            let open = c.questionReferences.filter {
                relevance.state($0) != .notApplicable && (effective[$0] == nil || effective[$0]?.special != nil)
            }
            safety = .notEstablished(open)
        } else {
            safety = .noConcernReported
        }

        // 5. Referrals.
        let referrals = q.referrals
            .filter { ConditionEvaluator.evaluate($0.when, in: ctx) == .yes }
            .map { r in
                ReferralFinding(referral: r, evidence: Support.evidence(r.when, in: ctx),
                                timeCritical: r.timeCritical.map { ConditionEvaluator.evaluate($0, in: ctx) == .yes } ?? false)
            }

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
                           urgentBecause: urgentBecause, urgentEvidence: urgentEvidence, safety: safety,
                           domains: domains, indicators: raised,
                           scores: ctx.scores, overrides: applied, referrals: referrals,
                           unanswered: unanswered, relevance: relevance)
    }
}

/// What scoring rules read: answers, raised indicators, scores, domains.
struct ScoringContext: ConditionContext {
    var base: AnswerContext
    /// Domains of labour or safety concerns, left out of counts over all domains.
    var concernDomains: Set<String> = []
    var raised: [RaisedIndicator] = []
    var scores: [String: Double] = [:]
    var positive: Set<String> = []

    var language: String { base.language }
    func answer(_ question: String) -> AnswerValue? { base.answer(question) }
    func parameter(_ id: String) -> Double { base.parameter(id) }
    func indicatorRaised(_ id: String) -> Bool { raised.contains { $0.indicator.id == id } }
    func score(_ id: String) -> Double { scores[id] ?? 0 }
    func domainPositive(_ id: String) -> Bool { positive.contains(id) }
    /// The raised indicators in `domain`, or in every indicator domain.
    private func inScope(_ domain: String?) -> [RaisedIndicator] {
        raised.filter { r in
            if let domain { return r.indicator.domain == domain }
            return !concernDomains.contains(r.indicator.domain)
        }
    }
    func strengthCount(_ strength: Strength, domain: String?) -> Int {
        inScope(domain).filter { $0.indicator.strength == strength }.count
    }
    func indicatorCount(domain: String?) -> Int { inScope(domain).count }
    func weight(domain: String?) -> Double { inScope(domain).reduce(0) { $0 + $1.indicator.weight } }
}
