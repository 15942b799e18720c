/// Three-valued truth: an unknown answer makes a comparison unknown, and
/// unknown is never read as false-and-therefore-"no" (Kleene logic).
public enum Truth: Sendable, Equatable {
    case yes, no, unknown

    public init(_ b: Bool) { self = b ? .yes : .no }

    public static prefix func ! (t: Truth) -> Truth {
        switch t { case .yes: return .no; case .no: return .yes; case .unknown: return .unknown }
    }

    public var isTrue: Bool { self == .yes }
}

/// What a condition reads while it is evaluated.
public protocol ConditionContext {
    /// The usable answer to a question: `nil` when the question was not
    /// asked (or not relevant) or has no answer yet; special answers are
    /// returned as `.special`.
    func answer(_ question: String) -> AnswerValue?
    /// The answer a constraint is checking.
    var currentAnswer: AnswerValue? { get }
    var language: String { get }
    func parameter(_ id: String) -> Double
    func indicatorRaised(_ id: String) -> Bool
    func score(_ id: String) -> Double
    func domainPositive(_ id: String) -> Bool
    /// Raised indicators of `strength` in `domain`; with no domain, in every
    /// indicator domain (not in concern domains).
    func strengthCount(_ strength: Strength, domain: String?) -> Int
    /// Raised indicators in `domain`; with no domain, in every indicator domain.
    func indicatorCount(domain: String?) -> Int
    func weight(domain: String?) -> Double
}

public extension ConditionContext {
    var currentAnswer: AnswerValue? { nil }
    func indicatorRaised(_ id: String) -> Bool { false }
    func score(_ id: String) -> Double { 0 }
    func domainPositive(_ id: String) -> Bool { false }
    func strengthCount(_ strength: Strength, domain: String?) -> Int { 0 }
    func indicatorCount(domain: String?) -> Int { 0 }
    func weight(domain: String?) -> Double { 0 }
}

/// Evaluates resolved conditions. Pure: the same context gives the same result.
public enum ConditionEvaluator {
    /// Not `indirect`: each value was a heap box, allocated and freed at
    /// every node evaluated (a tenth of scoring a batch's file, in
    /// `swift_allocObject` and `swift_release`: bench/README.md, "Issue 19,
    /// round 4"); a list already holds its values in an array.
    enum Value: Sendable {
        case truth(Truth)
        case number(Double?)
        case string(String?)
        case answer(AnswerValue?)
        case option(String)
        case special(SpecialAnswer)
        case list([Value])
    }

    public static func evaluate(_ c: Condition, in ctx: some ConditionContext) -> Truth {
        truth(value(c.root, ctx))
    }

    /// Evaluates a numeric expression; `nil` when an answer it needs is unknown.
    public static func number(_ node: ConditionNode, in ctx: some ConditionContext) -> Double? {
        numeric(value(node, ctx))
    }

    /// Three-valued AND: no as soon as one is no (the rest are not
    /// evaluated), else unknown if one is unknown, else yes. An unknown
    /// never counts as no.
    static func all<S: Sequence>(_ xs: S, _ truthOf: (S.Element) -> Truth) -> Truth {
        var result = Truth.yes
        for x in xs {
            switch truthOf(x) {
            case .no: return .no
            case .unknown: result = .unknown
            case .yes: break
            }
        }
        return result
    }

    /// Three-valued OR: yes as soon as one is yes, else unknown if one is
    /// unknown, else no.
    static func any<S: Sequence>(_ xs: S, _ truthOf: (S.Element) -> Truth) -> Truth {
        var result = Truth.no
        for x in xs {
            switch truthOf(x) {
            case .yes: return .yes
            case .unknown: result = .unknown
            case .no: break
            }
        }
        return result
    }

    static func truth(_ v: Value) -> Truth {
        if case .truth(let t) = v { return t }
        return .unknown
    }

    static func numeric(_ v: Value) -> Double? {
        switch v {
        case .number(let n): return n
        case .answer(.number(let n)?): return n
        default: return nil
        }
    }

    static func value(_ node: ConditionNode, _ ctx: some ConditionContext) -> Value {
        switch node {
        case .bool(let b): return .truth(Truth(b))
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .option(let o): return .option(o)
        case .special(let s): return .special(s)
        case .list(let xs): return .list(xs.map { value($0, ctx) })
        case .answer(let q): return .answer(ctx.answer(q))
        case .current: return .answer(ctx.currentAnswer)
        case .indicator(let id): return .truth(Truth(ctx.indicatorRaised(id)))
        case .score(let id): return .number(ctx.score(id))
        case .parameter(let id): return .number(ctx.parameter(id))
        case .language: return .string(ctx.language)
        case .not(let x): return .truth(!truth(value(x, ctx)))
        case .and(let xs): return .truth(all(xs) { truth(value($0, ctx)) })
        case .or(let xs): return .truth(any(xs) { truth(value($0, ctx)) })
        case .compare(let op, let a, let b):
            return .truth(compare(op, value(a, ctx), value(b, ctx)))
        case .arithmetic(let op, let a, let b):
            guard let x = numeric(value(a, ctx)), let y = numeric(value(b, ctx)) else { return .number(nil) }
            switch op {
            case .add: return .number(x + y)
            case .sub: return .number(x - y)
            case .mul: return .number(x * y)
            }
        case .inList(let a, let items):
            let va = value(a, ctx)
            var result = Truth.no
            for item in items {
                switch equal(va, value(item, ctx)) {
                case .yes: return .truth(.yes)
                case .unknown: result = .unknown
                case .no: break
                }
            }
            return .truth(result)
        case .has(let a, let items, _):
            guard case .answer(let ans) = value(a, ctx) else { return .truth(.unknown) }
            guard case .choices(let chosen)? = ans else { return .truth(.unknown) }
            for case .option(let o) in items where chosen.contains(o) { return .truth(.yes) }
            return .truth(.no)
        case .answered(let q):
            guard let a = ctx.answer(q) else { return .truth(.no) }
            return .truth(Truth(a.special == nil))
        case .countYes(let qs):
            return .number(Double(qs.filter { ctx.answer($0) == .choice("yes") }.count))
        case .count(let xs):
            return .number(Double(xs.filter { truth(value($0, ctx)) == .yes }.count))
        case .positive(let d): return .truth(Truth(ctx.domainPositive(d)))
        case .strengthCount(let s, let d): return .number(Double(ctx.strengthCount(s, domain: d)))
        case .indicatorCount(let d): return .number(Double(ctx.indicatorCount(domain: d)))
        case .weight(let d): return .number(ctx.weight(domain: d))
        }
    }

    static func compare(_ op: CompareOp, _ a: Value, _ b: Value) -> Truth {
        switch op {
        case .eq: return equal(a, b)
        case .ne: return !equal(a, b)
        default:
            guard let x = numeric(a), let y = numeric(b) else { return .unknown }
            switch op {
            case .lt: return Truth(x < y)
            case .le: return Truth(x <= y)
            case .gt: return Truth(x > y)
            case .ge: return Truth(x >= y)
            default: return .unknown
            }
        }
    }

    static func equal(_ a: Value, _ b: Value) -> Truth {
        switch (a, b) {
        case (.answer(let ans), .special(let s)), (.special(let s), .answer(let ans)):
            // Whether the person said "don't know" is a fact, even when not asked.
            return Truth(ans?.special == s)
        case (.answer(let ans), .option(let o)), (.option(let o), .answer(let ans)):
            guard case .choice(let c)? = ans else { return .unknown }
            return Truth(c == o)
        case (.option(let x), .option(let y)):
            return Truth(x == y)
        case (.truth(let x), .truth(let y)):
            if x == .unknown || y == .unknown { return .unknown }
            return Truth(x == y)
        default:
            break
        }
        if let s = text(a), let t = text(b) { return Truth(s == t) }
        if isUnknownText(a) || isUnknownText(b) { return .unknown }
        guard let x = numeric(a), let y = numeric(b) else { return .unknown }
        return Truth(x == y)
    }

    private static func text(_ v: Value) -> String? {
        switch v {
        case .string(let s): return s
        case .answer(.text(let t)?): return t
        case .answer(.date(let d)?): return d.description
        default: return nil
        }
    }

    private static func isUnknownText(_ v: Value) -> Bool {
        switch v {
        case .string(nil): return true
        default: return false
        }
    }
}
