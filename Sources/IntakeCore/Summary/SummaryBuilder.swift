import Foundation

/// What the summary's header needs that is not in the interview: the
/// time (Core reads no clock) and the organisation's settings.
public struct SummaryContext: Sendable {
    /// When the interview started, with its zone, as the caller formats it.
    public var interviewDate: String?
    public var organisation: String?
    public var setting: String?
    public var screener: String?
    /// Whether the interviewee's language is a draft translation.
    public var intervieweeLanguageDraft: Bool
    /// Writes a date with its time zone; the caller's, since Core reads
    /// no clock and no time-zone database. Used for `Interview.startedAt`
    /// when `interviewDate` is not given.
    public var dateText: (@Sendable (Date) -> String)?
    public init(interviewDate: String? = nil, organisation: String? = nil, setting: String? = nil, screener: String? = nil,
                intervieweeLanguageDraft: Bool = false, dateText: (@Sendable (Date) -> String)? = nil) {
        self.interviewDate = interviewDate
        self.organisation = organisation
        self.setting = setting
        self.screener = screener
        self.dateText = dateText
        self.intervieweeLanguageDraft = intervieweeLanguageDraft
    }
}

extension SummaryContext {
    /// With `interviewDate` written from `date` when it is not set already.
    func dated(_ date: Date?) -> SummaryContext {
        var c = self
        if c.interviewDate == nil, let date, let write = dateText { c.interviewDate = write(date) }
        return c
    }
}

/// Builds the summary model from a scored interview, in one language.
public enum SummaryBuilder {
    /// - Parameters:
    ///   - answers: every answer given, those `score` was worked out from
    ///     (scoring already left out the irrelevant ones); asked for only
    ///     when `score` has no relevant answers by position, or the question
    ///     that ended the interview has no relevant answer.
    ///   - remarks: remarks by question id.
    ///   - interviewRemark: the remark on the whole interview.
    ///   - tr: the advocate's language.
    public static func build(questionnaire q: Questionnaire, score: ScoreResult, answers: @autoclosure () -> [String: AnswerValue],
                             remarks: [String: String], interviewRemark: String, intervieweeLanguage: String,
                             endedBy: String?, context: SummaryContext = SummaryContext(),
                             in tr: some Translating, texts: SummaryTexts? = nil) -> Summary {
        let recorder = FallbackRecorder(base: tr)
        // Texts worked out once for the batch, if they are for this questionnaire and language.
        let texts = texts.flatMap { $0.language == tr.language && $0.questionnaireHash == q.contentHash ? $0 : nil }
        func t(_ s: SourceText) -> String {
            if let texts, let r = texts.text(s) { return recorder.note(r) }
            return Sanitize.multiLine(recorder.text(s))
        }
        // With the batch's texts, a question's position is looked up once
        // for both its text and its answer's (an evidence line, a hook).
        func position(_ id: String) -> Int? { texts == nil ? nil : q.positions[id] }
        func questionText(_ id: String, at p: Int?) -> String {
            if let texts, let p { return recorder.note(texts.questions[p]) }
            return q.question(id).map { t($0.text) } ?? id
        }
        func questionText(_ id: String) -> String { questionText(id, at: position(id)) }
        func answerText(_ a: AnswerValue, _ id: String, at p: Int?) -> String {
            if let texts, let p, let words = texts.answer(a, at: p) { return recorder.note(words) }
            guard let question = q.question(id) else { return Sanitize.multiLine(a.plainDescription) }
            if case .text = a { return Sanitize.multiLine(a.plainDescription) }
            return Sanitize.multiLine(recorder.answer(a, of: question))
        }
        // The relevant answers by position, when the score has them (a
        // `ScoringProgram`'s): one lookup of a question's position gives its
        // answer and its texts, where its relevance, its answer and its
        // position were three (bench/README.md, "Issue 19, round 7").
        let relevantSlots = score.relevantAnswers.flatMap { $0.count == q.questions.count ? $0 : nil }
        // Every answer by id, made only if read: with the relevant answers
        // by position it is not (an answer file's dictionary is made when
        // read, `AnswerFile.answers`).
        var allAnswers: [String: AnswerValue]?
        func answer(_ id: String) -> AnswerValue? {
            if allAnswers == nil { allAnswers = answers() }
            return allAnswers![id]
        }
        /// The answer to a relevant question (what scoring read), looked up
        /// without building the filtered dictionary, and the question's
        /// position where it is known.
        func relevant(_ id: String) -> (answer: AnswerValue, position: Int?)? {
            if let relevantSlots {
                guard let p = q.positions[id], let a = relevantSlots[p] else { return nil }
                return (a, p)
            }
            guard score.relevance.isRelevant(id), let a = answer(id) else { return nil }
            return (a, position(id))
        }
        func effective(_ id: String) -> AnswerValue? { relevant(id)?.answer }

        func evidenceItems(_ evidence: [Evidence]) -> [Summary.EvidenceItem] {
            evidence.map { e in
                let p = position(e.questionID)
                return Summary.EvidenceItem(question: e.questionID, questionText: questionText(e.questionID, at: p),
                                            answer: answerText(e.answer, e.questionID, at: p))
            }
        }

        // Urgent matters: the answers that made the urgent rule true, and urgent overrides.
        var urgentReasons: [String] = []
        for e in score.urgentEvidence {
            let p = position(e.questionID)
            urgentReasons.append("\(questionText(e.questionID, at: p)) → \(answerText(e.answer, e.questionID, at: p))")
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
            // A few ids, looked for among the unanswered ones in turn: a
            // dictionary of all of them was built for these few.
            safetyUnanswered = ids.map { id in
                .init(question: id, questionText: questionText(id),
                      reason: score.unanswered.first { $0.questionID == id }?.reason ?? .notAsked)
            }
        }

        var domains: [String: Summary.DomainItem] = [:]
        // Findings come in questionnaire order, one a domain; the title is
        // taken from the batch's texts only where the position's id matches.
        for (k, f) in score.domains.enumerated() {
            let items = f.indicators.map { r in
                Summary.IndicatorItem(
                    id: r.indicator.id, strength: r.indicator.strength, phase: r.indicator.phase,
                    why: r.indicator.why.map(t),
                    evidence: evidenceItems(r.evidence))
            }
            let title = texts?.domainTitle(at: k, id: f.domain.id).map(recorder.note) ?? t(f.domain.title)
            domains[f.domain.id] = Summary.DomainItem(title: title, core: f.domain.core, kind: f.domain.kind,
                                                      positive: f.positive, indicators: items)
        }

        func choice(_ hook: String?) -> Summary.ChoiceItem? {
            guard let id = hook, let (a, p) = relevant(id) else { return nil }
            var answerID: String?
            switch a {
            case .choice(let c): answerID = c
            case .special(let s): answerID = s.rawValue
            default: break
            }
            return Summary.ChoiceItem(question: id, answer: answerID, text: answerText(a, id, at: p))
        }

        var needs: [String] = []
        if let id = q.summaryHooks.needs, let (a, p) = relevant(id), let question = p.map({ q.questions[$0] }) ?? q.question(id) {
            switch a {
            case .choices(let cs): needs = cs.map { Sanitize.multiLine(recorder.option($0, of: question)) }
            default: needs = [answerText(a, id, at: p)]
            }
        }

        var remarkItems: [Summary.RemarkItem] = []
        let cleanedInterviewRemark = Sanitize.multiLine(interviewRemark).trimmingWhitespace()
        if !cleanedInterviewRemark.isEmpty {
            remarkItems.append(Summary.RemarkItem(question: nil, questionText: nil, text: cleanedInterviewRemark))
        }
        // The advocate's closing remark is an answer; it belongs with the remarks.
        if let id = q.summaryHooks[.closingRemark], case .text(let closing)? = effective(id) {
            let text = Sanitize.multiLine(closing).trimmingWhitespace()
            if !text.isEmpty { remarkItems.append(Summary.RemarkItem(question: id, questionText: questionText(id), text: text)) }
        }
        // By index, and only when there are remarks: `for question in
        // q.questions` copied every question out.
        for p in q.questions.indices where !remarks.isEmpty {
            let id = q.questions[p].id
            guard let r = remarks[id] else { continue }
            let text = Sanitize.multiLine(r).trimmingWhitespace()
            if !text.isEmpty {
                remarkItems.append(Summary.RemarkItem(question: id, questionText: t(q.questions[p].text), text: text))
            }
        }

        let resultText = texts.map { recorder.note($0.result(score.result)) } ?? Sanitize.multiLine(recorder.result(score.result))

        /// A question's answer as a summary line, if it was given and applied.
        func line(_ id: String) -> Summary.EvidenceItem? {
            relevant(id).map { a, p in
                Summary.EvidenceItem(question: id, questionText: questionText(id, at: p), answer: answerText(a, id, at: p))
            }
        }
        /// The answers to these hooks' questions, as summary lines.
        func lines(_ hooks: [SummaryHook]) -> [Summary.EvidenceItem] {
            hooks.compactMap { q.summaryHooks[$0].flatMap(line) }
        }
        func text(_ hook: SummaryHook) -> String? {
            guard let id = q.summaryHooks[hook], let (a, p) = relevant(id) else { return nil }
            if case .text(let s) = a { return Sanitize.singleLine(s).trimmingWhitespace() }
            return answerText(a, id, at: p)
        }
        // Which referrals the person agreed to share with, when that was asked.
        // A referral the question does not offer (this organisation's own
        // next step) is neither agreed nor refused.
        var agreed: Set<String>?
        var shareable: Set<String> = []
        if let id = q.summaryHooks[.consentToShare], case .choices(let cs)? = effective(id) {
            agreed = Set(cs)
            shareable = Set(q.question(id)?.options.map(\.id) ?? [])
        }
        let header = Summary.Header(
            interviewDate: context.interviewDate.map(Sanitize.singleLine), organisation: context.organisation.map(Sanitize.singleLine),
            setting: context.setting.map(Sanitize.singleLine), screener: context.screener.map(Sanitize.singleLine),
            questionnaireHash: q.contentHash,
            intervieweeLanguageDraft: context.intervieweeLanguageDraft, languageDraft: tr.isDraft,
            interpreter: choice(q.summaryHooks[.interpreterUsed]), interpreterLanguage: text(.interpreterLanguage),
            preferredLanguages: text(.preferredLanguages),
            // The question that ended the interview was relevant, so its
            // answer is among the relevant ones when they are at hand.
            endedAt: endedBy.flatMap { id in (relevant(id)?.answer ?? answer(id)).map { line in
                let p = position(id)
                return Summary.EvidenceItem(question: id, questionText: questionText(id, at: p), answer: answerText(line, id, at: p))
            } })

        return Summary(
            questionnaire: .init(id: q.id, version: q.version, title: t(q.title)),
            header: header,
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
            // An override that changed nothing is not news, unless it is a flag.
            overrides: score.overrides.filter { $0.before != $0.after || $0.override.urgent || $0.override.flag }
                .map { .init(id: $0.override.id, reason: t($0.override.reason), evidence: evidenceItems($0.evidence)) },
            referrals: score.referrals.map { r in
                .init(id: r.referral.id, title: t(r.referral.title), reason: t(r.referral.reason),
                      evidence: evidenceItems(r.evidence), timeCritical: r.timeCritical,
                      agreed: shareable.contains(r.referral.id) ? agreed.map { $0.contains(r.referral.id) } : nil,
                      details: r.referral.details.isEmpty ? nil : r.referral.details.compactMap(line))
            },
            needs: needs,
            lawEnforcementPreference: choice(q.summaryHooks.lawEnforcementPreference),
            advocateConcern: choice(q.summaryHooks.advocateConcern),
            situation: choice(q.summaryHooks.situation),
            situationEnded: choice(q.summaryHooks.situationEnded),
            dependants: lines([.dependants, .dependantsSafe]),
            safeContact: lines([.safeContact, .safeContactTimes, .neverContact]),
            shareLimits: text(.shareLimits),
            unanswered: score.unanswered.map { .init(question: $0.questionID, questionText: questionText($0.questionID), reason: $0.reason) },
            remarks: remarkItems,
            endedEarly: endedBy != nil,
            disclaimer: texts.map { recorder.note($0.disclaimer) } ?? Sanitize.multiLine(recorder.ui(.summaryDisclaimer)),
            usesFallbackText: recorder.usedFallback)
    }

    /// Summarises an interview as it stands.
    public static func build(_ interview: Interview, context: SummaryContext = SummaryContext(),
                             in tr: some Translating) -> Summary {
        build(questionnaire: interview.questionnaire, score: interview.score(), answers: interview.answers,
              remarks: interview.remarks, interviewRemark: interview.interviewRemark,
              intervieweeLanguage: interview.intervieweeLanguage, endedBy: interview.endedByQuestion,
              context: context.dated(interview.startedAt), in: tr)
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
    /// A text looked up earlier (`SummaryTexts`), noted as if looked up now.
    func note(_ r: Translated) -> String {
        if r.isFallback { flag.value = true }
        return r.text
    }
}
