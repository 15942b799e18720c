/// What a summary shows of a questionnaire's questions in one language,
/// translated and sanitized once: the question texts and the words for
/// single answers (an option, yes or no, don't know, declined). A batch of
/// summaries makes one per questionnaire and language and hands it to
/// `SummaryBuilder.build`, which otherwise looks up and sanitizes every
/// text for every file (bench/README.md, "Issue 19, round 3").
/// `SummaryTextsTests` checks that summaries built with it are the same.
public struct SummaryTexts: Sendable {
    /// The language `build` must be given; used to refuse a mismatch.
    let language: String
    /// The questionnaire's `contentHash`; used to refuse a mismatch.
    let questionnaireHash: String
    /// By question position.
    let questions: [Translated]
    /// By question position: each option's words as the whole answer.
    let options: [[(id: String, text: Translated)]]
    let dontKnow: Translated
    let declined: Translated

    public init(_ q: Questionnaire, in tr: some Translating) {
        func t(_ r: Translated) -> Translated { Translated(text: Sanitize.multiLine(r.text), isFallback: r.isFallback) }
        language = tr.language
        questionnaireHash = q.contentHash
        questions = q.questions.map { t(tr.translate(key: $0.text.key, source: $0.text.text)) }
        let yes = t(tr.translate(key: UIString.yes.key, source: UIString.yes.source))
        let no = t(tr.translate(key: UIString.no.key, source: UIString.no.source))
        options = q.questions.map { question in
            switch question.type {
            case .yesNo: return [("yes", yes), ("no", no)]
            case .single, .multiple:
                return question.options.map { ($0.id, t(tr.translate(key: $0.text.key, source: $0.text.text))) }
            default: return []
            }
        }
        dontKnow = t(tr.translate(key: UIString.dontKnow.key, source: UIString.dontKnow.source))
        declined = t(tr.translate(key: UIString.declined.key, source: UIString.declined.source))
    }

    /// The words for a single answer to the question at `position`, as
    /// `Sanitize.multiLine(tr.answer(a, of: question))`; nil for other answers.
    func answer(_ a: AnswerValue, at position: Int) -> Translated? {
        switch a {
        case .choice(let c): return options[position].first { $0.id == c }?.text
        case .special(.dontKnow): return dontKnow
        case .special(.declined): return declined
        default: return nil
        }
    }
}
