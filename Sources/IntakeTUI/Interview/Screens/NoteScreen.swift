import Foundation
import IntakeCore

/// A note between questions: nothing to answer; read, scroll, go on.
struct NoteScreen: QuestionScreen {
    var question: String
    var scroll = 0

    func answerKeys(_ q: Question, scrolls: Bool) -> [KeyUse] { SharedKeys.scrolling(scrolls) }

    func updateAnswer(_ action: Action, _ q: Question, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        var next = self
        switch action {
        case .moveUp: next.scroll = max(0, scroll - 1)
        case .moveDown: next.scroll = min(scroll + 1, app.maxScroll(m))
        default: return []
        }
        m.screen = next
        return []
    }

    func answerBody(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {}
    func pending(_ q: Question, current: AnswerValue?) -> Result<PendingAnswer, ValidationIssue> { .success(.nothing) }
    func emptied() -> NoteScreen { self }
}
