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
        walkToMultilineQuestion(r)
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
