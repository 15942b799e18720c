import Testing
@testable import IntakeCore

@Suite struct BidiTests {
    @Test func rightToLeftLettersAreReversed() {
        // "سلام" (peace) written logically; the terminal draws left to right.
        #expect(Bidi.visualLine("سلام") == "مالس")
    }

    @Test func numbersAndLatinWordsKeepTheirOrder() {
        // "ویزای T" then a number: the Latin letter and the digits stay readable.
        let visual = Bidi.visualLine("سن 18 سال")
        #expect(visual == "لاس 18 نس")
    }

    @Test func bracketsAreMirroredInsideRightToLeftRuns() {
        #expect(Bidi.visualLine("(بله)") == "(هلب)")
    }

    @Test func widthIsUnchanged() {
        let line = "آیا کسی مدارک شما را نگه می‌دارد؟ (T visa 2024)"
        #expect(DisplayWidth.of(Bidi.visualLine(line)) == DisplayWidth.of(line))
        #expect(Bidi.visualLine(line).count == line.count)
    }

    @Test func leftToRightTextIsUntouched() {
        #expect(Bidi.visualLine("hello world") == "hello world")
        #expect(!Bidi.containsRightToLeft("hello"))
        #expect(Bidi.containsRightToLeft("hello سلام"))
    }
}
