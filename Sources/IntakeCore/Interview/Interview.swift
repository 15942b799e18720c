// Over 400 lines: the interview state machine is one type whose moves
// (next, back, jump, end) and event application keep one set of invariants
// (position, relevance, drafts); split, each half would need the other's.

import Foundation

/// Where the interview is.
public enum InterviewPosition: Hashable, Sendable, Codable {
    /// The questionnaire's introduction (purpose, confidentiality).
    case intro
    /// The introduction screen of a section (its intro and content note).
    case sectionIntro(String)
    case question(String)
    /// The list of every answer, before the summary.
    case review
    /// The interview is over (completed, or ended by an answer).
    case finished
}

/// Typed text that a draft belongs to.
public enum DraftField: Hashable, Sendable, Codable {
    /// The typed answer (text, number or date) to a question.
    case answer(question: String)
    /// A remark on a question, or on the whole interview when `question` is nil.
    case remark(question: String?)
}

/// Something that happened in an interview. The interview is the result of
/// applying its events in order, so a session is stored, resumed and
/// replayed as its event log.
public enum InterviewEvent: Hashable, Sendable, Codable {
    case answered(question: String, value: AnswerValue)
    case cleared(question: String)
    /// A remark on a question, or on the whole interview when `question` is nil.
    case remarked(question: String?, text: String)
    /// Text typed but not confirmed, kept so that nothing typed is lost
    /// (the screen was left, the program was stopped); nil drops the draft.
    /// Confirming the answer or the remark replaces its draft.
    case drafted(field: DraftField, text: String?)
    case moved(to: InterviewPosition)
    case languagesChanged(interviewee: String, advocate: String)
    case paused
    case resumed
    /// The interview ended because an answer's `end_if` was true.
    case endedByAnswer(question: String)
    case completed
}

/// Why an answer or a move was not accepted. The screen turns it into a
/// message in the advocate's language.
public enum ValidationIssue: Error, Hashable, Sendable {
    case required
    case notANumber
    case notAWholeNumber
    case belowMinimum(Double)
    case aboveMaximum(Double)
    case invalidDate
    case unknownOption(String)
    case specialNotOffered(SpecialAnswer)
    case wrongKind
    /// The question's own constraint failed; its message explains.
    case constraint(SourceText?)
    case empty
}

/// A pause taken during the interview.
public struct Pause: Hashable, Sendable, Codable {
    public var start: Date
    public var end: Date?
}

/// The interview state machine: answers, position, remarks, pauses,
/// languages. Pure: it never touches a disk or a terminal. Every change is
/// an `InterviewEvent`, applied with `apply(_:at:)`.
public struct Interview: Sendable {
    public let questionnaire: Questionnaire
    /// Every answer given, including those to questions that are no longer
    /// relevant (kept, left out of scoring, back if relevant again).
    public private(set) var answers: [String: AnswerValue] = [:]
    public private(set) var remarks: [String: String] = [:]
    public private(set) var interviewRemark: String = ""
    /// Text typed but not confirmed, by the answer or remark it is for. Not
    /// an answer: never scored, never in a summary.
    public private(set) var drafts: [DraftField: String] = [:]
    public private(set) var position: InterviewPosition = .intro
    public private(set) var pauses: [Pause] = []
    public private(set) var intervieweeLanguage: String
    public private(set) var advocateLanguage: String
    /// Set when an answer ended the interview early (e.g. no consent).
    public private(set) var endedByQuestion: String?
    public private(set) var isCompleted = false
    /// When the first event was applied: when the interview started (for
    /// the summary's header; a replayed log gives its recorded time).
    public private(set) var startedAt: Date?
    /// Positions visited, for going back the way we came.
    public private(set) var history: [InterviewPosition] = []
    public private(set) var relevance: Relevance {
        didSet { steps = Self.path(questionnaire, relevance) }
    }
    /// The screens of the interview as things stand: the intro, each
    /// relevant section's introduction and relevant questions, then review.
    /// Kept up to date with relevance, since every screen reads it.
    public private(set) var steps: [InterviewPosition] = [] {
        didSet { numbering = Self.numbering(questionnaire, steps, relevance) }
    }
    /// The section and question number of each step, and the totals, for
    /// `positionNumbers`; kept with `steps` (every frame shows them).
    private var numbering = Numbering()
    /// A new number at every change (see `Revision`): an interview with the
    /// same revision as another copy holds the same answers, position and
    /// everything else. `apply`, the one way to change an interview, takes one.
    public private(set) var revision = Revision.next()

    private struct Numbering: Sendable {
        var sections = 0, questions = 0
        /// Per step: its index in `steps`, its section number and question number.
        var at: [InterviewPosition: (index: Int, section: Int, question: Int)] = [:]
        /// The undetermined questions in questionnaire order: whether each
        /// is counted (not a note) and whether its section is off the path.
        var mayCome: [(section: Int, question: Int, counts: Bool, newSection: Bool)] = []
    }

    public init(questionnaire: Questionnaire, intervieweeLanguage: String? = nil, advocateLanguage: String? = nil) {
        self.questionnaire = questionnaire
        self.intervieweeLanguage = intervieweeLanguage ?? questionnaire.language
        self.advocateLanguage = advocateLanguage ?? questionnaire.language
        self.relevance = Relevance(questionnaire: questionnaire, answers: [:], language: self.intervieweeLanguage)
        self.steps = Self.path(questionnaire, relevance)
        self.numbering = Self.numbering(questionnaire, steps, relevance)  // didSet does not run in init
    }

    public var isPaused: Bool { pauses.last.map { $0.end == nil } ?? false }
    public var isOver: Bool { endedByQuestion != nil || isCompleted }

    // MARK: - Applying events

    /// Applies one event. Events that make no sense in the current state
    /// (an unknown question id from an old log) are ignored, so a log
    /// written by an older questionnaire still replays.
    public mutating func apply(_ event: InterviewEvent, at time: Date) {
        revision = Revision.next()
        if startedAt == nil { startedAt = time }
        switch event {
        case .answered(let oldID, let value):
            guard case .current(let qid) = questionnaire.historicQuestion(oldID) else { return }
            answers[qid] = value
            drafts[.answer(question: qid)] = nil
            recomputeRelevance()
        case .cleared(let oldID):
            guard case .current(let qid) = questionnaire.historicQuestion(oldID) else { return }
            answers[qid] = nil
            drafts[.answer(question: qid)] = nil
            recomputeRelevance()
        case .remarked(let oldID, let text):
            if let oldID {
                guard case .current(let qid) = questionnaire.historicQuestion(oldID) else { return }
                remarks[qid] = text.isEmpty ? nil : text
                drafts[.remark(question: qid)] = nil
            } else {
                interviewRemark = text
                drafts[.remark(question: nil)] = nil
            }
        case .drafted(let field, let text):
            guard let field = currentField(field) else { return }
            drafts[field] = text
        case .moved(let to):
            guard isValidPosition(to) else { return }
            if to != position { history.append(position) }
            position = to
        case .languagesChanged(let interviewee, let advocate):
            intervieweeLanguage = interviewee
            advocateLanguage = advocate
            recomputeRelevance()
        case .paused:
            if !isPaused { pauses.append(Pause(start: time, end: nil)) }
        case .resumed:
            if isPaused { pauses[pauses.count - 1].end = time }
        case .endedByAnswer(let qid):
            endedByQuestion = qid
            history.append(position)
            position = .finished
        case .completed:
            isCompleted = true
            history.append(position)
            position = .finished
        }
    }

    /// The field with its question id as the questionnaire now names it;
    /// nil when the question is gone.
    private func currentField(_ field: DraftField) -> DraftField? {
        switch field {
        case .answer(let oldID):
            guard case .current(let qid) = questionnaire.historicQuestion(oldID) else { return nil }
            return .answer(question: qid)
        case .remark(let oldID?):
            guard case .current(let qid) = questionnaire.historicQuestion(oldID) else { return nil }
            return .remark(question: qid)
        case .remark(nil):
            return field
        }
    }

    private mutating func recomputeRelevance() {
        relevance = Relevance(questionnaire: questionnaire, answers: answers, language: intervieweeLanguage)
    }

    private func isValidPosition(_ p: InterviewPosition) -> Bool {
        switch p {
        case .intro, .review, .finished: return true
        case .sectionIntro(let s): return questionnaire.section(s) != nil
        case .question(let q): return questionnaire.question(q) != nil
        }
    }

    // MARK: - The path through the questionnaire

    private static func path(_ questionnaire: Questionnaire, _ relevance: Relevance) -> [InterviewPosition] {
        var out: [InterviewPosition] = [.intro]
        for s in questionnaire.sections {
            let ids = s.questions.lazy.map(\.id).filter { relevance.isRelevant($0) }
            guard !ids.isEmpty else { continue }
            if s.intro != nil || s.contentNote != nil { out.append(.sectionIntro(s.id)) }
            out.append(contentsOf: ids.map { .question($0) })
        }
        out.append(.review)
        return out
    }

    /// The current question, if the position is one.
    public var currentQuestion: Question? {
        if case .question(let id) = position { return questionnaire.question(id) }
        return nil
    }

    /// The section the position is in.
    public var currentSection: Section? {
        switch position {
        case .sectionIntro(let s): return questionnaire.section(s)
        case .question(let q): return questionnaire.section(ofQuestion: q)
        default: return nil
        }
    }

    /// The step after `position` on the current path. When the current
    /// question is no longer relevant (an earlier answer changed), the next
    /// relevant step after it in questionnaire order.
    public func step(after p: InterviewPosition) -> InterviewPosition {
        let path = steps
        if let i = numbering.at[p]?.index { return i + 1 < path.count ? path[i + 1] : .review }
        let order = allPositions
        guard let j = order.firstIndex(of: p) else { return .review }
        for candidate in order[(j + 1)...] where numbering.at[candidate] != nil { return candidate }
        return .review
    }

    /// The step before `position` on the current path.
    public func step(before p: InterviewPosition) -> InterviewPosition? {
        let path = steps
        if let i = numbering.at[p]?.index { return i > 0 ? path[i - 1] : nil }
        let order = allPositions
        guard let j = order.firstIndex(of: p) else { return path.last }
        for candidate in order[..<j].reversed() where numbering.at[candidate] != nil { return candidate }
        return nil
    }

    /// Every possible position in questionnaire order, relevant or not.
    private var allPositions: [InterviewPosition] {
        var out: [InterviewPosition] = [.intro]
        for s in questionnaire.sections {
            out.append(.sectionIntro(s.id))
            out.append(contentsOf: s.questions.map { .question($0.id) })
        }
        out.append(.review)
        return out
    }

    // MARK: - Commands: they check, and return the events to apply

    /// Checks an answer for a question: kind, options, range, constraint.
    public func check(_ value: AnswerValue, for question: Question) -> ValidationIssue? {
        if let issue = Self.checkForm(value, for: question) { return issue }
        if value.special == nil, let c = question.constraint {
            let ctx = AnswerContext(answers: relevance.effectiveAnswers(answers), questionnaire: questionnaire,
                                    language: intervieweeLanguage, currentAnswer: value)
            // Unknown (e.g. it reads an unanswered question) does not block.
            if ConditionEvaluator.evaluate(c, in: ctx) == .no { return .constraint(question.constraintMessage) }
        }
        return nil
    }

    /// Checks an answer's form alone: kind, options, range (not the constraint).
    public static func checkForm(_ value: AnswerValue, for question: Question) -> ValidationIssue? {
        if case .special(let s) = value {
            return question.special.contains(s) ? nil : .specialNotOffered(s)
        }
        switch (question.type, value) {
        case (.yesNo, .choice(let c)):
            if c != "yes" && c != "no" { return .unknownOption(c) }
        case (.single, .choice(let c)):
            if question.option(c) == nil { return .unknownOption(c) }
        case (.multiple, .choices(let cs)):
            if cs.isEmpty { return .empty }
            if let bad = cs.first(where: { question.option($0) == nil }) { return .unknownOption(bad) }
        case (.number, .number(let n)):
            if !n.isFinite { return .notANumber }
            if question.integer && n != n.rounded() { return .notAWholeNumber }
            if let lo = question.min, n < lo { return .belowMinimum(lo) }
            if let hi = question.max, n > hi { return .aboveMaximum(hi) }
        case (.date, .date(let d)):
            if d.day == nil { return .invalidDate }
        case (.monthYear, .date(let d)):
            if d.day != nil { return .invalidDate }
        case (.text, .text(let t)):
            if t.trimmingWhitespace().isEmpty { return .empty }
        default:
            return .wrongKind
        }
        return nil
    }

    /// Whether the current question needs an answer before moving on.
    public func isRequired(_ question: Question) -> Bool {
        guard let c = question.required else { return false }
        let ctx = AnswerContext(answers: relevance.effectiveAnswers(answers), questionnaire: questionnaire, language: intervieweeLanguage)
        return ConditionEvaluator.evaluate(c, in: ctx) == .yes
    }

    /// Events for answering `question` with `value`, or why it is refused.
    public func answer(_ value: AnswerValue, for questionID: String) -> Result<[InterviewEvent], ValidationIssue> {
        guard let q = questionnaire.question(questionID), q.takesAnswer else { return .failure(.wrongKind) }
        var v = value
        if case .choices(let cs) = value {
            // Keep the questionnaire's order so equal answers compare equal.
            let order = q.options.map(\.id)
            v = .choices(order.filter(cs.contains))
        }
        if case .text(let t) = value { v = .text(Sanitize.multiLine(t)) }
        if let issue = check(v, for: q) { return .failure(issue) }
        return .success([.answered(question: questionID, value: v)])
    }

    /// Events for keeping `text`, typed but not confirmed, as the draft of
    /// `field`: none when it is the draft already; dropping the draft when
    /// the text is what is confirmed (`confirmed`, as the editor shows it).
    public func draft(_ text: String, for field: DraftField, confirmed: String) -> [InterviewEvent] {
        guard let field = currentField(field) else { return [] }
        let clean = Sanitize.multiLine(text)
        let wanted: String? = clean == confirmed ? nil : clean
        return wanted == drafts[field] ? [] : [.drafted(field: field, text: wanted)]
    }

    /// Events for moving on from the current position, or why not.
    /// Moving on from a question whose `end_if` is true ends the interview.
    public func next() -> Result<[InterviewEvent], ValidationIssue> {
        switch position {
        case .finished:
            return .success([])
        case .review:
            return .success([.completed])
        case .question(let id):
            guard let q = questionnaire.question(id) else { return .success([.moved(to: .review)]) }
            if q.takesAnswer && answers[id] == nil && isRequired(q) { return .failure(.required) }
            if let c = q.endIf, answers[id] != nil {
                let ctx = AnswerContext(answers: relevance.effectiveAnswers(answers), questionnaire: questionnaire,
                                        language: intervieweeLanguage, currentAnswer: answers[id])
                if ConditionEvaluator.evaluate(c, in: ctx) == .yes { return .success([.endedByAnswer(question: id)]) }
            }
            return .success([.moved(to: step(after: position))])
        default:
            return .success([.moved(to: step(after: position))])
        }
    }

    /// Events for going back one step (nothing at the very start).
    public func back() -> [InterviewEvent] {
        switch position {
        case .finished:
            return isCompleted ? [.moved(to: .review)] : []
        default:
            return step(before: position).map { [.moved(to: $0)] } ?? []
        }
    }

    /// Events for jumping straight to a question (from the review screen).
    public func jump(to questionID: String) -> [InterviewEvent] {
        guard relevance.isRelevant(questionID) else { return [] }
        return [.moved(to: .question(questionID))]
    }

    // MARK: - Progress

    public struct Progress: Sendable, Equatable {
        public var answered: Int
        public var relevant: Int
    }

    /// Answered (special answers count) out of relevant questions that take an answer.
    public func progress(section: String? = nil) -> Progress {
        var p = Progress(answered: 0, relevant: 0)
        for q in questionnaire.questions where q.takesAnswer && relevance.isRelevant(q.id) {
            if let s = section, q.sectionID != s { continue }
            p.relevant += 1
            if answers[q.id] != nil { p.answered += 1 }
        }
        return p
    }

    /// "Section 3 of 9, question 12 of 48" for the current position: the
    /// numbers count relevant sections and questions on the current path.
    public var positionNumbers: (section: Int, sections: Int, question: Int, questions: Int)? {
        guard let n = numbering.at[position], n.section > 0 else { return nil }
        var sections = numbering.sections, questions = numbering.questions
        if !numbering.mayCome.isEmpty {
            let here = order(of: position)
            var lastSection = -1
            for m in numbering.mayCome where (m.section, m.question) > here {
                if m.counts { questions += 1 }
                if m.newSection, m.section != lastSection { sections += 1 }
                lastSection = m.section
            }
        }
        return (n.section, sections, n.question, questions)
    }

    /// Numbers every step of `steps`: a question's number is that of the
    /// last question counted up to it (notes are not counted, so a note
    /// shows the number of the question before it, 0 before the first), a
    /// step's section is the count of sections entered so far.
    ///
    /// The totals count what may still come too (`Numbering.mayCome`):
    /// questions after the position whose relevance is not known yet, since
    /// they depend on an answer not given, and their sections. Counting only
    /// the path said "question 1 of 1" at a consent question with the whole
    /// screening behind it. A question left behind stays uncounted: the
    /// total never says the end is near when it is not, and shrinks as
    /// answers rule questions out.
    private static func numbering(_ questionnaire: Questionnaire, _ steps: [InterviewPosition],
                                  _ relevance: Relevance) -> Numbering {
        let index = questionnaire.questionIndex
        let sections = questionnaire.sections
        var out = Numbering()
        var lastSection = -1
        var onPath = Set<Int>()
        for (i, step) in steps.enumerated() {
            var si: Int?
            var number = 0
            switch step {
            case .sectionIntro(let id): si = sections.firstIndex { $0.id == id }
            case .question(let id):
                if let p = index[id] {
                    si = p.section
                    if sections[p.section].questions[p.question].type != .note { out.questions += 1 }
                    number = out.questions  // a note: the question before it
                }
            default: break
            }
            if let si, si != lastSection {
                out.sections += 1
                lastSection = si
                onPath.insert(si)
            }
            out.at[step] = (i, si != nil ? out.sections : 0, number)
        }
        for (si, section) in sections.enumerated() {
            for (qi, question) in section.questions.enumerated() where relevance.state(question.id) == .undetermined {
                out.mayCome.append((si, qi, question.type != .note, !onPath.contains(si)))
            }
        }
        return out
    }

    /// Where a position stands in questionnaire order, to tell which
    /// undetermined questions lie ahead of it.
    private func order(of position: InterviewPosition) -> (section: Int, question: Int) {
        switch position {
        case .intro: return (-1, 0)
        case .sectionIntro(let id): return (questionnaire.sections.firstIndex { $0.id == id } ?? Int.max, -1)
        case .question(let id): return questionnaire.questionIndex[id].map { ($0.section, $0.question) } ?? (Int.max, 0)
        default: return (Int.max, 0)
        }
    }

    // MARK: - Scoring

    /// Scores the interview as it stands.
    public func score() -> ScoreResult {
        Scorer.score(questionnaire, answers: answers, language: intervieweeLanguage)
    }

    /// Total time spent in pauses.
    public func pausedDuration(now: Date) -> TimeInterval {
        pauses.reduce(0) { $0 + (($1.end ?? now).timeIntervalSince($1.start)) }
    }
}
