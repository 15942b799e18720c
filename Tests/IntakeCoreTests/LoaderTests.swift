import Testing
@testable import IntakeCore

@Suite struct LoaderTests {
    @Test func exampleLoadsCleanly() throws {
        let outcome = QuestionnaireLoader.load(text: fixtureText("example.yaml"), path: "example.yaml")
        #expect(outcome.diagnostics.map(\.description) == [])
        let q = try #require(outcome.questionnaire)
        #expect(q.questions.count == 18)
        #expect(q.indicators.count == 7)
        #expect(q.question("pay_kind")?.options.map(\.id) == ["as_promised", "less", "not_at_all"])
        #expect(q.question("story")?.text.key == "example/question/story/text")
        #expect(q.contentHash.count == 64)
    }
}
