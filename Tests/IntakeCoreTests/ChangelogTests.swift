import Testing
@testable import IntakeCore

/// A questionnaire's changelog lets answer files and sessions written for an
/// earlier version load: renamed ids move, removed ids are set aside with a
/// note, anything else unknown is still an error.
@Suite struct ChangelogTests {
    static func questionnaire(changelog: String) -> QuestionnaireLoader.Outcome {
        QuestionnaireLoader.load(text: """
        format: 1
        id: t
        version: "3"
        language: en
        title: T
        domains: [{ id: force, title: Force }]
        sections:
          - id: s
            title: S
            questions:
              - { id: consent, type: yes_no, text: May we talk? }
              - { id: hours, type: number, text: Hours? }
        result:
          possible: consent == yes
        \(changelog)
        """, path: "t.yaml")
    }

    static let v3 = questionnaire(changelog: """
    changelog:
      - version: "2"
        renamed: { hours_a_day: daily_hours }
        removed: [promised]
      - version: "3"
        renamed: { daily_hours: hours }
    """).questionnaire!

    @Test func historicIDsFollowRenamesInOrder() {
        #expect(Self.v3.historicQuestion("hours_a_day") == .current("hours"))
        #expect(Self.v3.historicQuestion("daily_hours") == .current("hours"))
        #expect(Self.v3.historicQuestion("hours") == .current("hours"))
        #expect(Self.v3.historicQuestion("promised") == .removed(version: "2"))
        #expect(Self.v3.historicQuestion("nonsense") == .unknown)
    }

    /// `currentPosition` works out once per questionnaire which ids are
    /// current as written; it must agree with `historicQuestion` for every
    /// id, one that a changelog renamed away and reused included.
    @Test func currentPositionAgreesWithHistoricQuestion() throws {
        let reused = try #require(Self.questionnaire(changelog: """
        changelog:
          - version: "2"
            renamed: { consent: hours }
        """).questionnaire)
        #expect(reused.currentPosition("consent") == nil)
        #expect(reused.currentPosition("hours") == 1)
        #expect(Self.v3.currentPosition("hours") == 1)
        #expect(Self.v3.currentPosition("hours_a_day") == nil)
        #expect(Self.v3.currentPosition("promised") == nil)
        let ids = ["consent", "hours", "hours_a_day", "daily_hours", "promised", "nonsense", ""]
        for q in [reused, Self.v3] {
            for id in ids {
                let expected = q.historicQuestion(id) == .current(id) ? q.positions[id] : nil
                #expect(q.currentPosition(id) == expected, "\(id)")
            }
        }
    }

    @Test func anAnswerFileWithOldIdsLoadsWithNotes() throws {
        let text = """
        answers:
          consent: yes
          hours_a_day: 9
          promised: A good job
        remarks:
          promised: Said it twice.
        """
        let file = try AnswerFile.load(bytes: Array(text.utf8), path: "old.yaml", questionnaire: Self.v3).get()
        #expect(file.answers == ["consent": .choice("yes"), "hours": .number(9)])
        #expect(file.remarks.isEmpty)
        #expect(file.notes.map(\.description) == [
            "old.yaml:3:3: warning: question 'hours_a_day' is now 'hours' in questionnaire 't'",
            "old.yaml:4:3: warning: question 'promised' was removed in version 2 of questionnaire 't'; its answer is set aside",
            "old.yaml:6:3: warning: question 'promised' was removed in version 2 of questionnaire 't'; its answer is set aside",
        ])
    }

    @Test func anIdOutsideTheChangelogIsStillAnError() {
        let text = "answers:\n  consent: yes\n  hours_per_day: 9\n"
        guard case .failure(let e) = AnswerFile.load(bytes: Array(text.utf8), path: "bad.yaml", questionnaire: Self.v3) else {
            Issue.record("loaded")
            return
        }
        #expect(e.diagnostics.map(\.description) == ["bad.yaml:3:3: error: unknown question 'hours_per_day' in questionnaire 't'"])
    }

    @Test func aRemovedIdThatIsStillAQuestionAndARenameToNowhereAreErrors() {
        let outcome = Self.questionnaire(changelog: """
        changelog:
          - version: "3"
            removed: [hours]
            renamed: { old: gone }
        """)
        #expect(outcome.diagnostics.map(\.description) == [
            "t.yaml:16:15: error: changelog 3 lists 'hours' as removed, but it is still a question",
            "t.yaml:16:15: error: changelog 3 renames 'old' to 'gone', which is not a question",
        ])
    }
}
