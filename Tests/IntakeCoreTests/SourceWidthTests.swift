import Testing
@testable import IntakeCore

/// `intake validate` warns when the source text itself is wider than the
/// limit its translations are held to (`LocaleReport.defaultWidthLimits`):
/// an English option of 81 columns cannot expect a 60-column translation.
@Suite struct SourceWidthTests {
    static let yaml = """
    format: 1
    id: wide
    version: "1"
    language: en
    title: A title
    domains: []
    sections:
      - id: s
        title: Section
        questions:
          - id: q
            type: single
            text: This question may be as long as it likes, since questions wrap on the screen.
            options:
              - id: short
                text: Short
              - id: long
                text: An option that runs on and on until it is wider than sixty columns
    result:
      possible: q == short
    """

    @Test func anOptionWiderThanItsLimitIsAWarningAtItsText() throws {
        let q = try #require(QuestionnaireLoader.load(text: Self.yaml, path: "wide.yaml").questionnaire)
        let found = QuestionnaireLint.sourceWidths(q).map(\.description)
        #expect(found == ["wide.yaml:18:19: warning: text is 66 columns wide; at most 60 fit for '*/option/*', the limit its translations are held to"])
    }

    /// The bundled English strings that are wider than their translations
    /// may be (not changed here: every locale would need updating): sectors
    /// domestic (79), sex_trade (75), forced_crime (74); housing problems
    /// unsafe_or_unhealthy (72) and at_workplace (61).
    @Test func bundledSourceStringsOverTheirLimits() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        let found = QuestionnaireLint.sourceWidths(q).map(\.description)
        #expect(found == [
            "questionnaires/trafficking-screening.yaml:340:19: warning: text is 79 columns wide; at most 60 fit for '*/option/*', the limit its translations are held to",
            "questionnaires/trafficking-screening.yaml:354:19: warning: text is 75 columns wide; at most 60 fit for '*/option/*', the limit its translations are held to",
            "questionnaires/trafficking-screening.yaml:356:19: warning: text is 74 columns wide; at most 60 fit for '*/option/*', the limit its translations are held to",
            "questionnaires/trafficking-screening.yaml:722:19: warning: text is 72 columns wide; at most 60 fit for '*/option/*', the limit its translations are held to",
            "questionnaires/trafficking-screening.yaml:726:19: warning: text is 61 columns wide; at most 60 fit for '*/option/*', the limit its translations are held to",
        ])
        let quick = try bundledQuestionnaire("quick-screen")
        #expect(QuestionnaireLint.sourceWidths(quick).map(\.description) == [])
    }
}
