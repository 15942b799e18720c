import IntakeTestSupport
import Testing
@testable import IntakeCore

/// Summaries built with a batch's texts (`SummaryTexts`) against summaries
/// that look every text up (`SummaryBuilder.build` without them), on the
/// bundled and seeded generated questionnaires with seeded answers, in the
/// source language and in a translation with gaps, odd scalars and
/// right-to-left text: the JSON, with the fallback flag, is the same. And
/// with a `ScoringProgram`'s score, whose relevant answers the summary
/// reads by position, against the general path's score.
@Suite struct SummaryTextsTests {
    /// Translates about two keys in three (chosen from the key's bytes, so
    /// the same each run); some translations hold what sanitizing removes
    /// or keeps only beside right-to-left text. The rest fall back.
    struct Patchy: Translating {
        var language: String { "xx" }
        var isDraft: Bool { true }
        func translate(key: String, source: String) -> Translated {
            let sum = key.utf8.reduce(0) { $0 &+ Int($1) }
            switch sum % 6 {
            case 0, 1: return Translated(text: source, isFallback: true)
            case 2: return Translated(text: "«\(source)»\u{1B}[31m\r\nnext", isFallback: false)
            case 3: return Translated(text: "\u{61C}مرحبا \(source)\t!", isFallback: false)
            case 4: return Translated(text: "\u{61C}plain \(source)", isFallback: false)
            default: return Translated(text: source.uppercased(), isFallback: false)
            }
        }
        func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
            translate(key: key, source: count == 1 ? source : sourcePlural)
        }
    }

    @Test func summariesBuiltWithTheBatchTextsAreTheSame() throws {
        var fallbacks = 0, compared = 0
        for (k, q) in try IndexedConditionTests.questionnaires().enumerated() {
            let translators: [any Translating] = [SourceLanguage(language: q.language), Patchy()]
            let program = ScoringProgram(q)
            for (n, answers) in DeclinedPropertyTests.generate(q, seed: 19_500 + UInt64(k), count: 6).enumerated() {
                let score = Scorer.score(q, answers: answers, language: "en")
                let programScore = Scorer.score(program, answers: answers, language: "en")
                // Remarks on a few questions, so the remark lines are built too.
                let remarks = Dictionary(uniqueKeysWithValues: q.questions.prefix(3).map { ($0.id, "remark on \($0.id)") })
                for tr in translators {
                    func build(_ texts: SummaryTexts?, _ score: ScoreResult) -> String {
                        SummaryBuilder.build(questionnaire: q, score: score, answers: answers, remarks: remarks,
                                             interviewRemark: "overall", intervieweeLanguage: "en",
                                             endedBy: n % 2 == 0 ? nil : answers.keys.sorted().first,
                                             in: tr, texts: texts).jsonString()
                    }
                    let general = build(nil, score)
                    #expect(build(SummaryTexts(q, in: tr), score) == general, "\(q.id) set \(n) in \(tr.language)")
                    #expect(build(nil, programScore) == general, "\(q.id) set \(n) in \(tr.language), program")
                    #expect(build(SummaryTexts(q, in: tr), programScore) == general, "\(q.id) set \(n) in \(tr.language), program")
                    if general.contains("\"uses_fallback_text\" : true") { fallbacks += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared == 26 * 6 * 2)
        #expect(fallbacks > 0)
    }

    /// With a program's score, the summary and the question that ended the
    /// interview are worked out from the answers by position: the answers by
    /// id (which an answer file makes when they are read) are not asked for,
    /// and the summary is the one built from them.
    @Test func aProgramsSummaryDoesNotAskForTheAnswersByID() throws {
        var ended = 0, compared = 0
        for (k, q) in try IndexedConditionTests.questionnaires().enumerated() {
            let program = ScoringProgram(q)
            let tr = SourceLanguage(language: q.language)
            for answers in DeclinedPropertyTests.generate(q, seed: 29_500 + UInt64(k), count: 6) {
                let programScore = Scorer.score(program, answers: answers, language: "en")
                var asked = 0
                let endedBy = program.endedBy(programScore, answers: { asked += 1; return answers }(), language: "en")
                #expect(endedBy == Scorer.endedBy(q, score: Scorer.score(q, answers: answers, language: "en"), answers: answers,
                                                  language: "en"))
                if endedBy != nil { ended += 1 }
                let summary = SummaryBuilder.build(questionnaire: q, score: programScore, answers: { asked += 1; return answers }(),
                                                   remarks: [:], interviewRemark: "", intervieweeLanguage: "en", endedBy: endedBy,
                                                   in: tr, texts: SummaryTexts(q, in: tr)).jsonString()
                #expect(asked == 0, "\(q.id)")
                let general = SummaryBuilder.build(questionnaire: q, score: Scorer.score(q, answers: answers, language: "en"),
                                                   answers: answers, remarks: [:], interviewRemark: "", intervieweeLanguage: "en",
                                                   endedBy: endedBy, in: tr).jsonString()
                #expect(summary == general, "\(q.id)")
                compared += 1
            }
        }
        #expect(compared == 26 * 6)
        #expect(ended > 0)
    }

    @Test func textsForAnotherLanguageOrQuestionnaireAreNotUsed() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        let other = try bundledQuestionnaire("quick-screen")
        let answers = DeclinedPropertyTests.generate(q, seed: 19_599, count: 1)[0]
        let score = Scorer.score(q, answers: answers, language: "en")
        func build(_ texts: SummaryTexts?) -> String {
            SummaryBuilder.build(questionnaire: q, score: score, answers: answers, remarks: [:], interviewRemark: "",
                                 intervieweeLanguage: "en", endedBy: nil, in: SourceLanguage(language: "en"), texts: texts).jsonString()
        }
        let general = build(nil)
        #expect(build(SummaryTexts(q, in: Patchy())) == general)
        #expect(build(SummaryTexts(other, in: SourceLanguage(language: "en"))) == general)
    }
}
