/// Which questions apply, given the answers so far. Evaluated in interview
/// order: a question's `relevant` condition sees only the answers of earlier
/// questions that are themselves relevant.
public struct Relevance: Sendable {
    public enum State: Sendable, Equatable {
        /// The question applies and is asked.
        case relevant
        /// Its condition is false: the question does not apply.
        case notApplicable
        /// Its condition depends on an unknown answer, so it is not asked;
        /// the summary lists it as not asked.
        case undetermined

        /// The state a `relevant` condition's truth gives.
        init(_ truth: Truth) { self = truth == .yes ? .relevant : truth == .no ? .notApplicable : .undetermined }
    }

    /// Each question's state, by its position in `Questionnaire.questions`.
    public let byPosition: [State]
    /// The questionnaire's `positions` (shared, not copied).
    private let positions: [String: Int]

    /// Every question's state by id.
    public var states: [String: State] {
        Dictionary(uniqueKeysWithValues: positions.map { ($0.key, byPosition[$0.value]) })
    }

    public func state(_ questionID: String) -> State { positions[questionID].map { byPosition[$0] } ?? .notApplicable }
    public func isRelevant(_ questionID: String) -> Bool { state(questionID) == .relevant }

    /// Computes relevance for every question.
    public init(questionnaire q: Questionnaire, answers: [String: AnswerValue], language: String) {
        var states: [State] = []
        states.reserveCapacity(q.questions.count)
        // `ctx.answers` are the visible answers: those of earlier relevant
        // questions. Added in place: a second copy of them (the context's,
        // reassigned before each question) made every insertion copy the
        // whole dictionary (bench/README.md, "Issue 19, round 2: batch").
        var ctx = AnswerContext(answers: [:], questionnaire: q, language: language)
        for section in q.sections {
            let sectionTruth = section.relevant.map { ConditionEvaluator.evaluate($0, in: ctx) } ?? .yes
            for question in section.questions {
                var truth = sectionTruth
                if truth == .yes, let c = question.relevant {
                    truth = ConditionEvaluator.evaluate(c, in: ctx)
                }
                let state = State(truth)
                states.append(state)
                if state == .relevant, let a = answers[question.id] { ctx.answers[question.id] = a }
            }
        }
        self.byPosition = states
        self.positions = q.positions
    }

    /// Relevance from states already worked out, in question order.
    init(byPosition: [State], positions: [String: Int]) {
        self.byPosition = byPosition
        self.positions = positions
    }

    /// The answers of relevant questions only: what scoring reads.
    public func effectiveAnswers(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
        answers.filter { isRelevant($0.key) }
    }
}

/// A condition context over a fixed set of answers, for relevance,
/// constraints and indicator conditions.
public struct AnswerContext: ConditionContext {
    public var answers: [String: AnswerValue]
    public var questionnaire: Questionnaire
    public var language: String
    public var currentAnswer: AnswerValue?

    public init(answers: [String: AnswerValue], questionnaire: Questionnaire, language: String, currentAnswer: AnswerValue? = nil) {
        self.answers = answers
        self.questionnaire = questionnaire
        self.language = language
        self.currentAnswer = currentAnswer
    }

    public func answer(_ question: String) -> AnswerValue? { answers[question] }

    public func parameter(_ id: String) -> Double {
        questionnaire.parameters.first { $0.id == id }?.value(for: language) ?? 0
    }
}
