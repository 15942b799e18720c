import Foundation
import IntakeCore
import Testing
@testable import IntakeTUI

/// Every screen's footer and the help over it come from one list, the
/// screen's own actions (see `InterviewComponent.keys`). These tests check
/// that the list is true, on every kind of screen and overlay: each key the
/// footer or the help offers does something there (it changes what is on
/// screen, opens or closes something, has an effect, or changes a setting
/// that shows later), and each key they do not offer does nothing at all.
@Suite struct ScreenKeysTests {
    /// The screens of the golden walk through the fixture, by name, each
    /// in a state where all of its keys can act: a highlight not at the
    /// first row, text with the cursor in the middle of it.
    static func screens() -> [(String, InterviewModel)] {
        let r = makeRunner(languages: [SourceLanguage(), ZhHans()])
        var out: [(String, InterviewModel)] = []
        func keep(_ name: String) { out.append((name, r.model)) }
        r.press(.up); keep("start")
        r.press(.down, .enter); keep("intro")
        r.press(.enter); keep("yes/no, first question")
        r.press(.char("1"), .enter); keep("section introduction with a content note")
        r.press(.enter); keep("yes/no")
        r.press(.function(2), .enter); keep("single choice")
        r.press(.char("1"), .enter); keep("multiple choice")
        r.press(.char("1"), .enter)
        r.type("10"); r.press(.left); keep("number")
        r.press(.enter)
        r.type("2024-02-15"); r.press(.left); keep("date")
        r.press(.enter)
        r.type("2023-11"); r.press(.left); keep("month and year")
        r.press(.enter)
        r.type("Farm"); r.press(.left); keep("text")
        r.press(.enter)
        r.type("ab"); r.press(.ctrl("o")); r.type("cd"); r.press(.ctrl("o")); r.type("ef"); r.press(.up, .left)
        keep("multiline text")
        r.press(.enter); keep("note")
        r.press(.function(9), .down); keep("review")
        r.press(.up, .enter, .down); keep("summary")
        let ended = makeRunner()
        ended.press(.enter, .enter, .char("2"), .enter)
        out.append(("ended early", ended.model))
        out.append(("changed questionnaire", noticeOfAChange()))
        // Practice: the persona answers on request, and the explain panel opens.
        let practice = makeRunner(mode: .practice(answers: ["consent": .choice("yes")]))
        practice.press(.enter, .enter)
        out.append(("practice: first question", practice.model))
        return out
    }

    /// A persona's answers for the fixture, as `intake demo` plays them.
    /// It leaves the two yes/no questions open: with an answer given, the
    /// highlight of a two-option list sits at one end, where ↑ or ↓ has
    /// nothing to move to (as on a yes/no question an interview goes back
    /// to); open, both act.
    static let persona: [String: AnswerValue] = [
        "sector": .choice("farm"), "tasks": .choices(["cooking", "caring"]), "hours": .number(10),
        "employer": .text("Farm"), "story": .text("ab\ncd\nef"),
    ]

    /// The screens `intake demo` shows (a persona's answers given as each
    /// question appears, the explain panel, no store), walked by hand, and
    /// one under autoplay.
    static func demoScreens() -> [(String, InterviewModel)] {
        let r = makeRunner(mode: .demo(answers: persona, autoplay: nil), languages: [SourceLanguage(), ZhHans()])
        var out: [(String, InterviewModel)] = []
        func keep(_ name: String) { out.append(("demo: " + name, r.model)) }
        // Each in a state where all of its keys can act, as in `screens()`:
        // the highlight moved off the persona's answer (and back before
        // Enter takes it), the cursor inside the persona's text.
        r.press(.up); keep("start")
        r.press(.down, .enter); keep("intro")
        r.press(.enter); keep("first question, not in the persona")
        r.press(.char("e")); keep("first question, explain panel open")
        r.press(.char("1"), .enter); keep("section introduction")
        r.press(.enter); keep("yes/no, not in the persona")
        r.press(.char("1"), .enter, .down); keep("single choice, answered")
        r.press(.up, .enter, .down); keep("multiple choice, answered")
        r.press(.enter, .left); keep("number, answered")
        r.press(.enter)
        r.type("2024-02-15"); r.press(.left); keep("date, not in the persona")
        r.press(.enter)
        r.type("2023-11"); r.press(.left); keep("month and year, not in the persona")
        r.press(.enter, .left); keep("text, answered")
        r.press(.enter, .up, .left); keep("multiline text, answered")
        r.press(.enter); keep("note")
        r.press(.function(9), .down); keep("review")
        r.press(.up, .enter, .down); keep("summary, explain panel open")
        let ended = makeRunner(mode: .demo(answers: ["consent": .choice("no")], autoplay: nil))
        ended.press(.enter, .enter, .enter)
        out.append(("demo: ended early", ended.model))
        let autoplay = makeRunner(mode: .demo(answers: persona, autoplay: 2), languages: [SourceLanguage(), ZhHans()])
        autoplay.press(.enter, .enter)
        out.append(("demo, autoplay: first question", autoplay.model))
        return out
    }

    /// Every overlay over a demo's first question.
    static func demoOverlays() -> [(String, InterviewModel)] {
        OverlayKeysTests.overlays.map { name, overlay in
            let r = makeRunner(mode: .demo(answers: persona, autoplay: nil), languages: [SourceLanguage(), ZhHans()])
            r.press(.enter, .enter)
            var m = r.model
            m.overlay = overlay
            return ("demo, overlay: " + name, m)
        }
    }

    /// A session resumed on a questionnaire that changed since it began:
    /// the notice of what changed, before the interview goes on.
    static func noticeOfAChange() -> InterviewModel {
        var iv = Interview(questionnaire: Fixtures.allTypes)
        iv.apply(.moved(to: .question("consent")), at: testTime)
        let session = ResumableSession(id: "abcdef0123", interview: iv, started: testTime, lastChange: testTime,
                                       change: ResumeNotice(oldVersion: "0.9", newVersion: "1.0.0", carriedOver: 0, dropped: ["old_q"]))
        let r = HeadlessRunner(app: InterviewApp(), model: InterviewModel(mode: .interview, questionnaires: [Fixtures.allTypes],
                                                                         languages: [LanguageOption(translator: SourceLanguage())],
                                                                         resumable: [session], now: testTime))
        r.press(.down, .enter)
        return r.model
    }

    /// Every overlay, over the fixture's first question.
    static func overlays() -> [(String, InterviewModel)] {
        OverlayKeysTests.overlays.map { name, overlay in ("overlay: " + name, OverlayKeysTests.model(overlay)) }
    }

    /// What a key did, as far as anyone can tell.
    struct Outcome: Equatable {
        var screen: String
        var cursor: Point?
        var effects: [InterviewEffect]
        /// Which overlay is shown, if any (its kind, not its inner state).
        var overlay: String
        /// Settings that show later (guidance is shown on questions that have some).
        var settings: [Bool]
    }

    static func outcome(_ m: InterviewModel, after event: AppEvent<InterviewReport>?) -> Outcome {
        var after = m
        let effects = event.map { InterviewApp().update(&after, $0) } ?? []
        let grid = InterviewApp().view(after, size: after.size)
        return Outcome(screen: grid.text(), cursor: grid.cursor, effects: effects,
                       overlay: after.overlay.map { "\(type(of: $0))" } ?? "none",
                       settings: [after.showGuidance, after.showDual, after.showExplain])
    }

    /// The keys offered, in groups that stand for one thing: a footer item
    /// (↑/↓ Move is one), a help line (1–9 is one).
    static func offered(_ m: InterviewModel) -> [(String, [Binding])] {
        let app = InterviewApp()
        let bindings = app.keyMap.bindings(in: app.keyContext(m))
        var groups: [(String, [Binding])] = []
        for item in InterviewView.footer(app, m, Words(m), keys: m.component.keys(m, scrolls: app.maxScroll(m) > 0)) where item.action != .quickHide {
            let keys = item.keys.split(separator: "/").map(String.init)
            groups.append(("footer " + item.text, bindings.filter { b in b.footer != nil && keys.contains(b.key.label) }))
        }
        if m.overlay == nil {
            for e in HelpOverlay.entries(under: m) where !SharedKeys.app.contains(e.action) {
                groups.append(("help " + e.keys.joined(separator: ", "), bindings.filter { $0.action.sharesHelpLine(with: e.action) }))
            }
        }
        return groups
    }

    static func all() -> [(String, InterviewModel)] { screens() + overlays() + demoScreens() + demoOverlays() }

    @Test(arguments: all().map(\.0))
    func theFooterAndTheHelpOfferExactlyTheKeysThatAct(_ name: String) throws {
        let m = try #require(Self.all().first { $0.0 == name }?.1)
        let before = Self.outcome(m, after: nil)
        func acts(_ b: Binding) -> Bool { Self.outcome(m, after: .key(b.key, action: b.action)) != before }
        let groups = Self.offered(m)
        #expect(!groups.isEmpty)
        for (label, bindings) in groups {
            #expect(!bindings.isEmpty, "\(name): no key for \(label)")
            #expect(bindings.contains(where: acts), "\(name): \(label) is offered but does nothing")
        }
        // And the other way: a key offered nowhere does nothing. (An
        // overlay's second ways to close it are in its list, unshown.)
        let app = InterviewApp()
        let offered = groups.flatMap(\.1)
        for b in app.keyMap.bindings(in: app.keyContext(m)) where !SharedKeys.app.contains(b.action) && !offered.contains(b) {
            if let overlay = m.overlay, overlay.accepts(b.action, m, scrolls: app.maxScroll(m) > 0) { continue }
            #expect(!acts(b), "\(name): \(b.key.longLabel) (\(b.action)) is offered nowhere but acts")
        }
    }

    /// The model composes one component per screen: which one each screen
    /// of the walk is, a question's by its answer type.
    @Test func eachScreenIsItsOwnComponent() {
        let kinds = Self.screens().map { name, m in "\(name): \(type(of: m.screen))" }
        #expect(kinds == [
            "start: StartScreen", "intro: IntroScreen", "yes/no, first question: ChoiceQuestionScreen",
            "section introduction with a content note: IntroScreen", "yes/no: ChoiceQuestionScreen",
            "single choice: ChoiceQuestionScreen", "multiple choice: MultipleChoiceScreen", "number: NumberDateScreen",
            "date: NumberDateScreen", "month and year: NumberDateScreen", "text: TextAnswerScreen",
            "multiline text: TextAnswerScreen", "note: NoteScreen", "review: ReviewScreen", "summary: SummaryScreen",
            "ended early: EndedScreen", "changed questionnaire: NoticeScreen",
            "practice: first question: ChoiceQuestionScreen",
        ])
    }

    /// The demo walk reaches what its names say.
    @Test func theDemoWalkIsWhereItsNamesSay() {
        let kinds = Self.demoScreens().map { name, m in
            "\(name): \(type(of: m.screen))" + (m.interview?.currentQuestion.map { " \($0.id)" } ?? "")
        }
        #expect(kinds == [
            "demo: start: StartScreen", "demo: intro: IntroScreen",
            "demo: first question, not in the persona: ChoiceQuestionScreen consent",
            "demo: first question, explain panel open: ChoiceQuestionScreen consent",
            "demo: section introduction: IntroScreen", "demo: yes/no, not in the persona: ChoiceQuestionScreen threatened",
            "demo: single choice, answered: ChoiceQuestionScreen sector",
            "demo: multiple choice, answered: MultipleChoiceScreen tasks", "demo: number, answered: NumberDateScreen hours",
            "demo: date, not in the persona: NumberDateScreen arrived",
            "demo: month and year, not in the persona: NumberDateScreen arrived_month",
            "demo: text, answered: TextAnswerScreen employer", "demo: multiline text, answered: TextAnswerScreen story",
            "demo: note: NoteScreen thanks", "demo: review: ReviewScreen", "demo: summary, explain panel open: SummaryScreen",
            "demo: ended early: EndedScreen", "demo, autoplay: first question: ChoiceQuestionScreen consent",
        ])
        #expect(Self.demoScreens().allSatisfy { $0.1.mode.isTraining })
    }

    /// What each screen offers, written out as the golden screens show it.
    @Test func footersAsShown() {
        let footers = Dictionary(uniqueKeysWithValues: Self.screens().map { name, m in
            (name, InterviewView.footer(InterviewApp(), m, Words(m), keys: m.component.keys(m, scrolls: InterviewApp().maxScroll(m) > 0))
                .map(\.text).joined(separator: " "))
        })
        #expect(footers["start"] == "[Enter] Next [F1] Help [Esc] Hide [↑/↓] Move [F10] Quit")
        #expect(footers["practice: first question"]?.hasSuffix("[^U] Ask persona [e] Explain") == true, "\(footers["practice: first question"] ?? "")")
        #expect(footers["changed questionnaire"] == "[Enter] Next [F1] Help [Esc] Hide [F10] Quit")
        #expect(footers["review"] == "[Enter] Next [PgUp] Back [F1] Help [Esc] Hide [↑/↓] Move [F4] Pause [F5] Remark [F6] Language [F7] Guidance [F10] Quit")
    }

    /// `e` on the start screen of a demo or practice: it opened the explain
    /// panel for the whole session before the screens were components
    /// (64d7d5a^ toggled it on every screen), as F7 still does for the
    /// guidance; the help lists it, the footer does not (as for F7).
    @Test func explainIsASettingOnATrainingStartScreen() {
        let r = makeRunner(mode: .demo(answers: Self.persona, autoplay: nil))
        #expect(HelpOverlay.entries(under: r.model).contains { $0.action == .explain })
        r.press(.char("e"))
        #expect(r.model.showExplain)
        r.press(.enter, .enter)
        #expect(r.grid.text().contains("Why (for training)"), "\(r.grid.text())")
        // Not in an ordinary interview: nothing there to explain.
        let plain = makeRunner()
        #expect(!HelpOverlay.entries(under: plain.model).contains { $0.action == .explain })
    }

    /// A translation that has the consent question's closing words.
    struct ZhHansEnding: Translating {
        let base = ZhHans()
        var language: String { base.language }
        var isDraft: Bool { true }
        func translate(key: String, source: String) -> Translated {
            if key == Fixtures.allTypes.question("consent")?.endMessage?.key {
                return Translated(text: "没关系。谢谢您的时间。", isFallback: false)
            }
            return base.translate(key: key, source: source)
        }
        func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
            base.translatePlural(key: key, source: source, sourcePlural: sourcePlural, count: count)
        }
    }

    /// F8 on the screen after an early end shows the closing words in the
    /// advocate's language under the person's, as it did before the screens
    /// were components; the help lists it.
    @Test func bothLanguagesOnTheEndedScreen() {
        let r = makeRunner(languages: [SourceLanguage(), ZhHansEnding()], interviewee: "zh-Hans", advocate: "en")
        r.press(.enter, .enter, .char("2"), .enter)
        #expect(r.model.screen is EndedScreen)
        // Both languages are shown from the start; F8 hides the advocate's.
        #expect(r.grid.text().contains("没关系。谢谢您的时间。"))
        #expect(r.grid.text().contains("That is fine. Thank you for your time."), "\(r.grid.text())")
        #expect(HelpOverlay.entries(under: r.model).contains { $0.action == .toggleDualLanguage })
        r.press(.function(8))
        #expect(!r.grid.text().contains("That is fine. Thank you for your time."), "\(r.grid.text())")
        r.press(.function(8))
        #expect(r.grid.text().contains("That is fine. Thank you for your time."), "\(r.grid.text())")
        // The guidance shows on no screen after this one: F7 is not offered.
        #expect(!HelpOverlay.entries(under: r.model).contains { $0.action == .toggleGuidance })
    }

    /// The help over a screen, written out: the start screen offers no
    /// Back, Pause, Remark, Review or Language, having none of them.
    @Test func helpOverTheStartScreen() {
        let m = makeRunner().model
        #expect(HelpOverlay.entries(under: m).map { $0.keys.joined(separator: ", ") } == [
            "Enter, Tab, Page Down", "F1, ?, Ctrl-F", "Esc, F12", "Up", "Down",
            "F7, Ctrl-G", "F8, Ctrl-Y", "F10, Ctrl-C", "Ctrl-L",
        ])
    }
}
