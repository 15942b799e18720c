import Foundation
import Testing
@testable import IntakeCore

/// Hostile text as it arrives from a PO file, a questionnaire, a file name
/// or the keyboard: an OSC 52 clipboard write, an OSC 0 title, a clear
/// screen, a C1 CSI, a bell.
enum Hostile {
    static let osc52 = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"
    static let title = "\u{1B}]0;owned\u{07}"
    static let clear = "\u{1B}[2J"
    static let c1 = "\u{9B}31m"
    static let all = osc52 + title + clear + c1 + "\u{07}"
    /// What is left of `all` once the controls are gone.
    static let allCleaned = "]52;c;cm0gLXJmIH4=]0;owned[2J31m"
}

@Suite struct SanitizeRuleTests {
    @Test func terminalSequencesLoseTheirControls() {
        #expect(Sanitize.singleLine("a" + Hostile.osc52 + "b") == "a]52;c;cm0gLXJmIH4=b")
        #expect(Sanitize.singleLine(Hostile.title + "x") == "]0;ownedx")
        #expect(Sanitize.singleLine("x" + Hostile.clear) == "x[2J")
        #expect(Sanitize.singleLine(Hostile.c1 + "red") == "31mred")
        #expect(Sanitize.multiLine("ding\u{07}\ndong\u{7F}") == "ding\ndong")
        #expect(Sanitize.singleLine("\u{202E}txt.exe\u{202C}") == "txt.exe")
    }

    @Test func byteOrderMarkInsideTextIsRemoved() {
        #expect(Sanitize.singleLine("Do you have\u{FEFF} your passport?") == "Do you have your passport?")
        #expect(Sanitize.multiLine("\u{FEFF}line one\nline two") == "line one\nline two")
    }

    @Test func arabicLetterMarkIsKeptOnlyInRightToLeftText() {
        // In Persian it separates a number from the letters around it.
        let persian = "سن\u{061C} 18 سال"
        #expect(Sanitize.singleLine(persian) == persian)
        #expect(Sanitize.multiLine(persian) == persian)
        // In English it does nothing but make the line look right-to-left.
        #expect(Sanitize.singleLine("Passport\u{061C} kept") == "Passport kept")
        #expect(Sanitize.multiLine("Passport\u{061C} kept\nyes") == "Passport kept\nyes")
    }

    /// Zero-width joiners, non-joiners and spaces are part of real text.
    @Test(arguments: [
        "ภาษาไทย\u{200B}ไม่มี\u{200B}ช่องว่าง",     // Thai word breaks
        "ភាសា\u{200B}ខ្មែរ",                        // Khmer
        "क्\u{200D}ष और क्\u{200C}ष",               // Hindi: ZWJ and ZWNJ in conjuncts
        "می\u{200C}خواهم",                         // Persian: ZWNJ inside a word
        "မြန်မာ\u{200B}စာ",                         // Burmese
    ])
    func realTextSurvivesUnchanged(_ text: String) {
        #expect(Sanitize.singleLine(text) == text)
        #expect(Sanitize.multiLine(text) == text)
        #expect(Sanitize.violations(in: text).isEmpty)
    }

    @Test func violationsNameEachRemovedCharacterAndItsOffset() {
        let found = Sanitize.violations(in: "ab\u{1B}[2J\ttab\nnl \u{9B}\u{202E}")
        #expect(found.map(\.offset) == [2, 14, 15])
        #expect(found.map(\.scalar.value) == [0x1B, 0x9B, 0x202E])
        #expect(Sanitize.describe(found[0].scalar) == "U+001B (escape)")
        #expect(Sanitize.describe(found[2].scalar) == "U+202E (bidi control)")
    }

    @Test func fileNamesInDiagnosticsLoseTheirControls() {
        let d = Diagnostic.error(SourceLocation(file: "evil\(Hostile.title).yaml", line: 3, column: 7), "the file is empty")
        #expect(d.description == "evil]0;owned.yaml:3:7: error: the file is empty")
    }
}

@Suite struct BidiLetterTests {
    @Test func englishWithByteOrderMarkOrArabicLetterMarkIsNotReordered() {
        let bom = "Do you have\u{FEFF} your passport? (2 years)"
        let alm = "Passport\u{061C} kept (2 years)"
        #expect(!Bidi.containsRightToLeft(bom))
        #expect(!Bidi.containsRightToLeft(alm))
        #expect(Bidi.visualLine(bom) == bom)
        #expect(Bidi.visualLine(alm) == alm)
    }

    @Test func arabicDigitsAndPunctuationAloneAreNotRightToLeftLetters() {
        #expect(!Bidi.containsRightToLeft("\u{0600}12 \u{060C}"))
        #expect(Bidi.containsRightToLeft("12 سال"))
    }
}
