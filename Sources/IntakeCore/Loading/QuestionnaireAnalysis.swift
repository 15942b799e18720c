/// Checks that need the whole resolved questionnaire: questions that can
/// never be shown, whatever the answers before them.
///
/// It works by enumeration: for each question, the possible states of every
/// earlier question it depends on (each option, each special answer, and
/// "no answer") are tried, and the question counts as reachable when some
/// combination makes it relevant. Conditions over numbers, text, dates or
/// the interview language cannot be enumerated and are taken as reachable.
struct QuestionnaireAnalysis {
    let questionnaire: Questionnaire
    /// Possible answers of each question (`nil` in the list: no answer).
    private var domains: [String: [AnswerValue?]?] = [:]
    private var reachable: [String: Bool] = [:]
    static let maxCombinations = 4096

    init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
    }

    mutating func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for section in questionnaire.sections {
            let sectionOK = canBeTrue(section.relevant)
            if !sectionOK, let c = section.relevant {
                out.append(.error(c.location, "section '\(section.id)' can never be shown: its 'relevant' condition is false for every possible earlier answer"))
            }
            for q in section.questions {
                let ok = sectionOK && canBeTrue(q.relevant)
                reachable[q.id] = ok
                if sectionOK && !ok, let c = q.relevant {
                    out.append(.error(c.location, "question '\(q.id)' can never be shown: its 'relevant' condition is false for every possible earlier answer"))
                }
                domains[q.id] = ok ? possibleAnswers(q) : .some([nil])
            }
        }
        return out
    }

    private func possibleAnswers(_ q: Question) -> [AnswerValue?]? {
        var values: [AnswerValue?] = [nil] + q.special.map { .special($0) }
        switch q.type {
        case .yesNo:
            values += [.choice("yes"), .choice("no")]
        case .single:
            values += q.options.map { .choice($0.id) }
        case .multiple:
            guard q.options.count <= 6 else { return nil }
            let ids = q.options.map(\.id)
            for mask in 1..<(1 << ids.count) {
                values.append(.choices(ids.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)))
            }
        default:
            return nil
        }
        return values
    }

    private func canBeTrue(_ c: Condition?) -> Bool {
        guard let c else { return true }
        var enumerable = true
        c.root.visit { node in
            switch node {
            case .language, .current: enumerable = false
            case .parameter(let id):
                // A per-language value differs by language version: every
                // version would need checking, so this one is not judged.
                if questionnaire.parameters.first(where: { $0.id == id })?.byLanguage.isEmpty == false { enumerable = false }
            default: break
            }
        }
        let refs = c.questionReferences
        var spaces: [(String, [AnswerValue?])] = []
        var combos = 1
        for r in refs {
            guard let d = domains[r], let values = d else { enumerable = false; break }
            spaces.append((r, values))
            combos *= values.count
            if combos > Self.maxCombinations { enumerable = false; break }
        }
        guard enumerable else { return true }
        var assignment: [String: AnswerValue] = [:]
        return search(c, spaces[...], &assignment)
    }

    private func search(_ c: Condition, _ rest: ArraySlice<(String, [AnswerValue?])>, _ assignment: inout [String: AnswerValue]) -> Bool {
        guard let (id, values) = rest.first else {
            return ConditionEvaluator.evaluate(c, in: FixedAnswers(answers: assignment, questionnaire: questionnaire)) == .yes
        }
        for v in values {
            assignment[id] = v
            if search(c, rest.dropFirst(), &assignment) { return true }
        }
        assignment[id] = nil
        return false
    }
}

/// A context of given answers, with parameters at their default values.
struct FixedAnswers: ConditionContext {
    var answers: [String: AnswerValue]
    var questionnaire: Questionnaire
    var language: String { questionnaire.language }
    func answer(_ question: String) -> AnswerValue? { answers[question] }
    func parameter(_ id: String) -> Double {
        questionnaire.parameters.first { $0.id == id }?.value(for: language) ?? 0
    }
}
