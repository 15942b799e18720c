import Crypto
import Foundation
import IntakeCore
import IntakeStore
import Testing
@testable import IntakeApp

@Suite struct ReportRunTests {
    /// A finished quick-screen session with one age band, sealed.
    static func sealed(id: SessionID, age: String, began: Date, updated: Date, to key: Curve25519.KeyAgreement.PublicKey,
                       questionnaire q: Questionnaire) throws -> Data {
        let header = InterviewHeader(questionnaireID: q.id, questionnaireVersion: q.version, questionnaireHash: q.contentHash,
                                     intervieweeLanguage: "en", advocateLanguage: "en")
        let events: [SessionExport.Event] = [
            .init(seq: 1, at: began, payload: InterviewCodec.encode(.answered(question: "consent", value: .choice("yes")))),
            .init(seq: 2, at: began, payload: InterviewCodec.encode(.answered(question: "age_band", value: .choice(age)))),
            .init(seq: 3, at: updated, payload: InterviewCodec.encode(.completed)),
        ]
        let export = SessionExport(id: id, createdAt: began, updatedAt: updated, status: .finished, questionnaireID: q.id,
                                   questionnaireVersion: q.version, questionnaireHash: q.contentHash,
                                   header: InterviewCodec.encode(header), events: events)
        return try SealedExport.seal(try export.encoded(), to: key)
    }

    @Test func aSessionSealedTwiceIsCountedOnceInItsLatestForm() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let key = Curve25519.KeyAgreement.PrivateKey()
        let q = try bundledQuestionnaire("quick-screen")
        let november = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z
        let same = SessionID()
        try Self.sealed(id: same, age: "under_18", began: november, updated: november.addingTimeInterval(600), to: key.publicKey, questionnaire: q)
            .write(to: scratch.path("a.sealed"))
        // Sealed again after a later remark: the later copy wins.
        try Self.sealed(id: same, age: "adult", began: november, updated: november.addingTimeInterval(900), to: key.publicKey, questionnaire: q)
            .write(to: scratch.path("b.sealed"))
        try Self.sealed(id: SessionID(), age: "adult", began: november.addingTimeInterval(86_400 * 31), updated: november.addingTimeInterval(86_400 * 31),
                        to: key.publicKey, questionnaire: q).write(to: scratch.path("c.sealed"))
        try Data("not sealed".utf8).write(to: scratch.path("d.sealed"))

        let g = try ReportRun.gather(folder: scratch.url, key: key, location: DataLocation(base: repositoryRoot)!)
        #expect(g.superseded == 1)
        #expect(g.unreadable.map(\.0) == ["d.sealed"])
        #expect(g.records.count == 2)
        #expect(g.records.map(\.ageBand).sorted() == ["adult", "adult"])
        #expect(g.records.map(\.month).sorted() == ["2026-11", "2026-12"])
        #expect(g.order[.ageBand] == ["under_18", "adult", "not_answered"])
    }
}
