import Foundation
import IntakeCore

/// A multiple choice question: numbers and Space check and uncheck, Enter
/// confirms the checked options.
struct MultipleChoiceScreen: QuestionScreen {
    var question: String
    var options = OptionList()
    var checked: Set<String> = []
    var scroll = 0

    init(_ q: Question, answer: AnswerValue?) {
        question = q.id
        if case .choices(let cs)? = answer {
            checked = Set(cs)
            options.focus = cs.first.flatMap { InterviewView.optionIDs(q).firstIndex(of: $0) }
        }
    }

    var keyContext: KeyContext { .choice }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.hintMultiple) }

    func answerKeys(_ q: Question, scrolls: Bool) -> [KeyUse] { OptionList.keys + [.shown(.toggle)] }

    func updateAnswer(_ action: Action, _ q: Question, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        let ids = InterviewView.optionIDs(q)
        var next = self
        switch next.options.apply(action, count: ids.count, scroll: &next.scroll, maxScroll: app.maxScroll(m)) {
        case .moved: break
        case .chose(let i): next.toggle(ids[i])
        case .ignored:
            // Space checks the highlighted option (the first if none is).
            guard action == .toggle else { return [] }
            let f = options.focus ?? 0
            next.options = OptionList(focus: f, touched: true)
            next.toggle(ids[f])
        }
        m.screen = next
        return []
    }

    private mutating func toggle(_ id: String) {
        if checked.contains(id) { checked.remove(id) } else { checked.insert(id) }
    }

    func answerBody(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        options.draw(q, m, iv, w, &b) { checked.contains($0) ? "[x]" : "[ ]" }
    }

    func pending(_ q: Question, current: AnswerValue?) -> Result<PendingAnswer, ValidationIssue> {
        guard options.touched else { return .success(.nothing) }
        if checked.isEmpty { return .success(current != nil && current?.special == nil ? .clear : .nothing) }
        return .success(.value(.choices(Array(checked))))
    }

    func emptied() -> MultipleChoiceScreen {
        var e = self
        e.options.focus = nil
        e.checked = []
        return e
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let hintMultiple = UIString("screen/hint_multiple", "Space checks or unchecks an option; Enter confirms.",
                                       note: "Hint for a question with several answers.")
}
