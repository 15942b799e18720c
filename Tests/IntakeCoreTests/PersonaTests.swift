import Foundation
import Testing
@testable import IntakeCore

/// The checkout's root, found from this file's path (tests read the bundled
/// questionnaires and personas, not copies).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func bundledQuestionnaire(_ id: String) throws -> Questionnaire {
    let url = repositoryRoot.appendingPathComponent("questionnaires/\(id).yaml")
    let bytes = [UInt8](try Data(contentsOf: url))
    let outcome = QuestionnaireLoader.load(bytes: bytes, path: "questionnaires/\(id).yaml")
    guard let q = outcome.questionnaire else {
        Issue.record("questionnaire \(id) did not load: \(outcome.diagnostics.map(\.description))")
        throw CancellationError()
    }
    return q
}

func personaFiles() -> [URL] {
    let dir = repositoryRoot.appendingPathComponent("personas")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0) }
}

struct LoadedPersona {
    var name: String
    var questionnaire: Questionnaire
    var file: AnswerFile
    var score: ScoreResult
}

func loadPersona(_ url: URL) throws -> LoadedPersona {
    let bytes = [UInt8](try Data(contentsOf: url))
    let path = "personas/" + url.lastPathComponent
    let qid = AnswerFile.peekQuestionnaireID(bytes: bytes, path: path) ?? "trafficking-screening"
    let q = try bundledQuestionnaire(qid)
    switch AnswerFile.load(bytes: bytes, path: path, questionnaire: q) {
    case .failure(let e):
        Issue.record("persona \(path) did not load: \(e.diagnostics.map(\.description))")
        throw e
    case .success(let file):
        let score = Scorer.score(q, answers: file.answers, language: file.language ?? q.language)
        return LoadedPersona(name: url.deletingPathExtension().lastPathComponent, questionnaire: q, file: file, score: score)
    }
}

@Suite struct PersonaTests {
    @Test func thereAreAtLeastEightPersonasForTheFullScreen() throws {
        let full = try personaFiles().map(loadPersona).filter { $0.questionnaire.id == "trafficking-screening" }
        #expect(full.count >= 8)
    }

    @Test(arguments: personaFiles())
    func personaScoresAsItsFileExpects(_ url: URL) throws {
        let p = try loadPersona(url)
        let expected = try #require(p.file.persona?.expected, "persona \(p.name) states no expected result")
        #expect(p.score.result == expected.result, "\(p.name): result")
        #expect(p.score.urgent == expected.urgent, "\(p.name): urgent")
        #expect(p.score.positiveDomains.sorted() == expected.domains.sorted(), "\(p.name): positive domains")
        #expect(p.score.referrals.map(\.referral.id).sorted() == expected.referrals.sorted(), "\(p.name): referrals")
    }

    /// The organisation's side of the header, as `intake run` fills it.
    static let context = SummaryContext(interviewDate: "2026-12-01 10:30 -05:00", organisation: "Harbor Legal Aid",
                                        setting: "walk-in clinic", screener: "HLA-07")

    /// Issue 14: what a caseworker needs to act on the referral is on every
    /// persona's summary: the header, the closing remark, dependants, how
    /// to reach the person safely and what they agreed to share.
    @Test(arguments: personaFiles())
    func everyPersonaSummaryCarriesTheHeaderAndTheReferralDetails(_ url: URL) throws {
        let p = try loadPersona(url)
        let tr = SourceLanguage(language: p.questionnaire.language)
        let summary = SummaryBuilder.build(questionnaire: p.questionnaire, score: p.score, answers: p.file.answers,
                                           remarks: [:], interviewRemark: "", intervieweeLanguage: "en",
                                           endedBy: nil, context: Self.context, in: tr)
        let text = summary.rendered(.text, in: tr)
        for line in ["Interview date: 2026-12-01 10:30 -05:00", "Organisation: Harbor Legal Aid (walk-in clinic)",
                     "Screener: HLA-07", "Languages: en / en"] {
            #expect(text.contains(line + "\n"), "\(p.name): no '\(line)'")
        }
        #expect(text.contains("\nInterpreter: "), "\(p.name): interpreter not recorded")
        #expect(text.contains("\nCHILDREN AND OTHERS WHO DEPEND ON THE PERSON\n"), "\(p.name): no dependants")
        #expect(text.contains("\nHOW TO REACH THE PERSON SAFELY\n"), "\(p.name): no safe contact")
        let shareable = Set(p.questionnaire.question("share_consent")?.options.map(\.id) ?? [])
        #expect(!shareable.isEmpty, "\(p.name): the questionnaire asks no consent to share")
        #expect(summary.referrals.allSatisfy { ($0.agreed != nil) == shareable.contains($0.id) },
                "\(p.name): consent to share not recorded")
        let closing = try #require(summary.remarks.first { $0.question == "remarks" }, "\(p.name): no closing remark")
        #expect(text.contains("\"\(closing.text.prefix(40))"), "\(p.name): closing remark not printed")
    }

    /// Golden summaries in every format: a change in scoring or wording shows
    /// up as a diff. Set INTAKE_UPDATE_GOLDEN=1 to rewrite them after review.
    @Test(arguments: personaFiles())
    func personaSummariesMatchTheirGoldenFiles(_ url: URL) throws {
        let p = try loadPersona(url)
        var remarks = p.file.remarks
        let overall = remarks.removeValue(forKey: AnswerFile.interviewRemarkKey) ?? ""
        let tr = SourceLanguage(language: p.questionnaire.language)
        let summary = SummaryBuilder.build(questionnaire: p.questionnaire, score: p.score, answers: p.file.answers,
                                           remarks: remarks, interviewRemark: overall,
                                           intervieweeLanguage: p.file.language ?? p.questionnaire.language,
                                           endedBy: nil, context: Self.context, in: tr)
        let goldenDir = repositoryRoot.appendingPathComponent("Tests/IntakeCoreTests/Golden")
        for format in SummaryFormat.allCases {
            let text = summary.rendered(format, in: tr)
            let url = goldenDir.appendingPathComponent("\(p.name).\(format.fileExtension)")
            if ProcessInfo.processInfo.environment["INTAKE_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: goldenDir, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "\(p.name).\(format.fileExtension) differs from its golden file")
            if format == .text {
                for line in text.split(separator: "\n") {
                    #expect(DisplayWidth.of(String(line)) <= 80, "\(p.name): line wider than 80 columns: \(line)")
                }
            }
        }
    }
}
