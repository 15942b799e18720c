// Over 400 lines: the state machine's tests, one suite over one fixture.

import Foundation
import Testing
@testable import IntakeCore

/// Drives an `Interview` the way the screen does, recording every event.
struct Driver {
    var interview: Interview
    var log: [(InterviewEvent, Date)] = []
    var clock = Date(timeIntervalSince1970: 1_750_000_000)

    init(_ q: Questionnaire) { interview = Interview(questionnaire: q) }

    mutating func apply(_ events: [InterviewEvent]) {
        for e in events {
            clock = clock.addingTimeInterval(1)
            interview.apply(e, at: clock)
            log.append((e, clock))
        }
    }

    mutating func answer(_ id: String, _ value: AnswerValue, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        switch interview.answer(value, for: id) {
        case .success(let events): apply(events)
        case .failure(let issue): Issue.record("answer to \(id) refused: \(issue)", sourceLocation: sourceLocation)
        }
    }

    @discardableResult
    mutating func next(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InterviewPosition {
        switch interview.next() {
        case .success(let events): apply(events)
        case .failure(let issue): Issue.record("next refused: \(issue)", sourceLocation: sourceLocation)
        }
        return interview.position
    }

    @discardableResult
    mutating func back() -> InterviewPosition {
        apply(interview.back())
        return interview.position
    }

    /// Answers the current question and moves on.
    mutating func say(_ value: AnswerValue, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard case .question(let id) = interview.position else {
            Issue.record("not at a question: \(interview.position)", sourceLocation: sourceLocation)
            return
        }
        answer(id, value, sourceLocation: sourceLocation)
        next(sourceLocation: sourceLocation)
    }
}

func q(_ id: String) -> InterviewPosition { .question(id) }


/// When the events of tests that do not care about time happened.
private let testTime = Date(timeIntervalSince1970: 1_750_000_000)

@Suite struct InterviewTests {
    let example = loadFixture("example.yaml")

    static let workQuestionsWithoutDebtGrows: [String] = [
        "age", "sectors", "arrived", "job_different", "pay_kind", "owes_debt", "threatened", "deport_threat",
        "documents_held", "hit", "danger_now", "police_wish", "wants_now", "concern", "story", "thanks",
    ]

    @Test func initialPath() {
        let i = Interview(questionnaire: example)
        #expect(i.position == .intro)
        // The work section waits for consent: its relevance is unknown, so it is not shown.
        #expect(i.steps == [.intro, q("consent"), .review])
        #expect(i.progress() == .init(answered: 0, relevant: 1))
        #expect(i.positionNumbers == nil)
        #expect(i.back() == [])
    }

    /// Before consent the work section's relevance is unknown: it is not on
    /// the path yet, but the totals count it, so the consent question is
    /// not "question 1 of 1" of an interview with 16 more to come. A
    /// follow-up counts until the answer before it rules it out.
    @Test func totalsCountWhatMayStillCome() {
        var d = Driver(example)
        #expect(d.next() == q("consent"))
        var n = d.interview.positionNumbers
        #expect(n?.section == 1 && n?.sections == 2 && n?.question == 1 && n?.questions == 17)
        d.say(yes)
        n = d.interview.positionNumbers
        #expect(n?.section == 2 && n?.sections == 2 && n?.question == 0 && n?.questions == 17)
        d.answer("owes_debt", no)   // debt_grows will not come
        #expect(d.interview.positionNumbers?.questions == 16)
        d.answer("owes_debt", yes)  // now it will
        #expect(d.interview.positionNumbers?.questions == 17)
        // "Don't know": it cannot be decided, so it is not asked. It counts
        // while it is ahead, and no longer once the interview is past it.
        d.answer("owes_debt", .special(.dontKnow))
        #expect(d.interview.positionNumbers?.questions == 17)
        d.apply(d.interview.jump(to: "owes_debt"))
        #expect(d.interview.positionNumbers?.questions == 17)
        d.apply(d.interview.jump(to: "threatened"))
        #expect(d.interview.position == q("threatened"))
        #expect(d.interview.positionNumbers?.questions == 16)
    }

    /// The section shown in the title bar: found by the question index
    /// since round 12 of issue 19, by name through the sections before.
    @Test func currentSectionFollowsThePosition() {
        #expect(example.section(ofQuestion: "consent")?.id == "consent_section")
        #expect(example.section(ofQuestion: "threatened")?.id == "work")
        #expect(example.section(ofQuestion: "thanks")?.id == "work")
        #expect(example.section(ofQuestion: "no_such_question") == nil)
        var d = Driver(example)
        #expect(d.interview.currentSection == nil)
        d.next()
        #expect(d.interview.currentSection?.id == "consent_section")
        d.say(yes)
        #expect(d.interview.position == .sectionIntro("work"))
        #expect(d.interview.currentSection?.id == "work")
        d.next()
        #expect(d.interview.position == q("age"))
        #expect(d.interview.currentSection?.id == "work")
    }

    @Test func consentRequiredBlocksNext() {
        var d = Driver(example)
        #expect(d.next() == q("consent"))
        #expect(d.interview.next() == .failure(.required))
        // A required question with `special: []` does not offer "declined".
        #expect(d.interview.answer(.special(.declined), for: "consent") == .failure(.specialNotOffered(.declined)))
        #expect(d.interview.answer(.choice("maybe"), for: "consent") == .failure(.unknownOption("maybe")))
    }

    @Test func consentOpensTheWorkSection() {
        var d = Driver(example)
        d.next()
        d.say(yes)
        #expect(d.interview.position == .sectionIntro("work"))
        #expect(d.interview.steps == [.intro, q("consent"), .sectionIntro("work")] + Self.workQuestionsWithoutDebtGrows.map(q) + [.review])
        #expect(d.interview.progress() == .init(answered: 1, relevant: 16))
        #expect(d.interview.progress(section: "work") == .init(answered: 0, relevant: 15))
        #expect(d.interview.progress(section: "consent_section") == .init(answered: 1, relevant: 1))
        let n = d.interview.positionNumbers
        // 17: debt_grows is ahead and undetermined until owes_debt is answered.
        #expect(n?.section == 2 && n?.sections == 2 && n?.question == 0 && n?.questions == 17)
        d.next()
        #expect(d.interview.position == q("age"))
        let m = d.interview.positionNumbers
        #expect(m?.section == 2 && m?.sections == 2 && m?.question == 2 && m?.questions == 17)
    }

    @Test func consentNoEndsTheInterview() {
        var d = Driver(example)
        d.next()
        d.answer("consent", no)
        #expect(d.interview.next() == .success([.endedByAnswer(question: "consent")]))
        d.next()
        #expect(d.interview.position == .finished)
        #expect(d.interview.isOver)
        #expect(d.interview.endedByQuestion == "consent")
        #expect(!d.interview.isCompleted)
        #expect(d.interview.back() == [])
        #expect(d.interview.next() == .success([]))
        // With consent refused, nothing else is relevant, so nothing else is listed.
        #expect(d.interview.score().unanswered.isEmpty)
        #expect(d.interview.score().result == .noIndicators)
    }

    @Test func numberOutOfRangeAndWrongKind() {
        let d = Driver(example)
        #expect(d.interview.answer(.number(5), for: "age") == .failure(.belowMinimum(10)))
        #expect(d.interview.answer(.number(101), for: "age") == .failure(.aboveMaximum(100)))
        #expect(d.interview.answer(.number(20.5), for: "age") == .failure(.notAWholeNumber))
        #expect(d.interview.answer(.text("20"), for: "age") == .failure(.wrongKind))
        #expect(d.interview.answer(.choices([]), for: "sectors") == .failure(.empty))
        #expect(d.interview.answer(.date(CalendarDate(year: 2024, month: 3, day: 2)), for: "arrived") == .failure(.invalidDate))
        #expect(d.interview.answer(yes, for: "thanks") == .failure(.wrongKind))
        // Multiple choices are kept in the questionnaire's order.
        #expect(d.interview.answer(.choices(["other", "domestic"]), for: "sectors")
                == .success([.answered(question: "sectors", value: .choices(["domestic", "other"]))]))
    }

    @Test func constraintFailureReturnsItsMessage() throws {
        let text = """
        format: 1
        id: c
        version: "1"
        language: en
        title: C
        domains:
          - { id: d, title: D }
        sections:
          - id: s
            title: S
            questions:
              - { id: start, type: number, text: Start year?, min: 1900, max: 2100 }
              - id: finish
                type: number
                text: End year?
                constraint: . >= start
                constraint_message: The end cannot come before the start.
        result:
          possible: indicators() >= 1
        """
        let cq = try #require(QuestionnaireLoader.load(text: text, path: "c.yaml").questionnaire)
        var d = Driver(cq)
        d.answer("start", .number(2020))
        let result = d.interview.answer(.number(2019), for: "finish")
        guard case .failure(.constraint(let message?)) = result else {
            Issue.record("expected a constraint failure, got \(result)")
            return
        }
        #expect(message.text == "The end cannot come before the start.")
        #expect(d.interview.answer(.number(2021), for: "finish") == .success([.answered(question: "finish", value: .number(2021))]))
        // Special answers are not checked against the constraint.
        #expect(d.interview.answer(dontKnow, for: "finish") == .success([.answered(question: "finish", value: dontKnow)]))
        // Unknown start: the constraint is unknown and does not block.
        d.answer("start", declined)
        #expect(d.interview.answer(.number(1800), for: "finish") == .success([.answered(question: "finish", value: .number(1800))]))
    }

    /// Walks to `owes_debt` answering "no" to the questions before it.
    func walkToOwesDebt() -> Driver {
        var d = Driver(example)
        d.next()
        d.say(yes)                                   // consent
        d.next()                                     // work intro -> age
        d.say(.number(30))                           // age
        d.say(.choices(["domestic"]))                // sectors
        d.say(.date(CalendarDate(year: 2023, month: 4)))  // arrived
        d.say(no)                                    // job_different
        d.say(.choice("as_promised"))                // pay_kind
        return d
    }

    @Test func changingAnEarlierAnswerHidesAndRestoresAFollowUp() {
        var d = walkToOwesDebt()
        #expect(d.interview.position == q("owes_debt"))
        d.say(yes)
        #expect(d.interview.position == q("debt_grows"))
        #expect(d.interview.steps.contains(q("debt_grows")))
        d.say(yes)
        #expect(d.interview.position == q("threatened"))
        #expect(d.interview.score().indicators.map(\.id) == ["growing_debt"])
        #expect(d.interview.progress() == .init(answered: 8, relevant: 17))

        // Back twice, and change the debt answer to no.
        #expect(d.back() == q("debt_grows"))
        #expect(d.back() == q("owes_debt"))
        d.answer("owes_debt", no)
        #expect(!d.interview.steps.contains(q("debt_grows")))
        #expect(d.interview.relevance.state("debt_grows") == .notApplicable)
        #expect(d.interview.answers["debt_grows"] == yes)   // kept
        let hidden = d.interview.score()
        #expect(hidden.indicators.map(\.id) == [])          // left out of scoring
        #expect(!hidden.unanswered.map(\.questionID).contains("debt_grows"))
        #expect(hidden.scores["risk"] == 1)                 // sectors has domestic; no debt point
        #expect(d.interview.progress() == .init(answered: 7, relevant: 16))
        #expect(d.next() == q("threatened"))

        // Back to owes_debt and yes again: the kept answer counts again.
        #expect(d.back() == q("owes_debt"))
        d.answer("owes_debt", yes)
        #expect(d.interview.steps.contains(q("debt_grows")))
        #expect(d.interview.score().indicators.map(\.id) == ["growing_debt"])
        #expect(d.interview.score().scores["risk"] == 2)
        #expect(d.next() == q("debt_grows"))
        #expect(d.interview.progress() == .init(answered: 8, relevant: 17))
    }

    @Test func nextFromAQuestionThatBecameIrrelevant() {
        var d = walkToOwesDebt()
        d.say(yes)
        #expect(d.interview.position == q("debt_grows"))
        // From the review screen one may change an earlier answer while
        // standing on the follow-up; next() then goes to the next relevant step.
        d.answer("owes_debt", no)
        #expect(d.interview.position == q("debt_grows"))
        #expect(d.next() == q("threatened"))
        #expect(d.back() == q("owes_debt"))
    }

    @Test func declinedParentMakesTheFollowUpNotAsked() {
        var d = walkToOwesDebt()
        d.say(declined)
        #expect(d.interview.position == q("threatened"))
        #expect(d.interview.relevance.state("debt_grows") == .undetermined)
        let unanswered = d.interview.score().unanswered.map { "\($0.questionID):\($0.reason.rawValue)" }
        #expect(unanswered.prefix(2) == ["owes_debt:declined", "debt_grows:not_asked"])
    }

    @Test func walkToTheEndAndComplete() {
        var d = walkToOwesDebt()
        for v in [no, no, no, no, no, no] { d.say(v) }           // owes_debt ... danger_now
        #expect(d.interview.position == q("police_wish"))
        d.say(.choice("undecided"))
        d.say(.choices(["legal"]))
        d.say(.choice("some"))
        #expect(d.interview.position == q("story"))
        #expect(d.next() == q("thanks"))                           // story is optional
        #expect(d.next() == .review)
        #expect(d.interview.progress() == .init(answered: 15, relevant: 16))
        #expect(d.interview.positionNumbers == nil)
        #expect(d.interview.next() == .success([.completed]))
        d.next()
        #expect(d.interview.position == .finished)
        #expect(d.interview.isCompleted && d.interview.isOver)
        #expect(d.interview.endedByQuestion == nil)
        // After completing, back returns to the review.
        #expect(d.interview.back() == [.moved(to: .review)])
        let r = d.interview.score()
        #expect(r.result == .noIndicators)
        #expect(r.unanswered.map(\.questionID) == ["story"])
    }

    @Test func jumpOnlyToRelevantQuestions() {
        var d = walkToOwesDebt()
        #expect(d.interview.jump(to: "debt_grows") == [])
        #expect(d.interview.jump(to: "age") == [.moved(to: q("age"))])
        d.apply(d.interview.jump(to: "age"))
        #expect(d.interview.position == q("age"))
        #expect(d.interview.history.last == q("owes_debt"))
    }

    @Test func languageSwitchKeepsAnswers() {
        var d = walkToOwesDebt()
        let before = d.interview.answers
        d.apply([.languagesChanged(interviewee: "es", advocate: "fr")])
        #expect(d.interview.answers == before)
        #expect(d.interview.intervieweeLanguage == "es")
        #expect(d.interview.advocateLanguage == "fr")
        #expect(d.interview.position == q("owes_debt"))
    }

    @Test func intervieweeLanguageSetsTheCutoff() {
        // Two count_yes items that raise no indicator of their own are not
        // possible here, so use a rules fixture where only the cut-off matters.
        let cq = loadFixture("rules/cutoff.yaml")
        var d = Driver(cq)
        for (id, v) in [("q1", yes), ("q2", yes), ("q3", no), ("q4", no)] { d.answer(id, v) }
        #expect(d.interview.score().result == .possible)
        d.apply([.languagesChanged(interviewee: "es", advocate: "en")])
        #expect(d.interview.score().result == .noIndicators)
        d.apply([.languagesChanged(interviewee: "en", advocate: "en")])
        #expect(d.interview.score().result == .possible)
    }

    @Test func pausesAreRecordedWithTimestamps() {
        var i = Interview(questionnaire: example)
        let t0 = Date(timeIntervalSince1970: 1_000)
        let t1 = Date(timeIntervalSince1970: 1_090)
        let t2 = Date(timeIntervalSince1970: 2_000)
        #expect(!i.isPaused)
        i.apply(.paused, at: t0)
        #expect(i.isPaused)
        i.apply(.paused, at: t1)                     // already paused: ignored
        #expect(i.pauses == [Pause(start: t0, end: nil)])
        #expect(i.pausedDuration(now: t1) == 90)
        i.apply(.resumed, at: t1)
        #expect(!i.isPaused)
        i.apply(.resumed, at: t2)                    // not paused: ignored
        #expect(i.pauses == [Pause(start: t0, end: t1)])
        i.apply(.paused, at: t2)
        #expect(i.pauses == [Pause(start: t0, end: t1), Pause(start: t2, end: nil)])
        #expect(i.pausedDuration(now: t2.addingTimeInterval(10)) == 100)
    }

    @Test func remarks() {
        var i = Interview(questionnaire: example)
        i.apply(.remarked(question: "hit", text: "Looked away."), at: testTime)
        i.apply(.remarked(question: nil, text: "Asked for a break."), at: testTime)
        #expect(i.remarks == ["hit": "Looked away."])
        #expect(i.interviewRemark == "Asked for a break.")
        i.apply(.remarked(question: "hit", text: ""), at: testTime)
        #expect(i.remarks == [:])
    }

    @Test func eventsForUnknownQuestionsAreIgnored() {
        var i = Interview(questionnaire: example)
        i.apply(.answered(question: "no_such_question", value: yes), at: testTime)
        i.apply(.moved(to: q("no_such_question")), at: testTime)
        #expect(i.answers.isEmpty)
        #expect(i.position == .intro)
        #expect(i.history.isEmpty)
    }

    @Test func replayGivesTheSameState() {
        var d = walkToOwesDebt()
        d.say(yes)
        d.say(dontKnow)
        d.apply([.paused, .resumed, .remarked(question: "owes_debt", text: "Hesitated."),
                 .languagesChanged(interviewee: "es", advocate: "en")])
        d.back()
        d.answer("debt_grows", yes)
        d.back()
        d.answer("owes_debt", no)
        d.apply([.remarked(question: nil, text: "Calm.")])
        d.next()

        var replayed = Interview(questionnaire: example)
        for (e, t) in d.log { replayed.apply(e, at: t) }
        let a = d.interview
        #expect(replayed.answers == a.answers)
        #expect(replayed.position == a.position)
        #expect(replayed.history == a.history)
        #expect(replayed.remarks == a.remarks)
        #expect(replayed.interviewRemark == a.interviewRemark)
        #expect(replayed.pauses == a.pauses)
        #expect(replayed.intervieweeLanguage == a.intervieweeLanguage)
        #expect(replayed.advocateLanguage == a.advocateLanguage)
        #expect(replayed.relevance.states == a.relevance.states)
        #expect(replayed.steps == a.steps)
        #expect(replayed.endedByQuestion == a.endedByQuestion)
        #expect(replayed.isCompleted == a.isCompleted)
        #expect(replayed.position == q("threatened"))
        #expect(replayed.pauses.count == 1)

        // The event log survives encoding, as a session store would keep it.
        let data = try? JSONEncoder().encode(d.log.map(\.0))
        let decoded = data.flatMap { try? JSONDecoder().decode([InterviewEvent].self, from: $0) }
        #expect(decoded == d.log.map(\.0))
    }

    /// Typed text that was not confirmed is kept as a draft, apart from the
    /// answers; confirming the answer or the remark replaces the draft.
    @Test func draftsAreKeptUntilTheAnswerOrRemarkIsConfirmed() throws {
        var d = Driver(example)
        let age = DraftField.answer(question: "age")
        d.apply(d.interview.draft("1\u{07}7\u{1B}", for: age, confirmed: ""))
        #expect(d.log.map(\.0) == [.drafted(field: age, text: "17")], "control characters never reach a draft")
        #expect(d.interview.drafts == [age: "17"])
        #expect(d.interview.answers["age"] == nil)
        #expect(d.interview.draft("17", for: age, confirmed: "") == [], "the same draft is not recorded twice")

        d.answer("age", .number(19))
        #expect(d.interview.drafts.isEmpty, "the confirmed answer replaces its draft")
        // Typed text equal to the confirmed answer is no draft; a different one is.
        #expect(d.interview.draft("19", for: age, confirmed: "19") == [])
        d.apply(d.interview.draft("", for: age, confirmed: "19"))
        #expect(d.interview.drafts == [age: ""], "deleting the answer's text is a draft too")
        d.apply(d.interview.draft("19", for: age, confirmed: "19"))
        #expect(d.interview.drafts.isEmpty)
        #expect(d.log.last?.0 == .drafted(field: age, text: nil))

        let remark = DraftField.remark(question: "age")
        let whole = DraftField.remark(question: nil)
        d.apply(d.interview.draft("seems unsure", for: remark, confirmed: ""))
        d.apply(d.interview.draft("interpreter late", for: whole, confirmed: ""))
        #expect(d.interview.drafts == [remark: "seems unsure", whole: "interpreter late"])
        d.apply([.remarked(question: "age", text: "seems unsure of the year")])
        #expect(d.interview.drafts == [whole: "interpreter late"])
        d.apply([.remarked(question: nil, text: "interpreter arrived late")])
        #expect(d.interview.drafts.isEmpty)

        // A draft for a question the questionnaire no longer has is ignored.
        #expect(d.interview.draft("x", for: .answer(question: "gone"), confirmed: "") == [])
        var iv = d.interview
        iv.apply(.drafted(field: .answer(question: "gone"), text: "x"), at: testTime)
        #expect(iv.drafts.isEmpty)

        // Drafts are events: they replay and survive encoding like the rest.
        d.apply(d.interview.draft("2", for: age, confirmed: "19"))
        var replayed = Interview(questionnaire: example)
        for (e, t) in d.log { replayed.apply(e, at: t) }
        #expect(replayed.drafts == [age: "2"])
        let data = try JSONEncoder().encode(d.log.map(\.0))
        #expect(try JSONDecoder().decode([InterviewEvent].self, from: data) == d.log.map(\.0))
    }
}
