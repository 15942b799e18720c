/// The questions a condition may read: those before a place in the
/// questionnaire's order. One order is shared by every scope, so a scope
/// costs nothing to make however many questions come before it.
public struct QuestionVisibility: Sendable {
    /// Each question's position in the questionnaire.
    public let order: [String: Int]
    /// Questions at positions below this are visible.
    public let limit: Int

    public init(order: [String: Int], limit: Int) {
        self.order = order
        self.limit = limit
    }

    public func contains(_ id: String) -> Bool { order[id].map { $0 < limit } ?? false }
}

/// What a condition in a given place may refer to.
public struct ConditionScope {
    /// Every question of the questionnaire, by id.
    public var allQuestions: [String: Question]
    /// The questions this place may read; `nil` means all of them.
    public var visibleQuestions: QuestionVisibility?
    /// The question a constraint checks (`.`), if any.
    public var currentQuestion: Question?
    public var parameters: Set<String>
    public var indicators: Set<String> = []
    public var scores: Set<String> = []
    public var domains: Set<String> = []
    /// Whether domain functions (`positive`, `strong`, `indicators()`...) may be used.
    public var allowsDomains = false
    /// Words for what this place is, for messages ("a relevant condition").
    public var placeName: String
    /// The question whose conditions these are, if any: referring to its own
    /// answer in `relevant` or `required` is a cycle.
    public var ownerQuestion: String?

    public init(allQuestions: [String: Question], visibleQuestions: QuestionVisibility?, parameters: Set<String>, placeName: String) {
        self.allQuestions = allQuestions
        self.visibleQuestions = visibleQuestions
        self.parameters = parameters
        self.placeName = placeName
    }
}

/// Turns parsed syntax into a `Condition`, checking every name and type.
public enum ConditionResolver {
    private enum Kind {
        case bool, number, string, answer(Question), option(String), special, list([Kind]), current(Question)
    }

    private struct Failure: Error { var offset: Int; var message: String }

    /// Parses and resolves `source`, whose first character is at `location`.
    /// `locate` maps an offset in `source` to the file; by default, columns
    /// to the right of `location` on its line.
    public static func resolve(_ source: String, at location: SourceLocation, scope: ConditionScope,
                               locate: ((Int) -> SourceLocation)? = nil) -> Result<Condition, Diagnostic> {
        let place = locate ?? { location.advanced(by: $0) }
        let syntax: Syntax
        do {
            syntax = try ConditionParser.parse(source)
        } catch {
            return .failure(.error(place(error.offset), "syntax error in condition: \(error.message)"))
        }
        do {
            let (node, kind) = try resolve(syntax, scope: scope, hint: nil)
            guard case .bool = kind else {
                return .failure(.error(location, "a condition must be true or false, but this is \(describe(kind))"))
            }
            return .success(Condition(source: source, location: location, root: node))
        } catch let f as Failure {
            return .failure(.error(place(f.offset), f.message))
        } catch {
            return .failure(.error(location, "\(error)"))
        }
    }

    private static func describe(_ k: Kind) -> String {
        switch k {
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "text"
        case .answer(let q): return "the answer to '\(q.id)'"
        case .current(let q): return "the answer to '\(q.id)'"
        case .option(let o): return "the option '\(o)'"
        case .special: return "a special answer"
        case .list: return "a list"
        }
    }

    private static func isNumeric(_ k: Kind) -> Bool {
        switch k {
        case .number: return true
        case .answer(let q), .current(let q): return q.type == .number
        default: return false
        }
    }

    private static func question(of k: Kind) -> Question? {
        switch k {
        case .answer(let q), .current(let q): return q
        default: return nil
        }
    }

    /// Resolves a bare name. `hint` is the question whose options a bare
    /// name may name (on the other side of a comparison, in a list, after `has`).
    private static func resolveName(_ n: String, offset: Int, scope: ConditionScope, hint: Question?) throws -> (ConditionNode, Kind) {
        if let q = hint, q.type.hasOptions {
            if q.option(n) != nil { return (.option(n), .option(n)) }
            if q.type == .yesNo && (n == "yes" || n == "no") { return (.option(n), .option(n)) }
        }
        switch n {
        case "true": return (.bool(true), .bool)
        case "false": return (.bool(false), .bool)
        case "dont_know": return (.special(.dontKnow), .special)
        case "declined": return (.special(.declined), .special)
        case "language": return (.language, .string)
        default: break
        }
        if let q = scope.allQuestions[n] {
            if let visible = scope.visibleQuestions, !visible.contains(n) {
                if scope.currentQuestion?.id == n { return (.current, .current(q)) }
                if scope.ownerQuestion == n {
                    throw Failure(offset: offset, message: "\(scope.placeName) cannot depend on the answer to '\(n)' itself: that is a cycle")
                }
                throw Failure(offset: offset, message: "\(scope.placeName) cannot refer to '\(n)', which is asked later (line \(q.location.line)); refer only to earlier questions")
            }
            if q.type == .note { throw Failure(offset: offset, message: "'\(n)' is a note and has no answer") }
            return (.answer(n), .answer(q))
        }
        if scope.parameters.contains(n) { return (.parameter(n), .number) }
        if scope.indicators.contains(n) { return (.indicator(n), .bool) }
        if scope.scores.contains(n) { return (.score(n), .number) }
        if let q = hint, q.type.hasOptions {
            let known = (q.type == .yesNo ? ["yes", "no"] : q.options.map(\.id)).joined(separator: ", ")
            throw Failure(offset: offset, message: "'\(n)' is not an option of '\(q.id)' (options: \(known))")
        }
        if n == "yes" || n == "no" {
            throw Failure(offset: offset, message: "'\(n)' can only be compared with a yes/no question")
        }
        throw Failure(offset: offset, message: "unknown name '\(n)' in \(scope.placeName): not a question, indicator, score or parameter it may refer to")
    }

    private static func resolve(_ s: Syntax, scope: ConditionScope, hint: Question?) throws -> (ConditionNode, Kind) {
        switch s {
        case .number(let v, _):
            return (.number(v), .number)
        case .string(let v, let off):
            if let q = hint, q.type.hasOptions {
                return try resolveName(v, offset: off, scope: scope, hint: q)
            }
            return (.string(v), .string)
        case .name(let n, let off):
            return try resolveName(n, offset: off, scope: scope, hint: hint)
        case .current(let off):
            guard let q = scope.currentQuestion else {
                throw Failure(offset: off, message: "'.' (the answer being checked) can only be used in a constraint")
            }
            return (.current, .current(q))
        case .list(let items, _):
            var nodes: [ConditionNode] = []
            var kinds: [Kind] = []
            for item in items {
                let (n, k) = try resolve(item, scope: scope, hint: hint)
                nodes.append(n); kinds.append(k)
            }
            return (.list(nodes), .list(kinds))
        case .not(let x, let off):
            return (.not(try boolean(x, scope: scope, offset: off)), .bool)
        case .logical(let op, let items, let off):
            let nodes = try items.map { try boolean($0, scope: scope, offset: off) }
            return (op == .and ? .and(nodes) : .or(nodes), .bool)
        case .arithmetic(let op, let a, let b, _):
            let na = try number(a, scope: scope)
            let nb = try number(b, scope: scope)
            return (.arithmetic(op, na, nb), .number)
        case .compare(let op, let a, let b, let off):
            return try compare(op, a, b, offset: off, scope: scope)
        case .inList(let a, let b, let off):
            let (na, ka) = try resolve(a, scope: scope, hint: nil)
            guard case .list = b else {
                throw Failure(offset: b.offset, message: "'in' needs a list in brackets, e.g. [a, b]")
            }
            if let q = question(of: ka), q.type == .multiple {
                throw Failure(offset: off, message: "'\(q.id)' allows several answers: use 'has any [...]' instead of 'in'")
            }
            let (nb, kb) = try resolve(b, scope: scope, hint: question(of: ka))
            guard case .list(let nodes) = nb, case .list(let kinds) = kb else { fatalError("unreachable: list resolves to list") }
            for (item, k) in zip(bItems(b), kinds) {
                try checkComparable(ka, k, op: .eq, offset: item.offset)
            }
            return (.inList(na, nodes), .bool)
        case .has(let a, let b, let any, let off):
            let (na, ka) = try resolve(a, scope: scope, hint: nil)
            guard let q = question(of: ka), q.type == .multiple else {
                throw Failure(offset: off, message: "'has' needs a multiple-choice question on its left")
            }
            let (nb, _) = try resolve(b, scope: scope, hint: q)
            if any {
                guard case .list(let nodes) = nb else {
                    throw Failure(offset: b.offset, message: "'has any' needs a list in brackets, e.g. [a, b]")
                }
                try nodes.enumerated().forEach { i, n in
                    guard case .option = n else { throw Failure(offset: bItems(b)[i].offset, message: "'has any' takes option ids of '\(q.id)'") }
                }
                return (.has(na, nodes, any: true), .bool)
            }
            guard case .option = nb else {
                throw Failure(offset: b.offset, message: "'has' takes one option id of '\(q.id)' (or 'has any [a, b]')")
            }
            return (.has(na, [nb], any: false), .bool)
        case .call(let name, let args, let off):
            return try call(name, args, offset: off, scope: scope)
        }
    }

    private static func bItems(_ s: Syntax) -> [Syntax] {
        if case .list(let items, _) = s { return items }
        return []
    }

    private static func boolean(_ s: Syntax, scope: ConditionScope, offset: Int) throws -> ConditionNode {
        let (n, k) = try resolve(s, scope: scope, hint: nil)
        guard case .bool = k else {
            throw Failure(offset: s.offset, message: "expected true/false here, but this is \(describe(k)); compare it with something, e.g. '== yes'")
        }
        return n
    }

    private static func number(_ s: Syntax, scope: ConditionScope) throws -> ConditionNode {
        let (n, k) = try resolve(s, scope: scope, hint: nil)
        guard isNumeric(k) else {
            throw Failure(offset: s.offset, message: "expected a number here, but this is \(describe(k))")
        }
        return n
    }

    private static func checkComparable(_ a: Kind, _ b: Kind, op: CompareOp, offset: Int) throws {
        let ordering = op != .eq && op != .ne
        if ordering {
            guard isNumeric(a) && isNumeric(b) else {
                throw Failure(offset: offset, message: "'\(op.rawValue)' compares numbers, but this compares \(describe(a)) with \(describe(b))")
            }
            return
        }
        switch (a, b) {
        case (.special, .answer), (.special, .current), (.answer, .special), (.current, .special):
            return
        case (.option, .answer(let q)), (.answer(let q), .option), (.option, .current(let q)), (.current(let q), .option):
            if q.type == .multiple {
                throw Failure(offset: offset, message: "'\(q.id)' allows several answers: use 'has' instead of '=='")
            }
            return
        default:
            break
        }
        if isNumeric(a) && isNumeric(b) { return }
        let aText: Bool = { if case .string = a { return true }; if let q = question(of: a) { return q.type == .text || q.type == .date || q.type == .monthYear }; return false }()
        let bText: Bool = { if case .string = b { return true }; if let q = question(of: b) { return q.type == .text || q.type == .date || q.type == .monthYear }; return false }()
        if aText && bText { return }
        if case .bool = a, case .bool = b { return }
        throw Failure(offset: offset, message: "cannot compare \(describe(a)) with \(describe(b))")
    }

    private static func compare(_ op: CompareOp, _ a: Syntax, _ b: Syntax, offset: Int, scope: ConditionScope) throws -> (ConditionNode, Kind) {
        // Resolve the side that is a question first, so a bare name on the
        // other side can be read as one of its options.
        var (na, ka) = try resolve(a, scope: scope, hint: nil)
        let (nb, kb) = try resolve(b, scope: scope, hint: question(of: ka))
        if question(of: ka) == nil, let q = question(of: kb), case .name = a {
            (na, ka) = try resolve(a, scope: scope, hint: q)
        }
        try checkComparable(ka, kb, op: op, offset: offset)
        return (.compare(op, na, nb), .bool)
    }

    private static func call(_ name: String, _ args: [Syntax], offset: Int, scope: ConditionScope) throws -> (ConditionNode, Kind) {
        func questionArg(_ s: Syntax) throws -> Question {
            let (_, k) = try resolve(s, scope: scope, hint: nil)
            guard let q = question(of: k) else {
                throw Failure(offset: s.offset, message: "\(name)() takes question ids, but this is \(describe(k))")
            }
            return q
        }
        func domainArg(_ s: Syntax) throws -> String {
            guard case .name(let d, let off) = s else {
                throw Failure(offset: s.offset, message: "\(name)() takes a domain id")
            }
            guard scope.domains.contains(d) else {
                throw Failure(offset: off, message: "unknown domain '\(d)' (declared domains: \(scope.domains.sorted().joined(separator: ", ")))")
            }
            return d
        }
        func arity(_ range: ClosedRange<Int>) throws {
            guard range.contains(args.count) else {
                let want = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw Failure(offset: offset, message: "\(name)() takes \(want) argument\(range.upperBound == 1 ? "" : "s"), not \(args.count)")
            }
        }
        let domainFunctions: Set<String> = ["positive", "strong", "medium", "weak", "indicators", "weight"]
        if domainFunctions.contains(name) && !scope.allowsDomains {
            throw Failure(offset: offset, message: "\(name)() reads scoring results and cannot be used in \(scope.placeName)")
        }
        switch name {
        case "answered":
            try arity(1...1)
            let q = try questionArg(args[0])
            return (.answered(q.id), .bool)
        case "count_yes":
            try arity(1...1000)
            var ids: [String] = []
            for a in args {
                let q = try questionArg(a)
                guard q.type == .yesNo else {
                    throw Failure(offset: a.offset, message: "count_yes() takes yes/no questions, but '\(q.id)' is \(q.type.rawValue)")
                }
                ids.append(q.id)
            }
            return (.countYes(ids), .number)
        case "count":
            try arity(1...1000)
            return (.count(try args.map { try boolean($0, scope: scope, offset: $0.offset) }), .number)
        case "positive":
            try arity(1...1)
            return (.positive(try domainArg(args[0])), .bool)
        case "strong", "medium", "weak":
            try arity(0...1)
            return (.strengthCount(Strength(rawValue: name)!, try args.first.map(domainArg)), .number)
        case "indicators":
            try arity(0...1)
            return (.indicatorCount(try args.first.map(domainArg)), .number)
        case "weight":
            try arity(0...1)
            return (.weight(try args.first.map(domainArg)), .number)
        default:
            let known = "answered, count_yes, count, positive, strong, medium, weak, indicators, weight"
            throw Failure(offset: offset, message: "unknown function '\(name)' (known: \(known))")
        }
    }
}
