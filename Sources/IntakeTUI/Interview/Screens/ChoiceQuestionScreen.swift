import Foundation
import IntakeCore

/// The options of a choice question and the highlight on them, as the
/// single and the multiple choice screens share them.
struct OptionList: Sendable, Equatable {
    /// Highlighted option; nil until the advocate moves or chooses, so a
    /// blind Enter never answers.
    var focus: Int?
    /// Whether the advocate moved or chose since the screen opened.
    var touched = false

    /// ↑/↓ and the option numbers.
    static let keys: [KeyUse] = [.shown(.moveUp), .shown(.moveDown)] + (1...9).map { .unlisted(.select($0)) }

    /// What ↑/↓ or an option's number did.
    enum Outcome { case moved, chose(Int), ignored }

    /// Acts on ↑/↓ (past the first or the last option the body scrolls
    /// instead) and on an option's number (the option, 0-based).
    mutating func apply(_ action: Action, count: Int, scroll: inout Int, maxScroll: Int) -> Outcome {
        switch action {
        case .moveUp:
            if let f = focus, f > 0 { focus = f - 1 } else if focus == nil { focus = 0 } else { scroll = max(0, scroll - 1) }
        case .moveDown:
            if let f = focus {
                if f + 1 < count { focus = f + 1 } else { scroll = min(scroll + 1, maxScroll) }
            } else {
                focus = 0
            }
        case .select(let n):
            guard n >= 1, n <= count else { return .ignored }
            focus = n - 1
            touched = true
            return .chose(n - 1)
        default:
            return .ignored
        }
        touched = true
        return .moved
    }

    /// The options, numbered, each with its mark (`(•)`, `[x]`), in the
    /// interviewee's language and the advocate's beside it.
    func draw(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body, mark: (String) -> String) {
        let showDualOptions = m.showDual && iv.intervieweeLanguage != iv.advocateLanguage
        for (i, id) in InterviewView.optionIDs(q).enumerated() {
            let focused = focus == i
            var text = w.option(id, of: q)
            if showDualOptions {
                let other = w.option(id, of: q, advocateSide: true)
                if Words.unmarked(other) != Words.unmarked(text) { text += "  · " + other }
            }
            if focused { b.focus = b.lines.count }
            let number = i < 9 ? "\(i + 1)." : "  "
            b.hanging("\(focused ? "›" : " ") \(number) \(mark(id)) ", text, focused ? Style(bold: true, reverse: true) : .plain)
        }
    }
}

/// A yes/no or single choice question: a number chooses at once; ↑/↓
/// highlight, and Enter takes the highlighted option.
struct ChoiceQuestionScreen: QuestionScreen {
    var question: String
    var options = OptionList()
    var scroll = 0

    init(_ q: Question, answer: AnswerValue?) {
        question = q.id
        if case .choice(let c)? = answer { options.focus = InterviewView.optionIDs(q).firstIndex(of: c) }
    }

    var keyContext: KeyContext { .choice }

    func answerKeys(_ q: Question, scrolls: Bool) -> [KeyUse] { OptionList.keys }

    func updateAnswer(_ action: Action, _ q: Question, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        let ids = InterviewView.optionIDs(q)
        var next = self
        switch next.options.apply(action, count: ids.count, scroll: &next.scroll, maxScroll: app.maxScroll(m)) {
        case .ignored: return []
        case .moved:
            m.screen = next
            return []
        case .chose(let i):
            m.screen = next
            return app.answer(&m, .choice(ids[i]), q)
        }
    }

    func answerBody(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let answer = iv.answers[q.id]
        options.draw(q, m, iv, w, &b) { answer == .choice($0) ? "(•)" : "( )" }
    }

    func pending(_ q: Question, current: AnswerValue?) -> Result<PendingAnswer, ValidationIssue> {
        guard options.touched, let f = options.focus else { return .success(.nothing) }
        return .success(.value(.choice(InterviewView.optionIDs(q)[f])))
    }

    func emptied() -> ChoiceQuestionScreen {
        var e = self
        e.options.focus = nil
        return e
    }
}
