/// The parsed form of a condition, before its names are resolved.
/// `offset` is the position in Unicode scalars from the start of the source.
public indirect enum Syntax: Sendable {
    case number(Double, offset: Int)
    case string(String, offset: Int)
    case name(String, offset: Int)
    /// `.`: the answer being checked, in a constraint.
    case current(offset: Int)
    case list([Syntax], offset: Int)
    case not(Syntax, offset: Int)
    case logical(LogicalOp, [Syntax], offset: Int)
    case compare(CompareOp, Syntax, Syntax, offset: Int)
    case arithmetic(ArithmeticOp, Syntax, Syntax, offset: Int)
    case inList(Syntax, Syntax, offset: Int)
    case has(Syntax, Syntax, any: Bool, offset: Int)
    case call(String, [Syntax], offset: Int)

    public var offset: Int {
        switch self {
        case .number(_, let o), .string(_, let o), .name(_, let o), .current(let o), .list(_, let o),
             .not(_, let o), .logical(_, _, let o), .compare(_, _, _, let o), .arithmetic(_, _, _, let o),
             .inList(_, _, let o), .has(_, _, _, let o), .call(_, _, let o):
            return o
        }
    }
}

public enum LogicalOp: String, Sendable { case and, or }
public enum CompareOp: String, Sendable { case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }
public enum ArithmeticOp: String, Sendable { case add = "+", sub = "-", mul = "*" }

/// A syntax error at a scalar offset within the condition.
public struct ConditionSyntaxError: Error, Sendable {
    public var offset: Int
    public var message: String
}

/// Tokenizer and recursive-descent parser for the condition language.
///
///     expr    := or
///     or      := and ("or" and)*
///     and     := unary ("and" unary)*
///     unary   := "not" unary | compare
///     compare := sum (("=="|"!="|"<"|"<="|">"|">=") sum
///                    | "in" sum | "has" ["any"] sum)?
///     sum     := product (("+"|"-") product)*
///     product := primary ("*" primary)*
///     primary := NUMBER | STRING | NAME | NAME "(" args ")" | "." | "(" expr ")"
///              | "[" [expr ("," expr)*] "]" | "-" primary
public struct ConditionParser {
    /// Deeper nesting than this is refused rather than risk the stack.
    public static let maxDepth = 64
    /// Longer conditions are refused: nobody writes one this long by hand.
    public static let maxLength = 4096

    enum Token: Equatable {
        case number(Double), string(String), name(String), op(String), end
    }

    private var tokens: [(Token, Int)] = []
    private var index = 0
    private var depth = 0

    public static func parse(_ source: String) throws(ConditionSyntaxError) -> Syntax {
        var p = ConditionParser()
        try p.tokenize(source)
        if p.tokens.count == 1 { throw ConditionSyntaxError(offset: 0, message: "empty condition") }
        let e = try p.parseOr()
        if case let (tok, off) = p.tokens[p.index], tok != .end {
            throw ConditionSyntaxError(offset: off, message: "unexpected \(describe(tok)) after the end of the condition")
        }
        return e
    }

    static func describe(_ t: Token) -> String {
        switch t {
        case .number(let n): return "number \(n)"
        case .string(let s): return "string \"\(Sanitize.singleLine(s))\""
        case .name(let n): return "'\(n)'"
        case .op(let o): return "'\(o)'"
        case .end: return "end of condition"
        }
    }

    private mutating func tokenize(_ source: String) throws(ConditionSyntaxError) {
        let scalars = Array(source.unicodeScalars)
        if scalars.count > Self.maxLength {
            throw ConditionSyntaxError(offset: 0, message: "condition is longer than \(Self.maxLength) characters")
        }
        var i = 0
        func isIdentStart(_ s: Unicode.Scalar) -> Bool { s == "_" || (s.isASCII && s.properties.isAlphabetic) }
        func isIdent(_ s: Unicode.Scalar) -> Bool { isIdentStart(s) || ("0"..."9").contains(s) }
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if ("0"..."9").contains(c) {
                var text = ""
                while i < scalars.count, ("0"..."9").contains(scalars[i]) || scalars[i] == "." {
                    text.unicodeScalars.append(scalars[i]); i += 1
                }
                guard let v = Double(text), text.filter({ $0 == "." }).count <= 1, text.last != "." else {
                    throw ConditionSyntaxError(offset: start, message: "malformed number '\(text)'")
                }
                if i < scalars.count, isIdentStart(scalars[i]) {
                    throw ConditionSyntaxError(offset: i, message: "a name cannot start with a digit")
                }
                tokens.append((.number(v), start))
            } else if isIdentStart(c) {
                var text = ""
                while i < scalars.count, isIdent(scalars[i]) { text.unicodeScalars.append(scalars[i]); i += 1 }
                tokens.append((.name(text), start))
            } else if c == "\"" {
                i += 1
                var text = ""
                var closed = false
                while i < scalars.count {
                    let s = scalars[i]
                    if s == "\\" {
                        guard i + 1 < scalars.count else { break }
                        let n = scalars[i + 1]
                        guard n == "\"" || n == "\\" else {
                            throw ConditionSyntaxError(offset: i, message: "unknown escape '\\\(n)' (only \\\" and \\\\ are allowed)")
                        }
                        text.unicodeScalars.append(n); i += 2; continue
                    }
                    if s == "\"" { closed = true; i += 1; break }
                    text.unicodeScalars.append(s); i += 1
                }
                if !closed { throw ConditionSyntaxError(offset: start, message: "unterminated string") }
                tokens.append((.string(text), start))
            } else {
                let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append((.op(two), start)); i += 2
                } else if "<>+-*()[],.".unicodeScalars.contains(c) {
                    tokens.append((.op(String(c)), start)); i += 1
                } else if c == "=" {
                    throw ConditionSyntaxError(offset: start, message: "use '==' to compare")
                } else if c == "&" || c == "|" || c == "!" {
                    throw ConditionSyntaxError(offset: start, message: "use 'and', 'or' and 'not'")
                } else if c == "'" {
                    throw ConditionSyntaxError(offset: start, message: "strings use double quotes")
                } else {
                    throw ConditionSyntaxError(offset: start, message: "unexpected character '\(Sanitize.singleLine(String(c)))'")
                }
            }
        }
        tokens.append((.end, scalars.count))
    }

    private var current: (Token, Int) { tokens[index] }

    private mutating func accept(_ op: String) -> Bool {
        if case .op(op) = current.0 { index += 1; return true }
        return false
    }

    private mutating func acceptKeyword(_ word: String) -> Bool {
        if case .name(word) = current.0 { index += 1; return true }
        return false
    }

    private mutating func expect(_ op: String) throws(ConditionSyntaxError) {
        guard accept(op) else {
            throw ConditionSyntaxError(offset: current.1, message: "expected '\(op)' but found \(Self.describe(current.0))")
        }
    }

    private mutating func enter() throws(ConditionSyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ConditionSyntaxError(offset: current.1, message: "condition is nested more than \(Self.maxDepth) levels deep")
        }
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Syntax {
        try enter(); defer { depth -= 1 }
        let off = current.1
        var items = [try parseAnd()]
        while acceptKeyword("or") { items.append(try parseAnd()) }
        return items.count == 1 ? items[0] : .logical(.or, items, offset: off)
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Syntax {
        let off = current.1
        var items = [try parseUnary()]
        while acceptKeyword("and") { items.append(try parseUnary()) }
        return items.count == 1 ? items[0] : .logical(.and, items, offset: off)
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> Syntax {
        let off = current.1
        if acceptKeyword("not") {
            try enter(); defer { depth -= 1 }
            return .not(try parseUnary(), offset: off)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(ConditionSyntaxError) -> Syntax {
        let lhs = try parseSum()
        let (tok, off) = current
        switch tok {
        case .op(let o) where CompareOp(rawValue: o) != nil:
            index += 1
            return .compare(CompareOp(rawValue: o)!, lhs, try parseSum(), offset: off)
        case .name("in"):
            index += 1
            return .inList(lhs, try parseSum(), offset: off)
        case .name("has"):
            index += 1
            let any = acceptKeyword("any")
            return .has(lhs, try parseSum(), any: any, offset: off)
        default:
            return lhs
        }
    }

    private mutating func parseSum() throws(ConditionSyntaxError) -> Syntax {
        var lhs = try parseProduct()
        while true {
            let off = current.1
            if accept("+") { lhs = .arithmetic(.add, lhs, try parseProduct(), offset: off) }
            else if accept("-") { lhs = .arithmetic(.sub, lhs, try parseProduct(), offset: off) }
            else { return lhs }
        }
    }

    private mutating func parseProduct() throws(ConditionSyntaxError) -> Syntax {
        var lhs = try parsePrimary()
        while true {
            let off = current.1
            if accept("*") { lhs = .arithmetic(.mul, lhs, try parsePrimary(), offset: off) } else { return lhs }
        }
    }

    private static let reserved: Set<String> = ["and", "or", "not", "in", "has", "any"]

    private mutating func parsePrimary() throws(ConditionSyntaxError) -> Syntax {
        let (tok, off) = current
        switch tok {
        case .number(let v):
            index += 1
            return .number(v, offset: off)
        case .string(let s):
            index += 1
            return .string(s, offset: off)
        case .name(let n):
            if Self.reserved.contains(n) {
                throw ConditionSyntaxError(offset: off, message: "expected a value but found '\(n)'")
            }
            index += 1
            if accept("(") {
                try enter(); defer { depth -= 1 }
                var args: [Syntax] = []
                if !accept(")") {
                    repeat { args.append(try parseOr()) } while accept(",")
                    try expect(")")
                }
                return .call(n, args, offset: off)
            }
            return .name(n, offset: off)
        case .op("."):
            index += 1
            return .current(offset: off)
        case .op("("):
            index += 1
            try enter(); defer { depth -= 1 }
            let e = try parseOr()
            try expect(")")
            return e
        case .op("["):
            index += 1
            try enter(); defer { depth -= 1 }
            var items: [Syntax] = []
            if !accept("]") {
                repeat { items.append(try parseOr()) } while accept(",")
                try expect("]")
            }
            return .list(items, offset: off)
        case .op("-"):
            index += 1
            try enter(); defer { depth -= 1 }
            return .arithmetic(.sub, .number(0, offset: off), try parsePrimary(), offset: off)
        case .end:
            throw ConditionSyntaxError(offset: off, message: "the condition ends too early")
        case .op(let o):
            throw ConditionSyntaxError(offset: off, message: "expected a value but found '\(o)'")
        }
    }
}
