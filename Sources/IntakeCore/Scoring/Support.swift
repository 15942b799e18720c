/// The answers a finding rests on, found from the shape of its condition:
/// for `a or b` only the alternatives that are true, for `a and b` every
/// part, for `q has [x, y]` only the options chosen among x and y. So an
/// answer that decided nothing ("In danger now? No" beside "Safe tonight?
/// No") is never shown as a reason.
enum Support {
    /// Evidence for `c` being `want` in `ctx`, in the order the condition
    /// reads it; one item per question (options of one question merged).
    static func evidence<B>(_ c: Condition, want: Truth = .yes, in ctx: ScoringContext<B>) -> [Evidence] {
        var out: [Evidence] = []
        collect(c.root, want: want, ctx, into: &out)
        return out
    }

    private static func truth<B>(_ node: ConditionNode, _ ctx: ScoringContext<B>) -> Truth {
        ConditionEvaluator.truth(ConditionEvaluator.value(node, ctx))
    }

    static func add(_ e: Evidence, to out: inout [Evidence]) {
        guard let i = out.firstIndex(where: { $0.questionID == e.questionID }) else {
            out.append(e)
            return
        }
        if case .choices(let a) = out[i].answer, case .choices(let b) = e.answer {
            out[i].answer = .choices(a + b.filter { !a.contains($0) })
        }
    }

    private static func answerEvidence<B>(_ q: String, _ ctx: ScoringContext<B>, into out: inout [Evidence]) {
        if let a = ctx.answer(q) { add(Evidence(questionID: q, answer: a), to: &out) }
    }

    static func collect<B>(_ node: ConditionNode, want: Truth, _ ctx: ScoringContext<B>, into out: inout [Evidence]) {
        switch node {
        case .not(let x):
            collect(x, want: !want, ctx, into: &out)
        case .and(let xs):
            if want == .yes {
                for x in xs { collect(x, want: .yes, ctx, into: &out) }
            } else if let first = xs.first(where: { truth($0, ctx) == want }) {
                collect(first, want: want, ctx, into: &out)
            }
        case .or(let xs):
            if want == .yes {
                for x in xs where truth(x, ctx) == .yes { collect(x, want: .yes, ctx, into: &out) }
            } else {
                for x in xs { collect(x, want: want, ctx, into: &out) }
            }
        case .indicator(let id):
            if want == .yes, let r = ctx.raisedIndicator(id) {
                for e in r.evidence { add(e, to: &out) }
            }
        case .has(.answer(let q), let items, _):
            guard let a = ctx.answer(q) else { return }
            if want == .yes, case .choices(let chosen) = a {
                let named = Set(items.compactMap { item -> String? in
                    if case .option(let o) = item { return o }
                    return nil
                })
                add(Evidence(questionID: q, answer: .choices(chosen.filter(named.contains))), to: &out)
            } else {
                add(Evidence(questionID: q, answer: a), to: &out)
            }
        case .answer(let q), .answered(let q):
            answerEvidence(q, ctx, into: &out)
        case .countYes(let qs):
            for q in qs where ctx.answer(q) == .choice("yes") { answerEvidence(q, ctx, into: &out) }
        case .count(let xs):
            for x in xs where truth(x, ctx) == .yes { collect(x, want: .yes, ctx, into: &out) }
        case .compare(_, let a, let b), .arithmetic(_, let a, let b):
            collect(a, want: want, ctx, into: &out)
            collect(b, want: want, ctx, into: &out)
        case .inList(let a, let xs):
            collect(a, want: want, ctx, into: &out)
            for x in xs { collect(x, want: want, ctx, into: &out) }
        case .list(let xs):
            for x in xs { collect(x, want: want, ctx, into: &out) }
        case .bool, .number, .string, .option, .special, .current, .score, .parameter, .language,
             .positive, .strengthCount, .indicatorCount, .weight, .has:
            // Domains are shown with their own evidence; a referral or an
            // override lists only the answers it reads directly.
            break
        }
    }
}

extension Support {
    /// `evidence(_:want:in:)` over a compiled condition (`IndexedNode`):
    /// answers read by position, truth from `IndexedEvaluator`; `ids`: the
    /// questionnaire's question ids by position. In a batch the evidence
    /// over trees hashed each id it read, twice (bench/README.md, "Issue
    /// 19, round 5"). Gives what the tree gives on the condition the node
    /// was compiled from (`IndexedConditionTests`).
    static func evidence<B: IndexedConditionContext>(_ node: IndexedNode, ids: [String], want: Truth = .yes,
                                                     in ctx: ScoringContext<B>) -> [Evidence] {
        var out: [Evidence] = []
        collect(node, want: want, ids, ctx, into: &out)
        return out
    }

    private static func truth<B: IndexedConditionContext>(_ node: IndexedNode, _ ctx: ScoringContext<B>) -> Truth {
        IndexedEvaluator.evaluate(node, in: ctx)
    }

    /// The cases of `collect` over trees, in the same order.
    private static func collect<B: IndexedConditionContext>(_ node: IndexedNode, want: Truth, _ ids: [String],
                                                            _ ctx: ScoringContext<B>, into out: inout [Evidence]) {
        func answerEvidence(_ p: Int) {
            if let a = ctx.answer(at: p) { add(Evidence(questionID: ids[p], answer: a), to: &out) }
        }
        switch node {
        case .general(let n):
            // Reads no answer; an indicator's evidence is its own.
            collect(n, want: want, ctx, into: &out)
        case .not(let x):
            collect(x, want: !want, ids, ctx, into: &out)
        case .and(let xs):
            if want == .yes {
                for x in xs { collect(x, want: .yes, ids, ctx, into: &out) }
            } else if let first = xs.first(where: { truth($0, ctx) == want }) {
                collect(first, want: want, ids, ctx, into: &out)
            }
        case .or(let xs):
            if want == .yes {
                for x in xs where truth(x, ctx) == .yes { collect(x, want: .yes, ids, ctx, into: &out) }
            } else {
                for x in xs { collect(x, want: want, ids, ctx, into: &out) }
            }
        case .has(.answer(let p), let options):
            guard let a = ctx.answer(at: p) else { return }
            if want == .yes, case .choices(let chosen) = a {
                add(Evidence(questionID: ids[p], answer: .choices(chosen.filter(options.contains))), to: &out)
            } else {
                add(Evidence(questionID: ids[p], answer: a), to: &out)
            }
        case .answer(let p), .answered(let p), .choiceIs(let p, _, _):
            // `choiceIs` is a comparison of an answer and a literal: the
            // answer's evidence, as the tree gives it.
            answerEvidence(p)
        case .literal:
            // As over trees: a literal names no answer.
            break
        case .countYes(let ps):
            for p in ps where ctx.answer(at: p) == .choice("yes") { answerEvidence(p) }
        case .count(let xs):
            for x in xs where truth(x, ctx) == .yes { collect(x, want: .yes, ids, ctx, into: &out) }
        case .compare(_, let a, let b), .arithmetic(_, let a, let b):
            collect(a, want: want, ids, ctx, into: &out)
            collect(b, want: want, ids, ctx, into: &out)
        case .inList(let a, let xs):
            collect(a, want: want, ids, ctx, into: &out)
            for x in xs { collect(x, want: want, ids, ctx, into: &out) }
        case .list(let xs):
            for x in xs { collect(x, want: want, ids, ctx, into: &out) }
        case .has:
            // As over trees: only `answer has [...]` names answers.
            break
        }
    }
}
