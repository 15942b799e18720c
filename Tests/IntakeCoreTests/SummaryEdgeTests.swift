import Foundation
import Testing
@testable import IntakeCore

/// Every interface string translated as hostile text followed by the English.
struct HostileTranslation: Translating {
    var language: String { "es" }
    var isDraft: Bool { true }
    func translate(key: String, source: String) -> Translated { Translated(text: Hostile.all + source, isFallback: false) }
    func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        Translated(text: Hostile.all + (count == 1 ? source : sourcePlural), isFallback: false)
    }
}

@Suite struct SummaryEdgeTests {
    let q = loadFixture("example.yaml")

    func summary(_ tr: some Translating, remarks: [String: String] = [:], interviewRemark: String = "") -> Summary {
        let answers: [String: AnswerValue] = ["consent": .choice("yes"), "threatened": .choice("yes"), "danger_now": .choice("yes")]
        let score = Scorer.score(q, answers: answers, language: "en")
        return SummaryBuilder.build(questionnaire: q, score: score, answers: answers, remarks: remarks,
                                    interviewRemark: interviewRemark, intervieweeLanguage: "es", endedBy: nil, in: tr)
    }

    @Test func translatedInterfaceStringsNeverReachTheTextSummaryRaw() {
        let tr = HostileTranslation()
        let text = summary(tr).rendered(.text, in: tr)
        #expect(forbiddenScalars(text).isEmpty, "\(forbiddenScalars(text))")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(Hostile.allCleaned + "Questionnaire:") }, "\(lines.prefix(4))")
    }

    @Test func translatedInterfaceStringsNeverReachMarkdownOrJSONRaw() throws {
        let tr = HostileTranslation()
        let s = summary(tr)
        let markdown = s.rendered(.markdown, in: tr)
        #expect(forbiddenScalars(markdown).isEmpty, "\(forbiddenScalars(markdown))")
        // JSON escapes controls as \u001b; decoded, they must not be there either.
        let json = s.rendered(.json, in: tr)
        #expect(!json.contains("\\u001b") && !json.contains("\\u0007"))
        #expect(s.resultText.hasPrefix(Hostile.allCleaned))
        #expect(s.disclaimer.hasPrefix(Hostile.allCleaned))
    }

    /// Every kind of line start that Markdown would read as structure.
    @Test func remarkLinesNeverBecomeMarkdownStructure() throws {
        let remark = ["Plan", "===", "~~~", "```", "1. one", "2) two", "- a", "+ b", "* c", "# h", "> q", "| t |",
                      "---", "***", "___", "    code", "\tcode", "<div>x</div>", "a & b", "x~~y~~"].joined(separator: "\n")
        let md = summary(SourceLanguage(), interviewRemark: remark).rendered(.markdown, in: SourceLanguage())
        let start = try #require(md.range(of: "  > Plan\n"))
        let quoted = md[start.lowerBound...].split(separator: "\n").prefix(20).map(String.init)
        #expect(quoted == [
            "  > Plan",
            "  > \\===",
            "  > \\~\\~\\~",
            "  > \\`\\`\\`",
            "  > 1\\. one",
            "  > 2\\) two",
            "  > \\- a",
            "  > \\+ b",
            "  > \\* c",
            "  > \\# h",
            "  > \\> q",
            "  > \\| t \\|",
            "  > \\---",
            "  > \\*\\*\\*",
            "  > \\_\\_\\_",
            "  > code",
            "  > code",
            "  > \\<div\\>x\\</div\\>",
            "  > a \\& b",
            "  > x\\~\\~y\\~\\~",
        ])
    }

    @Test func textInAListItemCannotStartANestedList() {
        #expect(MarkdownSummaryRenderer<SourceLanguage>.escape("1. first") == "1\\. first")
        #expect(MarkdownSummaryRenderer<SourceLanguage>.escape("     - deep") == "\\- deep")
        #expect(MarkdownSummaryRenderer<SourceLanguage>.escape("It cost 1.5 times more - a lot") == "It cost 1.5 times more - a lot")
        #expect(MarkdownSummaryRenderer<SourceLanguage>.escape("2.0.0") == "2.0.0")
        #expect(MarkdownSummaryRenderer<SourceLanguage>.escape("10)") == "10\\)")
    }
}
