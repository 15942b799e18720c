import Foundation

/// A screening as a FHIR R4 `QuestionnaireResponse` (issue 18) that refers
/// to `FHIRQuestionnaire`'s resource by URL and version, so a clinic can
/// file it with the questionnaire it answers. It holds the answers that
/// applied (an answer to a question that no longer applies is left out, as
/// in the summary), grouped by section as the questionnaire is; texts and
/// displays are in the questionnaire's language. Remarks are not answers
/// and are not included.
public enum FHIRQuestionnaireResponse {
    public enum Status: String, Sendable { case completed, inProgress = "in-progress" }

    /// - Parameters:
    ///   - answers: the answers that apply (`Relevance.effectiveAnswers`).
    ///   - authored: when the answers were given, as FHIR dateTime
    ///     (`2026-12-01T10:30:00-05:00`); the caller's clock and zone.
    public static func resource(_ q: Questionnaire, answers: [String: AnswerValue], status: Status,
                                authored: String?, language: String) -> [String: Any] {
        var r: [String: Any] = [
            "resourceType": "QuestionnaireResponse",
            "questionnaire": "\(FHIRQuestionnaire.url(q))|\(q.version)",
            "status": status.rawValue,
            "language": language,
        ]
        if let authored { r["authored"] = authored }
        r["item"] = q.sections.compactMap { section -> [String: Any]? in
            let items = section.questions.compactMap { question -> [String: Any]? in
                guard let a = answers[question.id] else { return nil }
                let values = Self.values(a, of: question)
                guard !values.isEmpty else { return nil }
                return ["linkId": question.id, "text": question.text.text, "answer": values]
            }
            guard !items.isEmpty else { return nil }
            return ["linkId": "section/\(section.id)", "text": section.title.text, "item": items]
        }
        return r
    }

    public static func json(_ q: Questionnaire, answers: [String: AnswerValue], status: Status,
                            authored: String?, language: String) -> String {
        FHIRQuestionnaire.encode(resource(q, answers: answers, status: status, authored: authored, language: language))
    }

    /// One answer as FHIR `answer` entries (several for a multiple choice).
    static func values(_ a: AnswerValue, of question: Question) -> [[String: Any]] {
        func option(_ id: String) -> [String: Any] {
            let display = question.type == .yesNo
                ? (id == "yes" ? UIString.yes.source : UIString.no.source)
                : question.options.first { $0.id == id }?.text.text ?? id
            return ["valueCoding": ["system": FHIRQuestionnaire.answerSystem, "code": id, "display": display]]
        }
        switch a {
        case .choice(let id): return [option(id)]
        case .choices(let ids): return ids.map(option)
        case .number(let n):
            return [question.integer && n == n.rounded() && abs(n) < 1e15 ? ["valueInteger": Int(n)] : ["valueDecimal": n]]
        case .date(let d): return [["valueDate": d.description]]
        case .text(let t): return [["valueString": Sanitize.multiLine(t)]]
        case .special(let s):
            let label: UIString = s == .dontKnow ? .dontKnow : .declined
            return [["valueCoding": ["system": FHIRQuestionnaire.specialSystem, "code": s.rawValue, "display": label.source]]]
        }
    }
}
