import Foundation
import IntakeCore

/// An interview that ended early (the person did not consent, or an
/// answer ended it): the questionnaire's closing words and where to find
/// help; nothing else can be done here but leave.
struct EndedScreen: InterviewScreen {
    var scroll = 0

    var position: InterviewPosition? { .finished }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        // Enter leaves too (it asks first). F8 shows the closing words in
        // the advocate's language too; no guidance is left to show (F7).
        SharedKeys.common + SharedKeys.scrolling(scrolls) + [.unlisted(.next), .unlisted(.toggleDualLanguage)]
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .moveUp: m.screen = EndedScreen(scroll: max(0, scroll - 1))
        case .moveDown: m.screen = EndedScreen(scroll: min(scroll + 1, app.maxScroll(m)))
        case .next: m.overlay = QuitOverlay()
        default: break
        }
        return []
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.endedTitle) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        guard let iv = m.interview else { return }
        let q = iv.endedByQuestion.flatMap { iv.questionnaire.question($0) }
        if let message = q?.endMessage ?? iv.questionnaire.endMessage {
            b.para(w.q(message))
            InterviewView.dual(m, iv, w, message, &b)
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
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let endedTitle = UIString("screen/ended_title", "Thank you",
                                     note: "Title of the screen shown when the interview ended early.")
    static let endedResources = UIString("screen/ended_resources", "Help that is there whenever you want it",
                                         note: "Heading above the list of services, after an interview ended early.")
    static let endedNothingStored = UIString("screen/ended_nothing_stored", "Nothing from this interview was stored.",
                                             note: "Shown after an interview ended at consent.")
}
