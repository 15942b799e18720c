/// The second pass of loading: every condition is resolved against the
/// names it may use in its place.
extension QuestionnaireLoader {
    struct Resolution {
        var builder: Builder
        let sections: [Builder.SectionDef]
        let parameters: [Parameter]
        let domains: [Builder.DomainDef]
        let indicators: [RawIndicator]
        let scores: [Builder.ScoreDef]
        /// Every question, built without conditions, for scopes.
        let plainQuestions: [String: Question]
        let order: [String]
        /// Each question's position in `order`.
        let position: [String: Int]

        init(builder: Builder, sections: [Builder.SectionDef], parameters: [Parameter],
                         domains: [Builder.DomainDef], indicators: [RawIndicator], scores: [Builder.ScoreDef]) {
            self.builder = builder
            self.sections = sections
            self.parameters = parameters
            self.domains = domains
            self.indicators = indicators
            self.scores = scores
            var plain: [String: Question] = [:]
            var order: [String] = []
            for s in sections {
                for d in s.questions where plain[d.id] == nil {
                    plain[d.id] = Self.question(d, relevant: nil, required: nil, constraint: nil, endIf: nil)
                    order.append(d.id)
                }
            }
            self.plainQuestions = plain
            self.order = order
            self.position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        }

        static func question(_ d: Builder.QuestionDef, relevant: Condition?, required: Condition?, constraint: Condition?, endIf: Condition?) -> Question {
            let placeholder = SourceText(key: "", text: "", location: d.location)
            return Question(id: d.id, type: d.type, text: d.text ?? placeholder, guidance: d.guidance,
                            relevant: relevant, required: required, constraint: constraint,
                            constraintMessage: d.constraintMessage, options: d.options, min: d.min, max: d.max,
                            integer: d.integer, multiline: d.multiline, special: d.special, endIf: endIf,
                            endMessage: d.endMessage, indicatorIDs: d.indicatorIDs, location: d.location,
                            sectionID: d.sectionID)
        }

        /// A scope that may read the questions before position `before` (all when nil).
        func scope(before: Int?, place: String) -> ConditionScope {
            scope(visible: before.map { QuestionVisibility(order: position, limit: $0) }, place: place)
        }

        func scope(visible: QuestionVisibility?, place: String) -> ConditionScope {
            ConditionScope(allQuestions: plainQuestions, visibleQuestions: visible,
                           parameters: Set(parameters.map(\.id)), placeName: place)
        }

        var scoringScope: ConditionScope {
            var s = scope(visible: nil, place: "a scoring rule")
            s.indicators = Set(indicators.map(\.id))
            s.scores = Set(scores.map(\.id))
            s.domains = Set(domains.map(\.id))
            s.allowsDomains = true
            return s
        }

        mutating func resolve(_ p: PendingCondition?, _ scope: ConditionScope) -> Condition? {
            guard let p else { return nil }
            switch ConditionResolver.resolve(p.text, at: p.location, scope: scope, locate: p.locate) {
            case .success(let c): return c
            case .failure(let d):
                builder.diags.append(d)
                return nil
            }
        }

        mutating func resolveSections() -> [Section] {
            var out: [Section] = []
            // Questions seen so far, in order: a condition reads only earlier ones.
            var earlier = 0
            for s in sections {
                let relevant = resolve(s.relevant, scope(before: earlier, place: "the 'relevant' condition of section '\(s.id)'"))
                var questions: [Question] = []
                for d in s.questions {
                    let place = "the conditions of question '\(d.id)'"
                    // A repeated id (reported by the builder) keeps its first place.
                    let here = position[d.id] ?? earlier
                    var sc = scope(before: here, place: place)
                    sc.ownerQuestion = d.id
                    let relevant = resolve(d.relevant, sc)
                    var required: Condition?
                    if let r = d.required {
                        required = r.text == "true" ? .constant(true, at: r.location) : resolve(r, sc)
                    }
                    var cs = scope(before: here + 1, place: place)
                    cs.ownerQuestion = d.id
                    cs.currentQuestion = plainQuestions[d.id]
                    let constraint = resolve(d.constraint, cs)
                    let endIf = resolve(d.endIf, cs)
                    questions.append(Self.question(d, relevant: relevant, required: required, constraint: constraint, endIf: endIf))
                    earlier = max(earlier, here + 1)
                }
                out.append(Section(id: s.id, title: s.title ?? SourceText(key: "", text: s.id, location: s.location),
                                   intro: s.intro, contentNote: s.contentNote, relevant: relevant,
                                   questions: questions, location: s.location))
            }
            return out
        }

        mutating func resolveIndicators() -> [Indicator] {
            var out: [Indicator] = []
            let domainIDs = Set(domains.map(\.id))
            let sc = scope(visible: nil, place: "the condition of an indicator")
            for raw in indicators {
                var domain = ""
                if let (d, loc) = raw.domain {
                    if domainIDs.contains(d) { domain = d } else {
                        let hint = Suggest.closest(to: d, in: Array(domainIDs)).map { "; did you mean '\($0)'?" } ?? " (declared: \(domainIDs.sorted().joined(separator: ", ")))"
                        builder.diags.error(loc, "indicator '\(raw.id)' names undefined domain '\(Sanitize.singleLine(d))'\(hint)")
                    }
                }
                var when: Condition?
                if let qid = raw.questionID, let q = plainQuestions[qid] {
                    let opts = raw.answers.map(\.0)
                    guard let first = raw.answers.first else { continue }
                    if q.type == .multiple {
                        let source = "\(qid) has any [\(opts.joined(separator: ", "))]"
                        when = Condition(source: source, location: first.1,
                                         root: .has(.answer(qid), opts.map { .option($0) }, any: true))
                    } else if opts.count == 1 {
                        when = Condition(source: "\(qid) == \(opts[0])", location: first.1,
                                         root: .compare(.eq, .answer(qid), .option(opts[0])))
                    } else {
                        when = Condition(source: "\(qid) in [\(opts.joined(separator: ", "))]", location: first.1,
                                         root: .inList(.answer(qid), opts.map { .option($0) }))
                    }
                } else {
                    when = resolve(raw.when, sc)
                }
                guard let when else { continue }
                out.append(Indicator(id: raw.id, domain: domain, strength: raw.strength, phase: raw.phase,
                                     weight: raw.weight, when: when, questionID: raw.questionID, why: raw.why,
                                     location: raw.location))
            }
            return out
        }

        mutating func resolveScores() -> [Score] {
            var sc = scope(visible: nil, place: "a score")
            sc.indicators = Set(indicators.map(\.id))
            return scores.map { def in
                let items = def.items.compactMap { (p, points) -> ScoreItem? in
                    resolve(p, sc).map { ScoreItem(when: $0, points: points) }
                }
                return Score(id: def.id, items: items, location: def.location)
            }
        }

        mutating func resolveDomains() -> [Domain] {
            var out: [Domain] = []
            for d in domains {
                var rule = d.ruleKeyword ?? .tiers
                if let p = d.rule {
                    var sc = scoringScope
                    sc.placeName = "the rule of domain '\(d.id)'"
                    if let c = resolve(p, sc) { rule = .condition(c) }
                }
                out.append(Domain(id: d.id, title: d.title ?? SourceText(key: "", text: d.id, location: d.location),
                                  core: d.core, kind: d.kind, rule: rule, location: d.location))
            }
            // Domains may read each other's result; a cycle has no answer.
            var deps: [String: Set<String>] = [:]
            for d in out {
                if case .condition(let c) = d.rule {
                    var refs = Set<String>()
                    c.root.visit { if case .positive(let x) = $0 { refs.insert(x) } }
                    deps[d.id] = refs
                }
            }
            for d in out {
                if let cycle = Self.cycle(from: d.id, deps: deps), case .condition(let c) = d.rule, cycle.first == d.id {
                    builder.diags.error(c.location, "the rule of domain '\(d.id)' depends on itself: \(cycle.joined(separator: " -> "))")
                }
            }
            return out
        }

        /// A path from `start` back to itself through `deps`, if one exists.
        static func cycle(from start: String, deps: [String: Set<String>]) -> [String]? {
            var stack: [(String, [String])] = [(start, [start])]
            var seen = Set<String>()
            while let (node, path) = stack.popLast() {
                for next in (deps[node] ?? []).sorted() {
                    if next == start { return path + [start] }
                    if seen.insert(next).inserted { stack.append((next, path + [next])) }
                }
            }
            return nil
        }

        mutating func resolveResult(_ def: Builder.ResultDef) -> ResultRules {
            var sc = scoringScope
            sc.placeName = "the result rules"
            let likely = resolve(def.likely, sc)
            let possible = resolve(def.possible, sc)
            let concerns = resolve(def.concerns, sc)
            let urgent = resolve(def.urgent, sc)
            var overrides: [Override] = []
            for o in def.overrides {
                sc.placeName = "override '\(o.id)'"
                guard let when = resolve(o.when, sc), let reason = o.reason else { continue }
                overrides.append(Override(id: o.id, when: when, result: o.result, atLeast: o.atLeast,
                                          urgent: o.urgent, flag: o.flag, reason: reason, location: o.location))
            }
            return ResultRules(likely: likely, possible: possible, concerns: concerns, urgent: urgent, overrides: overrides)
        }

        mutating func resolveReferrals(_ defs: [Builder.ReferralDef]) -> [Referral] {
            var sc = scoringScope
            var out: [Referral] = []
            for d in defs {
                sc.placeName = "referral '\(d.id)'"
                guard let when = resolve(d.when, sc), let title = d.title, let reason = d.reason else { continue }
                let timeCritical = d.timeCritical.flatMap { resolve($0, sc) }
                out.append(Referral(id: d.id, title: title, when: when, timeCritical: timeCritical, reason: reason,
                                    details: d.details.map(\.0), location: d.location))
            }
            return out
        }
    }
}
