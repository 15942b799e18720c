import Foundation
import IntakeCore

// The questionnaire's introduction and each section's introduction (with
// its content note): read, scroll, go on.

extension InterviewView {
    /// The actions its footer offers.
    static func introFooter(_ iv: Interview) -> [Action] {
        commonActions + runningActions + [.next, .moveUp, .moveDown] + (iv.back().isEmpty ? [] : [.back])
    }

    static func introBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let q = iv.questionnaire
        b.para(w.q(q.title), .bold)
        dual(m, iv, w, q.title, &b)
        b.blank()
        if let intro = q.intro {
            b.para(w.q(intro))
            dual(m, iv, w, intro, &b)
        }
    }

    static func sectionBody(_ m: InterviewModel, _ iv: Interview, _ id: String, _ w: Words, _ b: inout Body) {
        guard let s = iv.questionnaire.section(id) else { return }
        if let n = iv.positionNumbers {
            b.para(w.ui(.sectionProgress, ["section": String(n.section), "sections": String(n.sections)]), .muted)
            b.blank()
        }
        b.para(w.q(s.title), .bold)
        dual(m, iv, w, s.title, &b)
        if let intro = s.intro {
            b.blank()
            b.para(w.q(intro))
            dual(m, iv, w, intro, &b)
        }
        if let note = s.contentNote {
            b.blank()
            b.para("▲ " + w.ui(.contentNote), .warning)
            b.para(w.q(note), Style(color: .warning), indent: 2)
            dual(m, iv, w, note, &b, indent: 4)
        }
    }
}

extension InterviewApp {
    func scrollOrStep(_ m: inout InterviewModel, _ action: Action) -> [InterviewEffect] {
        switch action {
        case .moveUp: m.scroll = max(0, m.scroll - 1)
        case .moveDown: m.scroll = min(m.scroll + 1, maxScroll(m))
        case .next: return next(&m)
        case .back: return back(&m)
        default: break
        }
        return []
    }
}
