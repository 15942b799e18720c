/// A condition with its question ids resolved to positions in
/// `Questionnaire.questions`, for reading many answer sets against one
/// questionnaire (a batch of summaries): answers are read from an array by
/// position instead of from a dictionary by id, so no id is hashed while
/// evaluating (bench/README.md, "Issue 19, round 3"). Everything that
/// reads no answer is left to `ConditionEvaluator`. Gives what
/// `ConditionEvaluator` gives on the condition it came from:
/// `IndexedConditionTests` compares the two on seeded generated
/// questionnaires and answers.
indirect enum IndexedNode: Sendable {
    /// A node that reads no answer, and has none below it.
    case general(ConditionNode)
    /// A literal's value, worked out once: each was a `ConditionNode`
    /// copied out and evaluated at every use.
    case literal(ConditionEvaluator.Value)
    /// `answer == option` (or `!=`, `equal` false), either way round: the
    /// commonest condition by far, read without building either value
    /// (bench/README.md, "Issue 19, round 7").
    case choiceIs(Int, String, equal: Bool)
    /// The answer at a position; -1 for an id that names no question.
    case answer(Int)
    case answered(Int)
    case countYes([Int])
    case list([IndexedNode])
    case not(IndexedNode)
    case and([IndexedNode])
    case or([IndexedNode])
    case compare(CompareOp, IndexedNode, IndexedNode)
    case arithmetic(ArithmeticOp, IndexedNode, IndexedNode)
    case inList(IndexedNode, [IndexedNode])
    /// `x has [options]`: only the option literals among the items count.
    case has(IndexedNode, options: [String])
    case count([IndexedNode])

    init(_ node: ConditionNode, positions: [String: Int]) {
        func position(_ id: String) -> Int { positions[id] ?? -1 }
        func all(_ xs: [ConditionNode]) -> [IndexedNode] { xs.map { IndexedNode($0, positions: positions) } }
        switch node {
        case .answer(let q): self = .answer(position(q))
        case .answered(let q): self = .answered(position(q))
        case .countYes(let qs): self = .countYes(qs.map(position))
        case .list(let xs): self = .list(all(xs))
        case .not(let x): self = .not(IndexedNode(x, positions: positions))
        case .and(let xs): self = .and(all(xs))
        case .or(let xs): self = .or(all(xs))
        case .compare(let op, .answer(let q), .option(let o)) where op == .eq || op == .ne,
             .compare(let op, .option(let o), .answer(let q)) where op == .eq || op == .ne:
            self = .choiceIs(position(q), o, equal: op == .eq)
        case .compare(let op, let a, let b):
            self = .compare(op, IndexedNode(a, positions: positions), IndexedNode(b, positions: positions))
        case .arithmetic(let op, let a, let b):
            self = .arithmetic(op, IndexedNode(a, positions: positions), IndexedNode(b, positions: positions))
        case .inList(let a, let xs): self = .inList(IndexedNode(a, positions: positions), all(xs))
        case .has(let a, let items, _):
            self = .has(IndexedNode(a, positions: positions), options: items.compactMap {
                if case .option(let o) = $0 { return o }
                return nil
            })
        case .count(let xs): self = .count(all(xs))
        case .bool(let b): self = .literal(.truth(Truth(b)))
        case .number(let n): self = .literal(.number(n))
        case .string(let s): self = .literal(.string(s))
        case .option(let o): self = .literal(.option(o))
        case .special(let s): self = .literal(.special(s))
        case .current, .indicator, .score, .parameter, .language, .positive, .strengthCount, .indicatorCount, .weight:
            self = .general(node)
        }
    }
}

/// A condition context that can also give answers by question position.
protocol IndexedConditionContext: ConditionContext {
    /// The answer at `position` in `Questionnaire.questions`, as
    /// `answer(_:)` gives it for that question's id; nil for -1.
    func answer(at position: Int) -> AnswerValue?
    /// `ConditionEvaluator.equal` of the answer at `position` and `option`.
    func choice(at position: Int, is option: String) -> Truth
}

extension IndexedConditionContext {
    func choice(at position: Int, is option: String) -> Truth {
        guard case .choice(let c)? = answer(at: position) else { return .unknown }
        return Truth(c == option)
    }
}

/// `ConditionEvaluator` over `IndexedNode`s: the same cases in the same order.
enum IndexedEvaluator {
    typealias Value = ConditionEvaluator.Value

    static func evaluate(_ node: IndexedNode, in ctx: some IndexedConditionContext) -> Truth {
        ConditionEvaluator.truth(value(node, ctx))
    }

    static func value(_ node: IndexedNode, _ ctx: some IndexedConditionContext) -> Value {
        switch node {
        case .general(let n): return ConditionEvaluator.value(n, ctx)
        case .literal(let v): return v
        case .choiceIs(let p, let o, let equal):
            let t = ctx.choice(at: p, is: o)
            return .truth(equal ? t : !t)
        case .answer(let p): return .answer(ctx.answer(at: p))
        case .list(let xs): return .list(xs.map { value($0, ctx) })
        case .not(let x): return .truth(!ConditionEvaluator.truth(value(x, ctx)))
        case .and(let xs): return .truth(ConditionEvaluator.all(xs) { ConditionEvaluator.truth(value($0, ctx)) })
        case .or(let xs): return .truth(ConditionEvaluator.any(xs) { ConditionEvaluator.truth(value($0, ctx)) })
        case .compare(let op, let a, let b):
            return .truth(ConditionEvaluator.compare(op, value(a, ctx), value(b, ctx)))
        case .arithmetic(let op, let a, let b):
            guard let x = ConditionEvaluator.numeric(value(a, ctx)), let y = ConditionEvaluator.numeric(value(b, ctx))
            else { return .number(nil) }
            switch op {
            case .add: return .number(x + y)
            case .sub: return .number(x - y)
            case .mul: return .number(x * y)
            }
        case .inList(let a, let items):
            let va = value(a, ctx)
            var result = Truth.no
            for item in items {
                switch ConditionEvaluator.equal(va, value(item, ctx)) {
                case .yes: return .truth(.yes)
                case .unknown: result = .unknown
                case .no: break
                }
            }
            return .truth(result)
        case .has(let a, let options):
            guard case .answer(let ans) = value(a, ctx) else { return .truth(.unknown) }
            guard case .choices(let chosen)? = ans else { return .truth(.unknown) }
            return .truth(options.contains(where: chosen.contains) ? .yes : .no)
        case .answered(let p):
            guard let a = ctx.answer(at: p) else { return .truth(.no) }
            return .truth(Truth(a.special == nil))
        case .countYes(let ps):
            var n = 0
            for p in ps where ctx.answer(at: p) == .choice("yes") { n += 1 }
            return .number(Double(n))
        case .count(let xs):
            var n = 0
            for x in xs where ConditionEvaluator.truth(value(x, ctx)) == .yes { n += 1 }
            return .number(Double(n))
        }
    }
}

/// Answers held by question position, for `IndexedEvaluator`; by id too,
/// for what is left to `ConditionEvaluator` (evidence, for one).
struct IndexedAnswers: IndexedConditionContext {
    var slots: [AnswerValue?]
    let questionnaire: Questionnaire
    let language: String
    var currentAnswer: AnswerValue?

    init(slots: [AnswerValue?], questionnaire: Questionnaire, language: String, currentAnswer: AnswerValue? = nil) {
        self.slots = slots
        self.questionnaire = questionnaire
        self.language = language
        self.currentAnswer = currentAnswer
    }

    func answer(at position: Int) -> AnswerValue? { position >= 0 ? slots[position] : nil }
    /// Read in place, without copying the answer out.
    func choice(at position: Int, is option: String) -> Truth {
        guard position >= 0, case .choice(let c)? = slots[position] else { return .unknown }
        return Truth(c == option)
    }
    func answer(_ question: String) -> AnswerValue? { questionnaire.positions[question].flatMap { slots[$0] } }
    func parameter(_ id: String) -> Double {
        questionnaire.parameters.first { $0.id == id }?.value(for: language) ?? 0
    }
}
