/// What a summary shows of a questionnaire in one language, translated and
/// sanitized once: the question texts and the words for single answers (an
/// option, yes or no, don't know, declined); since round 5 also the
/// questionnaire's title, domain titles, indicators' `why`, override
/// reasons, referral titles and reasons, the result names and the
/// disclaimer. A batch of summaries makes one per questionnaire and
/// language and hands it to `SummaryBuilder.build`, which otherwise looks
/// up and sanitizes every text for every file (bench/README.md, "Issue 19,
/// rounds 3 and 5").
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
    /// By domain position in `Questionnaire.domains`, with the domain's id
    /// (a finding's domain is checked against it).
    let domains: [(id: String, title: Translated)]
    /// Other texts of the questionnaire (title, `why`, override reasons,
    /// referral titles and reasons) by translation key, with the source
    /// text they were made from; a text is used only if both match.
    let sources: [String: (source: String, text: Translated)]
    /// By `ResultLevel.allCases` order.
    let results: [Translated]
    let disclaimer: Translated

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
        func text(_ s: SourceText) -> Translated { t(tr.translate(key: s.key, source: s.text)) }
        domains = q.domains.map { ($0.id, text($0.title)) }
        var sources: [String: (source: String, text: Translated)] = [:]
        func add(_ s: SourceText?) {
            guard let s, sources[s.key] == nil else { return }
            sources[s.key] = (s.text, text(s))
        }
        add(q.title)
        for i in q.indicators { add(i.why) }
        for o in q.result.overrides { add(o.reason) }
        for r in q.referrals { add(r.title); add(r.reason) }
        self.sources = sources
        // As `Translating.ui` gives them (no placeholders filled), with
        // whether the lookup fell back.
        func ui(_ u: UIString) -> Translated {
            Translated(text: Sanitize.multiLine(tr.ui(u)), isFallback: tr.translate(key: u.key, source: u.source).isFallback)
        }
        results = ResultLevel.allCases.map { ui(.result($0)) }
        disclaimer = ui(.summaryDisclaimer)
    }

    /// `Sanitize.multiLine(tr(s))` worked out before, if it was.
    func text(_ s: SourceText) -> Translated? {
        guard let e = sources[s.key], e.source == s.text else { return nil }
        return e.text
    }

    /// The title of the domain at `position` in the questionnaire, if its id is `id`.
    func domainTitle(at position: Int, id: String) -> Translated? {
        position < domains.count && domains[position].id == id ? domains[position].title : nil
    }

    func result(_ level: ResultLevel) -> Translated {
        results[ResultLevel.allCases.firstIndex(of: level)!]
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
