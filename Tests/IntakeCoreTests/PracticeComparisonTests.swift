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

        // Every question of the control section that the persona answered
        // and that applied to her, in interview order.
        #expect(c.missedQuestions == ["free_to_leave", "come_and_go", "locked_in", "watched", "documents_held",
                                      "documents_back", "phone_controlled", "family_contact", "language_isolation",
                                      "told_what_to_say", "false_law_info", "situation_used"])
        #expect(c.skippedSections == ["control"])
        #expect(c.traineeResult == .likely)
        #expect(c.expectedResult == .likely)
        // Not free to leave, not let out and papers refused (coercion), and
        // papers held, are all asked in the control section.
        #expect(c.domainsOnlyInExpected == ["coercion", "document_retention"])
        #expect(c.domainsOnlyInTrainee.isEmpty)
        #expect(!c.isPerfect)
        let text = c.lines(questionnaire: q, in: SourceLanguage()).joined(separator: "\n")
        #expect(text.contains("Sections you skipped entirely:"))
        #expect(text.contains("Freedom to come and go"))
    }

    @Test func aCompleteRunMatches() throws {
        let p = try loadPersona(repositoryRoot.appendingPathComponent("personas/nail-salon-debt-bondage.yaml"))
        let c = PracticeComparison.compare(questionnaire: p.questionnaire, trainee: p.file.answers,
                                           persona: p.file.answers, language: "en")
        #expect(c.isPerfect)
        #expect(c.missedQuestions.isEmpty)
        #expect(c.traineeResult == .likely)
        #expect(c.expectedResult == .likely)
    }
}
