import Foundation
import IntakeCore

/// The questionnaire's introduction (`section` nil) or a section's
/// introduction with its content note: read, scroll, go on.
struct IntroScreen: InterviewScreen {
    var section: String?
    var scroll = 0

    var position: InterviewPosition? { section.map { .sectionIntro($0) } ?? .intro }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        SharedKeys.running(m) + [.shown(.next)] + SharedKeys.scrolling(scrolls) + SharedKeys.back(m)
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        var next = self
        switch action {
        case .moveUp: next.scroll = max(0, scroll - 1)
        case .moveDown: next.scroll = min(scroll + 1, app.maxScroll(m))
        case .next: return app.next(&m)
        case .back: return app.back(&m)
        default: return []
        }
        m.screen = next
        return []
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { InterviewView.sectionTitle(m, w) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        guard let iv = m.interview else { return }
        if let section { sectionBody(m, iv, section, w, &b) } else { introBody(m, iv, w, &b) }
    }

    private func introBody(_ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let q = iv.questionnaire
        b.para(w.q(q.title), .bold)
        InterviewView.dual(m, iv, w, q.title, &b)
        b.blank()
        if let intro = q.intro {
            b.para(w.q(intro))
            InterviewView.dual(m, iv, w, intro, &b)
        }
    }

    private func sectionBody(_ m: InterviewModel, _ iv: Interview, _ id: String, _ w: Words, _ b: inout Body) {
        guard let s = iv.questionnaire.section(id) else { return }
        if let n = iv.positionNumbers {
            b.para(w.ui(.sectionProgress, ["section": String(n.section), "sections": String(n.sections)]), .muted)
            b.blank()
        }
        b.para(w.q(s.title), .bold)
        InterviewView.dual(m, iv, w, s.title, &b)
        if let intro = s.intro {
            b.blank()
            b.para(w.q(intro))
            InterviewView.dual(m, iv, w, intro, &b)
        }
        if let note = s.contentNote {
            b.blank()
            b.para("▲ " + w.ui(.contentNote), .warning)
            b.para(w.q(note), Style(color: .warning), indent: 2)
            InterviewView.dual(m, iv, w, note, &b, indent: 4)
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let sectionProgress = UIString("screen/section_progress", "Section {section} of {sections}",
                                          note: "Progress on a section's introduction.")
    static let contentNote = UIString("screen/content_note", "Content note",
                                      note: "Label of a section's content note: a warning about sensitive questions ahead.")
}
