import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// A few Persian strings: enough to show the right-to-left policy on screen.
struct Persian: Translating {
    var language: String { "fa" }
    var isDraft: Bool { true }
    let table: [String: String]

    init(_ q: Questionnaire = Fixtures.allTypes) {
        var t: [String: String] = [UIString.yes.key: "بله", UIString.no.key: "نه"]
        if let s = q.question("sector") {
            t[s.text.key] = "چه نوع کاری انجام می‌دهید؟ (مثلاً کار در مزرعه یا 12 ساعت در روز)"
            t[s.options[0].text.key] = "کار در مزرعه"
        }
        if let s = q.section("work") { t[s.title.key] = "کار شما" }
        table = t
    }

    func translate(key: String, source: String) -> Translated {
        table[key].map { Translated(text: $0, isFallback: false) } ?? Translated(text: source, isFallback: true)
    }

    func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        Translated(text: count == 1 ? source : sourcePlural, isFallback: true)
    }
}

/// The right-to-left policy (see `Bidi`): intake puts each wrapped line of
/// Persian text in visual order and right-aligns it; numbers and Latin words
/// keep their order. `INTAKE_BIDI=terminal` leaves the order to the terminal.
@Suite struct RightToLeftScreens {
    func questionScreen(reorder: Bool) -> HeadlessRunner<InterviewApp> {
        let r = makeRunner(languages: [SourceLanguage(), Persian()], interviewee: "fa", advocate: "en",
                           reordersRightToLeft: reorder)
        r.press(.enter, .enter, .char("1"), .enter, .enter, .char("1"), .enter)
        return r
    }

    @Test func persianQuestionIsShownInVisualOrderRightAligned() throws {
        let r = questionScreen(reorder: true)
        Golden.check("fa-single-rtl", r.grid)
        let question = "چه نوع کاری انجام می‌دهید؟ (مثلاً کار در مزرعه یا 12 ساعت در روز)"
        let lines = r.grid.lines
        // Not in logical order on screen, but in visual order: the first
        // word read ("چه") is drawn at the right end of the line, the
        // number keeps its digit order, and the line is padded on the left.
        #expect(!r.screen.contains(question))
        let row = try #require(lines.first { $0.contains(Bidi.visualLine("ساعت")) })
        let trimmed = row.trimmingCharacters(in: .whitespaces)
        #expect(trimmed.hasSuffix(Bidi.visualLine("چه نوع")))
        #expect(trimmed.contains("12"))
        #expect(row.prefix { $0 == " " }.count > 4)
        #expect(lines[0].contains(Bidi.visualLine("کار شما")))
    }

    @Test func terminalsThatReorderGetLogicalOrder() {
        let r = questionScreen(reorder: false)
        #expect(r.screen.contains("چه نوع کاری"))
    }
}

/// A Persian translation in which one question is still English, with a
/// byte order mark and an Arabic letter mark that came in with it.
struct PersianWithEnglishQuestion: Translating {
    var language: String { "fa" }
    var isDraft: Bool { true }
    let table: [String: String]

    init(_ q: Questionnaire = Fixtures.allTypes) {
        var t: [String: String] = [UIString.yes.key: "بله", UIString.no.key: "نه"]
        if let s = q.question("sector") { t[s.text.key] = "Which\u{FEFF} work do you do\u{061C} (farm, 12 hours)?" }
        table = t
    }

    func translate(key: String, source: String) -> Translated {
        table[key].map { Translated(text: $0, isFallback: false) } ?? Translated(text: source, isFallback: true)
    }

    func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        Translated(text: count == 1 ? source : sourcePlural, isFallback: true)
    }
}

@Suite struct RightToLeftMarksInEnglish {
    /// U+FEFF and U+061C are not right-to-left letters: the English line
    /// is drawn in its own order, where a left-to-right line would be.
    @Test func englishLineWithMarksIsNeitherReorderedNorRightAligned() throws {
        func row(reorder: Bool) -> String? {
            let r = makeRunner(languages: [SourceLanguage(), PersianWithEnglishQuestion()], interviewee: "fa", advocate: "en",
                               reordersRightToLeft: reorder)
            r.press(.enter, .enter, .char("1"), .enter, .enter, .char("1"), .enter)
            return r.grid.lines.first { $0.contains("(farm, 12 hours)?") }
        }
        let shown = try #require(row(reorder: true), "the English question is not on screen in its own order")
        #expect(shown.contains("Which work do you do (farm, 12 hours)?"))
        #expect(shown == row(reorder: false))
    }
}
