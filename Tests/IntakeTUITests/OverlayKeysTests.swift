import Foundation
import IntakeCore
import Testing
@testable import IntakeTUI

/// Each overlay's footer and its `update` come from one list of actions
/// (`OverlayScreen.keys`). These tests check that the list is true: every
/// key the key map gives while the overlay is shown either does something
/// (it is in the list) or nothing at all (it is not), and the footer offers
/// exactly the listed actions it shows.
@Suite struct OverlayKeysTests {
    /// A model on the fixture's first question, with `overlay` shown.
    static func model(_ overlay: any OverlayScreen) -> InterviewModel {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()])
        _ = r.press(.enter)  // start a new interview
        _ = r.press(.enter)  // past the introduction
        var m = r.model
        m.overlay = overlay
        return m
    }

    /// Every overlay, in a state where each of its actions changes something.
    static let overlays: [(String, any OverlayScreen)] = [
        ("help", HelpOverlay(scroll: 1)),
        ("pause", PauseOverlay()),
        ("remark", RemarkOverlay(question: "consent", editor: editorInTheMiddle)),
        ("language", LanguageOverlay(focus: .advocate, interviewee: 0, advocate: 0)),
        ("quit", QuitOverlay()),
    ]

    /// Three lines, the cursor in the middle of the middle one: every
    /// editing key moves it or changes the text.
    static var editorInTheMiddle: TextEditor {
        var e = TextEditor(text: "ab cd\nef gh\nij kl", multiline: true)
        for a: EditorAction in [.up, .left, .left] { e.apply(a, width: 60) }
        return e
    }

    struct Outcome: Equatable {
        var screen: String
        var effects: [InterviewEffect]
        var overlay: String
    }

    static func outcome(_ m: InterviewModel, _ key: KeyEvent, _ action: Action) -> Outcome {
        var after = m
        let effects = InterviewApp().update(&after, .key(key, action: action))
        return Outcome(screen: InterviewApp().view(after, size: after.size).text(), effects: effects,
                       overlay: after.overlay.map { String(describing: $0) } ?? "none")
    }

    @Test(arguments: overlays.map(\.0))
    func everyKeyDoesWhatTheListSays(_ name: String) throws {
        let overlay = try #require(Self.overlays.first { $0.0 == name }?.1)
        let m = Self.model(overlay)
        let before = Outcome(screen: InterviewApp().view(m, size: m.size).text(), effects: [],
                             overlay: String(describing: overlay))
        let app = InterviewApp()
        var seen: [Action] = []
        for b in app.keyMap.bindings(in: overlay.keyContext) where !seen.contains(b.action) {
            seen.append(b.action)
            // Hiding and redrawing are the app's, on every screen.
            if [.quickHide, .redraw].contains(b.action) { continue }
            let after = Self.outcome(m, b.key, b.action)
            if overlay.accepts(b.action, m, scrolls: InterviewApp().maxScroll(m) > 0) {
                #expect(after != before, "\(name): \(b.action) is listed but does nothing")
            } else {
                #expect(after == before, "\(name): \(b.action) is not listed but changes the screen or has effects")
            }
        }
    }

    @Test(arguments: overlays.map(\.0))
    func theFooterOffersTheListedActions(_ name: String) throws {
        let overlay = try #require(Self.overlays.first { $0.0 == name }?.1)
        let m = Self.model(overlay)
        let scrolls = InterviewApp().maxScroll(m) > 0
        let footer = InterviewView.footer(InterviewApp(), m, Words(m), keys: m.component.keys(m, scrolls: scrolls))
        // Every item offers an action the overlay acts on.
        for item in footer where item.action != .quickHide { #expect(overlay.accepts(item.action, m, scrolls: scrolls), "\(item.text)") }
        // Every action listed for the footer is in it (↑ and ↓ share one item).
        for action in overlay.keys(m, scrolls: scrolls).filter(\.inFooter).map(\.action) {
            let keys = InterviewApp().keyMap.bindings(in: overlay.keyContext).filter { $0.action == action && $0.footer != nil }
            #expect(keys.contains { b in footer.contains { $0.keys.split(separator: "/").contains(Substring(b.key.label)) } },
                    "\(action) is listed for the footer but not in it")
        }
    }

    /// The footers as the golden screens show them, written out.
    @Test func footersAsShown() {
        func footer(_ overlay: any OverlayScreen) -> String {
            let m = Self.model(overlay)
            return InterviewView.footer(InterviewApp(), m, Words(m), keys: m.component.keys(m, scrolls: InterviewApp().maxScroll(m) > 0)).map(\.text).joined(separator: " ")
        }
        // The help over the first question fits: nothing to scroll.
        #expect(footer(HelpOverlay()) == "[Enter] Next [Esc] Hide")
        #expect(footer(PauseOverlay()) == "[Enter] Next [Esc] Hide")
        #expect(footer(QuitOverlay()) == "[Enter] Next [PgUp] Back [Esc] Hide")
        #expect(footer(LanguageOverlay(interviewee: 0, advocate: 0)) == "[Enter] Next [PgUp] Back [Esc] Hide [↑/↓] Move")
        #expect(footer(RemarkOverlay(question: nil, editor: TextEditor(multiline: true)))
                == "[Enter] Next [PgUp] Back [Esc] Hide [^O] New line")
    }

    @Test func eachOverlayIsOpenedByItsOwnAction() {
        let openers = InterviewApp.overlays.compactMap { $0.opener }
        #expect(openers == [.help, .quit, .pause, .remark, .switchLanguage])
    }
}
