import Testing
@testable import IntakeCore

/// Renders parsed syntax as an s-expression, so precedence is visible.
func sexpr(_ s: Syntax) -> String {
    switch s {
    case .number(let v, _): return AnswerValue.format(v)
    case .string(let v, _): return "\"\(v)\""
    case .name(let n, _): return n
    case .current: return "."
    case .list(let xs, _): return "[" + xs.map(sexpr).joined(separator: " ") + "]"
    case .not(let x, _): return "(not \(sexpr(x)))"
    case .logical(let op, let xs, _): return "(\(op.rawValue) " + xs.map(sexpr).joined(separator: " ") + ")"
    case .compare(let op, let a, let b, _): return "(\(op.rawValue) \(sexpr(a)) \(sexpr(b)))"
    case .arithmetic(let op, let a, let b, _): return "(\(op.rawValue) \(sexpr(a)) \(sexpr(b)))"
    case .inList(let a, let b, _): return "(in \(sexpr(a)) \(sexpr(b)))"
    case .has(let a, let b, let any, _): return "(\(any ? "has-any" : "has") \(sexpr(a)) \(sexpr(b)))"
    case .call(let n, let args, _): return "(\(n)" + args.map { " " + sexpr($0) }.joined() + ")"
    }
}

func parsed(_ source: String) -> String {
    do { return sexpr(try ConditionParser.parse(source)) } catch { return "error at \(error.offset): \(error.message)" }
}

@Suite struct ConditionParserTests {
    @Test func andBindsTighterThanOr() {
        #expect(parsed("a or b and c") == "(or a (and b c))")
        #expect(parsed("a and b or c") == "(or (and a b) c)")
        #expect(parsed("(a or b) and c") == "(and (or a b) c)")
        #expect(parsed("a or b or c") == "(or a b c)")
    }

    @Test func notBindsTighterThanAnd() {
        #expect(parsed("not a and b") == "(and (not a) b)")
        #expect(parsed("not (a and b)") == "(not (and a b))")
        #expect(parsed("not not a") == "(not (not a))")
        #expect(parsed("not x == yes") == "(not (== x yes))")
    }

    @Test func arithmeticPrecedence() {
        #expect(parsed("1 + 2 * 3 - 4 >= x") == "(>= (- (+ 1 (* 2 3)) 4) x)")
        #expect(parsed("(1 + 2) * 3 == 9") == "(== (* (+ 1 2) 3) 9)")
        #expect(parsed("-age < 0") == "(< (- 0 age) 0)")
        #expect(parsed("a - b - c > 0") == "(> (- (- a b) c) 0)")
    }

    @Test func inHasAndCalls() {
        #expect(parsed("sector in [domestic, farm]") == "(in sector [domestic farm])")
        #expect(parsed("sectors has sex_trade") == "(has sectors sex_trade)")
        #expect(parsed("sectors has any [a, b] and x") == "(and (has-any sectors [a b]) x)")
        #expect(parsed("count_yes(a, b) >= cutoff") == "(>= (count_yes a b) cutoff)")
        #expect(parsed("indicators() >= 1") == "(>= (indicators) 1)")
        #expect(parsed("name == \"a \\\"b\\\"\"") == "(== name \"a \"b\"\")")
        #expect(parsed(". >= 2.5") == "(>= . 2.5)")
    }

    @Test func syntaxErrorsWithOffsets() {
        #expect(parsed("") == "error at 0: empty condition")
        #expect(parsed("a ==") == "error at 4: the condition ends too early")
        #expect(parsed("(a == b") == "error at 7: expected ')' but found end of condition")
        #expect(parsed("a == b)") == "error at 6: unexpected ')' after the end of the condition")
        #expect(parsed("a == 1.2.3") == "error at 5: malformed number '1.2.3'")
        #expect(parsed("a == 2x") == "error at 6: a name cannot start with a digit")
        #expect(parsed("a | b") == "error at 2: use 'and', 'or' and 'not'")
        #expect(parsed("a == \"x\\n\"") == "error at 7: unknown escape '\\n' (only \\\" and \\\\ are allowed)")
        #expect(parsed("a and or b") == "error at 6: expected a value but found 'or'")
        #expect(parsed("a == ;") == "error at 5: unexpected character ';'")
    }

    @Test func offsetsCountUnicodeScalars() {
        // "é" is one scalar though two UTF-8 bytes.
        #expect(parsed("\"\u{E9}\" == x y") == "error at 9: unexpected 'y' after the end of the condition")
    }
}

/// Resolves conditions against example.yaml and evaluates them.
struct ConditionBench {
    let q = loadFixture("example.yaml")

    var scope: ConditionScope {
        var s = ConditionScope(allQuestions: Dictionary(uniqueKeysWithValues: q.questions.map { ($0.id, $0) }),
                               visibleQuestions: nil, parameters: Set(q.parameters.map(\.id)), placeName: "a test")
        s.indicators = Set(q.indicators.map(\.id))
        return s
    }

    func condition(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Condition? {
        switch ConditionResolver.resolve(source, at: IntakeCore.SourceLocation(file: "c", line: 1, column: 1), scope: scope) {
        case .success(let c): return c
        case .failure(let d):
            Issue.record("\(source): \(d)", sourceLocation: sourceLocation)
            return nil
        }
    }

    func eval(_ source: String, _ answers: [String: AnswerValue], language: String = "en",
              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Truth? {
        guard let c = condition(source, sourceLocation: sourceLocation) else { return nil }
        return ConditionEvaluator.evaluate(c, in: AnswerContext(answers: answers, questionnaire: q, language: language))
    }
}

@Suite struct ConditionEvaluationTests {
    let b = ConditionBench()

    /// yes, no, and unknown (don't know) for a yes/no question.
    static let values: [(AnswerValue?, Truth)] = [(.choice("yes"), .yes), (.choice("no"), .no), (.special(.dontKnow), .unknown)]

    @Test func kleeneAnd() {
        for (a, ta) in Self.values {
            for (c, tc) in Self.values {
                let expected: Truth = (ta == .no || tc == .no) ? .no : (ta == .unknown || tc == .unknown) ? .unknown : .yes
                #expect(b.eval("hit == yes and threatened == yes", ["hit": a!, "threatened": c!]) == expected, "\(ta) and \(tc)")
            }
        }
        // Spelled out, the cases that matter most:
        #expect(b.eval("hit == yes and threatened == yes", ["hit": no, "threatened": dontKnow]) == .no)
        #expect(b.eval("hit == yes and threatened == yes", ["hit": yes, "threatened": dontKnow]) == .unknown)
    }

    @Test func kleeneOr() {
        for (a, ta) in Self.values {
            for (c, tc) in Self.values {
                let expected: Truth = (ta == .yes || tc == .yes) ? .yes : (ta == .unknown || tc == .unknown) ? .unknown : .no
                #expect(b.eval("hit == yes or threatened == yes", ["hit": a!, "threatened": c!]) == expected, "\(ta) or \(tc)")
            }
        }
        #expect(b.eval("hit == yes or threatened == yes", ["hit": yes, "threatened": declined]) == .yes)
        #expect(b.eval("hit == yes or threatened == yes", ["hit": no, "threatened": declined]) == .unknown)
    }

    @Test func kleeneNot() {
        #expect(b.eval("not (hit == yes)", ["hit": yes]) == .no)
        #expect(b.eval("not (hit == yes)", ["hit": no]) == .yes)
        #expect(b.eval("not (hit == yes)", ["hit": dontKnow]) == .unknown)
        #expect(b.eval("not (hit == yes)", ["hit": declined]) == .unknown)
        #expect(b.eval("not (hit == yes)", [:]) == .unknown)
        #expect(b.eval("hit != yes", ["hit": declined]) == .unknown)
        #expect(b.eval("hit != yes", ["hit": no]) == .yes)
    }

    @Test func truthOperators() {
        #expect(!Truth.yes == .no)
        #expect(!Truth.no == .yes)
        #expect(!Truth.unknown == .unknown)
        #expect(Truth(true) == .yes && Truth(false) == .no)
        #expect(Truth.yes.isTrue && !Truth.unknown.isTrue)
    }

    @Test func precedenceChangesTheResult() {
        // a or (b and c) vs (a or b) and c, with a true, c false.
        let a: [String: AnswerValue] = ["hit": yes, "threatened": no, "documents_held": no]
        #expect(b.eval("hit == yes or threatened == yes and documents_held == yes", a) == .yes)
        #expect(b.eval("(hit == yes or threatened == yes) and documents_held == yes", a) == .no)
    }

    @Test func specialAnswerComparisons() {
        #expect(b.eval("hit == dont_know", ["hit": dontKnow]) == .yes)
        #expect(b.eval("hit == dont_know", ["hit": declined]) == .no)
        #expect(b.eval("hit == dont_know", ["hit": yes]) == .no)
        #expect(b.eval("hit == dont_know", [:]) == .no)           // not asked is not "don't know"
        #expect(b.eval("hit == declined", ["hit": declined]) == .yes)
        #expect(b.eval("hit != declined", ["hit": yes]) == .yes)
        #expect(b.eval("hit == yes", [:]) == .unknown)            // not asked: unknown, not "no"
        #expect(b.eval("hit == no", [:]) == .unknown)
    }

    @Test func answeredFunction() {
        #expect(b.eval("answered(hit)", ["hit": no]) == .yes)
        #expect(b.eval("answered(hit)", ["hit": declined]) == .no)
        #expect(b.eval("answered(hit)", [:]) == .no)
        #expect(b.eval("answered(story)", ["story": .text("x")]) == .yes)
    }

    @Test func inAndHas() {
        #expect(b.eval("pay_kind in [less, not_at_all]", ["pay_kind": .choice("less")]) == .yes)
        #expect(b.eval("pay_kind in [less, not_at_all]", ["pay_kind": .choice("as_promised")]) == .no)
        #expect(b.eval("pay_kind in [less, not_at_all]", ["pay_kind": declined]) == .unknown)
        #expect(b.eval("sectors has any [domestic, farm]", ["sectors": .choices(["farm", "other"])]) == .yes)
        #expect(b.eval("sectors has any [domestic, farm]", ["sectors": .choices(["other"])]) == .no)
        #expect(b.eval("sectors has any [domestic, farm]", ["sectors": dontKnow]) == .unknown)
        #expect(b.eval("sectors has any [domestic, farm]", [:]) == .unknown)
        #expect(b.eval("sectors has sex_trade", ["sectors": .choices(["sex_trade"])]) == .yes)
        #expect(b.eval("not (sectors has sex_trade)", ["sectors": .choices(["farm"])]) == .yes)
    }

    @Test func arithmeticAndComparisons() {
        #expect(b.eval("age + 2 * 3 >= 16", ["age": .number(10)]) == .yes)
        #expect(b.eval("age + 2 * 3 >= 16", ["age": .number(9)]) == .no)
        #expect(b.eval("age + 2 * 3 >= 16", ["age": dontKnow]) == .unknown)
        #expect(b.eval("age + 2 * 3 >= 16", [:]) == .unknown)
        #expect(b.eval("age - 18 < 0", ["age": .number(17)]) == .yes)
        #expect(b.eval("age == 30", ["age": .number(30)]) == .yes)
        #expect(b.eval("age != 30", ["age": .number(31)]) == .yes)
        #expect(b.eval("age <= 30 and age > 29.5", ["age": .number(30)]) == .yes)
    }

    @Test func parametersFollowTheLanguage() {
        #expect(b.eval("yes_cutoff == 2", [:], language: "en") == .yes)
        #expect(b.eval("yes_cutoff == 3", [:], language: "es") == .yes)
        #expect(b.eval("language == \"es\"", [:], language: "es") == .yes)
        #expect(b.eval("language == \"es\"", [:], language: "en") == .no)
    }

    @Test func countYesAndCountOnlyCountWhatIsTrue() {
        let a: [String: AnswerValue] = ["hit": yes, "threatened": dontKnow, "job_different": declined, "documents_held": yes]
        #expect(b.eval("count_yes(hit, threatened, job_different, documents_held) == 2", a) == .yes)
        #expect(b.eval("count(hit == yes, threatened == yes, not (job_different == yes)) == 1", a) == .yes)
    }

    @Test func textComparisons() {
        #expect(b.eval("story == \"hello\"", ["story": .text("hello")]) == .yes)
        #expect(b.eval("story == \"hello\"", ["story": .text("bye")]) == .no)
        #expect(b.eval("story == \"hello\"", [:]) == .unknown)
        #expect(b.eval("arrived == \"2023-04\"", ["arrived": .date(CalendarDate(year: 2023, month: 4))]) == .yes)
    }

    @Test func indicatorsAreNamesInScoringRules() throws {
        let c = try #require(b.condition("growing_debt and hit == yes"))
        #expect(c.questionReferences == ["hit"])
        #expect(c.domainReferences.isEmpty)
    }
}
