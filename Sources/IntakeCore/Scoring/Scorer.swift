/// Scores an interview: indicators, scores, domains, the result level,
/// urgency, overrides and referrals. Pure and deterministic.
public enum Scorer {
    public static func score(_ q: Questionnaire, answers: [String: AnswerValue], language: String) -> ScoreResult {
        let relevance = Relevance(questionnaire: q, answers: answers, language: language)
        let base = AnswerContext(answers: relevance.effectiveAnswers(answers), questionnaire: q, language: language)
        return score(q, relevance: relevance, base: base, rules: TreeRules(questionnaire: q))
    }

    /// The same, with the questionnaire's conditions compiled once (a batch
    /// of summaries): gives what the function above gives
    /// (`IndexedConditionTests`).
    public static func score(_ program: ScoringProgram, answers: [String: AnswerValue], language: String) -> ScoreResult {
        score(program, answers: answers, given: nil, language: language)
    }

    /// The same for an answer file, reading its answers by position when
    /// the fast path kept them for this questionnaire: hashing every
    /// answer's id again to find its position was 35,000 instructions a
    /// file (bench/README.md, "Issue 19, round 6: batch summaries").
    /// Gives what the function above gives (`AnswerFileFastPathTests`).
    public static func score(_ program: ScoringProgram, file: AnswerFile, language: String) -> ScoreResult {
        guard let slots = file.byPosition,
              slots.questionnaire.contentHash == program.questionnaire.contentHash,
              slots.values.count == program.questionnaire.questions.count
        else { return score(program, answers: file.answers, given: nil, language: language) }
        // With the answers by position, those by id are not read.
        return score(program, answers: [:], given: slots.values, language: language)
    }

    /// - Parameter given: `answers` by position, if known.
    static func score(_ program: ScoringProgram, answers: [String: AnswerValue], given: [AnswerValue?]?,
                      language: String) -> ScoreResult {
        let (relevance, base) = program.relevance(answers, given: given, language: language)
        var result = score(program.questionnaire, relevance: relevance, base: base, rules: program)
        result.relevantAnswers = base.slots
        return result
    }

    /// - Parameter base: the answers of relevant questions only.
    static func score<R: ScoringRules>(_ q: Questionnaire, relevance: Relevance, base: R.Base, rules: R) -> ScoreResult {
        var ctx = ScoringContext(base: base, questionnaire: q)

        // 1. Indicators: raised only when their condition is definitely true.
        // By index: `enumerated()` copied every indicator out, raised or not.
        let indicators = q.indicators
        let indicatorDomains = q.indicatorDomains
        var raised: [RaisedIndicator] = []
        var raisedDomains: [Int] = []
        for k in indicators.indices where rules.truth(.indicator(k), in: ctx) == .yes {
            raised.append(RaisedIndicator(indicator: indicators[k], evidence: rules.evidence(.indicator(k), in: ctx)))
            raisedDomains.append(indicatorDomains[k])
        }
        ctx.raise(raised, inDomains: raisedDomains)

        // 2. Scores.
        for (k, s) in q.scores.enumerated() {
            var sum = 0.0
            for (i, item) in s.items.enumerated() where rules.truth(.scoreItem(k, i), in: ctx) == .yes { sum += item.points }
            ctx.scores[s.id] = sum
        }

        // 3. Domains, each after the domains its rule reads (cycles were
        // refused at load), by position (domain ids are unique); the raised
        // indicators of each domain and their tally were worked out once by
        // `raise`, and `ctx.positive` grows as domains are found positive:
        // a rule sees the positive domains among those found so far, as
        // when the set was rebuilt from the findings before each rule.
        var findings = [DomainFinding?](repeating: nil, count: q.domains.count)
        for k in findings.indices { evaluateDomain(k, depth: 0, q, rules: rules, ctx: &ctx, findings: &findings) }
        let domains = findings.compactMap { $0 }

        // 4. Result level from the rules, then overrides in order.
        var level = ResultLevel.noIndicators
        if q.result.likely != nil, rules.truth(.likely, in: ctx) == .yes {
            level = .likely
        } else if q.result.possible != nil, rules.truth(.possible, in: ctx) == .yes {
            level = .possible
        } else if q.result.concerns != nil, rules.truth(.concerns, in: ctx) == .yes {
            level = .concerns
        }
        let ruleResult = level
        var urgentBecause: [String] = []
        var urgentEvidence: [Evidence] = []
        let urgentTruth = q.result.urgent.map { _ in rules.truth(.urgent, in: ctx) }
        if let c = q.result.urgent, urgentTruth == .yes {
            urgentBecause.append("rule")
            urgentEvidence = rules.evidence(.urgent, in: ctx)
        }
        var applied: [AppliedOverride] = []
        for (k, o) in q.result.overrides.enumerated() where rules.truth(.override(k), in: ctx) == .yes {
            let before = level
            if let r = o.result { level = r }
            if let floor = o.atLeast, level < floor { level = floor }
            if o.urgent { urgentBecause.append(o.id) }
            applied.append(AppliedOverride(override: o, before: before, after: level,
                                           evidence: rules.evidence(.override(k), in: ctx)))
        }
        // Safety is established only when the urgent rule could be read:
        // an unknown answer there is "not established", never "no concern".
        let safety: SafetyStatus
        if !urgentBecause.isEmpty {
            safety = .urgent
        } else if let c = q.result.urgent, urgentTruth == .unknown {
            // Only questions that applied (or could not be decided) and have no real answer.
            let open = c.questionReferences.filter {
                relevance.state($0) != .notApplicable && (ctx.answer($0) == nil || ctx.answer($0)?.special != nil)
            }
            safety = .notEstablished(open)
        } else {
            safety = .noConcernReported
        }

        // 5. Referrals.
        var referrals: [ReferralFinding] = []
        let allReferrals = q.referrals
        for k in allReferrals.indices where rules.truth(.referral(k), in: ctx) == .yes {
            let r = allReferrals[k]
            referrals.append(ReferralFinding(referral: r, evidence: rules.evidence(.referral(k), in: ctx),
                                             timeCritical: r.timeCritical != nil && rules.truth(.timeCritical(k), in: ctx) == .yes))
        }

        // 6. What is unknown: declined, don't know, or not asked.
        var unanswered: [(String, UnansweredReason)] = []
        // By index: `for question in q.questions` copied every question out.
        for p in q.questions.indices where q.questions[p].takesAnswer {
            let id = q.questions[p].id
            switch relevance.byPosition[p] {
            case .notApplicable:
                continue
            case .undetermined:
                unanswered.append((id, .notAsked))
            case .relevant:
                // Relevant: its answer is among the effective ones.
                switch base.answer(id, at: p) {
                case nil: unanswered.append((id, .notAsked))
                case .special(.declined)?: unanswered.append((id, .declined))
                case .special(.dontKnow)?: unanswered.append((id, .dontKnow))
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

extension Scorer {
    /// Finds domain `k`, after the domains its rule reads. A function of
    /// its own with the context `inout`: as a nested function it captured
    /// the context, whose every use then copied it out of its box, 27
    /// copies a file (bench/README.md, "Issue 19, round 7").
    private static func evaluateDomain<R: ScoringRules>(_ k: Int, depth: Int, _ q: Questionnaire, rules: R,
                                                        ctx: inout ScoringContext<R.Base>, findings: inout [DomainFinding?]) {
        guard findings[k] == nil, depth <= findings.count else { return }
        let domains = q.domains
        let positive: Bool
        switch domains[k].rule {
        case .tiers: positive = ctx.strengths(inDomain: k).meetsTiers
        case .any: positive = ctx.indicatorCount(inDomain: k) > 0
        case .condition:
            // The domains the rule reads, worked out once with the
            // questionnaire: walking the rule for them was 8,000
            // instructions a file.
            for other in q.domainDependencies[k] {
                evaluateDomain(other, depth: depth + 1, q, rules: rules, ctx: &ctx, findings: &findings)
            }
            positive = rules.truth(.domain(k), in: ctx) == .yes
        }
        findings[k] = DomainFinding(domain: domains[k], positive: positive, indicators: ctx.raised(inDomain: k),
                                    tally: ctx.strengths(inDomain: k))
        if positive { ctx.positive[k] = true }
    }
}

/// The answers scoring reads (those of relevant questions), by id, and by
/// id with its position for a caller that has both.
protocol ScoringAnswers: ConditionContext {
    func answer(_ id: String, at position: Int) -> AnswerValue?
}

extension AnswerContext: ScoringAnswers {
    func answer(_ id: String, at position: Int) -> AnswerValue? { answers[id] }
}

extension IndexedAnswers: ScoringAnswers {
    func answer(_ id: String, at position: Int) -> AnswerValue? { slots[position] }
}

/// A scoring condition, named by where it is in the questionnaire.
enum ScoringRule {
    case indicator(Int), scoreItem(Int, Int), domain(Int)
    case likely, possible, concerns, urgent
    case override(Int), referral(Int), timeCritical(Int)
}

/// How scoring conditions are evaluated: by walking the questionnaire's
/// trees (`TreeRules`), or from a `ScoringProgram`. Asked only for
/// conditions the questionnaire has.
protocol ScoringRules {
    associatedtype Base: ScoringAnswers
    func truth(_ rule: ScoringRule, in ctx: ScoringContext<Base>) -> Truth
    /// The answers `rule`'s condition rests on (`Support`), when it is true.
    func evidence(_ rule: ScoringRule, in ctx: ScoringContext<Base>) -> [Evidence]
}

/// The conditions as the questionnaire holds them, for `ConditionEvaluator`.
struct TreeRules: ScoringRules {
    let questionnaire: Questionnaire

    func truth(_ rule: ScoringRule, in ctx: ScoringContext<AnswerContext>) -> Truth {
        condition(rule).map { ConditionEvaluator.evaluate($0, in: ctx) } ?? .no
    }

    func evidence(_ rule: ScoringRule, in ctx: ScoringContext<AnswerContext>) -> [Evidence] {
        condition(rule).map { Support.evidence($0, in: ctx) } ?? []
    }

    private func condition(_ rule: ScoringRule) -> Condition? {
        let q = questionnaire
        let c: Condition?
        switch rule {
        case .indicator(let k): c = q.indicators[k].when
        case .scoreItem(let s, let i): c = q.scores[s].items[i].when
        case .domain(let k):
            guard case .condition(let rule) = q.domains[k].rule else { return nil }
            c = rule
        case .likely: c = q.result.likely
        case .possible: c = q.result.possible
        case .concerns: c = q.result.concerns
        case .urgent: c = q.result.urgent
        case .override(let k): c = q.result.overrides[k].when
        case .referral(let k): c = q.referrals[k].when
        case .timeCritical(let k): c = q.referrals[k].timeCritical
        }
        return c
    }
}

/// What scoring rules read: answers, raised indicators, scores, domains.
struct ScoringContext<Base: ScoringAnswers>: ConditionContext {
    var base: Base
    /// The questionnaire scored, for its domains by position.
    let questionnaire: Questionnaire
    /// Set by `raise`, with what rules read of them.
    private(set) var raised: [RaisedIndicator] = []
    var scores: [String: Double] = [:]
    /// By domain position: found positive so far.
    var positive: [Bool]

    /// What rules count of the raised indicators in a scope (a domain, or
    /// every indicator domain), worked out once by `raise` instead of by
    /// filtering `raised` at every leaf that counts (bench/README.md,
    /// "Issue 19, round 4"). Weights are summed in `raised` order, as the
    /// filter summed them, so every figure is the same to the last bit
    /// (`ScoringTallyTests`).
    struct Tally {
        var members: [RaisedIndicator] = []
        var strengths = StrengthTally()
        var weight = 0.0

        mutating func add(_ r: RaisedIndicator, keepingMembers: Bool) {
            if keepingMembers { members.append(r) }
            switch r.indicator.strength {
            case .strong: strengths.strong += 1
            case .medium: strengths.medium += 1
            case .weak: strengths.weak += 1
            }
            weight += r.indicator.weight
        }

        /// Every indicator has one strength.
        var count: Int { strengths.strong + strengths.medium + strengths.weak }

        func count(_ s: Strength) -> Int {
            switch s {
            case .strong: return strengths.strong
            case .medium: return strengths.medium
            case .weak: return strengths.weak
            }
        }
    }

    /// By domain position, once `raise` has run: a table of tallies by
    /// domain id was built for every file (bench/README.md, "Issue 19,
    /// round 7").
    private var byDomain: [Tally] = []
    /// Over every indicator domain (concern domains left out).
    private var overIndicatorDomains = Tally()

    init(base: Base, questionnaire: Questionnaire) {
        self.base = base
        self.questionnaire = questionnaire
        positive = [Bool](repeating: false, count: questionnaire.domains.count)
    }

    /// - Parameter domains: each raised indicator's domain, by its position
    ///   in the questionnaire's domains (-1 for none of them).
    mutating func raise(_ indicators: [RaisedIndicator], inDomains domains: [Int]) {
        precondition(indicators.count == domains.count)
        raised = indicators
        let all = questionnaire.domains
        byDomain = [Tally](repeating: Tally(), count: all.count)
        overIndicatorDomains = Tally()
        for i in indicators.indices {
            let d = domains[i]
            if d >= 0 { byDomain[d].add(indicators[i], keepingMembers: true) }
            // Concern domains are left out of counts over all domains.
            if d < 0 || all[d].kind != .concern { overIndicatorDomains.add(indicators[i], keepingMembers: false) }
        }
    }

    /// The raised indicator with this id (the first, were one raised
    /// twice): looked for in turn, as few are raised and rules seldom ask.
    func raisedIndicator(_ id: String) -> RaisedIndicator? { raised.first { $0.indicator.id == id } }
    /// The raised indicators in the domain at `position`, in the order they were raised.
    func raised(inDomain position: Int) -> [RaisedIndicator] {
        position < byDomain.count ? byDomain[position].members : []
    }
    func strengths(inDomain position: Int) -> StrengthTally {
        position < byDomain.count ? byDomain[position].strengths : StrengthTally()
    }
    func indicatorCount(inDomain position: Int) -> Int {
        position < byDomain.count ? byDomain[position].count : 0
    }

    private func tally(_ domain: String?) -> Tally {
        guard let domain else { return overIndicatorDomains }
        guard let k = questionnaire.domainPositions[domain], k < byDomain.count else { return Tally() }
        return byDomain[k]
    }

    var language: String { base.language }
    func answer(_ question: String) -> AnswerValue? { base.answer(question) }
    func parameter(_ id: String) -> Double { base.parameter(id) }
    func indicatorRaised(_ id: String) -> Bool { raised.contains { $0.indicator.id == id } }
    func score(_ id: String) -> Double { scores[id] ?? 0 }
    func domainPositive(_ id: String) -> Bool { questionnaire.domainPositions[id].map { positive[$0] } ?? false }
    func strengthCount(_ strength: Strength, domain: String?) -> Int { tally(domain).count(strength) }
    func indicatorCount(domain: String?) -> Int { tally(domain).count }
    func weight(domain: String?) -> Double { tally(domain).weight }
}

extension ScoringContext: IndexedConditionContext where Base: IndexedConditionContext {
    func answer(at position: Int) -> AnswerValue? { base.answer(at: position) }
    func choice(at position: Int, is option: String) -> Truth { base.choice(at: position, is: option) }
}
