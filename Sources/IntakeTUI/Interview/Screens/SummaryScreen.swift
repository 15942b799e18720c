import Foundation
import IntakeCore

// The end: the summary (with the practice comparison and the explain
// panel in training), its export, or the early-end screen.

extension InterviewApp {
    func finishedKey(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        guard let iv = m.interview else { return [] }
        switch action {
        case .moveUp: m.scroll = max(0, m.scroll - 1)
        case .moveDown: m.scroll = min(m.scroll + 1, maxScroll(m))
        case .back: return iv.isCompleted ? back(&m) : []
        case .next: m.overlay = QuitOverlay()
        case .export:
            guard iv.isCompleted else { return [] }
            return [.export(exportFiles(m))]
        default: break
        }
        return []
    }

    /// The summary in every format, named after the session (or the time).
    func exportFiles(_ m: InterviewModel) -> [ExportFile] {
        guard let iv = m.interview else { return [] }
        let tr = m.advocateTranslator
        let summary = m.summary(of: iv, in: tr)
        var stem = "summary-"
        if let id = m.sessionID { stem += String(id.prefix(8)) } else {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "UTC")!
            let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: m.now)
            stem += String(format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        }
        return SummaryFormat.allCases.map { f in
            ExportFile(name: stem + "." + f.fileExtension, contents: summary.rendered(f, in: tr))
        }
    }
}

extension InterviewView {
    /// The actions its footer offers.
    static func summaryFooter(_ iv: Interview) -> [Action] {
        commonActions + [.moveUp, .moveDown] + (iv.isCompleted ? [.export, .back] : [])
    }

    static func summaryBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        if case .practice(let persona) = m.mode {
            // The trainee's screening beside the persona's full story.
            let c = PracticeComparison.compare(questionnaire: iv.questionnaire, trainee: iv.answers,
                                               persona: persona, language: iv.intervieweeLanguage)
            b.para(w.ui(.practiceTitle), Style(bold: true, underline: true))
            for line in c.report(questionnaire: iv.questionnaire, in: w.advocate) {
                let style: Style = line.isWarning ? Style(bold: true, color: .warning) : .plain
                if line.text.isEmpty { b.blank() } else { b.para(line.text, style) }
            }
            b.blank()
        }
        if m.mode.isTraining && m.showExplain { explainSummary(iv, w, &b) }
        let summary = m.summary(of: iv, in: w.advocate)
        // Laid out at the body's width, so no line is wrapped a second time.
        let lines = summary.textLines(in: w.advocate, width: b.width - 1)  // `para` keeps the last column free
        for line in lines {
            if line.text.isEmpty { b.blank() } else { b.para(line.text, line.isRule ? .muted : .plain) }
        }
        // The text format ends in a newline: a last, empty line.
        b.blank()
    }

    static func explainSummary(_ iv: Interview, _ w: Words, _ b: inout Body) {
        let score = iv.score()
        let result = w.ui(.result(score.result))
        b.para(w.ui(.explainTitle), Style(bold: true, underline: true))
        b.para(w.ui(.explainResult, ["result": result]), .bold)
        for d in score.domains where d.positive || !d.indicators.isEmpty {
            b.para((d.positive ? "✓ " : "  ") + w.ui(.explainDomain, ["domain": w.a(d.domain.title), "strong": String(d.tally.strong),
                                                                      "medium": String(d.tally.medium), "weak": String(d.tally.weak)]), indent: 2)
            for r in d.indicators {
                let answers = r.evidence.map { e in "\(e.questionID) = \(iv.questionnaire.question(e.questionID).map { w.answer(e.answer, of: $0) } ?? e.answer.plainDescription)" }
                b.para("\(r.indicator.id) (\(strength(r.indicator.strength, w))) ← " + answers.joined(separator: ", "), .muted, indent: 6)
            }
        }
        for o in score.overrides {
            b.para(w.ui(.explainOverride, ["id": o.override.id, "reason": w.a(o.override.reason)]), .plain, indent: 2)
        }
        b.blank()
    }

    static func endedBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let q = iv.endedByQuestion.flatMap { iv.questionnaire.question($0) }
        if let message = q?.endMessage ?? iv.questionnaire.endMessage {
            b.para(w.q(message))
            dual(m, iv, w, message, &b)
            b.blank()
        }
        if !iv.questionnaire.resources.isEmpty {
            b.para(w.ui(.endedResources), .bold)
            b.blank()
            for r in iv.questionnaire.resources {
                b.hanging("• ", w.q(r.title), .bold)
                b.para(w.q(r.text), .plain, indent: 2)
            }
        }
        if m.endedAtConsent && m.mode.records {
            b.blank()
            b.para(w.ui(.endedNothingStored), .muted)
        }
    }

    static func strength(_ s: Strength, _ w: Words) -> String {
        switch s {
        case .strong: return w.ui(.strengthStrong)
        case .medium: return w.ui(.strengthMedium)
        case .weak: return w.ui(.strengthWeak)
        }
    }
}
