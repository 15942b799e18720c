import Foundation
import Testing
@testable import IntakeTUI

/// The viewers' quick hide takes its time from ticks, never from the clock.
@Suite struct ConcealmentTests {
    /// What each key did: whether the viewer must ignore it, and whether the page is hidden after it.
    static func feed(_ c: inout Concealment, _ keys: [(KeyEvent, Action?)]) -> [String] {
        keys.map { key, action in
            let swallowed = c.handle(key, action)
            return "\(swallowed ? "swallowed" : "passed on"), \(c.isHidden ? "hidden" : "shown")"
        }
    }

    @Test func theProgressFigureFollowsTheTicksFromTheMomentOfHiding() {
        var c = Concealment(now: testTime)
        c.tick(testTime.addingTimeInterval(600))  // ten minutes before hiding do not count
        #expect(Self.feed(&c, [(.escape, .quickHide)]) == ["swallowed, hidden"])
        #expect(c.screen(size: Frame.minimumSize).text().contains("] 34%"))
        c.tick(testTime.addingTimeInterval(600 + 125))
        #expect(c.screen(size: Frame.minimumSize).text().contains("] 36%"))
    }

    @Test func onlyCtrlRThenEnterShowsTheTextAgain() {
        var c = Concealment(now: testTime)
        let steps = Self.feed(&c, [(.escape, .quickHide), (.enter, .next), (.ctrl("r"), .unhide), (.char("x"), nil),
                                   (.enter, .next), (.ctrl("r"), .unhide), (.enter, .next), (.enter, .next)])
        #expect(steps == ["swallowed, hidden", "swallowed, hidden", "swallowed, hidden", "swallowed, hidden",
                          "swallowed, hidden", "swallowed, hidden", "swallowed, shown", "passed on, shown"])
    }
}
