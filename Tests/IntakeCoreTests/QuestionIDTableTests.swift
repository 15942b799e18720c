import IntakeTestSupport
import Testing
@testable import IntakeCore

/// `Questionnaire.currentPosition` (a table keyed by FNV-1a) against
/// `historicQuestion` and `positions` (the changelog walked for the id, and
/// the standard library's dictionary), on the bundled and seeded generated questionnaires, whose
/// changelogs rename and remove ids, and on one that reuses an id renamed
/// away: every id, every id a changelog names, and seeded near misses.
@Suite struct QuestionIDTableTests {
    @Test func aPositionFromTheTableIsThePositionFromTheDictionaries() throws {
        var g = SplitMix64(seed: 19_704)
        var found = 0, missed = 0, renamedAway = 0
        // One whose changelog renamed an id away that a question now has.
        let reused = try #require(ChangelogTests.questionnaire(changelog: """
        changelog:
          - version: "2"
            renamed: { consent: hours }
        """).questionnaire)
        for q in try IndexedConditionTests.questionnaires() + [reused, ChangelogTests.v3] {
            var ids = q.questions.map(\.id)
            for c in q.changelog { ids += c.removed + Array(c.renamed.keys) + Array(c.renamed.values) }
            for id in q.questions.map(\.id) {
                var bytes = Array(id.utf8)
                bytes[Int.random(in: 0..<bytes.count, using: &g)] ^= 1 << UInt8.random(in: 0...6, using: &g)
                ids += [id + "x", String(id.dropLast()), id.uppercased(), "é" + id, String(decoding: bytes, as: UTF8.self)]
            }
            ids += ["", " ", "languages"]
            for id in ids {
                let expected = q.historicQuestion(id) == .current(id) ? q.positions[id] : nil
                #expect(q.currentPosition(id) == expected, "\(q.id) \(id)")
                if expected == nil { missed += 1 } else { found += 1 }
                if expected == nil, q.positions[id] != nil { renamedAway += 1 }
            }
        }
        #expect(found > 1_000 && missed > 5_000, "\(found) found, \(missed) missed")
        #expect(renamedAway > 0)
        // Written out, from the bundled questionnaire's order.
        let q = try bundledQuestionnaire("trafficking-screening")
        #expect(q.currentPosition("privacy_checked") == 0)
        #expect(q.currentPosition("consent") == 7)
        #expect(q.currentPosition("languages") == 17)
        #expect(q.currentPosition("country_of_origin") == nil)
    }

    /// 100 ids in a table of 256 slots share probe chains; each is found at
    /// its own position.
    @Test func idsThatShareSlotsAreEachFound() {
        let ids = (0..<100).map { "q\($0)" }
        let table = QuestionIDTable(ids)
        for (p, id) in ids.enumerated() { #expect(table.position(of: id) == p) }
        #expect(table.position(of: "q100") == nil)
        // An id given twice keeps its last position, as `positions` does.
        #expect(QuestionIDTable(["a", "b", "a"]).position(of: "a") == 2)
        #expect(QuestionIDTable([]).position(of: "a") == nil)
    }

    /// FNV-1a 64's published test values.
    @Test func fnv1aGivesThePublishedValues() {
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
    }
}
