import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// Each stored event as a line a supervisor can read.
public enum EventNarration {
    public static func lines(_ events: [TimedEvent], questionnaire q: Questionnaire, tr: some Translating) -> [String] {
        guard let first = events.first else { return ["(no events)"] }
        var out = ["Started \(DateText.minutes(first.at))"]
        for (i, e) in events.enumerated() {
            let offset = Int(e.at.timeIntervalSince(first.at))
            let stamp = "\(DateText.time(e.at)) +\(offset / 60)m\(String(format: "%02d", offset % 60))s"
            out.append("\(String(format: "%4d", i + 1))  \(stamp)  \(describe(e.event, q, tr))")
        }
        return out
    }

    /// Each event with the interview as it stood after it: where it was,
    /// the answer on screen, and progress.
    public static func steps(_ events: [TimedEvent], questionnaire q: Questionnaire, tr: some Translating) -> [ReplayApp.Step] {
        let lines = self.lines(events, questionnaire: q, tr: tr).dropFirst()
        var interview = Interview(questionnaire: q)
        var out: [ReplayApp.Step] = []
        for (e, line) in zip(events, lines) {
            interview.apply(e.event, at: e.at)
            var detail: [String] = []
            switch interview.position {
            case .question(let id):
                if let question = q.question(id) {
                    detail.append("\(tr(q.section(question.sectionID)?.title ?? q.title)) · \(id)")
                    detail.append(tr(question.text))
                    let answer = interview.answers[id].map { tr.answer($0, of: question) } ?? "(no answer yet)"
                    detail.append("Answer: \(answer)")
                    if let r = interview.remarks[id] { detail.append("Remark: \(r)") }
                }
            case .sectionIntro(let s): detail.append("Section introduction: \(q.section(s).map { tr($0.title) } ?? s)")
            case .intro: detail.append("Introduction")
            case .review: detail.append("Review of all answers")
            case .finished: detail.append(interview.isCompleted ? "Completed: summary" : "Ended early")
            }
            let p = interview.progress()
            detail.append("Answered \(p.answered) of \(p.relevant) questions that apply" + (interview.isPaused ? "; on a break" : ""))
            out.append(ReplayApp.Step(line: line, detail: detail))
        }
        return out
    }

    public static func describe(_ e: InterviewEvent, _ q: Questionnaire, _ tr: some Translating) -> String {
        func qtext(_ id: String) -> String { q.question(id).map { Sanitize.singleLine(tr($0.text)) } ?? id }
        switch e {
        case .answered(let id, let v):
            let a = q.question(id).map { tr.answer(v, of: $0) } ?? v.plainDescription
            return "answered \(id): \(Sanitize.singleLine(a))"
        case .cleared(let id): return "cleared the answer to \(id)"
        case .remarked(let id?, let t): return "remark on \(id): \(Sanitize.singleLine(t))"
        case .remarked(nil, let t): return "remark on the interview: \(Sanitize.singleLine(t))"
        case .drafted(let field, let t):
            let what: String
            switch field {
            case .answer(let id): what = "answer to \(id)"
            case .remark(let id?): what = "remark on \(id)"
            case .remark(nil): what = "remark on the interview"
            }
            return t.map { "typed, not confirmed (\(what)): \(Sanitize.singleLine($0))" } ?? "dropped the unconfirmed \(what)"
        case .moved(let p):
            switch p {
            case .intro: return "-> introduction"
            case .sectionIntro(let s): return "-> section \(s)"
            case .question(let id): return "-> \(id): \(qtext(id))"
            case .review: return "-> review"
            case .finished: return "-> finished"
            }
        case .languagesChanged(let a, let b): return "languages: interviewee \(a), advocate \(b)"
        case .paused: return "break started"
        case .resumed: return "break ended"
        case .endedByAnswer(let id): return "interview ended by the answer to \(id)"
        case .completed: return "interview completed"
        }
    }
}
