import Foundation
import Testing
import IntakeCore
@testable import IntakeStore

/// A small questionnaire, as text so a test can change it.
private func questionnaire(_ extra: String = "", pickOptions: String = "[a, b]") -> Questionnaire {
    let options = pickOptions == "[a, b]"
        ? "          - { id: a, text: A }\n          - { id: b, text: B }"
        : "          - { id: a, text: A }"
    let text = """
    format: 1
    id: t
    version: "\(extra.isEmpty ? "1" : "2")"
    language: en
    title: T
    domains: [{ id: force, title: Force }]
    sections:
      - id: s
        title: S
        questions:
          - { id: consent, type: yes_no, text: May we talk? }
          - id: pick
            type: single
            text: Pick one
            options:
    \(options)
          - { id: story, type: text, text: Anything else? }
    \(extra)
    result:
      possible: consent == yes
    """
    let outcome = QuestionnaireLoader.load(text: text, path: "t.yaml")
    guard let q = outcome.questionnaire else { fatalError("\(outcome.diagnostics)") }
    return q
}

@Suite struct InterviewSessionTests {
    let header = InterviewHeader(questionnaireID: "t", questionnaireVersion: "1", questionnaireHash: questionnaire().contentHash,
                                 intervieweeLanguage: "es", advocateLanguage: "en")

    func record(_ events: [InterviewEvent], in store: SessionStore, header: InterviewHeader) throws -> SessionID {
        let id = try store.createSession(questionnaireID: header.questionnaireID, version: header.questionnaireVersion,
                                         hash: header.questionnaireHash, header: InterviewCodec.encode(header))
        for (i, e) in events.enumerated() {
            _ = try store.append(session: id, payload: InterviewCodec.encode(e), at: Date(timeIntervalSince1970: 1_000 + Double(i)))
        }
        return id
    }

    let events: [InterviewEvent] = [
        .moved(to: .question("consent")),
        .answered(question: "consent", value: .choice("yes")),
        .moved(to: .question("pick")),
        .answered(question: "pick", value: .choice("b")),
        .remarked(question: "pick", text: "chose quickly"),
        .paused, .resumed,
        .moved(to: .question("story")),
        .answered(question: "story", value: .text("zebra-distinctive-17")),
    ]

    /// Text typed but not confirmed is an event like any other: sealed and
    /// padded (a draft takes the same space as an answer), and back on resume.
    /// Issue 14: the record says who screened and where, so a summary
    /// opened on another computer (a supervisor's) names the device's
    /// screener, not the reader's. Headers written before these fields
    /// existed still load.
    @Test func theHeaderCarriesTheOrganisationSettingAndScreener() throws {
        var h = header
        h.organisation = "Harbor Legal Aid"
        h.setting = "walk-in clinic"
        h.screener = "HLA-07"
        let back = try InterviewCodec.decodeHeader(InterviewCodec.encode(h))
        #expect(back.organisation == "Harbor Legal Aid")
        #expect(back.setting == "walk-in clinic")
        #expect(back.screener == "HLA-07")
        let old = #"{"advocateLanguage":"en","intervieweeLanguage":"es","questionnaireHash":"abc","questionnaireID":"t","questionnaireVersion":"1"}"#
        let earlier = try InterviewCodec.decodeHeader(Data(old.utf8))
        #expect(earlier.questionnaireID == "t")
        #expect(earlier.screener == nil && earlier.organisation == nil && earlier.setting == nil)
    }

    @Test func aDraftIsStoredSealedAndPaddedAndComesBackOnResume() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let drafts: [InterviewEvent] = [.drafted(field: .answer(question: "story"), text: "Quixotal bakery, 5521 Elm"),
                                        .drafted(field: .remark(question: nil), text: "Plovdivska seemed afraid")]
        let id = try record(events + drafts, in: store, header: header)
        try store.checkpoint()
        for needle in ["Quixotal", "Plovdivska", "drafted"] {
            #expect(try filesContaining(json(needle), in: tmp.store) == [], "\(needle) in the clear")
        }
        let sizes = try store.dbQueue.read { try Int.fetchAll($0, sql: "SELECT length(payload) FROM events ORDER BY seq") }
        #expect(sizes == Array(repeating: 1053, count: events.count + 2))

        let (h, stored) = try InterviewCodec.load(try openStore(tmp.store, create: false), session: id)
        #expect(stored.map(\.event) == events + drafts)
        let r = InterviewCodec.resume(header: h, events: stored, questionnaire: questionnaire())
        #expect(r.interview.answers["story"] == .text("zebra-distinctive-17"), "a draft is not an answer")
        #expect(r.interview.drafts == [.answer(question: "story"): "Quixotal bakery, 5521 Elm",
                                       .remark(question: nil): "Plovdivska seemed afraid"])
    }

    @Test func aSessionResumesAtTheSameQuestionWithEverything() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try record(events, in: store, header: header)

        let reopened = try openStore(tmp.store, create: false)
        let (h, stored) = try InterviewCodec.load(reopened, session: id)
        #expect(h == header)
        #expect(stored.map(\.event) == events)
        let r = InterviewCodec.resume(header: h, events: stored, questionnaire: questionnaire())
        #expect(r.change == nil)
        #expect(r.interview.position == .question("story"))
        #expect(r.interview.answers["pick"] == .choice("b"))
        #expect(r.interview.answers["story"] == .text("zebra-distinctive-17"))
        #expect(r.interview.remarks["pick"] == "chose quickly")
        #expect(r.interview.intervieweeLanguage == "es")
        #expect(r.interview.pauses.count == 1)
        #expect(r.interview.pauses[0].end != nil)
    }

    @Test func aChangedQuestionnaireCarriesAnswersOverAndNamesWhatWasDropped() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try record(events, in: store, header: header)
        let (h, stored) = try InterviewCodec.load(store, session: id)
        // Version 2 drops option b and adds nothing else.
        let changed = questionnaire("# v2", pickOptions: "[a]")
        let r = InterviewCodec.resume(header: h, events: stored, questionnaire: changed)
        let change = try #require(r.change)
        #expect(change.oldVersion == "1")
        #expect(change.newVersion == "2")
        #expect(change.dropped == ["pick"])
        #expect(r.interview.answers["pick"] == nil)
        #expect(r.interview.answers["consent"] == .choice("yes"))
        #expect(change.carriedOver == 2)
    }

    @Test func theChangelogCarriesRenamedAnswersAndNamesRemovedOnes() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        let id = try record(events, in: store, header: header)
        let (h, stored) = try InterviewCodec.load(store, session: id)
        let text = """
        format: 1
        id: t
        version: "2"
        language: en
        title: T
        domains: [{ id: force, title: Force }]
        sections:
          - id: s
            title: S
            questions:
              - { id: consent, type: yes_no, text: May we talk? }
              - id: choice
                type: single
                text: Pick one
                options:
                  - { id: a, text: A }
                  - { id: b, text: B }
        result:
          possible: consent == yes
        changelog:
          - version: "2"
            removed: [story]
            renamed: { pick: choice }
        """
        let v2 = try #require(QuestionnaireLoader.load(text: text, path: "t.yaml").questionnaire)
        let r = InterviewCodec.resume(header: h, events: stored, questionnaire: v2)
        #expect(r.interview.answers["choice"] == .choice("b"))
        #expect(r.interview.remarks["choice"] == "chose quickly")
        #expect(r.interview.answers["story"] == nil)
        #expect(r.change?.dropped == ["story (removed in 2)"])
        #expect(r.change?.carriedOver == 2)
    }

    @Test func theTypedAnswerAndRemarkNeverAppearInPlaintext() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try openStore(tmp.store)
        _ = try record(events, in: store, header: header)
        #expect(try filesContaining(Data("zebra-distinctive-17".utf8), in: tmp.store).isEmpty)
        #expect(try filesContaining(Data("chose quickly".utf8), in: tmp.store).isEmpty)
    }
}
