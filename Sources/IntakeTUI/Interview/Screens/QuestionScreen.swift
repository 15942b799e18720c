import Foundation
import IntakeCore

/// What a question screen holds that is not recorded yet.
enum PendingAnswer: Equatable {
    /// Nothing new on screen.
    case nothing
    /// The answer was taken away (all checks removed, the text deleted).
    case clear
    case value(AnswerValue)
}

/// A question, whatever its answer type: the parts every question screen
/// shares (progress, the question in both languages, "don't know" and
/// "prefers not to answer", the persona's answer in practice, confirming
/// and going on, remarks, guidance, the explain panel). Each answer type is
/// its own component with its own state: ChoiceQuestionScreen (yes/no,
/// single choice), MultipleChoiceScreen, TextAnswerScreen,
/// NumberDateScreen (number, date, month and year), NoteScreen.
protocol QuestionScreen: InterviewScreen {
    /// The question's id.
    var question: String { get }
    /// The keys of its kind of answer (options, checking, typing).
    func answerKeys(_ q: Question, scrolls: Bool) -> [KeyUse]
    /// Acts on one of `answerKeys`.
    func updateAnswer(_ action: Action, _ q: Question, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]
    /// The answer's part of the body: the options, or the text field.
    func answerBody(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body)
    /// What is on screen but not recorded yet, or why it cannot be an answer.
    func pending(_ q: Question, current: AnswerValue?) -> Result<PendingAnswer, ValidationIssue>
    /// The same screen with nothing chosen or typed (after a special answer).
    func emptied() -> Self
}

extension InterviewApp {
    /// The screen of the current question, for its answer type, showing
    /// its answer (or the draft of a typed one).
    static func questionScreen(_ q: Question, in iv: Interview) -> any InterviewScreen {
        let answer = iv.answers[q.id]
        switch q.type {
        case .yesNo, .single: return ChoiceQuestionScreen(q, answer: answer)
        case .multiple: return MultipleChoiceScreen(q, answer: answer)
        case .text: return TextAnswerScreen(q, text: iv.drafts[.answer(question: q.id)] ?? editorText(answer))
        case .number, .date, .monthYear: return NumberDateScreen(q, text: iv.drafts[.answer(question: q.id)] ?? editorText(answer))
        case .note: return NoteScreen(question: q.id)
        }
    }
}

extension QuestionScreen {
    var position: InterviewPosition? { .question(question) }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        guard let q = m.interview?.questionnaire.question(question) else { return SharedKeys.common }
        var out: [KeyUse] = []
        out.reserveCapacity(32)
        SharedKeys.addRunning(m, to: &out)
        out.append(.shown(.next))
        if SharedKeys.canGoBack(m) { out.append(.shown(.back)) }
        if q.takesAnswer {
            // Offered or not, the keys answer: a special answer the question
            // does not offer is refused with a sentence that says so.
            out.append(q.special.contains(.dontKnow) ? .shown(.dontKnow) : .unlisted(.dontKnow))
            out.append(q.special.contains(.declined) ? .shown(.declined) : .unlisted(.declined))
            if case .practice = m.mode { out.append(.shown(.askPersona)) }
        }
        out += answerKeys(q, scrolls: scrolls)
        return out
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { InterviewView.sectionTitle(m, w) }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        guard let q = m.interview?.questionnaire.question(question) else { return [] }
        switch action {
        case .back: return app.saveDraft(&m) + app.back(&m)
        case .dontKnow, .declined:
            let s: SpecialAnswer = action == .dontKnow ? .dontKnow : .declined
            guard q.special.contains(s) else {
                m.message = ScreenMessage(text: Words(m).issue(.specialNotOffered(s), q), isError: true)
                return []
            }
            m.screen = emptied()
            return app.answer(&m, .special(s), q)
        case .askPersona:
            guard case .practice(let persona) = m.mode else { return [] }
            guard let a = persona[q.id] else {
                m.message = ScreenMessage(text: Words(m).ui(.personaNone), isError: false)
                return []
            }
            let out = app.answer(&m, a, q)
            app.syncScreen(&m, force: true)
            m.message = ScreenMessage(text: Words(m).ui(.personaAnswer, ["answer": Words(m).advocate.answer(a, of: q)]), isError: false)
            return out
        case .next:
            var out: [InterviewEffect] = []
            switch commit(q, &m, app) {
            case .failure(let issue):
                // Refused, and kept: the text stays on screen and is saved as a draft.
                let draft = app.saveDraft(&m)
                m.message = ScreenMessage(text: Words(m).issue(issue, q), isError: true)
                return draft
            case .success(let events): out = events
            }
            // Confirmed: what is on screen is the answer, so a draft that differed goes.
            if m.interview?.drafts[.answer(question: q.id)] != nil {
                out += app.apply(&m, [.drafted(field: .answer(question: q.id), text: nil)])
            }
            return out + app.next(&m)
        default:
            return updateAnswer(action, q, &m, app)
        }
    }

    /// Records what is on screen but not yet answered: a moved choice
    /// highlight, changed checks, typed text.
    private func commit(_ q: Question, _ m: inout InterviewModel, _ app: InterviewApp) -> Result<[InterviewEffect], ValidationIssue> {
        guard let iv = m.interview else { return .success([]) }
        let current = iv.answers[q.id]
        switch pending(q, current: current) {
        case .failure(let issue): return .failure(issue)
        case .success(.nothing): return .success([])
        case .success(.clear): return .success(app.apply(&m, [.cleared(question: q.id)]))
        case .success(.value(let value)):
            switch iv.answer(value, for: q.id) {
            case .failure(let issue): return .failure(issue)
            case .success(let events):
                if events.contains(where: { if case .answered(_, let v) = $0 { return v == current } else { return false } }) { return .success([]) }
                return .success(app.apply(&m, events))
            }
        }
    }

    /// The question and what is around its answer, laid out once for each
    /// state of the interview (see `BodyMemo`), and the answer's part
    /// (the highlight, the checks, the typed text) laid out every time.
    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        guard let iv = m.interview, let q = iv.questionnaire.question(question) else { return }
        let blank = b.empty()
        // The closure is passed where it is written, so it borrows what it
        // reads: kept in a variable, it was a context on the heap holding
        // copies of the model, the interview and the words at every frame,
        // memo hit or not (bench/README.md, "Issue 19, round 6: keystrokes").
        let around: BodyMemo.Parts
        if let memo = b.memo {
            around = memo.parts(QuestionPartsKey(q.id, m, iv, b)) { Self.around(q, m, iv, w, blank) }
        } else {
            around = Self.around(q, m, iv, w, blank)
        }
        b.lines += around.head
        answerBody(q, m, iv, w, &b)
        b.lines += around.tail
    }

    private static func around(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ blank: Body) -> BodyMemo.Parts {
        var head = blank, tail = blank
        Self.head(q, m, iv, w, &head)
        Self.tail(q, m, iv, w, &tail)
        return (head.lines, tail.lines)
    }

    /// Above the answer: progress, the question in both languages.
    private static func head(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        if let n = iv.positionNumbers {
            b.para(w.ui(.progress, ["section": String(n.section), "sections": String(n.sections),
                                     "question": String(n.question), "questions": String(n.questions)]), .muted)
            b.blank()
        }
        b.para(w.q(q.text), .bold)
        InterviewView.dual(m, iv, w, q.text, &b)
        b.blank()
    }

    /// Below the answer: the special answer, the remark, guidance, the explain panel.
    private static func tail(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        if let special = iv.answers[q.id]?.special {
            b.blank()
            b.para(w.ui(.chosenAnswer, ["answer": w.ui(special == .dontKnow ? .dontKnow : .declined)]), Style(bold: true, color: .accent))
        }
        if let r = iv.remarks[q.id] {
            b.blank()
            b.para(w.ui(.remarkShown, ["text": r]), .muted)
        }
        if m.showGuidance, let g = q.guidance {
            b.blank()
            b.para("▌ " + w.ui(.forAdvocate), Style(bold: true, color: .accent))
            b.para(w.a(g), .muted, indent: 2)
        }
        if m.mode.isTraining && m.showExplain { explain(q, iv, w, &b) }
    }

    /// In training: the indicators this question's answer raises.
    private static func explain(_ q: Question, _ iv: Interview, _ w: Words, _ b: inout Body) {
        b.blank()
        b.para(w.ui(.explainTitle), Style(bold: true, underline: true))
        let raised = iv.score().indicators.filter { r in
            r.indicator.questionID == q.id || r.evidence.contains { $0.questionID == q.id }
        }
        if raised.isEmpty { b.para(w.ui(.explainNone), .muted, indent: 2) }
        for r in raised {
            let domain = iv.questionnaire.domain(r.indicator.domain).map { w.a($0.title) } ?? r.indicator.domain
            b.para(w.ui(.explainIndicator, ["id": r.indicator.id, "strength": InterviewView.strength(r.indicator.strength, w), "domain": domain]), .plain, indent: 2)
            if let why = r.indicator.why { b.para(w.a(why), .muted, indent: 4) }
        }
    }
}

extension InterviewApp {
    /// Answers `q` with `value` (a choice, a special answer, the persona's).
    func answer(_ m: inout InterviewModel, _ value: AnswerValue, _ q: Question) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        switch iv.answer(value, for: q.id) {
        case .failure(let issue):
            m.message = ScreenMessage(text: Words(m).issue(issue, q), isError: true)
            return []
        case .success(let events):
            m.message = nil
            if iv.answers[q.id] == value { return [] }
            return apply(&m, events)
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let progress = UIString("screen/progress", "Section {section} of {sections} · question {question} of {questions}",
                                   note: "Progress above each question.")
    static let forAdvocate = UIString("screen/for_advocate", "For the advocate",
                                      note: "Label of the guidance shown under a question, for the advocate only.")
    static let chosenAnswer = UIString("screen/chosen_answer", "Answer: {answer}",
                                       note: "The answer chosen so far for this question.")
    static let remarkShown = UIString("screen/remark_shown", "Remark: {text}",
                                      note: "The advocate's remark on this question.")
    static let explainTitle = UIString("screen/explain_title", "Why (for training)",
                                       note: "Title of the trainer's explanation panel.")
    static let explainNone = UIString("screen/explain_none", "This answer raises no indicator.",
                                      note: "Explanation panel.")
    static let explainIndicator = UIString("screen/explain_indicator", "{id} · {strength} · {domain}",
                                           note: "An indicator the answer raises.")
    static let personaAnswer = UIString("screen/persona_answer", "The persona answers: {answer}",
                                        note: "Practice mode: the fictional persona's answer.")
    static let personaNone = UIString("screen/persona_none", "The persona has no answer to this question.",
                                      note: "Practice mode.")
}
