/// Why a `Plural-Forms` header or expression was rejected.
public struct PluralFormsError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// 0-based offset (in Unicode scalars) into the text that was parsed.
    public var offset: Int
    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
    public var description: String { message }
}

/// A gettext plural rule: `nplurals=N; plural=EXPR;`.
///
/// EXPR is the C subset gettext accepts: `n`, non-negative integer literals,
/// parentheses, `?:`, `||`, `&&`, `!`, `==`, `!=`, `<`, `<=`, `>`, `>=`,
/// `+`, `-`, `*`, `/`, `%`, with C precedence. Arithmetic is on unsigned
/// 64-bit integers as in gettext; division by zero gives form 0 (gettext
/// would trap) and `validate()` reports it.
public struct PluralForms: Hashable, Sendable, CustomStringConvertible {
    public var count: Int
    public var expression: Expression
    /// The expression as written in the header.
    public var expressionText: String

    public indirect enum Expression: Hashable, Sendable {
        case n
        case literal(UInt64)
        case not(Expression)
        case binary(String, Expression, Expression)
        case conditional(Expression, Expression, Expression)
    }

    /// The English rule, used when a file has no usable `Plural-Forms`.
    public static let english = PluralForms(count: 2, expression: .binary("!=", .n, .literal(1)), expressionText: "(n != 1)")

    public init(count: Int, expression: Expression, expressionText: String) {
        self.count = count
        self.expression = expression
        self.expressionText = expressionText
    }

    public var description: String { "nplurals=\(count); plural=\(expressionText);" }

    /// Parses a `Plural-Forms` header value such as
    /// `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);`
    public static func parse(_ header: String) throws(PluralFormsError) -> PluralForms {
        let scalars = Array(header.unicodeScalars)
        // Real headers are a few dozen characters; a huge one is hostile.
        guard scalars.count <= maxLength else {
            throw PluralFormsError("Plural-Forms is longer than \(maxLength) characters", offset: maxLength)
        }
        func find(_ name: String) -> Int? {
            let pattern = Array(name.unicodeScalars)
            guard scalars.count >= pattern.count else { return nil }
            var i = 0
            while i + pattern.count <= scalars.count {
                if scalars[i..<(i + pattern.count)].elementsEqual(pattern),
                   i == 0 || !isWordScalar(scalars[i - 1]) {
                    var j = i + pattern.count
                    while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
                    if j < scalars.count, scalars[j] == "=" { return j + 1 }
                }
                i += 1
            }
            return nil
        }
        guard let np = find("nplurals") else {
            throw PluralFormsError("Plural-Forms has no 'nplurals='", offset: 0)
        }
        var j = np
        while j < scalars.count, scalars[j] == " " { j += 1 }
        var count = 0
        let digitsStart = j
        while j < scalars.count, ("0"..."9").contains(scalars[j]) {
            count = count * 10 + Int(scalars[j].value - 48)
            j += 1
            if count > 1000 { throw PluralFormsError("nplurals is too large", offset: digitsStart) }
        }
        guard j > digitsStart else {
            throw PluralFormsError("nplurals must be a number", offset: digitsStart)
        }
        guard count >= 1 else { throw PluralFormsError("nplurals must be at least 1", offset: digitsStart) }
        guard let pl = find("plural") else {
            throw PluralFormsError("Plural-Forms has no 'plural='", offset: 0)
        }
        // The expression runs to the next ';' (or the end).
        var end = pl
        while end < scalars.count, scalars[end] != ";" { end += 1 }
        var text = String(String.UnicodeScalarView(scalars[pl..<end]))
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        let expression = try parseExpression(Array(scalars[pl..<end]), baseOffset: pl)
        return PluralForms(count: count, expression: expression, expressionText: text)
    }

    /// Parses just the expression part (`n != 1`).
    public static func parseExpression(_ text: String) throws(PluralFormsError) -> Expression {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= maxLength else {
            throw PluralFormsError("plural expression is longer than \(maxLength) characters", offset: maxLength)
        }
        return try parseExpression(scalars, baseOffset: 0)
    }

    /// The longest header or expression accepted (Arabic's is about 100).
    public static let maxLength = 2000

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s == "_" || ("0"..."9").contains(s)
    }

    private static func parseExpression(_ scalars: [Unicode.Scalar], baseOffset: Int) throws(PluralFormsError) -> Expression {
        var p = ExpressionParser(s: scalars, base: baseOffset)
        let e = try p.conditional(depth: 0)
        p.skipSpace()
        if p.i < scalars.count {
            throw PluralFormsError("unexpected '\(scalars[p.i])' in plural expression", offset: baseOffset + p.i)
        }
        return e
    }

    /// The plural form index for `n`. Results outside `0..<count` are
    /// clamped to 0, as gettext's runtime does.
    public func index(for n: Int) -> Int {
        let v = Self.evaluate(expression, UInt64(truncatingIfNeeded: max(n, 0))) ?? 0
        return v < UInt64(count) ? Int(v) : 0
    }

    /// Evaluates `e` for `n`; nil on division by zero.
    public static func evaluate(_ e: Expression, _ n: UInt64) -> UInt64? {
        switch e {
        case .n: return n
        case .literal(let v): return v
        case .not(let a):
            guard let x = evaluate(a, n) else { return nil }
            return x == 0 ? 1 : 0
        case .conditional(let c, let a, let b):
            guard let x = evaluate(c, n) else { return nil }
            return x != 0 ? evaluate(a, n) : evaluate(b, n)
        case .binary(let op, let a, let b):
            guard let x = evaluate(a, n) else { return nil }
            // && and || short-circuit as in C.
            if op == "&&" && x == 0 { return 0 }
            if op == "||" && x != 0 { return 1 }
            guard let y = evaluate(b, n) else { return nil }
            switch op {
            case "||", "&&": return y != 0 ? 1 : 0
            case "==": return x == y ? 1 : 0
            case "!=": return x != y ? 1 : 0
            case "<": return x < y ? 1 : 0
            case "<=": return x <= y ? 1 : 0
            case ">": return x > y ? 1 : 0
            case ">=": return x >= y ? 1 : 0
            case "+": return x &+ y
            case "-": return x &- y
            case "*": return x &* y
            case "/": return y == 0 ? nil : x / y
            case "%": return y == 0 ? nil : x % y
            default: return nil
            }
        }
    }

    /// Problems `msgfmt -c` would also report: an index outside
    /// `0..<nplurals` or a division by zero for some n in 0...1000.
    public func validate() -> [String] {
        var problems: [String] = []
        for n in UInt64(0)...1000 {
            guard let v = Self.evaluate(expression, n) else {
                problems.append("plural expression divides by zero for n = \(n)")
                break
            }
            if v >= UInt64(count) {
                problems.append("plural expression gives form \(v) for n = \(n), but nplurals is \(count)")
                break
            }
        }
        return problems
    }
}

/// Recursive descent over the C precedence levels gettext's grammar uses.
private struct ExpressionParser {
    let s: [Unicode.Scalar]
    let base: Int
    var i = 0
    static let maxDepth = 200

    init(s: [Unicode.Scalar], base: Int) {
        self.s = s
        self.base = base
    }

    mutating func skipSpace() {
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i += 1 }
    }

    func fail(_ message: String) -> PluralFormsError {
        PluralFormsError(message, offset: base + i)
    }

    mutating func match(_ op: String) -> Bool {
        skipSpace()
        let o = Array(op.unicodeScalars)
        guard i + o.count <= s.count, Array(s[i..<(i + o.count)]) == o else { return false }
        // "<" must not eat the "<" of "<=", "!" not the "!" of "!=", etc.
        if o.count == 1, i + 1 < s.count {
            let next = s[i + 1]
            if (op == "<" || op == ">" || op == "!" || op == "=") && next == "=" { return false }
            if (op == "|" || op == "&") && next == o[0] { return false }
        }
        i += o.count
        return true
    }

    mutating func conditional(depth: Int) throws(PluralFormsError) -> PluralForms.Expression {
        guard depth < Self.maxDepth else { throw fail("plural expression is nested too deeply") }
        let c = try binary(level: 0, depth: depth + 1)
        if match("?") {
            let a = try conditional(depth: depth + 1)
            guard match(":") else { throw fail("expected ':' in conditional expression") }
            let b = try conditional(depth: depth + 1)
            return .conditional(c, a, b)
        }
        return c
    }

    static let levels: [[String]] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]]

    mutating func binary(level: Int, depth: Int) throws(PluralFormsError) -> PluralForms.Expression {
        if level == Self.levels.count { return try unary(depth: depth) }
        var lhs = try binary(level: level + 1, depth: depth)
        outer: while true {
            for op in Self.levels[level] where match(op) {
                let rhs = try binary(level: level + 1, depth: depth)
                lhs = .binary(op, lhs, rhs)
                continue outer
            }
            return lhs
        }
    }

    mutating func unary(depth: Int) throws(PluralFormsError) -> PluralForms.Expression {
        guard depth < Self.maxDepth else { throw fail("plural expression is nested too deeply") }
        if match("!") { return .not(try unary(depth: depth + 1)) }
        skipSpace()
        guard i < s.count else { throw fail("plural expression ends too early") }
        let c = s[i]
        if c == "(" {
            i += 1
            let e = try conditional(depth: depth + 1)
            guard match(")") else { throw fail("expected ')' in plural expression") }
            return e
        }
        if c == "n" {
            i += 1
            if i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "_" {
                throw fail("unknown name in plural expression; only 'n' is allowed")
            }
            return .n
        }
        if ("0"..."9").contains(c) {
            var v: UInt64 = 0
            while i < s.count, ("0"..."9").contains(s[i]) {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(s[i].value - 48))
                if o1 || o2 { throw fail("number too large in plural expression") }
                v = a
                i += 1
            }
            return .literal(v)
        }
        throw fail("unexpected '\(c)' in plural expression; expected n, a number, '(' or '!'")
    }
}
