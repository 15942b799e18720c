/// Builds the summary model from a scored interview, in one language.
public enum SummaryBuilder {
    /// - Parameters:
    ///   - answers: every answer given (scoring already left out the irrelevant ones).
    ///   - remarks: remarks by question id.
    ///   - interviewRemark: the remark on the whole interview.
    ///   - tr: the advocate's language.
    public static func build(questionnaire q: Questionnaire, score: ScoreResult, answers: [String: AnswerValue],
                             remarks: [String: String], interviewRemark: String, intervieweeLanguage: String,
                             endedEarly: Bool, in tr: some Translating) -> Summary {
        let recorder = FallbackRecorder(base: tr)
        func t(_ s: SourceText) -> String { Sanitize.multiLine(recorder.text(s)) }
        func questionText(_ id: String) -> String { q.question(id).map { t($0.text) } ?? id }
        func answerText(_ a: AnswerValue, _ id: String) -> String {
            guard let question = q.question(id) else { return Sanitize.multiLine(a.plainDescription) }
            if case .text = a { return Sanitize.multiLine(a.plainDescription) }
            return Sanitize.multiLine(recorder.answer(a, of: question))
        }
        let effective = score.relevance.effectiveAnswers(answers)

        func evidenceItems(_ evidence: [Evidence]) -> [Summary.EvidenceItem] {
            evidence.map { e in
                Summary.EvidenceItem(question: e.questionID, questionText: questionText(e.questionID),
                                     answer: answerText(e.answer, e.questionID))
            }
        }

        // Urgent matters: the answers that made the urgent rule true, and urgent overrides.
        var urgentReasons: [String] = []
        for e in score.urgentEvidence {
            urgentReasons.append("\(questionText(e.questionID)) → \(answerText(e.answer, e.questionID))")
        }
        for o in score.overrides where o.override.urgent {
            urgentReasons.append(t(o.override.reason))
        }
        let safety: Summary.Safety
        var safetyUnanswered: [Summary.UnansweredItem] = []
        switch score.safety {
        case .urgent: safety = .urgent
        case .noConcernReported: safety = .noConcernReported
        case .notEstablished(let ids):
            safety = .notEstablished
            let reasons = Dictionary(score.unanswered.map { ($0.questionID, $0.reason) }, uniquingKeysWith: { a, _ in a })
            safetyUnanswered = ids.map { .init(question: $0, questionText: questionText($0), reason: reasons[$0] ?? .notAsked) }
        }

        var domains: [String: Summary.DomainItem] = [:]
        for f in score.domains {
            let items = f.indicators.map { r in
                Summary.IndicatorItem(
                    id: r.indicator.id, strength: r.indicator.strength, phase: r.indicator.phase,
                    why: r.indicator.why.map(t),
                    evidence: evidenceItems(r.evidence))
            }
            domains[f.domain.id] = Summary.DomainItem(title: t(f.domain.title), core: f.domain.core, kind: f.domain.kind,
                                                      positive: f.positive, indicators: items)
        }

        func choice(_ hook: String?) -> Summary.ChoiceItem? {
            guard let id = hook, let a = effective[id] else { return nil }
            var answerID: String?
            switch a {
            case .choice(let c): answerID = c
            case .special(let s): answerID = s.rawValue
            default: break
            }
            return Summary.ChoiceItem(question: id, answer: answerID, text: answerText(a, id))
        }

        var needs: [String] = []
        if let id = q.summaryHooks.needs, let a = effective[id], let question = q.question(id) {
            switch a {
            case .choices(let cs): needs = cs.map { Sanitize.multiLine(recorder.option($0, of: question)) }
            default: needs = [answerText(a, id)]
            }
        }

        var remarkItems: [Summary.RemarkItem] = []
        let cleanedInterviewRemark = Sanitize.multiLine(interviewRemark).trimmingWhitespace()
        if !cleanedInterviewRemark.isEmpty {
            remarkItems.append(Summary.RemarkItem(question: nil, questionText: nil, text: cleanedInterviewRemark))
        }
        for question in q.questions {
            guard let r = remarks[question.id] else { continue }
            let text = Sanitize.multiLine(r).trimmingWhitespace()
            if !text.isEmpty {
                remarkItems.append(Summary.RemarkItem(question: question.id, questionText: t(question.text), text: text))
            }
        }

        let resultText = Sanitize.multiLine(recorder.result(score.result))

        return Summary(
            questionnaire: .init(id: q.id, version: q.version, title: t(q.title)),
            language: tr.language,
            intervieweeLanguage: intervieweeLanguage,
            result: score.result,
            resultText: resultText,
            urgent: score.urgent,
            urgentReasons: urgentReasons,
            safety: safety,
            safetyUnanswered: safetyUnanswered,
            domainOrder: score.domains.map(\.domain.id),
            domains: domains,
            overrides: score.overrides.map { .init(id: $0.override.id, reason: t($0.override.reason), evidence: evidenceItems($0.evidence)) },
            referrals: score.referrals.map { .init(id: $0.referral.id, title: t($0.referral.title), reason: t($0.referral.reason)) },
            needs: needs,
            lawEnforcementPreference: choice(q.summaryHooks.lawEnforcementPreference),
            advocateConcern: choice(q.summaryHooks.advocateConcern),
            situation: choice(q.summaryHooks.situation),
            situationEnded: choice(q.summaryHooks.situationEnded),
            unanswered: score.unanswered.map { .init(question: $0.questionID, questionText: questionText($0.questionID), reason: $0.reason) },
            remarks: remarkItems,
            endedEarly: endedEarly,
            disclaimer: Sanitize.multiLine(recorder.ui(.summaryDisclaimer)),
            usesFallbackText: recorder.usedFallback)
    }

    /// Summarises an interview as it stands.
    public static func build(_ interview: Interview, in tr: some Translating) -> Summary {
        build(questionnaire: interview.questionnaire, score: interview.score(), answers: interview.answers,
              remarks: interview.remarks, interviewRemark: interview.interviewRemark,
              intervieweeLanguage: interview.intervieweeLanguage, endedEarly: interview.endedByQuestion != nil, in: tr)
    }
}

/// Remembers whether any looked-up string fell back to the source language.
private final class FallbackFlag: @unchecked Sendable { var value = false }

private struct FallbackRecorder: Translating {
    let base: any Translating
    let flag = FallbackFlag()
    var usedFallback: Bool { flag.value }
    var language: String { base.language }
    var isDraft: Bool { base.isDraft }
    func translate(key: String, source: String) -> Translated {
        let r = base.translate(key: key, source: source)
        if r.isFallback { flag.value = true }
        return r
    }
    func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        let r = base.translatePlural(key: key, source: source, sourcePlural: sourcePlural, count: count)
        if r.isFallback { flag.value = true }
        return r
    }
    func text(_ s: SourceText) -> String { translate(key: s.key, source: s.text).text }
}
