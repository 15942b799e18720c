import Foundation
import IntakeCore
import IntakeStore
import Testing
@testable import IntakeApp
@testable import IntakeTUI

/// What `intake sessions`, `open`, `locales` and `export-fhir` do, short
/// of the command line (which only parses their arguments).
@Suite struct SessionCommandTests {
    static let begin = InterviewEffect.begin(questionnaireID: "quick-screen", version: "1", hash: "abc",
                                             interviewee: "en", advocate: "en")

    func store(_ dir: URL) throws -> SessionStore {
        try SessionStore.open(directory: dir, passphrase: "correct horse battery staple", create: true, kdf: .insecureForTesting)
    }

    /// A session recorded as `intake run` records one; its id.
    func record(_ events: [InterviewEvent], in s: SessionStore, completed: Bool = false) throws -> SessionID {
        let handler = InterviewEffectHandler(store: s, exportFolder: nil, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let control = RunControl<InterviewReport>()
        for e in [Self.begin] + events.map(InterviewEffect.record) + (completed ? [.completed] : []) { handler.handle(e, control) }
        return try #require(handler.session)
    }

    @Test func anAgeIsANumberAndAUnit() {
        #expect(SessionCommands.age("30d") == 2_592_000)
        #expect(SessionCommands.age("12h") == 43_200)
        #expect(SessionCommands.age("2w") == 1_209_600)
        #expect(SessionCommands.age("0d") == 0)
        for bad in ["30", "d", "-1d", "3m", "", "1.5x"] { #expect(SessionCommands.age(bad) == nil, "\(bad)") }
    }

    @Test func theListHasALinePerSession() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let s = try store(tmp.path("store"))
        #expect(try SessionCommands.listing(s) == ["No saved sessions."])
        let id = try record([.moved(to: .intro), .paused], in: s)
        let lines = try SessionCommands.listing(s)
        #expect(lines.count == 2)
        #expect(lines[0] == "ID        STATUS      QUESTIONNAIRE                  STARTED           LAST CHANGE       EVENTS")
        #expect(lines[1].hasPrefix(String(id.string.prefix(8)) + "  unfinished  quick-screen 1                 "))
        #expect(lines[1].hasSuffix("  2"))
    }

    @Test func showSaysWhatWasAnsweredAndRemarked() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let s = try store(tmp.path("store"))
        let id = try record([.answered(question: "interpreter_used", value: .choice("no")),
                             .remarked(question: "interpreter_used", text: "Calm")], in: s)
        let loaded = try SessionLoader.load(store: s, id: id, location: try #require(DataLocation(base: repositoryRoot)))
        let lines = try SessionCommands.showing(loaded, id: id, status: .unfinished).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Session \(id.string) (unfinished)")
        #expect(lines[1] == "Questionnaire: quick-screen 2.1.0; languages en / en")
        #expect(lines.contains("interpreter_used: No"))
        #expect(lines.contains("    remark: Calm"))
        #expect(lines.last == "")
    }

    @Test func anOpenedRecordIsItselfOrItsAnswersAsFHIR() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let s = try store(tmp.path("store"))
        let id = try record([.answered(question: "interpreter_used", value: .choice("no"))], in: s, completed: true)
        let record = try s.export(session: id)
        let location = try #require(DataLocation(base: repositoryRoot))
        let events = try SealedOpen.text(record, format: .events, language: nil, locate: { location }, organisationConfig: nil)
        #expect(events.hasPrefix("{"))
        #expect(events.hasSuffix("}\n"))
        let fhir = try SealedOpen.text(record, format: .fhir, language: nil, locate: { location }, organisationConfig: nil)
        let r = try #require(try JSONSerialization.jsonObject(with: Data(fhir.utf8)) as? [String: Any])
        #expect(r["resourceType"] as? String == "QuestionnaireResponse")
        #expect(r["status"] as? String == "completed")
    }
}

@Suite struct LocaleCommandTests {
    @Test func theRevisionDateIsWrittenInUTC() {
        #expect(LocaleCommands.revisionDate(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14 22:13+0000")
        #expect(LocaleCommands.generator(version: "0.1.0") == "intake 0.1.0")
    }

    @Test func aFileNamedForNoLanguageOrForAnotherIsAnError() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let header = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n"
        let wrong = try tmp.write("locales/es.po", header)
        let (_, diags) = LocaleValidation.check(wrong, template: [], terms: nil)
        #expect(diags.contains { $0.severity == .error && $0.message == "the Language header says 'fr' but the file is named es.po" })
        let unnamed = try tmp.write("locales/not a tag.po", header)
        let (_, more) = LocaleValidation.check(unnamed, template: [], terms: nil)
        #expect(more.contains { $0.severity == .error && $0.message == "the file name 'not a tag.po' is not a BCP-47 language tag" })
    }

    @Test func aFileThatCannotBeReadHasAStatsLineSayingSo() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let url = try tmp.write("locales/xx.po", "msgstr \"no msgid before me\"\n")
        #expect(LocaleCommands.statsLine(url, template: []) == "xx        (cannot be read; run intake locales check xx)")
    }

    @Test func aBrokenQuestionnaireStopsTheTemplate() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        try tmp.write("questionnaires/broken.yaml", "format: 1\nid: broken\n")
        let location = DataLocation(questionnaires: tmp.path("questionnaires"), locales: tmp.path("locales"), personas: tmp.path("personas"))
        #expect(throws: Failure.failed) { try LocaleCommands.template(location) }
    }
}

@Suite struct FHIRExportTests {
    @Test func aQuestionnaireIsExportedWithTheTranslationsAsked() throws {
        let location = try #require(DataLocation(base: repositoryRoot))
        let json = try FHIRExport.json(location: location, questionnaireID: "quick-screen", languages: ["es"])
        let r = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(r["resourceType"] as? String == "Questionnaire")
        #expect(r["version"] as? String == "2.1.0")
        #expect(json.contains("\"es\""))
    }
}

@Suite struct ValidateCommandTests {
    @Test func theBundledLocalesPassTheChecksValidateRuns() throws {
        var run = ValidationRun(paths: [], organisationConfig: nil, locate: { DataLocation(base: repositoryRoot)! })
        run.today = (2026, 12, 6)
        let report = try run.run()
        #expect(report.errors == 0, "\(report.diagnostics)")
        #expect(report.filesChecked == 10)  // 2 questionnaires, 6 locale files, 2 service directories
    }

    @Test func aBrokenFileFailsTheRun() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let broken = try tmp.write("broken.yaml", "format: 1\nid: broken\n")
        #expect(throws: Failure.failed) {
            try ValidationRun(paths: [broken.path], organisationConfig: nil, locate: { DataLocation(base: repositoryRoot)! })
                .printReport(quiet: true)
        }
    }
}
