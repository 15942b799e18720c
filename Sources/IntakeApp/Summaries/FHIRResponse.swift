import Foundation
import IntakeCore

public extension Interview {
    /// This interview as a FHIR R4 QuestionnaireResponse (the answers that
    /// apply), authored when its first event happened, written in
    /// `timeZone` (this computer's by default).
    func fhirResponse(finished: Bool, timeZone: TimeZone = .current) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = timeZone
        return FHIRQuestionnaireResponse.json(questionnaire, answers: relevance.effectiveAnswers(answers),
                                              status: finished ? .completed : .inProgress,
                                              authored: startedAt.map(f.string(from:)), language: intervieweeLanguage)
    }
}
