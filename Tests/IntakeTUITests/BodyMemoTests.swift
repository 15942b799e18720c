import Foundation
import IntakeCore
import IntakeTestSupport
@testable import IntakeTUI
import Testing

/// The question body's memo (`BodyMemo`) against no memo: seeded walks
/// through interviews press keys of every kind (moving, choosing, typing,
/// special answers, remarks, going back, the guidance, both-languages and
/// explain switches, the language overlay, a resize) and after each key
/// compare the screen the runner drew, through its app's memo, with the
/// screen a new app draws for the same model.
@Suite struct BodyMemoTests {
    /// What one step presses: mostly single keys, and whole moves (a
    /// remark written and kept, a language chosen) that single random keys
    /// would seldom complete.
    static let steps: [[KeyEvent]] = [
        [.up], [.down], [.up], [.down], [.enter], [.enter], [.char("1")], [.char("2")], [.char("3")], [.char(" ")],
        [.pageUp], [.function(2)], [.function(3)], [.function(7)], [.function(8)], [.char("e")], [.ctrl("u")],
        [.char("a")], [.char("7")], [.backspace], [.left], [.escape], [.function(9)],
        [.function(5), .char("o"), .char("k"), .enter], [.function(6), .down, .enter], [.function(2), .pageUp, .enter],
    ]

    static let answerNothing: [[KeyEvent]] = [[.up], [.down], [.function(7)], [.function(8)], [.char("e")]]

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let questionnaire: Questionnaire
        let mode: InterviewMode
        let seed: UInt64
        var testDescription: String { "\(name), seed \(seed)" }
    }

    static let persona: [String: AnswerValue] = [
        "consent": .choice("yes"), "threatened": .choice("yes"), "sector": .choice("farm"),
    ]

    static let cases: [Case] = (1...4).flatMap { (seed: UInt64) -> [Case] in
        [Case(name: "every kind of question", questionnaire: Fixtures.allTypes, mode: .ephemeral, seed: seed),
         Case(name: "every kind of question, practice", questionnaire: Fixtures.allTypes, mode: .practice(answers: persona), seed: seed),
         Case(name: "the bundled screening", questionnaire: Fixtures.full, mode: .ephemeral, seed: seed)]
    }

    @Test(arguments: cases)
    func memoDrawsWhatANewAppDraws(_ c: Case) {
        var rng = SplitMix64(seed: 0xB0D1_0000 + c.seed)
        var questionFrames = 0, hits = 0
        var r = Self.runner(c)
        var offQuestions = 0
        for step in 0..<400 {
            // A walk that ended (an answer that ends the interview, a quit)
            // or strayed from the questions for long starts again.
            if r.control.isStopped || r.model.interview?.isOver == true || offQuestions > 30 {
                hits += r.app.bodyMemo.hits
                r = Self.runner(c)
                offQuestions = 0
            }
            var keys = Self.steps[Int(rng.next() % UInt64(Self.steps.count))]
            // Consent is always yes, so that the walk goes on to the questions
            // (the keys that answer nothing stay: consent is translated, so
            // both languages show there).
            if (r.model.screen as? any QuestionScreen)?.question == "consent", !Self.answerNothing.contains(keys) { keys = [.char("1")] }
            if step == 200 { r.resize(to: Size(width: 100, height: 30)) }
            for key in keys {
                let drawn = r.press(key)
                let fresh = InterviewApp().view(r.model, size: r.size)
                #expect(Golden.styled(drawn) == Golden.styled(fresh), "step \(step), \(keys), after \(key)")
                #expect(drawn.cursor == fresh.cursor, "step \(step), \(keys), after \(key)")
            }
            if r.model.overlay == nil, r.model.screen is any QuestionScreen {
                questionFrames += 1
                offQuestions = 0
            } else {
                offQuestions += 1
            }
        }
        hits += r.app.bodyMemo.hits
        // The walk was on questions most of the time, and the memo answered there.
        #expect(questionFrames > 150)
        #expect(hits > 100)
    }

    /// A new interview, past the start screen and the notes to its first question.
    static func runner(_ c: Case) -> HeadlessRunner<InterviewApp> {
        let r = makeRunner(c.questionnaire, mode: c.mode, languages: [SourceLanguage(), ZhHans(c.questionnaire)],
                           interviewee: "zh-Hans", advocate: "en")
        for _ in 0..<10 where !(r.model.screen is any QuestionScreen) { r.press(.enter) }
        return r
    }
}
