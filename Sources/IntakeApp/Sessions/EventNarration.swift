import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// Each stored event as a line a supervisor can read, in the advocate's
/// language (see NarrationStrings.swift).
public enum EventNarration {
    public static func lines(_ events: [TimedEvent], questionnaire q: Questionnaire, tr: some Translating) -> [String] {
        guard let first = events.first else { return [tr.ui(.narrationNoEvents)] }
        var out = [tr.ui(.narrationStarted, ["time": DateText.minutes(first.at)])]
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
                    let answer = interview.answers[id].map { tr.answer($0, of: question) } ?? tr.ui(.narrationNoAnswerYet)
                    detail.append(tr.ui(.narrationAnswer, ["answer": answer]))
                    if let r = interview.remarks[id] { detail.append(tr.ui(.narrationRemarkState, ["text": r])) }
                }
            case .sectionIntro(let s): detail.append(tr.ui(.narrationAtSection, ["section": q.section(s).map { tr($0.title) } ?? s]))
            case .intro: detail.append(tr.ui(.narrationAtIntro))
            case .review: detail.append(tr.ui(.narrationAtReview))
            case .finished: detail.append(tr.ui(interview.isCompleted ? .narrationAtSummary : .narrationEndedEarly))
            }
            let p = interview.progress()
            detail.append(tr.ui(interview.isPaused ? .narrationProgressOnBreak : .narrationProgress,
                                ["answered": String(p.answered), "total": String(p.relevant)]))
            out.append(ReplayApp.Step(line: line, detail: detail))
        }
        return out
    }

    public static func describe(_ e: InterviewEvent, _ q: Questionnaire, _ tr: some Translating) -> String {
        func qtext(_ id: String) -> String { q.question(id).map { Sanitize.singleLine(tr($0.text)) } ?? id }
        switch e {
        case .answered(let id, let v):
            let a = q.question(id).map { tr.answer(v, of: $0) } ?? v.plainDescription
            return tr.ui(.narrationAnswered, ["question": id, "answer": Sanitize.singleLine(a)])
        case .cleared(let id): return tr.ui(.narrationCleared, ["question": id])
        case .remarked(let id?, let t): return tr.ui(.narrationRemark, ["question": id, "text": Sanitize.singleLine(t)])
        case .remarked(nil, let t): return tr.ui(.narrationInterviewRemark, ["text": Sanitize.singleLine(t)])
        case .drafted(let field, let t):
            let what: String
            switch field {
            case .answer(let id): what = tr.ui(.narrationDraftAnswer, ["question": id])
            case .remark(let id?): what = tr.ui(.narrationDraftRemark, ["question": id])
            case .remark(nil): what = tr.ui(.narrationDraftInterviewRemark)
            }
            return t.map { tr.ui(.narrationDrafted, ["what": what, "text": Sanitize.singleLine($0)]) }
                ?? tr.ui(.narrationDraftDropped, ["what": what])
        case .moved(let p):
            switch p {
            case .intro: return tr.ui(.narrationToIntro)
            case .sectionIntro(let s): return tr.ui(.narrationToSection, ["section": s])
            case .question(let id): return tr.ui(.narrationToQuestion, ["question": id, "text": qtext(id)])
            case .review: return tr.ui(.narrationToReview)
            case .finished: return tr.ui(.narrationToFinished)
            }
        case .languagesChanged(let a, let b): return tr.ui(.narrationLanguages, ["interviewee": a, "advocate": b])
        case .paused: return tr.ui(.narrationPaused)
        case .resumed: return tr.ui(.narrationResumed)
        case .endedByAnswer(let id): return tr.ui(.narrationEndedBy, ["question": id])
        case .completed: return tr.ui(.narrationCompleted)
        }
    }
}
