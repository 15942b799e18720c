import Foundation
import IntakeCore

/// Validation of a set of files: questionnaires first, then locale files
/// against the strings those questionnaires define.
public enum Validation {
    public struct Report {
        public var diagnostics: [Diagnostic] = []
        public var filesChecked = 0
        public var questionnaires: [Questionnaire] = []

        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.count - errors }

        /// "3 files checked: 0 errors, 1 warning".
        public var countLine: String {
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            return "\(count(filesChecked, "file")) checked: \(count(errors, "error")), \(count(warnings, "warning"))"
        }
    }

    /// Checks one locale file against the template and the discouraged
    /// terms (`LocaleValidation.check`).
    public typealias LocaleCheck = @Sendable (URL, [TemplateEntry], DiscouragedTerms?) -> [Diagnostic]

    public static func run(files: [URL], checkLocale: @escaping LocaleCheck) -> Report {
        var report = Report()
        // Files are independent: each is checked on its own core.
        let yamlFiles = files.filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
        let outcomes = parallelMap(yamlFiles, QuestionnaireFiles.outcome)
        report.filesChecked += yamlFiles.count
        for result in outcomes {
            switch result {
            case .failure(let d): report.diagnostics.append(d)
            case .success(let outcome):
                report.diagnostics += outcome.diagnostics
                if let q = outcome.questionnaire {
                    report.questionnaires.append(q)
                    report.diagnostics += QuestionnaireLint.sourceWidths(q)
                }
            }
        }
        // Locale files are checked against the questionnaires given, or the
        // bundled ones when only locale files were named.
        let poFiles = files.filter { $0.pathExtension == "po" }
        var sources = report.questionnaires
        var termsDir: URL?
        if let first = poFiles.first {
            termsDir = first.deletingLastPathComponent()
            if sources.isEmpty {
                let bundled = first.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("questionnaires")
                sources = DataLocation.files(in: bundled, ext: ["yaml", "yml"]).compactMap { (try? QuestionnaireFiles.outcome($0).get())?.questionnaire }
            }
        } else if let q = report.questionnaires.first {
            termsDir = URL(fileURLWithPath: q.path).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("locales")
        }
        let (terms, termDiags) = termsDir.map(LocaleFiles.discouragedTerms) ?? (nil, [])
        report.diagnostics += termDiags
        if let terms {
            for q in report.questionnaires { report.diagnostics += QuestionnaireLint.discouragedTerms(q, terms: terms) }
        }
        let template = InterfaceStrings.template(questionnaires: sources)
        report.filesChecked += poFiles.count
        for diags in parallelMap(poFiles, { checkLocale($0, template, terms) }) {
            report.diagnostics += diags
        }
        for url in files where !["yaml", "yml", "po"].contains(url.pathExtension) {
            report.filesChecked += 1
            report.diagnostics.append(.error(SourceLocation(file: QuestionnaireFiles.displayPath(url), line: 1, column: 1),
                                             "not a questionnaire (.yaml) or a locale file (.po)"))
        }
        return report
    }
}

/// `intake validate`: the files named, or the bundled questionnaires,
/// locales and service directories and the organisation's directory.
public struct ValidationRun {
    public var paths: [String]
    public var organisationConfig: String?
    /// Finds the data folder; called only when no path is given.
    public var locate: () throws -> DataLocation
    public var checkLocale: Validation.LocaleCheck
    /// The day directory entries are dated against.
    public var today: (year: Int, month: Int, day: Int) = ServiceDirectories.today()

    public init(paths: [String], organisationConfig: String?, locate: @escaping () throws -> DataLocation,
                checkLocale: @escaping Validation.LocaleCheck = { LocaleValidation.check($0, template: $1, terms: $2).1 }) {
        self.paths = paths
        self.organisationConfig = organisationConfig
        self.locate = locate
        self.checkLocale = checkLocale
    }

    /// `intake validate`: every finding (unless `quiet`) and the count
    /// line; fails (exit status 1) when there are errors.
    public func printReport(quiet: Bool) throws {
        let report = try run()
        if !quiet {
            for d in report.diagnostics { print(d.description) }
        }
        print(report.countLine)
        if report.errors > 0 { throw Failure.failed }
    }

    public func run() throws -> Validation.Report {
        var files: [URL] = []
        var directoryFiles: [String] = []
        if paths.isEmpty {
            let loc = try locate()
            files = loc.questionnaireFiles() + loc.localeFiles()
            let config = try Organisation.load(path: organisationConfig, data: loc).config
            let bundled = DataLocation.files(in: loc.base.appendingPathComponent("directories"),
                                             ext: ["yaml", "yml"]).map(\.path)
            directoryFiles = ServiceDirectories.paths(config: config, location: loc)
            directoryFiles += bundled.filter { !directoryFiles.contains($0) }
        } else {
            for p in paths {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                    printError("intake validate: no such file or folder: \(p)")
                    throw Failure.usage
                }
                let url = URL(fileURLWithPath: p)
                if isDir.boolValue {
                    files += DataLocation.files(in: url, ext: ["yaml", "yml", "po"])
                    let sub = ["questionnaires", "locales"].map { url.appendingPathComponent($0) }
                    files += sub.flatMap { DataLocation.files(in: $0, ext: ["yaml", "yml", "po"]) }
                } else {
                    files.append(url)
                }
            }
        }
        // Service directories are told from questionnaires by their content.
        directoryFiles += files.filter { ServiceDirectories.looksLikeDirectory($0) }.map(\.path)
        files.removeAll { ServiceDirectories.looksLikeDirectory($0) }
        var report = Validation.run(files: files, checkLocale: checkLocale)
        for p in directoryFiles {
            report.filesChecked += 1
            report.diagnostics += ServiceDirectories.check(p, today: today).1
        }
        return report
    }
}
