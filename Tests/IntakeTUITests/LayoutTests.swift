import Foundation
import IntakeCore
import Testing
@testable import IntakeTUI

/// `update` scrolls through the layout it is handed (the frame on screen),
/// and does not lay the screen out again itself.
@Suite struct LayoutTests {
    /// The fixture's summary screen, at 80×24 (taller than that, it fits).
    static func summary() -> InterviewModel {
        let r = makeRunner()
        r.press(.enter, .enter, .char("1"), .enter, .enter, .function(2), .enter, .char("1"), .enter, .char("1"), .enter)
        r.type("10"); r.press(.enter)
        r.type("2024-02-15"); r.press(.enter)
        r.type("2023-11"); r.press(.enter)
        r.type("Farm"); r.press(.enter)
        r.type("Kept"); r.press(.enter, .function(9), .enter)
        return r.model
    }

    @Test func scrollingStopsWhereTheGivenLayoutEnds() {
        let app = InterviewApp()
        let m = Self.summary()
        #expect(m.interview?.position == .finished)
        var onSmall = m
        _ = app.update(&onSmall, .key(.down, action: .moveDown), layout: app.layout(m, size: Size(width: 80, height: 24)))
        #expect(onSmall.screen.scroll == 1)
        var onTall = m
        _ = app.update(&onTall, .key(.down, action: .moveDown), layout: app.layout(m, size: Size(width: 80, height: 200)))
        #expect(onTall.screen.scroll == 0)
    }
}
