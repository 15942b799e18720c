import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// Issue 15, item 4: text typed but not confirmed (an answer being edited, a
/// remark being written) is kept as a draft in the event log, comes back on
/// return and on resume, and "Saved" is shown only when it is saved.
@Suite struct DraftTests {
    /// From the start screen to the fixture's "hours" (a number question).
    private func toHours(_ r: HeadlessRunner<InterviewApp>) {
        r.press(.enter, .enter, .char("1"), .enter, .enter, .char("1"), .enter, .enter, .enter)
    }

    /// From the start screen to the fixture's "employer" (a one-line text question).
    private func toEmployer(_ r: HeadlessRunner<InterviewApp>) {
        toHours(r)
        r.press(.enter, .enter, .enter)
    }

    /// A new run of the program that resumes the session the recorded
    /// events describe (what the store gives back after a restart).
    private func resumed(from events: [InterviewEvent]) -> HeadlessRunner<InterviewApp> {
        var iv = Interview(questionnaire: Fixtures.allTypes)
        for e in events { iv.apply(e, at: testTime) }
        let session = ResumableSession(id: "abcdef0123", interview: iv, started: Date(timeIntervalSince1970: 0),
                                       lastChange: Date(timeIntervalSince1970: 60))
        let model = InterviewModel(mode: .interview, questionnaires: [Fixtures.allTypes],
                                   languages: [LanguageOption(translator: SourceLanguage())], resumable: [session],
                                   now: testTime)
        let r = HeadlessRunner(app: InterviewApp(), model: model) { effect, control in
            if case .record = effect { control.send(.report(.saved)) }
            if case .resume = effect { control.send(.report(.saved)) }
            if case .quit = effect { control.stop() }
        }
        r.press(.down, .enter)
        return r
    }

    @Test func aTypedNumberSurvivesPageUpAndComesBackOnReturn() {
        let r = makeRunner()
        toHours(r)
        #expect(r.position == .question("hours"))
        r.type("12")
        r.press(.pageUp)
        #expect(r.position == .question("tasks"))
        r.press(.enter)
        #expect(r.position == .question("hours"))
        #expect(r.model.typedText == "12")
        #expect(r.screen.contains("  › 12\n"))
        #expect(r.interview.answers["hours"] == nil, "a draft is not an answer")
    }

    enum Leave: String, CaseIterable, CustomStringConvertible {
        case review, pageUp, quit, quitConfirmed, pause, language, hide, sighup, sigterm, sigint
        var description: String { rawValue }
    }

    @Test(arguments: Leave.allCases)
    func typedTextIsSavedOnEveryLeaveAndComesBackOnResume(_ leave: Leave) {
        let r = makeRunner()
        toEmployer(r)
        #expect(r.position == .question("employer"))
        r.type("Quokka Bakery")
        switch leave {
        case .review: r.press(.function(9))
        case .pageUp: r.press(.pageUp)
        case .quit: r.press(.function(10))
        case .quitConfirmed: r.press(.function(10), .enter)
        case .pause: r.press(.function(4))
        case .language: r.press(.function(6))
        case .hide: r.press(.function(12))
        case .sighup: r.send(.signal(.hangup))
        case .sigterm: r.send(.signal(.terminate))
        case .sigint: r.send(.signal(.interrupt))
        }
        let again = resumed(from: r.recorded)
        let expected: InterviewPosition = leave == .pageUp ? .question("arrived_month") : (leave == .review ? .review : .question("employer"))
        #expect(again.position == expected)
        // Back to the question: forward from the one before, or back from the review past "thanks" and "story".
        if leave == .pageUp { again.press(.enter) }
        if leave == .review { again.press(.pageUp, .pageUp, .pageUp) }
        #expect(again.position == .question("employer"))
        #expect(again.model.typedText == "Quokka Bakery")
        #expect(again.screen.contains("Quokka Bakery"))
        #expect(again.interview.answers["employer"] == nil, "a draft is not an answer")
    }

    @Test func aRemarkBeingWrittenIsKeptOnLeaveAndOnResume() {
        let r = makeRunner()
        toHours(r)
        r.press(.function(5))
        r.type("Speaks quietly")
        r.press(.pageUp)  // leaves the remark without confirming it
        #expect(r.model.overlay == nil)
        #expect(r.interview.remarks["hours"] == nil)
        r.press(.function(5))
        #expect(r.screen.contains("Speaks quietly"))
        r.type(", looks tired")
        r.send(.signal(.hangup))
        // The program is started again: the remark comes back into its editor.
        let again = resumed(from: r.recorded)
        #expect(again.position == .question("hours"))
        #expect(again.screen.contains("Speaks quietly, looks tired"))
        #expect(again.interview.remarks["hours"] == nil, "a draft is not a remark")
        again.press(.enter)  // confirms the remark
        #expect(again.interview.remarks["hours"] == "Speaks quietly, looks tired")
        #expect(again.model.overlay == nil)
        // A confirmed remark replaces its draft: the next run shows no remark editor.
        let third = resumed(from: r.recorded + again.recorded)
        #expect(third.model.overlay == nil)
        #expect(third.screen.contains("Remark: Speaks quietly, looks tired"))
    }

    @Test func aConfirmedAnswerReplacesItsDraft() {
        let r = makeRunner()
        toHours(r)
        r.type("12")
        r.press(.pageUp, .enter)
        #expect(r.model.typedText == "12")
        r.press(.backspace, .backspace)
        r.type("8")
        r.press(.enter)  // confirmed
        #expect(r.interview.answers["hours"] == .number(8))
        r.press(.pageUp)
        #expect(r.model.typedText == "8")
        let again = resumed(from: r.recorded)
        #expect(again.position == .question("hours"))
        #expect(again.model.typedText == "8")
    }

    @Test func clearingTypedTextAndConfirmingDropsTheDraft() {
        let r = makeRunner()
        toEmployer(r)
        r.type("Quokka")
        r.press(.pageUp, .enter)
        r.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        r.press(.enter)  // an empty optional answer: moves on
        #expect(r.position == .question("story"))
        let again = resumed(from: r.recorded)
        again.press(.pageUp)
        #expect(again.position == .question("employer"))
        #expect(again.model.typedText == "")
    }

    @Test func badInputGetsAnErrorAndIsKeptAsADraft() {
        let r = makeRunner()
        toHours(r)
        r.type("lots")
        r.press(.enter)
        #expect(r.position == .question("hours"))
        #expect(r.screen.contains("Please type a number."))
        let again = resumed(from: r.recorded)
        #expect(again.model.typedText == "lots")
    }

    @Test func savedIsShownOnlyWhenTheTypedTextIsSaved() {
        let r = makeRunner()
        toEmployer(r)
        #expect(r.grid.lines[0].contains("Saved"))
        r.type("Q")
        #expect(!r.grid.lines[0].contains("Saved"))
        #expect(r.grid.lines[0].contains("Typed text not saved yet"))
        r.press(.function(4))  // a break: the draft is saved
        #expect(r.grid.lines[0].contains("Saved"))
        r.press(.enter)  // back from the break: the text on screen is the saved draft
        #expect(r.model.typedText == "Q")
        #expect(r.grid.lines[0].contains("Saved"))
        r.type("u")
        #expect(r.grid.lines[0].contains("Typed text not saved yet"))
        // A remark being written counts too; opening it saves the typed answer.
        r.press(.function(5))
        #expect(r.grid.lines[0].contains("Saved"))
        r.type("x")
        #expect(r.grid.lines[0].contains("Typed text not saved yet"))
    }

    @Test func quitAfterASaveFailureSaysWhatIsNotSaved() {
        let r = makeRunner()
        toEmployer(r)
        r.send(.report(.saveFailed("the disk is full")))
        r.press(.function(10))
        #expect(r.screen.contains("Quit the interview?"))
        #expect(!r.screen.contains("The interview is saved"))
        #expect(r.screen.contains("Not saved: the disk is full."))
        #expect(r.screen.contains("lost if you quit now"))
    }
}
