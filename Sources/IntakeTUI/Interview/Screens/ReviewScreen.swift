import Foundation
import IntakeCore

/// The review of every answer: jump back to one, or finish.
struct ReviewScreen: InterviewScreen {
    /// The highlighted item of `items`.
    var focus = 0

    var position: InterviewPosition? { .review }
    var keyContext: KeyContext { .review }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        SharedKeys.running(m, review: false) + [.shown(.next), .shown(.back), .shown(.moveUp), .shown(.moveDown)]
    }

    /// The review list: nil is "finish", then question ids.
    static func items(_ m: InterviewModel) -> [String?] {
        guard let iv = m.interview else { return [nil] }
        var out: [String?] = [nil]
        for q in iv.questionnaire.questions where q.takesAnswer {
            if iv.relevance.isRelevant(q.id) || iv.answers[q.id] != nil { out.append(q.id) }
        }
        return out
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        let items = Self.items(m)
        switch action {
        case .moveUp: m.screen = ReviewScreen(focus: max(0, focus - 1))
        case .moveDown: m.screen = ReviewScreen(focus: min(items.count - 1, focus + 1))
        case .back: return app.back(&m)
        case .next:
            guard items.indices.contains(focus), let iv = m.interview else { return [] }
            guard let qid = items[focus] else { return app.next(&m) }
            let events = iv.jump(to: qid)
            if events.isEmpty {
                m.message = ScreenMessage(text: Words(m).ui(.reviewKeptNotUsed), isError: false)
                return []
            }
            return app.apply(&m, events)
        default: break
        }
        return []
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.reviewTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.reviewHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        guard let iv = m.interview else { return }
        if !iv.interviewRemark.isEmpty {
            b.para(w.ui(.reviewInterviewRemark, ["text": iv.interviewRemark]), .muted)
            b.blank()
        }
        let idWidth = min(22, (iv.questionnaire.questions.map { $0.id.count }.max() ?? 10) + 1)
        let textWidth = max(10, (b.width - 1 - 2 - idWidth) / 2)
        let answerWidth = b.width - 1 - 2 - idWidth - textWidth - 2
        for (i, item) in Self.items(m).enumerated() {
            let focused = focus == i
            let prefix = focused ? "› " : "  "
            if focused { b.focus = b.lines.count }
            guard let qid = item, let q = iv.questionnaire.question(qid) else {
                b.lines.append(BodyLine(text: prefix + w.ui(.reviewFinish), style: focused ? Style(bold: true, reverse: true) : .bold))
                b.blank()
                continue
            }
            let relevant = iv.relevance.isRelevant(qid)
            var answer: String
            if let a = iv.answers[qid] { answer = w.answer(a, of: q) } else { answer = "— " + w.ui(.reviewNotAnswered) }
            if !relevant { answer += " (" + w.ui(.reviewKeptNotUsed) + ")" }
            let idCol = InterviewView.clip(qid, idWidth - 1)
            let text = InterviewView.clip(w.a(q.text), textWidth)
            var line = prefix + idCol + String(repeating: " ", count: max(1, idWidth - DisplayWidth.of(idCol)))
            line += text + String(repeating: " ", count: max(0, textWidth - DisplayWidth.of(text))) + "  "
            line += InterviewView.clip(answer, answerWidth)
            let style: Style = focused ? Style(bold: true, reverse: true) : (relevant ? .plain : Style(dim: true, color: .muted))
            b.lines.append(BodyLine(text: line, style: style))
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let reviewTitle = UIString("screen/review_title", "Review the answers", note: "Title of the review screen.")
    static let reviewFinish = UIString("screen/review_finish", "Finish and show the summary",
                                       note: "First line of the review screen.")
    static let reviewHint = UIString("screen/review_hint", "Enter on an answer goes back to it to change it.",
                                     note: "Review screen hint.")
    static let reviewKeptNotUsed = UIString("screen/review_kept_not_used", "kept, not used",
                                            note: "An answer to a question that no longer applies (lowercase).")
    static let reviewNotAnswered = UIString("screen/review_not_answered", "not answered",
                                            note: "A question that applies but has no answer (lowercase).")
    static let reviewInterviewRemark = UIString("screen/review_interview_remark", "Remark on the whole interview: {text}",
                                                note: "Review screen line.")
}
