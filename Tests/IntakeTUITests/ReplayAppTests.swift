import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

@Suite struct ReplayAppTests {
    let steps = (1...30).map { i in
        ReplayApp.Step(line: String(format: "%4d  10:%02d:00  answered q%d: Yes", i, i, i), detail: ["Question \(i)?", "Answer: Yes"])
    }

    @Test func stepsForwardAndBackWithTheStateBelow() {
        let r = HeadlessRunner(app: ReplayApp(), model: ReplayApp.Model(title: "Replay abcd1234", steps: steps, now: testTime))
        #expect(r.grid.text().contains("› ") && r.grid.text().contains("answered q1: Yes"))
        #expect(r.grid.text().contains("Question 1?"))
        r.press(.enter, .enter, .down)
        #expect(r.model.index == 3)
        #expect(r.grid.text().contains("Question 4?"))
        #expect(r.grid.lines.contains { $0.hasPrefix("  › ") && $0.contains("answered q4") })
        #expect(r.grid.lines[0].contains("step 4 / 30"))
        r.press(.pageUp)
        #expect(r.model.index == 2)
        // Far down the list the current step stays on screen.
        for _ in 0..<25 { r.press(.enter) }
        #expect(r.grid.text().contains("answered q28"))
    }

    @Test func hidesAtOnceAndNeedsTheDeliberateSequenceToComeBack() {
        let r = HeadlessRunner(app: ReplayApp(), model: ReplayApp.Model(title: "Replay", steps: steps, now: testTime))
        r.press(.escape)
        #expect(!r.grid.text().contains("answered"))
        r.press(.enter)
        #expect(!r.grid.text().contains("answered"))
        r.press(.ctrl("r"), .enter)
        #expect(r.grid.text().contains("answered q1"))
    }
}
