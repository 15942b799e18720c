import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    @Suite struct PluralFormsTests {
        private func forms(_ tag: String) throws -> PluralForms {
            try PluralForms.parse(PluralForms.cldr(for: tag))
        }

        @Test func russian() throws {
            let ru = try forms("ru")
            #expect(ru.count == 3)
            let cases: [(Int, Int)] = [(0, 2), (1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (14, 2), (21, 0),
                                       (22, 1), (25, 2), (101, 0), (111, 2), (112, 2), (122, 1), (1001, 0)]
            for (n, form) in cases { #expect(ru.index(for: n) == form, "n = \(n)") }
        }

        @Test func arabic() throws {
            let ar = try forms("ar")
            #expect(ar.count == 6)
            let cases: [(Int, Int)] = [(0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (11, 4), (99, 4), (100, 5), (101, 5),
                                       (102, 5), (103, 3), (111, 4), (200, 5)]
            for (n, form) in cases { #expect(ar.index(for: n) == form, "n = \(n)") }
        }

        @Test func englishAndOneFormLanguages() throws {
            let en = try forms("en")
            #expect([0, 1, 2, 5].map(en.index(for:)) == [1, 0, 1, 1])
            for tag in ["zh", "zh-Hans", "zh-Hant", "ja", "ko", "th", "vi", "id", "km", "my", "yo"] {
                let f = try forms(tag)
                #expect(f.count == 1, "\(tag)")
                #expect([0, 1, 2, 100].map(f.index(for:)) == [0, 0, 0, 0], "\(tag)")
            }
        }

        @Test func otherListedLanguages() throws {
            let fr = try forms("fr")
            #expect([0, 1, 2].map(fr.index(for:)) == [0, 0, 1])
            let ptBR = try forms("pt-BR")
            #expect([0, 1, 2].map(ptBR.index(for:)) == [0, 0, 1])
            #expect(try forms("pt_BR") == ptBR)
            let pl = try forms("pl")
            #expect([1, 2, 5, 12, 22, 25].map(pl.index(for:)) == [0, 1, 2, 2, 1, 2])
            let cs = try forms("cs")
            #expect([1, 2, 4, 5].map(cs.index(for:)) == [0, 1, 1, 2])
            let ro = try forms("ro")
            #expect([0, 1, 2, 19, 20, 101, 120].map(ro.index(for:)) == [1, 0, 1, 1, 2, 1, 2])
            let he = try forms("he")
            #expect([1, 2, 3].map(he.index(for:)) == [0, 1, 2])
            let tl = try forms("tl")
            #expect([1, 4, 6, 9, 10, 14].map(tl.index(for:)) == [0, 1, 1, 1, 0, 1])
            // Unknown languages fall back to the English rule.
            #expect(PluralForms.cldr(for: "xx") == "nplurals=2; plural=(n != 1);")
        }

        @Test func everyListedLanguageHasAValidRule() throws {
            let tags = ["en", "es", "fr", "pt", "pt-BR", "de", "it", "nl", "ru", "uk", "pl", "cs", "ar", "fa", "ur", "he",
                        "hi", "bn", "zh", "zh-Hans", "zh-Hant", "ja", "ko", "th", "vi", "id", "tl", "km", "my", "ne",
                        "am", "ti", "so", "sw", "ha", "yo", "ro", "tr", "el", "ht"]
            for tag in tags {
                let f = try forms(tag)
                #expect(f.validate().isEmpty, "\(tag): \(f.validate())")
                // Every form is reachable.
                let reached = Set((0...1000).map(f.index(for:)))
                #expect(reached == Set(0..<f.count), "\(tag)")
            }
        }

        @Test func parsesWhatGettextWrites() throws {
            let f = try PluralForms.parse("nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;")
            #expect(f.count == 3)
            #expect(f.expressionText == "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2")
            let spaced = try PluralForms.parse(" nplurals = 2 ;  plural = n != 1 ")
            #expect(spaced.index(for: 1) == 0)
            #expect(spaced.index(for: 3) == 1)
        }

        @Test func operatorsAndPrecedence() throws {
            func eval(_ e: String, _ n: UInt64) throws -> UInt64? {
                PluralForms.evaluate(try PluralForms.parseExpression(e), n)
            }
            #expect(try eval("1 + 2 * 3", 0) == 7)
            #expect(try eval("(1 + 2) * 3", 0) == 9)
            #expect(try eval("n - 1 - 1", 5) == 3)
            #expect(try eval("n / 2 % 3", 11) == 2)
            #expect(try eval("!n", 0) == 1)
            #expect(try eval("!!n", 7) == 1)
            #expect(try eval("n < 3 || n > 10 && n != 12", 12) == 0)
            #expect(try eval("n < 3 || n > 10 && n != 12", 2) == 1)
            #expect(try eval("n <= 2 ? n >= 1 ? 1 : 0 : 2", 2) == 1)
            #expect(try eval("n <= 2 ? n >= 1 ? 1 : 0 : 2", 0) == 0)
            #expect(try eval("n == 1 ? 0 : 1", 1) == 0)
            #expect(try eval("n % 0", 3) == nil)
        }

        @Test(arguments: [
            ("nplurals=2; plural=(n != 1;", "expected ')'"),
            ("nplurals=2; plural=n +;", "ends too early"),
            ("nplurals=2; plural=x != 1;", "unexpected 'x'"),
            ("nplurals=2; plural=nn;", "only 'n'"),
            ("nplurals=2; plural=n ? 1;", "expected ':'"),
            ("nplurals=2; plural=n = 1;", "unexpected '='"),
            ("nplurals=2; plural=n ** 2;", "unexpected '*'"),
            ("nplurals=2; plural=n != 1 1;", "unexpected '1'"),
            ("nplurals=two; plural=0;", "nplurals must be a number"),
            ("nplurals=0; plural=0;", "at least 1"),
            ("plural=(n != 1);", "no 'nplurals='"),
            ("nplurals=2;", "no 'plural='"),
            ("nplurals=INTEGER; plural=EXPRESSION;", "nplurals must be a number"),
            ("nplurals=2; plural=99999999999999999999999;", "too large"),
        ])
        func malformedExpressionsAreRejected(header: String, message: String) {
            do {
                let f = try PluralForms.parse(header)
                Issue.record("accepted \(header) as \(f)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }

        @Test func deeplyNestedExpressionIsRejectedNotACrash() {
            let deep = String(repeating: "(", count: 100_000) + "n" + String(repeating: ")", count: 100_000)
            #expect(throws: PluralFormsError.self) { try PluralForms.parse("nplurals=2; plural=\(deep);") }
        }

        @Test func validateFindsOutOfRangeFormsAndDivisionByZero() throws {
            #expect(try PluralForms.parse("nplurals=2; plural=n;").validate().first?.contains("gives form 2 for n = 2") == true)
            #expect(try PluralForms.parse("nplurals=2; plural=1 / n;").validate().first?.contains("divides by zero") == true)
            #expect(try PluralForms.parse("nplurals=2; plural=(n != 1);").validate().isEmpty)
            // Out-of-range results fall back to form 0 at run time.
            #expect(try PluralForms.parse("nplurals=2; plural=n;").index(for: 7) == 0)
        }
    }
}

extension LocalizationTests.PluralFormsTests {
    @Test func hostileHeadersAreRejected() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["n", "1", "(", ")", "?", ":", "!", "==", "&&", "||", "%", "/", " ", ";", "nplurals=", "plural=", "x", "é"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            if let f = try? PluralForms.parse(text) { _ = f.validate(); _ = f.index(for: 5) }
        }
        let long = "nplurals=2; plural=" + String(repeating: "n+", count: 500_000) + "n;"
        #expect(throws: PluralFormsError.self) { try PluralForms.parse(long) }
    }
}
