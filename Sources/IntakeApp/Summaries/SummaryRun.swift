import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// `intake summary`: the referral summary of an answer file, a folder of
/// them, or a saved session.
public struct SummaryRun {
    public var location: DataLocation
    /// An answer file or a folder of them; nil: `session`.
    public var answers: String?
    /// A saved session's id or a unique prefix of it.
    public var session: String?
    public var questionnaireID: String?
    /// The advocate's language for the summary.
    public var language: String?
    public var format: SummaryFormat
    /// A file, or a folder for a folder of answers; nil: standard output.
    public var output: String?
    public var ascii: Bool
    public var organisationConfig: String?
    public var storeDirectory: URL

    public init(location: DataLocation, answers: String?, session: String?, questionnaireID: String?, language: String?,
                format: SummaryFormat, output: String?, ascii: Bool, organisationConfig: String?, storeDirectory: URL) {
        self.location = location
        self.answers = answers
        self.session = session
        self.questionnaireID = questionnaireID
        self.language = language
        self.format = format
        self.output = output
        self.ascii = ascii
        self.organisationConfig = organisationConfig
        self.storeDirectory = storeDirectory
    }

    public func run() throws {
        let fmt = format
        let loc = location
        let config = try Organisation.load(path: organisationConfig, data: loc).config
        let directories = try ServiceDirectories.load(config: config, location: loc)
        guard let answers else {
            try summariseSession(session ?? "", format: fmt, directories: directories, config: config)
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: answers, isDirectory: &isDir) else {
            printError("intake summary: no such file or folder: \(answers)")
            throw Failure.usage
        }
        // Read compiled translations and questionnaires, never write them:
        // a summary compiles only its own language, and a cache holding just
        // that language's file would tell which language a summary was
        // printed in (an interview compiles every language and questionnaire).
        let catalogs = CatalogCache(locales: loc.locales, compiled: CompiledCache.standard()?.readingOnly())
        if isDir.boolValue {
            try runBatch(folder: URL(fileURLWithPath: answers), format: fmt, location: loc, catalogs: catalogs,
                         services: ServiceIndex(directories),
                         context: config.summaryContext)
            return
        }
        let url = URL(fileURLWithPath: answers)
        let text = try String(decoding: summarise(path: url.path, shown: QuestionnaireFiles.displayPath(url), format: fmt,
                                                  location: loc, catalogs: catalogs, cache: nil, services: ServiceIndex(directories),
                                                  context: config.summaryContext),
                          as: UTF8.self)
        if let output {
            try OutputFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }

    /// Summarises a saved session: to a 0600 file, to a pipe, or on a
    /// terminal in a view that leaves nothing in the scrollback.
    func summariseSession(_ id: String, format: SummaryFormat, directories: [ServiceDirectory], config: OrganisationConfig) throws {
        let store = try StoreAccess.open(storeDirectory, create: false)
        let sid = try SessionLoader.sessionID(id, in: store)
        let loaded = try SessionLoader.load(store: store, id: sid, location: location)
        let tr = try loaded.translator(language)
        let text = SummaryBuilder.build(loaded.interview, context: config.summaryContext(for: loaded.header), in: tr)
            .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(loaded.interview.answers))
            .rendered(format, in: tr, ascii: ascii)
        if let output {
            do { try SecureFile.write(Data(text.utf8), to: URL(fileURLWithPath: output)) } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure.failed
            }
        } else {
            try SensitiveOutput.show(text, title: "Summary \(sid.string.prefix(8))")
        }
    }

    /// Summarises one answer file; the file's errors and notes go to `report`.
    /// - Parameters: path: the file to open; shown: its path in messages.
    func summarise(path opened: String, shown path: String, format: SummaryFormat, location: DataLocation, catalogs: CatalogCache,
                   cache: QuestionnaireCache?, services: ServiceIndex, context: SummaryContext,
                   report: (String) -> Void = printError) throws -> [UInt8] {
        let bytes = try QuestionnaireFiles.read(path: opened, shown: path)
        let parsed = AnswerFile.parse(bytes: bytes, path: path)
        let qid = questionnaireID ?? AnswerFile.peekQuestionnaireID(parsed) ?? "trafficking-screening"
        // A batch compiles each questionnaire's conditions once (`ScoringProgram`).
        let program = try cache?.program(qid, location)
        let q = try program?.questionnaire ?? location.questionnaire(id: qid, compiled: catalogs.compiled)
        let file: AnswerFile
        switch AnswerFile.load(parsed, path: path, questionnaire: q) {
        case .failure(let e):
            for d in e.diagnostics { report(d.description) }
            throw Failure.failed
        case .success(let f): file = f
        }
        for d in file.notes { report(d.description) }
        let interviewee = file.language ?? q.language
        let tr = try catalogs.translator(language ?? q.language, source: q.language)
        let score = program.map { Scorer.score($0, file: file, language: interviewee) }
            ?? Scorer.score(q, answers: file.answers, language: interviewee)
        var remarks = file.remarks
        let overall = remarks.removeValue(forKey: AnswerFile.interviewRemarkKey) ?? ""
        let endedBy = program.map { $0.endedBy(score, answers: file.answers, language: interviewee) }
            ?? Scorer.endedBy(q, score: score, answers: file.answers, language: interviewee)
        let summary = SummaryBuilder.build(questionnaire: q, score: score, answers: file.answers, remarks: remarks,
                                           interviewRemark: overall, intervieweeLanguage: interviewee,
                                           endedBy: endedBy, context: context, in: tr, texts: cache?.texts(q, in: tr))
            .withServices(from: services, languagesAnswer: Summary.languagesAnswer(file.answer(Summary.languagesQuestion)))
        return summary.renderedUTF8(format, in: tr, ascii: ascii)
    }

    /// Threads for a batch: one a core. No thread waits for the disk now
    /// that a group is flushed at once; 16 threads on 2 cores were no
    /// faster into a fresh folder on disk (farm-bench, 7 pairs: 1.03x) and
    /// slower to tmpfs (0.89x wall with one a core).
    static var batchThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// How many summaries are written before they are flushed together: a
    /// kill leaves at most twice this many hidden temporary files (a group
    /// being committed, the next being written), and a failed flush fails
    /// at most this many summaries.
    static let flushGroup = 256

    /// Whether a file of a batch was summarised, and what to print for it.
    typealias Outcome = (ok: Bool, messages: [String])

    /// A file of a batch, summarised: its temporary file (nil if it failed)
    /// and the path it is to have.
    struct Written: Sendable {
        var temporary: String?
        var to: String
        var messages: [String]
    }

    /// Flushes a group's temporary files to disk at once and renames each
    /// to its name; a file whose flush or rename failed is removed.
    static func commit(_ group: [Written], in outDir: URL) -> [Outcome] {
        var written = group
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(written.count)
        var flushFailure: [String] = []
        let flushed = (try? OutputFile.syncFileSystem(of: outDir) { flushFailure.append($0) }) != nil
        for i in written.indices {
            guard let temporary = written[i].temporary else {
                outcomes.append((false, written[i].messages))
                continue
            }
            guard flushed else {
                // The group's files failed together; the reason is said once.
                unlink(temporary)
                outcomes.append((false, written[i].messages + flushFailure))
                flushFailure = []
                continue
            }
            do {
                try OutputFile.commit(temporary, toPath: written[i].to) { written[i].messages.append($0) }
                outcomes.append((true, written[i].messages))
            } catch {
                outcomes.append((false, written[i].messages))
            }
        }
        return outcomes
    }

    func runBatch(folder: URL, format: SummaryFormat, location: DataLocation, catalogs: CatalogCache,
                  services: ServiceIndex, context: SummaryContext) throws {
        guard let output else {
            printError("intake summary: --answers with a folder needs --output FOLDER for the summaries")
            throw Failure.usage
        }
        let outDir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let files = DataLocation.names(in: folder, ext: ["yaml", "yml"])
        let paths = QuestionnaireFiles.FolderPaths(folder)
        // The output folder's path, without a trailing slash ("/" gives "").
        let outFolder = outDir.path.hasSuffix("/") ? String(outDir.path.dropLast()) : outDir.path
        // Compiled questionnaires are read, never written, like translations.
        let cache = QuestionnaireCache(compiled: catalogs.compiled)
        let start = Date()
        var outcomes: [Outcome] = []
        // Files are read, summarised and written under temporary names on
        // several threads, a group at a time; each file's errors and notes
        // are kept and printed afterwards in the files' order, as one thread
        // would print them. A group is flushed to disk at once (one
        // `syncfs` instead of an `fsync` a file, which cost a third of the
        // batch's time on a disk: bench/README.md, "Issue 19, round 5:
        // batch writes"), and only then are its files renamed to their names.
        // The flush and the renames of one group run beside the summaries of
        // the next: done in between, the cores waited for the disk's flush
        // (0.88x the wall time of 10,000 files into a folder on disk; the
        // same to tmpfs: bench/README.md, "Issue 19, round 7").
        // Each thread has caches of its own, holding copies of the batch's
        // questionnaires and translations (loaded once, by `cache` and
        // `catalogs`). Shared, every retain and release of their arrays and
        // strings moved a reference count's cache line between the cores:
        // 21% of the batch's time was in swift_retain on 2 threads, 8% on
        // one. With copies: 8.6%, and 0.86x the CPU (bench/README.md, "Issue
        // 19, round 8"). The services stay shared: copying the directories
        // too saved under 1%.
        let threads = Self.batchThreads
        let lanes = [(cache, catalogs)]
            + (1..<max(1, threads)).map { _ in (QuestionnaireCache(copying: cache), CatalogCache(copying: catalogs)) }
        var committing: Pending<[Outcome]>?
        for first in stride(from: 0, to: files.count, by: Self.flushGroup) {
            let group = Array(files[first..<min(first + Self.flushGroup, files.count)])
            let written = concurrentMap(group, threads: threads) { thread, f -> Written in
                let (cache, catalogs) = lanes[thread]
                var messages: [String] = []
                // The name ends in ".yaml" or ".yml" (`names(in:ext:)`).
                let name = f[..<f.lastIndex(of: ".")!] + "." + format.fileExtension
                let to = outFolder + "/" + name
                do {
                    let bytes = try summarise(path: paths.path(f), shown: paths.shown(f), format: format, location: location, catalogs: catalogs, cache: cache,
                                             services: services, context: context) { messages.append($0) }
                    let temporary = try OutputFile.writeTemporary(bytes, folder: outFolder, name: String(name), flush: false) {
                        messages.append($0)
                    }
                    return Written(temporary: temporary, to: to, messages: messages)
                } catch {
                    return Written(temporary: nil, to: to, messages: messages)
                }
            }
            // The group before is committed by now (its outcomes come first),
            // so at most two groups' temporary files exist at once.
            if let c = committing { outcomes += c.wait() }
            committing = Pending(on: Lane()) { Self.commit(written, in: outDir) }
        }
        if let c = committing { outcomes += c.wait() }
        for o in outcomes { o.messages.forEach(printError) }
        // Each file was flushed before its rename; the renames are on disk
        // once the folder is, and only then is the count said. A kill
        // before this point leaves complete files or none under their
        // names, and hidden temporary ones beside them.
        try OutputFile.syncFolder(outDir)
        let done = outcomes.filter(\.ok).count, failed = outcomes.count - done
        let seconds = Date().timeIntervalSince(start)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        printError(String(format: "summarised %d file%@ in %.2f s (%.0f files/s), %d failed", done, done == 1 ? "" : "s", seconds, rate, failed))
        if failed > 0 { throw Failure.failed }
    }
}
