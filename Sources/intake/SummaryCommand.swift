import ArgumentParser
import Foundation
import Glibc
import IntakeCore
import IntakeStore
import IntakeTUI

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the referral summary for an answer file, a folder of them, or a saved session.",
        discussion: """
        The answer-file format is described in docs/answer-file-format.md. With a folder, every .yaml \
        file in it is summarised into --output (a folder; default: alongside each file is never used, \
        so --output is required), and the count and rate are printed.
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("answers"), help: "An answer file, or a folder of answer files.")
    var answers: String?

    @Option(name: .customLong("questionnaire"), help: "Questionnaire id (default: named in the answer file, else trafficking-screening).")
    var questionnaireID: String?

    @Option(name: .customLong("language"), help: "The advocate's language for the summary (default: the questionnaire's).")
    var language: String?

    @Option(name: .customLong("format"), help: "text, markdown, json or html.")
    var format: String = "text"

    @Option(name: .customLong("output"), help: "Write to this file (or folder, for a folder of answers) instead of standard output.")
    var output: String?

    @Flag(name: .customLong("ascii"), help: "Text format: ASCII characters only.")
    var ascii = false

    @Argument(help: "A saved session id, or a unique prefix of it (instead of --answers).")
    var session: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var organisationOptions: OrganisationOptions

    func validate() throws {
        guard SummaryFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use text, markdown, json or html")
        }
        if answers == nil && session == nil { throw ValidationError("give --answers FILE or a session id") }
        if answers != nil && session != nil { throw ValidationError("give either --answers or a session id, not both") }
    }

    func run() throws {
        let fmt = SummaryFormat(rawValue: format)!
        let loc = try data.locate()
        let config = try organisationOptions.load(data: loc).config
        let directories = try ServiceDirectories.load(config: config, location: loc)
        guard let answers else {
            try summariseSession(session!, format: fmt, directories: directories, config: config)
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: answers, isDirectory: &isDir) else {
            printError("intake summary: no such file or folder: \(answers)")
            throw Failure(code: 2)
        }
        let catalogs = CatalogCache(locales: loc.locales)
        if isDir.boolValue {
            try runBatch(folder: URL(fileURLWithPath: answers), format: fmt, location: loc, catalogs: catalogs, directories: directories,
                         context: config.summaryContext)
            return
        }
        let text = try summarise(URL(fileURLWithPath: answers), format: fmt, location: loc, catalogs: catalogs, cache: nil,
                                 directories: directories, context: config.summaryContext)
        if let output {
            try OutputFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }

    /// Summarises a saved session: to a 0600 file, to a pipe, or on a
    /// terminal in a view that leaves nothing in the scrollback.
    func summariseSession(_ id: String, format: SummaryFormat, directories: [ServiceDirectory], config: OrganisationConfig) throws {
        let store = try storeOptions.open(create: false)
        let sid = try SessionsCommand.sessionID(id, in: store)
        let loaded = try SessionLoader.load(store: store, id: sid, data: data)
        let tr = try loaded.translator(language)
        let text = SummaryBuilder.build(loaded.interview, context: config.summaryContext(for: loaded.header), in: tr)
            .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(loaded.interview.answers))
            .rendered(format, in: tr, ascii: ascii)
        if let output {
            do { try SecureFile.write(Data(text.utf8), to: URL(fileURLWithPath: output)) } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure(code: 1)
            }
        } else {
            try SensitiveOutput.show(text, title: "Summary \(sid.string.prefix(8))")
        }
    }

    /// Summarises one answer file.
    func summarise(_ url: URL, format: SummaryFormat, location: DataLocation, catalogs: CatalogCache,
                   cache: QuestionnaireCache?, directories: [ServiceDirectory], context: SummaryContext) throws -> String {
        let bytes = try QuestionnaireFiles.read(url)
        let path = QuestionnaireFiles.displayPath(url)
        let qid = questionnaireID ?? AnswerFile.peekQuestionnaireID(bytes: bytes, path: path) ?? "trafficking-screening"
        let q = try cache?.get(qid, location) ?? location.questionnaire(id: qid)
        let file: AnswerFile
        switch AnswerFile.load(bytes: bytes, path: path, questionnaire: q) {
        case .failure(let e):
            for d in e.diagnostics { printError(d.description) }
            throw Failure(code: 1)
        case .success(let f): file = f
        }
        for d in file.notes { printError(d.description) }
        let interviewee = file.language ?? q.language
        let tr = try catalogs.translator(language ?? q.language, source: q.language)
        let score = Scorer.score(q, answers: file.answers, language: interviewee)
        var remarks = file.remarks
        let overall = remarks.removeValue(forKey: AnswerFile.interviewRemarkKey) ?? ""
        let endedBy = q.questions.first { question in
            guard let c = question.endIf, let a = file.answers[question.id], score.relevance.isRelevant(question.id) else { return false }
            let ctx = AnswerContext(answers: score.relevance.effectiveAnswers(file.answers), questionnaire: q,
                                    language: interviewee, currentAnswer: a)
            return ConditionEvaluator.evaluate(c, in: ctx) == .yes
        }?.id
        let summary = SummaryBuilder.build(questionnaire: q, score: score, answers: file.answers, remarks: remarks,
                                           interviewRemark: overall, intervieweeLanguage: interviewee,
                                           endedBy: endedBy, context: context, in: tr)
            .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(file.answers))
        return summary.rendered(format, in: tr, ascii: ascii)
    }

    func runBatch(folder: URL, format: SummaryFormat, location: DataLocation, catalogs: CatalogCache,
                  directories: [ServiceDirectory], context: SummaryContext) throws {
        guard let output else {
            printError("intake summary: --answers with a folder needs --output FOLDER for the summaries")
            throw Failure(code: 2)
        }
        let outDir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let files = DataLocation.files(in: folder, ext: ["yaml", "yml"])
        let cache = QuestionnaireCache()
        let start = Date()
        var done = 0, failed = 0
        for f in files {
            do {
                let text = try summarise(f, format: format, location: location, catalogs: catalogs, cache: cache,
                                         directories: directories, context: context)
                let name = f.deletingPathExtension().lastPathComponent + "." + format.fileExtension
                try OutputFile.write(text, to: outDir.appendingPathComponent(name))
                done += 1
            } catch {
                failed += 1
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        printError(String(format: "summarised %d file%@ in %.2f s (%.0f files/s), %d failed", done, done == 1 ? "" : "s", seconds, rate, failed))
        if failed > 0 { throw Failure(code: 1) }
    }
}

/// Questionnaires loaded once per batch.
final class QuestionnaireCache {
    private var loaded: [String: Questionnaire] = [:]
    func get(_ id: String, _ loc: DataLocation) throws -> Questionnaire {
        if let q = loaded[id] { return q }
        let q = try loc.questionnaire(id: id)
        loaded[id] = q
        return q
    }
}

/// Translations by language, loaded once. The source language needs no file.
final class CatalogCache {
    let locales: URL
    private var loaded: [String: any Translating] = [:]
    init(locales: URL) { self.locales = locales }

    /// The languages there are translations for, from the file names.
    var availableLanguages: [String] {
        DataLocation.files(in: locales, ext: ["po"]).map(LocaleFiles.language(of:))
    }

    func translator(_ language: String, source: String = "en") throws -> any Translating {
        if let t = loaded[language] { return t }
        if language == source {
            loaded[language] = SourceLanguage(language: language)
            return loaded[language]!
        }
        let url = locales.appendingPathComponent("\(language).po")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = ([source] + availableLanguages).joined(separator: ", ")
            printError("intake: no translation for '\(Sanitize.singleLine(language))' (available: \(known))")
            throw Failure(code: 2)
        }
        let (file, diags) = LocaleFiles.parse(url)
        guard let file else {
            for d in diags { printError(d.description) }
            throw Failure(code: 1)
        }
        let catalog = Catalog(file, language: language)
        loaded[language] = catalog
        return catalog
    }
}

/// Files the program writes: created owner-only (0600), written whole.
enum OutputFile {
    static func write(_ text: String, to url: URL) throws {
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            printError("intake: cannot write \(path): \(String(cString: strerror(errno)))")
            throw Failure(code: 1)
        }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                printError("intake: cannot write \(path): \(String(cString: strerror(errno)))")
                throw Failure(code: 1)
            }
            written += n
        }
        if fsync(fd) != 0 {
            printError("intake: cannot save \(path): \(String(cString: strerror(errno)))")
            throw Failure(code: 1)
        }
    }
}
