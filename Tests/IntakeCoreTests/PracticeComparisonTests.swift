import Foundation
import Testing
@testable import IntakeCore

@Suite struct PracticeComparisonTests {
    /// A crafted trainee run: the trainee interviews the domestic-worker
    /// persona but never asks the control section's questions.
    @Test func aTraineeWhoSkipsASectionSeesWhatTheyMissed() throws {
        let p = try loadPersona(repositoryRoot.appendingPathComponent("personas/domestic-passport-debt.yaml"))
        let q = p.questionnaire
        let control = try #require(q.section("control"))
        let controlIDs = Set(control.questions.map(\.id))
        let trainee = p.file.answers.filter { !controlIDs.contains($0.key) }
        let c = PracticeComparison.compare(questionnaire: q, trainee: trainee, persona: p.file.answers, language: "en")

        let expectedMissed = control.questions.filter { p.file.answers[$0.id] != nil && p.score.relevance.isRelevant($0.id) }.map(\.id)
        #expect(!expectedMissed.isEmpty)
        #expect(c.missedQuestions == expectedMissed)
        #expect(c.skippedSections == ["control"])
        #expect(c.expectedResult == .likely)
        // Documents held by someone else are asked in the control section.
        #expect(c.domainsOnlyInExpected.contains("document_retention"))
        #expect(c.domainsOnlyInTrainee.isEmpty)
        #expect(!c.isPerfect)
        let text = c.lines(questionnaire: q, in: SourceLanguage()).joined(separator: "\n")
        #expect(text.contains("Sections you skipped entirely:"))
        #expect(text.contains(try #require(q.section("control")).title.text))
    }

    @Test func aCompleteRunMatches() throws {
        let p = try loadPersona(repositoryRoot.appendingPathComponent("personas/nail-salon-debt-bondage.yaml"))
        let c = PracticeComparison.compare(questionnaire: p.questionnaire, trainee: p.file.answers,
                                           persona: p.file.answers, language: "en")
        #expect(c.isPerfect)
        #expect(c.missedQuestions.isEmpty)
        #expect(c.traineeResult == c.expectedResult)
    }
}
