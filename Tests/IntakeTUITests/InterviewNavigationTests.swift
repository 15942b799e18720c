import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// Walks to the first question of the fixture's second section ("threatened").
private func toThreatened(_ r: HeadlessRunner<InterviewApp>) {
    r.press(.enter, .enter, .char("1"), .enter, .enter)
}

@Suite struct InterviewNavigationTests {
    @Test func backIsAlwaysPossibleAndEnterMovesOn() {
        let r = makeRunner()
        toThreatened(r)
        #expect(r.position == .question("threatened"))
        var seen: [InterviewPosition] = [r.position]
        while r.position != .intro {
            r.press(.pageUp)
            seen.append(r.position)
        }
        #expect(seen == [.question("threatened"), .sectionIntro("work"), .question("consent"), .intro])
        r.press(.enter)
        #expect(r.position == .question("consent"))
        // Ctrl-P and Shift-Tab are Back too.
        r.press(.ctrl("p"))
        #expect(r.position == .intro)
    }

    @Test func requiredBlocksWithAMessage() {
        let r = makeRunner()
        r.press(.enter, .enter, .enter)
        #expect(r.position == .question("consent"))
        #expect(r.screen.contains("This question needs an answer before going on."))
        // A blind Enter never answers: nothing was recorded for consent.
        #expect(!r.recorded.contains { if case .answered = $0 { return true } else { return false } })
    }

    @Test func dontKnowAndDeclinedAreOneKeyAwayOnlyWhenOffered() {
        let r = makeRunner()
        r.press(.enter, .enter, .function(2))
        #expect(r.screen.contains("That answer is not offered for this question."))
        #expect(r.interview.answers["consent"] == nil)
        r.press(.char("1"), .enter, .enter)
        r.press(.ctrl("d"))
        #expect(r.interview.answers["threatened"] == .special(.dontKnow))
        #expect(r.screen.contains("Answer: Don't know"))
        r.press(.ctrl("n"))
        #expect(r.interview.answers["threatened"] == .special(.declined))
        #expect(r.screen.contains("Answer: Prefers not to answer"))
        r.press(.enter)
        #expect(r.position == .question("sector"), "a special answer satisfies a required question")
    }

    @Test func changingAnEarlierAnswerReEvaluatesRelevance() {
        let r = makeRunner()
        toThreatened(r)
        r.press(.char("1"), .enter, .char("2"), .enter)
        #expect(r.interview.relevance.isRelevant("sector"))
        r.press(.function(9))
        #expect(r.position == .review)
        // Jump to consent (row 1 after "Finish") and change it to No.
        r.press(.down, .enter)
        #expect(r.position == .question("consent"))
        r.press(.char("2"))
        #expect(!r.interview.relevance.isRelevant("threatened"))
        r.press(.ctrl("e"))
        #expect(r.screen.contains("kept, not used"))
        #expect(r.interview.answers["threatened"] == .choice("yes"), "answers are kept")
        r.press(.down, .enter)
        r.press(.char("1"))
        #expect(r.interview.relevance.isRelevant("threatened"))
    }

    @Test func reviewJumpsToAnyAnswer() {
        let r = makeRunner()
        toThreatened(r)
        r.press(.char("1"), .enter, .char("3"), .enter)
        r.press(.function(9), .down, .down, .down, .enter)
        #expect(r.position == .question("sector"))
        #expect(r.screen.contains("(•) Other work"))
    }

    @Test func languageSwitchKeepsAnswersAndIsRecorded() {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()])
        toThreatened(r)
        r.press(.char("1"), .enter)
        let before = r.interview.answers
        r.press(.function(6), .enter, .down, .enter, .down, .enter)
        #expect(r.interview.intervieweeLanguage == "zh-Hans")
        #expect(r.interview.advocateLanguage == "zh-Hans")
        #expect(r.interview.answers == before)
        #expect(r.recorded.last == .languagesChanged(interviewee: "zh-Hans", advocate: "zh-Hans"))
        #expect(r.screen.contains("您做什么样的工作？"))
        #expect(r.position == .question("sector"))
    }

    @Test func resizeMidTypingKeepsTheText() {
        let r = makeRunner()
        toThreatened(r)
        r.press(.char("1"), .enter, .char("1"), .enter, .enter, .enter, .enter, .enter)
        #expect(r.position == .question("employer"))
        r.type("Sunrise Far")
        r.resize(to: Size(width: 100, height: 30))
        r.resize(to: Size(width: 60, height: 20))
        #expect(r.screen.contains("Please enlarge the window"))
        r.resize(to: Size(width: 80, height: 24))
        r.type("ms")
        #expect(r.screen.contains("› Sunrise Farms"))
        #expect(r.grid.cursor != nil)
    }

    @Test func quickHideFromEveryScreenBlanksAtOnceAndLeavingIsDeliberate() {
        let r = makeRunner()
        let walk: [[KeyEvent]] = [[], [.enter], [.enter], [.char("1"), .enter], [.enter], [.function(1)], [.enter, .function(4)],
                                  [.enter, .function(5)], [.pageUp, .function(6)], [.pageUp, .function(9)], [.enter],
                                  [.function(10)]]
        for keys in walk {
            for k in keys { r.press(k) }
            let before = r.screen
            for hide in [KeyEvent.escape, .function(12)] {
                let g = r.press(hide)
                #expect(g.text().contains("System update"))
                #expect(!g.text().contains("question"), "hidden screen shows nothing of the interview")
                #expect(g.cursor == nil)
                r.press(.enter)
                r.type("hello")
                r.press(.ctrl("r"), .char("x"), .enter)
                #expect(r.screen.contains("System update"), "a stray key in between starts over")
                r.press(.ctrl("r"), .enter)
                #expect(r.screen == before)
            }
        }
    }

    @Test func hideKeepsWhatIsBeingTyped() {
        let r = makeRunner()
        r.press(.enter, .enter, .char("1"), .enter, .enter, .char("1"), .enter, .char("1"), .enter, .char("1"), .enter)
        #expect(r.position == .question("hours"))
        r.type("1")
        r.press(.escape, .ctrl("r"), .enter)
        r.type("2")
        #expect(r.screen.contains("› 12"))
    }

    @Test func explainPanelIsImpossibleInARealInterview() {
        for mode in [InterviewMode.interview, .ephemeral, .preview] {
            let r = makeRunner(mode: mode)
            toThreatened(r)
            r.press(.char("1"), .char("e"))
            #expect(!r.screen.contains("Why (for training)"))
            #expect(!r.screen.contains("[e] Explain"))
            #expect(r.model.showExplain == false)
        }
        let demo = makeRunner(mode: .demo(answers: ["consent": .choice("yes"), "threatened": .choice("yes")], autoplay: nil))
        demo.press(.enter, .enter, .enter, .enter, .char("e"))
        #expect(demo.position == .question("threatened"))
        #expect(demo.screen.contains("Why (for training)"))
        #expect(demo.screen.contains("threats · strong · Coercion and threats"))
    }

    @Test func demoAutoplayStepsByItself() {
        let r = makeRunner(mode: .demo(answers: ["consent": .choice("yes"), "threatened": .choice("no")], autoplay: 1))
        r.press(.enter)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        for i in 1...6 { r.send(.tick(t0.addingTimeInterval(Double(i)))) }
        #expect(r.interview.answers["consent"] == .choice("yes"))
        #expect(r.interview.answers["threatened"] == .choice("no"))
        #expect(r.screen.contains("Demo"))
    }

    @Test func practiceAsksThePersona() {
        let r = makeRunner(mode: .practice(answers: ["consent": .choice("yes"), "employer": .text("Sunrise Farms")]))
        r.press(.enter, .enter)
        #expect(r.screen.contains("Practice"))
        r.press(.ctrl("u"))
        #expect(r.interview.answers["consent"] == .choice("yes"))
        #expect(r.screen.contains("The persona answers: Yes"))
    }

    @Test func eventsAreRecordedInOrderAndSavedOnlyWhenConfirmed() {
        var confirm = false
        let model = InterviewModel(mode: .interview, questionnaires: [Fixtures.allTypes], languages: [LanguageOption(translator: SourceLanguage())],
                                   now: testTime)
        let r = HeadlessRunner(app: InterviewApp(), model: model) { effect, control in
            if case .record = effect, confirm { control.send(.report(.saved)) }
        }
        r.press(.enter, .enter, .char("1"))
        #expect(r.screen.contains("Saving…"))
        #expect(!r.screen.contains("Saved"))
        confirm = true
        r.press(.enter)
        #expect(r.screen.contains("Saved"))
        #expect(r.recorded == [.languagesChanged(interviewee: "en", advocate: "en"), .moved(to: .question("consent")),
                               .answered(question: "consent", value: .choice("yes")), .moved(to: .sectionIntro("work"))])
        if case .begin = r.effects.first {} else { Issue.record("the session begins before any event") }
    }

    @Test func saveFailureIsShownAndRetriedOnTicks() {
        let r = makeRunner()
        r.press(.enter)
        r.send(.report(.saveFailed("the disk is full")))
        #expect(r.screen.contains("Saving failed: the disk is full — kept in memory, retrying"))
        r.send(.tick(Date()))
        #expect(r.effects.last == .retrySave)
    }

    @Test func pauseRemarkAndEndAreRecorded() {
        let r = makeRunner()
        r.press(.enter, .enter, .function(4))
        #expect(r.screen.contains("Taking a break"))
        r.press(.enter, .function(5))
        r.type("Speaks quietly")
        r.press(.enter)
        #expect(r.interview.remarks["consent"] == "Speaks quietly")
        r.press(.char("2"), .enter)
        #expect(Array(r.recorded.suffix(5)) == [.paused, .resumed, .remarked(question: "consent", text: "Speaks quietly"),
                                                 .answered(question: "consent", value: .choice("no")), .endedByAnswer(question: "consent")])
        #expect(r.effects.last == .discardSession)
        #expect(r.screen.contains("National Human Trafficking Hotline"))
    }

    @Test func summaryExportsEveryFormat() {
        let r = makeRunner()
        r.press(.enter, .enter, .char("1"), .enter, .function(9), .enter)
        #expect(r.interview.isCompleted)
        #expect(r.effects.contains(.completed))
        r.press(.char("x"))
        guard case .export(let files)? = r.effects.last else { Issue.record("no export"); return }
        #expect(files.map(\.name) == ["summary-01234567.txt", "summary-01234567.md", "summary-01234567.json", "summary-01234567.html"])
        let json = files[2].contents
        // The export carries the interview's date in local time: the one
        // field the plain build leaves out.
        var exported = try? JSONDecoder().decode(Summary.self, from: Data(json.utf8))
        #expect(exported?.header.interviewDate?.isEmpty == false)
        exported?.header.interviewDate = nil
        #expect(exported == SummaryBuilder.build(r.interview, in: SourceLanguage()))
        r.send(.report(.exported(folder: "/tmp/x/exports", files: files.map(\.name))))
        #expect(r.screen.contains("Saved to /tmp/x/exports"))
    }

    @Test func quitAsksAndSaysTheSessionIsSaved() {
        let r = makeRunner()
        r.press(.enter, .function(10))
        #expect(r.screen.contains("intake run --resume") && r.screen.contains("01234567"))
        r.press(.pageUp)
        #expect(r.position == .intro)
        r.press(.ctrl("c"), .enter)
        #expect(r.control.isStopped)
        let e = makeRunner(mode: .ephemeral)
        e.press(.enter, .function(10))
        #expect(e.screen.contains("Nothing was saved"))
        #expect(e.screen.contains("Not recording (ephemeral)"))
    }

    @Test func draftTranslationIsAnnouncedAndMarked() {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()], interviewee: "zh-Hans", advocate: "en")
        #expect(r.screen.contains("Draft translation: not yet reviewed by a qualified translator"))
        r.press(.enter)
        #expect(r.screen.contains("Draft translation"))
    }

    @Test func controlCharactersFromTypingNeverReachTheGrid() {
        let r = makeRunner()
        r.press(.enter, .enter, .char("1"), .enter, .enter, .char("1"), .enter, .char("1"), .enter, .char("1"), .enter,
                .enter, .enter, .enter)
        #expect(r.position == .question("employer"))
        r.press(.paste("a\u{1b}[31mb\u{7}c"))
        #expect(!r.grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 32 || $0.value == 127 } })
        #expect(r.screen.contains("› a[31mbc"))
    }

    @Test func resumeShowsWhatChangedThenContinuesAtTheSameQuestion() {
        var iv = Interview(questionnaire: Fixtures.allTypes)
        let events: [InterviewEvent] = [.moved(to: .question("consent")), .answered(question: "consent", value: .choice("yes")),
                                        .moved(to: .sectionIntro("work")), .moved(to: .question("threatened")),
                                        .remarked(question: "threatened", text: "quiet"),
                                        .languagesChanged(interviewee: "zh-Hans", advocate: "en")]
        for e in events { iv.apply(e, at: testTime) }
        let session = ResumableSession(id: "abcdef0123", interview: iv, started: Date(timeIntervalSince1970: 0),
                                       lastChange: Date(timeIntervalSince1970: 60),
                                       change: ResumeNotice(oldVersion: "0.9", newVersion: "1.0.0", carriedOver: 1, dropped: ["old_q"]))
        let model = InterviewModel(mode: .interview, questionnaires: [Fixtures.allTypes],
                                   languages: [SourceLanguage(), ZhHans()].map(LanguageOption.init), resumable: [session],
                                   now: testTime)
        let r = HeadlessRunner(app: InterviewApp(), model: model)
        #expect(r.screen.contains("abcdef01"))
        r.press(.down, .enter)
        #expect(r.effects == [.resume(sessionID: "abcdef0123")])
        #expect(r.screen.contains("version 0.9") && r.screen.contains("old_q"))
        r.press(.enter)
        #expect(r.position == .question("threatened"))
        #expect(r.interview.remarks["threatened"] == "quiet")
        #expect(r.interview.intervieweeLanguage == "zh-Hans")
        #expect(r.screen.contains("Remark: quiet"))
    }

    @Test func previewWalksEveryScreenAndRecordsNothing() {
        let r = makeRunner(mode: .preview)
        r.press(.enter)
        var seen: [InterviewPosition] = []
        while r.position != .review && seen.count < 40 {
            seen.append(r.position)
            r.press(.enter)
        }
        #expect(seen == InterviewApp.previewOrder(Fixtures.allTypes).dropLast())
        #expect(r.recorded.isEmpty)
        #expect(r.screen.contains("Preview"))
    }

    @Test func longTextScrollsInsteadOfBeingCut() {
        let r = makeRunner(Fixtures.full)
        r.press(.enter)
        var screens = 0
        // Walk the first screens; wherever the body has more than fits, a ↓ shows.
        while screens < 6 {
            let g = r.grid
            let body = g.lines[2..<21]
            if body.contains(where: { $0.hasSuffix("↓") }) {
                r.press(.down)
                #expect(r.grid.lines[2].hasSuffix("↑") || (r.model.screen as? ChoiceQuestionScreen)?.options.focus != nil)
            }
            screens += 1
            r.press(.enter)
        }
    }

    @Test func demoSummaryExplainsTheChainFromAnswersToResult() {
        let persona: [String: AnswerValue] = ["consent": .choice("yes"), "threatened": .choice("yes"), "sector": .choice("farm")]
        let r = makeRunner(mode: .demo(answers: persona, autoplay: nil))
        r.press(.enter)
        for _ in 0..<30 where r.position != .review { r.press(.enter) }
        r.press(.enter)
        #expect(r.interview.isCompleted)
        r.press(.char("e"))
        #expect(r.screen.contains("How the result came about: Possible trafficking indicators reported"))
        #expect(r.screen.contains("Coercion and threats: 1 strong, 0 medium, 0 weak"))
        #expect(r.screen.contains("threats (strong) ← threatened = Yes"))
    }
}
