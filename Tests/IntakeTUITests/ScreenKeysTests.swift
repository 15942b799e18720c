import Foundation
import IntakeCore
import Testing
@testable import IntakeTUI

/// Every screen's footer comes from the screen's own list of actions (in
/// Interview/Screens/); these tests check, on every kind of screen, that
/// each key the footer offers does something there: it changes the screen,
/// opens or closes something, or has an effect.
@Suite struct ScreenKeysTests {
    /// The screens of the golden walk through the fixture, by name.
    static func screens() -> [(String, InterviewModel)] {
        let r = makeRunner()
        var out: [(String, InterviewModel)] = []
        func keep(_ name: String) { out.append((name, r.model)) }
        keep("start")
        r.press(.enter); keep("intro")
        r.press(.enter); keep("yes/no, first question")
        r.press(.char("1"), .enter); keep("section introduction with a content note")
        r.press(.enter); keep("yes/no")
        r.press(.function(2), .enter); keep("single choice")
        r.press(.char("1"), .enter); keep("multiple choice")
        r.press(.char("1"), .enter); keep("number")
        r.type("10"); r.press(.enter); keep("date")
        r.type("2024-02-15"); r.press(.enter); keep("month and year")
        r.type("2023-11"); r.press(.enter); keep("text")
        r.type("Farm"); r.press(.enter); keep("multiline text")
        r.type("Kept"); r.press(.enter); keep("note")
        r.press(.function(9)); keep("review")
        r.press(.enter); keep("summary")
        let ended = makeRunner()
        ended.press(.enter, .enter, .char("2"), .enter)
        out.append(("ended early", ended.model))
        return out
    }

    struct Outcome: Equatable {
        var screen: String
        var effects: [InterviewEffect]
        var overlay: String
        /// Settings that show later (guidance is shown on questions that have some).
        var settings: [Bool]
    }

    static func outcome(_ m: InterviewModel, after event: AppEvent<InterviewReport>?) -> Outcome {
        var after = m
        let effects = event.map { InterviewApp().update(&after, $0) } ?? []
        return Outcome(screen: InterviewApp().view(after, size: after.size).text(), effects: effects,
                       overlay: after.overlay.map { String(describing: $0) } ?? "none",
                       settings: [after.showGuidance, after.showDual, after.showExplain])
    }

    @Test(arguments: screens().map(\.0))
    func everyKeyInTheFooterDoesSomething(_ name: String) throws {
        let m = try #require(Self.screens().first { $0.0 == name }?.1)
        let app = InterviewApp()
        let context = app.keyContext(m)
        let before = Self.outcome(m, after: nil)
        let footer = InterviewView.footer(app, m, Words(m), scrolls: app.maxScroll(m) > 0)
        #expect(!footer.isEmpty)
        for item in footer where item.action != .quickHide {
            // An item stands for every binding shown under it (↑/↓ Move is one item).
            let bindings = app.keyMap.bindings(in: context).filter { b in
                b.footer != nil && item.keys.split(separator: "/").contains(Substring(b.key.label))
            }
            #expect(!bindings.isEmpty, "\(name): no key for \(item.text)")
            let acts = bindings.contains { b in Self.outcome(m, after: .key(b.key, action: b.action)) != before }
            if Self.knownIdle.contains("\(name): \(item.text)") {
                #expect(!acts, "\(name): \(item.text) works now; take it off knownIdle")
            } else {
                #expect(acts, "\(name): \(item.text) is offered but does nothing")
            }
        }
    }

    /// Footer keys that do nothing on these screens as they are today: the
    /// screens offer ↑/↓ for scrolling whether or not their text fits.
    /// Taking the item off when there is nothing to scroll changes what the
    /// golden screens show, so it is left to a change of its own.
    static let knownIdle: Set<String> = [
        "intro: [↑/↓] Move",
        "section introduction with a content note: [↑/↓] Move",
        "note: [↑/↓] Move",
        "ended early: [↑/↓] Move",
    ]

    /// What each screen offers, written out as the golden screens show it.
    @Test func footersAsShown() {
        let footers = Dictionary(uniqueKeysWithValues: Self.screens().map { name, m in
            (name, InterviewView.footer(InterviewApp(), m, Words(m), scrolls: InterviewApp().maxScroll(m) > 0)
                .map(\.text).joined(separator: " "))
        })
        #expect(footers["start"] == "[Enter] Next [F1] Help [Esc] Hide [↑/↓] Move [F10] Quit")
        #expect(footers["review"] == "[Enter] Next [PgUp] Back [F1] Help [Esc] Hide [↑/↓] Move [F4] Pause [F5] Remark [F6] Language [F7] Guidance [F10] Quit")
    }
}
