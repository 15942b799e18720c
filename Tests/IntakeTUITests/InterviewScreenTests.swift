import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// Golden screens of every screen type at 80×24, in English and in
/// Simplified Chinese (a tiny in-test catalogue, so most of the interface
/// falls back to English and shows the ° mark).
@Suite struct InterviewGoldenScreens {
    @Test(arguments: ["en", "zh-Hans"])
    func everyScreen(language: String) {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()], interviewee: language, advocate: language)
        func snap(_ name: String) { Golden.check("\(language)-\(name)", r.grid) }
        snap("01-start")
        r.press(.enter)
        snap("02-intro")
        r.press(.enter)
        snap("03-consent")
        r.press(.enter)
        snap("04-validation-required")
        r.press(.char("1"), .enter)
        snap("05-section-intro-content-note")
        r.press(.enter, .function(2))
        snap("06-yes-no-dont-know")
        r.press(.enter)
        snap("07-single")
        r.press(.char("1"), .enter, .char("1"), .char("3"))
        snap("08-multiple")
        r.press(.enter)
        r.type("30")
        r.press(.enter)
        snap("09-number-out-of-range")
        r.press(.backspace, .backspace)
        r.type("10")
        r.press(.enter)
        r.type("2024-02-30")
        r.press(.enter)
        snap("10-date-invalid")
        r.press(.backspace, .backspace)
        r.type("15")
        r.press(.enter)
        r.type("2023-11")
        snap("11-month-year")
        r.press(.enter)
        r.type("Sunrise Farms 日出农场")
        snap("12-text")
        r.press(.enter)
        r.type("The supervisor keeps")
        r.press(.ctrl("o"))
        r.type("our passports.")
        snap("13-multiline-text")
        r.press(.enter)
        snap("14-note")
        r.press(.function(5))
        r.type("Seemed tired; offered water.")
        snap("15-remark-editor")
        r.press(.enter, .function(4))
        snap("16-pause")
        r.press(.enter, .function(6))
        snap("17-language-switch")
        r.press(.pageUp, .function(1))
        snap("18-help")
        r.press(.enter, .escape)
        snap("19-hidden")
        r.press(.ctrl("r"), .enter, .function(9))
        snap("20-review")
        r.press(.enter)
        snap("21-summary")
        r.press(.function(10))
        snap("22-quit")
    }

    @Test(arguments: ["en", "zh-Hans"])
    func endedEarly(language: String) {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()], interviewee: language, advocate: language)
        r.press(.enter, .enter, .char("2"), .enter)
        Golden.check("\(language)-23-ended-early", r.grid)
        #expect(r.effects.contains(.discardSession))
    }

    @Test func dualLanguageQuestion() {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()], interviewee: "zh-Hans", advocate: "en")
        r.press(.enter, .enter, .char("1"), .enter, .enter, .char("1"), .enter)
        Golden.check("dual-single", r.grid)
        #expect(r.screen.contains("您做什么样的工作？"))
        #expect(r.screen.contains("What kind of work do you do?"))
        r.press(.function(8))
        #expect(!r.screen.contains("What kind of work do you do?"))
    }

    @Test func quickScreenFirstQuestionFitsWithGuidance() {
        let r = makeRunner(Fixtures.quick)
        r.press(.enter, .enter)
        #expect(r.screen.contains("is an interpreter taking part"))
        r.press(.char("2"), .enter)   // no interpreter; the consent question follows
        let s = r.screen
        #expect(s.contains("1. ( ) Yes"))
        #expect(s.contains("For the advocate"))
        #expect(!r.grid.lines[2..<21].joined().contains("↓"), "a normal question fits at 80×24:\n\(s)")
        Golden.check("en-quick-consent", r.grid)
    }
}

/// `intake run` draws its first screen from the questionnaires' headers
/// while the files load: that screen must be the one the loaded
/// questionnaires give.
@Suite struct PlaceholderStartScreen {
    @Test func headersDrawTheSameStartScreenAsTheLoadedQuestionnaires() throws {
        let files = ["questionnaires/quick-screen.yaml", "questionnaires/trafficking-screening.yaml"]
        let loaded = files.map(Fixtures.load)
        let placeholders = try files.map { f in
            let bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent(f)))
            return Questionnaire.placeholder(try #require(QuestionnaireHeader.scan(bytes)), path: f)
        }
        for language in ["en", "zh-Hans"] {
            func screen(_ qs: [Questionnaire]) -> String {
                let m = InterviewModel(mode: .ephemeral, questionnaires: qs, languages: [SourceLanguage(), ZhHans()].map(LanguageOption.init),
                                       questionnaireID: "trafficking-screening", intervieweeLanguage: language, advocateLanguage: language,
                                       now: Date(timeIntervalSince1970: 1_700_000_000))
                return InterviewApp().view(m, size: Frame.minimumSize).text()
            }
            let expected = screen(loaded)
            #expect(expected.contains("Questionnaire:"))
            #expect(screen(placeholders) == expected, "\(language)")
        }
    }
}

/// A typed answer holds 4000 characters; the screen counts them when the
/// limit is near and says when text did not fit, never cutting silently.
@Suite struct LongTextAnswerTests {
    @Test func theLimitIsShownAndWhatDidNotFitIsReported() {
        let r = makeRunner()
        r.press(.enter, .enter, .char("1"), .enter, .enter, .function(2), .enter,
                .char("1"), .enter, .char("1"), .char("3"), .enter)
        r.type("10"); r.press(.enter)
        r.type("2023-11-15"); r.press(.enter)
        r.type("2023-11"); r.press(.enter)
        #expect(r.screen.contains("What is the name of the business you work for?"))
        r.press(.paste(String(repeating: "a", count: 3599)))
        #expect(!r.screen.contains("characters"))
        r.press(.char("b"))
        #expect(r.grid.lines[7] == "    3600 of 4000 characters")
        r.press(.paste(String(repeating: "c", count: 450)))
        #expect(r.grid.lines[7] == "    4000 of 4000 characters")
        #expect(r.grid.lines[22] == " The answer is full (4000 characters at most); the rest was not added.")
        #expect(r.model.typedText == String(repeating: "a", count: 3599) + "b" + String(repeating: "c", count: 400))
        r.press(.backspace)
        #expect(r.grid.lines[7] == "    3999 of 4000 characters")
        #expect(r.grid.lines[22] == " Type the answer; Enter confirms.")
    }
}
