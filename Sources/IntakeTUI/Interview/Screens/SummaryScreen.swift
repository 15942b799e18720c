import Foundation
import IntakeCore

/// The end of a completed interview: the summary (with the practice
/// comparison and the explain panel in training) and its export.
struct SummaryScreen: InterviewScreen {
    var scroll = 0

    var position: InterviewPosition? { .finished }
    var keyContext: KeyContext { .review }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        var out = SharedKeys.common + SharedKeys.scrolling(scrolls) + [.shown(.export), .shown(.back)]
        // Enter leaves (it asks first); the review is one key away still.
        out += [.unlisted(.next), .unlisted(.review)] + SharedKeys.settings
        if m.mode.isTraining { out.append(.shown(.explain)) }
        return out
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .moveUp: m.screen = SummaryScreen(scroll: max(0, scroll - 1))
        case .moveDown: m.screen = SummaryScreen(scroll: min(scroll + 1, app.maxScroll(m)))
        case .back: return app.back(&m)
        case .next: m.overlay = QuitOverlay()
        case .export: return [.export(exportFiles(m))]
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

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.summaryTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.summaryScreenHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        guard let iv = m.interview else { return }
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
        if m.mode.isTraining && m.showExplain { Self.explain(iv, w, &b) }
        let summary = m.summary(of: iv, in: w.advocate)
        // Laid out at the body's width, so no line is wrapped a second time.
        let lines = summary.textLines(in: w.advocate, width: b.width - 1)  // `para` keeps the last column free
        for line in lines {
            if line.text.isEmpty { b.blank() } else { b.para(line.text, line.isRule ? .muted : .plain) }
        }
        // The text format ends in a newline: a last, empty line.
        b.blank()
    }

    /// In training: the result, and each domain's indicators with the answers that raised them.
    static func explain(_ iv: Interview, _ w: Words, _ b: inout Body) {
        let score = iv.score()
        let result = w.ui(.result(score.result))
        b.para(w.ui(.explainTitle), Style(bold: true, underline: true))
        b.para(w.ui(.explainResult, ["result": result]), .bold)
        for d in score.domains where d.positive || !d.indicators.isEmpty {
            b.para((d.positive ? "✓ " : "  ") + w.ui(.explainDomain, ["domain": w.a(d.domain.title), "strong": String(d.tally.strong),
                                                                      "medium": String(d.tally.medium), "weak": String(d.tally.weak)]), indent: 2)
            for r in d.indicators {
                let answers = r.evidence.map { e in "\(e.questionID) = \(iv.questionnaire.question(e.questionID).map { w.answer(e.answer, of: $0) } ?? e.answer.plainDescription)" }
                b.para("\(r.indicator.id) (\(InterviewView.strength(r.indicator.strength, w))) ← " + answers.joined(separator: ", "), .muted, indent: 6)
            }
        }
        for o in score.overrides {
            b.para(w.ui(.explainOverride, ["id": o.override.id, "reason": w.a(o.override.reason)]), .plain, indent: 2)
        }
        b.blank()
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let summaryScreenHint = UIString("screen/summary_hint", "x or Ctrl-X saves the summary as text, Markdown and JSON files.",
                                            note: "Summary screen hint.")
    static let explainResult = UIString("screen/explain_result", "How the result came about: {result}",
                                        note: "Explanation panel on the summary.")
    static let explainDomain = UIString("screen/explain_domain", "{domain}: {strong} strong, {medium} medium, {weak} weak",
                                        note: "Indicator tally of a domain.")
    static let explainOverride = UIString("screen/explain_override", "Rule {id} changed the result: {reason}",
                                          note: "An override rule that applied.")
}
