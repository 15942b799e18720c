import Foundation
import IntakeCore
import Testing
@testable import IntakeApp

/// Finding the data folder, the organisation config, and validation runs.
@Suite struct DataAndValidationTests {
    @Test func theDataFolderIsTheGivenOneOrTheEnvironmentsOrTheCurrentOne() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        try tmp.write("given/questionnaires/q.yaml", "")
        try tmp.write("env/questionnaires/q.yaml", "")
        try tmp.write("here/questionnaires/q.yaml", "")
        let given = try DataLocation.locate(dataDir: tmp.path("given").path, environment: [:], currentFolder: "/nonexistent")
        #expect(given.questionnaires.path == tmp.path("given/questionnaires").path)
        #expect(given.locales.path == tmp.path("given/locales").path)
        #expect(given.personas.path == tmp.path("given/personas").path)
        let env = try DataLocation.locate(dataDir: nil, environment: ["INTAKE_DATA_DIR": tmp.path("env").path],
                                          currentFolder: tmp.path("here").path)
        #expect(env.base.path == tmp.path("env").path)
        let here = try DataLocation.locate(dataDir: nil, environment: ["INTAKE_DATA_DIR": tmp.path("none").path],
                                           currentFolder: tmp.path("here").path)
        #expect(here.base.path == tmp.path("here").path)
    }

    @Test func aGivenDataFolderWithoutQuestionnairesIsAUsageError() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        #expect(throws: Failure.usage) {
            try DataLocation.locate(dataDir: tmp.url.path, environment: [:], currentFolder: tmp.url.path)
        }
    }

    @Test func noOrganisationConfigIsAnEmptyOneButANamedMissingFileIsAnError() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let none = try Organisation.load(path: nil, environment: ["XDG_CONFIG_HOME": tmp.url.path, "HOME": tmp.url.path])
        #expect(none.config.name == nil)
        #expect(none.key == nil)
        #expect(throws: Failure.failed) { try Organisation.load(path: tmp.path("missing.yaml").path, environment: [:]) }
    }

    @Test func todayIsTheUTCDay() {
        // 2027-01-15 23:30 UTC.
        let t = ServiceDirectories.today(Date(timeIntervalSince1970: 1_800_055_800))
        #expect(t.year == 2027 && t.month == 1 && t.day == 15)
    }

    @Test func theCountLineCountsFilesErrorsAndWarnings() {
        var report = Validation.Report()
        report.filesChecked = 1
        #expect(report.countLine == "1 file checked: 0 errors, 0 warnings")
        let here = SourceLocation(file: "a.yaml", line: 1, column: 1)
        report.filesChecked = 3
        report.diagnostics = [.error(here, "x"), .warning(here, "y"), .warning(here, "z")]
        #expect(report.countLine == "3 files checked: 1 error, 2 warnings")
    }

    @Test func theBundledDataValidatesWithoutErrors() throws {
        var run = ValidationRun(paths: [], organisationConfig: nil, locate: { DataLocation(base: repositoryRoot)! },
                                checkLocale: { _, _, _ in [] })
        run.today = (2026, 12, 6)
        let report = try run.run()
        #expect(report.errors == 0, "\(report.diagnostics)")
        #expect(report.questionnaires.map(\.id).sorted() == ["quick-screen", "trafficking-screening"])
    }

    @Test func aFileThatIsNeitherQuestionnaireNorLocaleIsAnError() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let notes = try tmp.write("notes.txt", "hello")
        let broken = try tmp.write("broken.yaml", "id: [unclosed\n")
        let report = try ValidationRun(paths: [notes.path, broken.path], organisationConfig: nil,
                                       locate: { throw Failure.usage }, checkLocale: { _, _, _ in [] }).run()
        #expect(report.filesChecked == 2)
        #expect(report.errors == 2)
        #expect(report.diagnostics.contains { $0.description.hasSuffix("not a questionnaire (.yaml) or a locale file (.po)") })
    }

    @Test func aMissingPathIsAUsageError() {
        #expect(throws: Failure.usage) {
            try ValidationRun(paths: ["/nonexistent/file.yaml"], organisationConfig: nil,
                              locate: { throw Failure.failed }, checkLocale: { _, _, _ in [] }).run()
        }
    }
}
