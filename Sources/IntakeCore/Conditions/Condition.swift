/// A resolved condition: every name is known to be a question, an option,
/// an indicator, a domain, a score or a parameter.
public struct Condition: Sendable, Equatable {
    /// The text as written.
    public var source: String
    public var location: SourceLocation
    public var root: ConditionNode

    public init(source: String, location: SourceLocation, root: ConditionNode) {
        self.source = source
        self.location = location
        self.root = root
    }

    /// A condition that is always true (e.g. `required: true`).
    public static func constant(_ value: Bool, at location: SourceLocation) -> Condition {
        Condition(source: value ? "true" : "false", location: location, root: .bool(value))
    }

    /// The questions this condition reads.
    public var questionReferences: [String] {
        var out: [String] = []
        root.visit { node in
            switch node {
            case .answer(let q), .answered(let q): out.append(q)
            case .countYes(let qs): out.append(contentsOf: qs)
            default: break
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The domains this condition reads (through `positive`, `strong` and the like).
    public var domainReferences: Set<String> {
        var out = Set<String>()
        root.visit { node in
            switch node {
            case .positive(let d): out.insert(d)
            case .strengthCount(_, let d?): out.insert(d)
            case .indicatorCount(let d?), .weight(let d?): out.insert(d)
            default: break
            }
        }
        return out
    }

    /// Whether it reads every domain at once (`indicators()`, `strong()`, `weight()`...).
    public var readsAllDomains: Bool {
        var all = false
        root.visit { node in
            switch node {
            case .indicatorCount(nil), .weight(nil), .strengthCount(_, nil): all = true
            default: break
            }
        }
        return all
    }

    public var scoreReferences: Set<String> {
        var out = Set<String>()
        root.visit { if case .score(let s) = $0 { out.insert(s) } }
        return out
    }
}

public indirect enum ConditionNode: Sendable, Equatable {
    case bool(Bool)
    case number(Double)
    case string(String)
    /// An option id literal.
    case option(String)
    case special(SpecialAnswer)
    case list([ConditionNode])
    /// The answer to a question.
    case answer(String)
    /// The answer being checked by a constraint.
    case current
    case indicator(String)
    case score(String)
    case parameter(String)
    case language
    case not(ConditionNode)
    case and([ConditionNode])
    case or([ConditionNode])
    case compare(CompareOp, ConditionNode, ConditionNode)
    case arithmetic(ArithmeticOp, ConditionNode, ConditionNode)
    case inList(ConditionNode, [ConditionNode])
    case has(ConditionNode, [ConditionNode], any: Bool)
    case answered(String)
    case countYes([String])
    case count([ConditionNode])
    case positive(String)
    /// `strong(d)`, `medium(d)`, `weak(d)`; without a domain, every
    /// indicator domain (concern domains are not counted).
    case strengthCount(Strength, String?)
    case indicatorCount(String?)
    case weight(String?)

    /// Calls `body` on this node and every node below it.
    public func visit(_ body: (ConditionNode) -> Void) {
        body(self)
        switch self {
        case .list(let xs), .and(let xs), .or(let xs), .count(let xs):
            xs.forEach { $0.visit(body) }
        case .not(let x):
            x.visit(body)
        case .compare(_, let a, let b), .arithmetic(_, let a, let b):
            a.visit(body); b.visit(body)
        case .inList(let a, let xs), .has(let a, let xs, _):
            a.visit(body); xs.forEach { $0.visit(body) }
        default:
            break
        }
    }
}
