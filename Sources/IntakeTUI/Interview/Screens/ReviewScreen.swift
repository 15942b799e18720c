import Foundation
import IntakeCore

// The review of every answer: jump back to one, or finish.

extension InterviewApp {
    func reviewKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        let items = InterviewView.reviewItems(m)
        switch action {
        case .moveUp: m.reviewFocus = max(0, m.reviewFocus - 1)
        case .moveDown: m.reviewFocus = min(items.count - 1, m.reviewFocus + 1)
        case .back: return back(&m)
        case .next:
            guard items.indices.contains(m.reviewFocus), let iv = m.interview else { return [] }
            guard let qid = items[m.reviewFocus] else { return next(&m) }
            let events = iv.jump(to: qid)
            if events.isEmpty {
                m.message = ScreenMessage(text: Words(m).ui(.reviewKeptNotUsed), isError: false)
                return []
            }
            return apply(&m, events)
        default: break
        }
        return []
    }
}

extension InterviewView {
    /// The actions its footer offers.
    static let reviewFooter = commonActions + runningActions.filter { $0 != .review } + [.next, .back, .moveUp, .moveDown]

    /// The review list: nil is "finish", then question ids.
    static func reviewItems(_ m: InterviewModel) -> [String?] {
        guard let iv = m.interview else { return [nil] }
        var out: [String?] = [nil]
        for q in iv.questionnaire.questions where q.takesAnswer {
            if iv.relevance.isRelevant(q.id) || iv.answers[q.id] != nil { out.append(q.id) }
        }
        return out
    }


    static func reviewBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        if !iv.interviewRemark.isEmpty {
            b.para(w.ui(.reviewInterviewRemark, ["text": iv.interviewRemark]), .muted)
            b.blank()
        }
        let idWidth = min(22, (iv.questionnaire.questions.map { $0.id.count }.max() ?? 10) + 1)
        let textWidth = max(10, (b.width - 1 - 2 - idWidth) / 2)
        let answerWidth = b.width - 1 - 2 - idWidth - textWidth - 2
        for (i, item) in reviewItems(m).enumerated() {
            let focused = m.reviewFocus == i
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
            let idCol = clip(qid, idWidth - 1)
            let text = clip(w.a(q.text), textWidth)
            var line = prefix + idCol + String(repeating: " ", count: max(1, idWidth - DisplayWidth.of(idCol)))
            line += text + String(repeating: " ", count: max(0, textWidth - DisplayWidth.of(text))) + "  "
            line += clip(answer, answerWidth)
            let style: Style = focused ? Style(bold: true, reverse: true) : (relevant ? .plain : Style(dim: true, color: .muted))
            b.lines.append(BodyLine(text: line, style: style))
        }
    }
}
