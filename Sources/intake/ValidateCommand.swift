import ArgumentParser
import Foundation
import IntakeCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaires and locale files; report every problem as file:line:column.",
        discussion: """
        With no PATH, checks the bundled questionnaires, locales and service directories, and the service \
        directory the organisation config names. A PATH may be a .yaml questionnaire, a .yaml service directory \
        (a file with a top-level 'services:' list; docs/directory-format.md), a .po locale file, or a folder of them. \
        A directory entry not checked within a year is a warning. \
        Exit status: 0 without errors, 1 with errors, 2 for a usage error.
        """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "Questionnaire (.yaml) or locale (.po) files, or folders.")
    var paths: [String] = []

    @Flag(name: .customLong("quiet"), help: "Print only the count line.")
    var quiet = false

    @OptionGroup var organisationOptions: OrganisationOptions

    func run() throws {
        var files: [URL] = []
        var directoryFiles: [String] = []
        if paths.isEmpty {
            let loc = try data.locate()
            files = loc.questionnaireFiles() + loc.localeFiles()
            let config = try organisationOptions.load(data: loc).config
            let bundled = DataLocation.files(in: loc.questionnaires.deletingLastPathComponent().appendingPathComponent("directories"),
                                             ext: ["yaml", "yml"]).map(\.path)
            directoryFiles = ServiceDirectories.paths(config: config, location: loc)
            directoryFiles += bundled.filter { !directoryFiles.contains($0) }
        } else {
            for p in paths {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                    printError("intake validate: no such file or folder: \(p)")
                    throw Failure(code: 2)
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
        var report = Validation.run(files: files)
        let today = ServiceDirectories.today()
        for p in directoryFiles {
            report.filesChecked += 1
            report.diagnostics += ServiceDirectories.check(p, today: today).1
        }
        if !quiet {
            for d in report.diagnostics { print(d.description) }
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        print("\(report.filesChecked) file\(report.filesChecked == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Validation of a set of files: questionnaires first, then locale files
/// against the strings those questionnaires define.
enum Validation {
    struct Report {
        var diagnostics: [Diagnostic] = []
        var filesChecked = 0
        var questionnaires: [Questionnaire] = []
    }

    static func run(files: [URL]) -> Report {
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
        let template = TranslationTemplate.entries(questionnaires: sources)
        report.filesChecked += poFiles.count
        for diags in parallelMap(poFiles, { LocaleValidation.check($0, template: template, terms: terms).1 }) {
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

/// `transform` applied to every element, spread over the machine's cores,
/// with the results in the original order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let slots = ResultSlots(base: base)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            (slots.base + i).pointee = transform(items[i])
        }
    }
    return results.map { $0! }
}

/// The result buffer of `parallelMap`: each iteration writes only its own
/// slot, so sharing it between threads is safe.
private struct ResultSlots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R?>
}
