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

    /// No bundled English string is wider than its translations may be:
    /// the five options that were (sectors domestic 79, sex_trade 75,
    /// forced_crime 74; housing problems unsafe_or_unhealthy 72 and
    /// at_workplace 61) were shortened in every locale.
    @Test func bundledSourceStringsFitTheirLimits() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        #expect(QuestionnaireLint.sourceWidths(q).map(\.description) == [])
        let quick = try bundledQuestionnaire("quick-screen")
        #expect(QuestionnaireLint.sourceWidths(quick).map(\.description) == [])
    }
}
