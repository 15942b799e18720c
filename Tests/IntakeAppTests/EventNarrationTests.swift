import Foundation
import IntakeCore
import IntakeStore
import Testing
@testable import IntakeApp

/// The lines `intake sessions replay` prints for a supervisor.
@Suite struct EventNarrationTests {
    let q: Questionnaire
    let tr = SourceLanguage(language: "en")

    init() throws { q = try bundledQuestionnaire("quick-screen") }

    func describe(_ e: InterviewEvent) -> String { EventNarration.describe(e, q, tr) }

    @Test func answersAreNamedByQuestionAndShownInTheAdvocatesWords() {
        #expect(describe(.answered(question: "consent", value: .choice("yes"))) == "answered consent: Yes")
        #expect(describe(.answered(question: "consent", value: .special(.declined))) == "answered consent: Prefers not to answer")
        // A question the questionnaire no longer has: the stored value as is.
        #expect(describe(.answered(question: "gone", value: .number(3))) == "answered gone: 3")
        #expect(describe(.cleared(question: "consent")) == "cleared the answer to consent")
    }

    @Test func remarksAndDrafts() {
        #expect(describe(.remarked(question: "consent", text: "asked twice")) == "remark on consent: asked twice")
        #expect(describe(.remarked(question: nil, text: "interpreter by phone")) == "remark on the interview: interpreter by phone")
        #expect(describe(.drafted(field: .answer(question: "age"), text: "3")) == "typed, not confirmed (answer to age): 3")
        #expect(describe(.drafted(field: .remark(question: nil), text: nil)) == "dropped the unconfirmed remark on the interview")
    }

    @Test func controlCharactersInTypedTextDoNotReachTheTerminal() {
        #expect(describe(.remarked(question: nil, text: "a\u{1B}[2Jb\nc")) == "remark on the interview: a[2Jb c")
    }

    @Test func movesPausesAndEnds() {
        #expect(describe(.moved(to: .intro)) == "-> introduction")
        #expect(describe(.moved(to: .sectionIntro("quick"))) == "-> section quick")
        #expect(describe(.moved(to: .question("in_danger_now"))) == "-> in_danger_now: Do you feel you are in danger right now?")
        #expect(describe(.moved(to: .review)) == "-> review")
        #expect(describe(.languagesChanged(interviewee: "es", advocate: "en")) == "languages: interviewee es, advocate en")
        #expect(describe(.paused) == "break started")
        #expect(describe(.resumed) == "break ended")
        #expect(describe(.endedByAnswer(question: "consent")) == "interview ended by the answer to consent")
        #expect(describe(.completed) == "interview completed")
    }

    @Test func linesCountTimeFromTheFirstEvent() {
        // The clock times depend on the machine's zone; the offsets do not.
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let events = [TimedEvent(event: .moved(to: .intro), at: start),
                      TimedEvent(event: .paused, at: start.addingTimeInterval(125))]
        let lines = EventNarration.lines(events, questionnaire: q, tr: tr)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Started "))
        #expect(lines[1].hasPrefix("   1  ") && lines[1].hasSuffix(" +0m00s  -> introduction"))
        #expect(lines[2].hasPrefix("   2  ") && lines[2].hasSuffix(" +2m05s  break started"))
        #expect(EventNarration.lines([], questionnaire: q, tr: tr) == ["(no events)"])
    }

    @Test func stepsSayWhereTheInterviewStood() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let events = [TimedEvent(event: .moved(to: .question("consent")), at: start),
                      TimedEvent(event: .answered(question: "consent", value: .choice("yes")), at: start),
                      TimedEvent(event: .paused, at: start)]
        let steps = EventNarration.steps(events, questionnaire: q, tr: tr)
        #expect(steps.count == 3)
        #expect(steps[1].detail == [
            "A few questions · consent",
            "Is it all right if I ask you a few short questions about your work and safety?",
            "Answer: Yes",
            "Answered 1 of 17 questions that apply",
        ])
        #expect(steps[2].detail.last == "Answered 1 of 17 questions that apply; on a break")
    }

    @Test func placeholdersInTypedTextAreLeftAsTyped() {
        #expect(describe(.remarked(question: "consent", text: "{answer} {question}")) == "remark on consent: {answer} {question}")
    }

    /// A translation of the replay's words, as a PO file would give it.
    struct Spanish: Translating {
        let language = "es"
        var isDraft: Bool { true }
        func translate(key: String, source: String) -> Translated {
            switch key {
            case "ui/narration/paused": return Translated(text: "pausa iniciada", isFallback: false)
            case "ui/narration/answered": return Translated(text: "respondió {question}: {answer}", isFallback: false)
            default: return Translated(text: source, isFallback: true)
            }
        }
        func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
            Translated(text: count == 1 ? source : sourcePlural, isFallback: true)
        }
    }

    @Test func theWordsAreLookedUpInTheAdvocatesLanguage() {
        #expect(EventNarration.describe(.paused, q, Spanish()) == "pausa iniciada")
        #expect(EventNarration.describe(.answered(question: "gone", value: .number(3)), q, Spanish()) == "respondió gone: 3")
        #expect(EventNarration.describe(.resumed, q, Spanish()) == "break ended")
        #expect(UIString.narration.count == 31)
        #expect(Set(UIString.narration.map(\.key)).count == 31)
    }

    /// The replay's words are in the PO template, so every bundled language
    /// translates them (as drafts, like the rest of each file).
    @Test func everyBundledLanguageTranslatesTheReplay() throws {
        let cache = CatalogCache(locales: repositoryRoot.appendingPathComponent("locales"))
        let expected: [String: (paused: String, answered: String)] = [
            "es": ("pausa iniciada", "respondió consent: Sí"),
            "fa": ("استراحت شروع شد", "پاسخ به consent: بله"),
            "ko": ("휴식 시작", "consent 답변: 예"),
            "zh-Hans": ("开始休息", "回答了 consent：是"),
            "th": ("เริ่มพัก", "ตอบ consent: ใช่"),
            "ne": ("विश्राम सुरु भयो", "consent को जवाफ: हो"),
        ]
        for (language, words) in expected {
            let tr = try cache.translator(language)
            #expect(EventNarration.describe(.paused, q, tr) == words.paused, "\(language)")
            #expect(EventNarration.describe(.answered(question: "consent", value: .choice("yes")), q, tr) == words.answered,
                    "\(language)")
        }
    }
}
