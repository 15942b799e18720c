import ArgumentParser
import Crypto
import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// `intake run` (also plain `intake`): the screening interview in the terminal.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the screening interview in the terminal.",
        discussion: """
        Every answer is saved, encrypted, as it is given; an unfinished interview can be resumed from the \
        start screen or with --resume. With --ephemeral nothing is written to disk (no store is opened); \
        --preview walks every screen for a translator and records nothing. Summaries exported from the \
        summary screen go to --export-dir (or export_dir in the organisation config), readable by you only; \
        with an organisation key they are one file sealed to it, and every finished session is also sealed \
        to it in sealed_dir (default: the store folder's sealed/).
        """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("questionnaire"), help: "Questionnaire id to preselect (default: the first one).")
    var questionnaireID: String?

    @Option(name: .customLong("language"), help: "The interviewee's language (default: the questionnaire's).")
    var language: String?

    @Option(name: .customLong("advocate-language"), help: "The advocate's language (default: the questionnaire's).")
    var advocateLanguage: String?

    @Flag(name: .customLong("ephemeral"), help: "Write nothing to disk: no session store is opened.")
    var ephemeral = false

    @Flag(name: .customLong("preview"), help: "Translator preview: walk every screen, record nothing.")
    var preview = false

    @Flag(name: .customLong("first-frame-only"), help: "Draw the first screen and exit at once (for benchmarks; opens no store).")
    var firstFrameOnly = false

    @Flag(name: .customLong("ready-only"), help: "Draw the first screen, wait until every questionnaire and translation is loaded and checked, and exit (for benchmarks; opens no store).")
    var readyOnly = false

    @Option(name: .customLong("resume"), help: "Resume the unfinished session with this id (or a unique prefix).")
    var resume: String?

    @Option(name: .customLong("export-dir"), help: "Folder for exported summaries (default: export_dir in the organisation config; without either, exporting asks for one).")
    var exportDir: String?

    @Option(name: .customLong("screener"), help: "The screener's id on summaries (an id your organisation chooses, never a name; default: screener in the organisation config).")
    var screener: String?

    @Flag(name: .customLong("export-plaintext"), help: "With an organisation key: export the summary as .txt, .md and .json instead of one sealed file.")
    var exportPlaintext = false

    @OptionGroup var organisationOptions: OrganisationOptions

    func validate() throws {
        if ephemeral && preview { throw ValidationError("give --ephemeral or --preview, not both") }
        if firstFrameOnly && readyOnly { throw ValidationError("give --first-frame-only or --ready-only, not both") }
        if resume != nil && (ephemeral || preview) { throw ValidationError("--resume needs the session store; it cannot go with --ephemeral or --preview") }
    }

    func run() throws {
        let loc = try data.locate()
        let loaded = try Self.load(loc, requestedLanguages: [language, advocateLanguage].compactMap { $0 })
        var questionnaires = loaded.questionnaires
        if let id = questionnaireID, !questionnaires.contains(where: { $0.id == id }) {
            _ = try loc.questionnaire(id: id)  // reports what is available
        }
        // The default questionnaire: the full screening when present.
        let preselected = questionnaireID ?? (questionnaires.contains { $0.id == "trafficking-screening" } ? "trafficking-screening" : nil)

        let mode: InterviewMode = preview ? .preview : (ephemeral ? .ephemeral : .interview)
        let organisation = try organisationOptions.load(data: loc)
        // The passphrase is asked for here, before curses takes the terminal.
        let exitAfter: ExitPoint? = firstFrameOnly ? .firstFrame : (readyOnly ? .ready : nil)
        let store: SessionStore? = (mode.records && exitAfter == nil) ? try storeOptions.open(create: true) : nil
        defer { try? store?.close() }

        var resumable: [ResumableSession] = []
        if let store {
            // Unfinished sessions are rebuilt on the loaded questionnaires,
            // so with a store they load before the first screen.
            questionnaires = try Self.waitOutsideTerminal(loaded.ready)
            for info in (try? store.list()) ?? [] where info.status == .unfinished {
                guard let (header, events) = try? InterviewCodec.load(store, session: info.id),
                      let q = questionnaires.first(where: { $0.id == header.questionnaireID }) else { continue }
                let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
                let notice = r.change.map { ResumeNotice(oldVersion: $0.oldVersion, newVersion: $0.newVersion, carriedOver: $0.carriedOver, dropped: $0.dropped) }
                resumable.append(ResumableSession(id: info.id.string, interview: r.interview, started: info.createdAt,
                                                  lastChange: info.updatedAt, change: notice))
            }
            resumable.sort { $0.lastChange > $1.lastChange }
        }

        var model = InterviewModel(mode: mode, questionnaires: questionnaires, languages: loaded.languages, resumable: resumable,
                                   questionnaireID: preselected, intervieweeLanguage: language, advocateLanguage: advocateLanguage)
        model.serviceDirectories = try ServiceDirectories.load(config: organisation.config, location: loc)
        model.organisation = (organisation.config.name, organisation.config.setting)
        model.screener = screener ?? organisation.config.screener
        let app = InterviewApp()
        var first: [InterviewEffect] = []
        if let resume {
            let matches = resumable.indices.filter { resumable[$0].id.hasPrefix(resume.lowercased()) }
            guard matches.count == 1, resume.count >= 4 else {
                printError(matches.isEmpty ? "intake: no unfinished session \(Sanitize.singleLine(resume))"
                                           : "intake: '\(Sanitize.singleLine(resume))' matches several sessions; give more of the id")
                throw Failure(code: 1)
            }
            first = app.resume(&model, at: matches[0])
        }

        // Plaintext never lands in the store folder unless asked for: exports
        // go only where --export-dir or the organisation config says.
        let exportFolder = (exportDir ?? organisation.config.exportDirectory).map { URL(fileURLWithPath: $0) }
        let sealedFolder = organisation.config.sealedDirectory.map { URL(fileURLWithPath: $0) }
            ?? storeOptions.directory.appendingPathComponent("sealed")
        let handler = InterviewEffectHandler(
            store: store, exportFolder: exportFolder, organisationKey: organisation.key,
            sealExports: !(exportPlaintext || organisation.config.plaintextExports), sealedFolder: sealedFolder)
        handler.recordedBy = (organisation.config.name, organisation.config.setting, model.screener)
        try Self.runTerminal(model, first: first, handler: handler, ready: loaded.ready, exitAfter: exitAfter)
        if let unsaved = handler.unsaved {
            // Never "saved" when it is not: say what is lost, and fail.
            printError("intake: \(unsaved)")
            throw Failure(code: 1)
        }
        if let id = handler.session, handler.completed == false, mode.records {
            printError("The interview is saved. Resume it with: intake run --resume \(id.string.prefix(8))")
        }
    }
}

extension RunCommand {
    /// What `load` gives: questionnaires (loaded, or placeholders from
    /// their headers while they load), every language, and `ready`.
    struct Loaded {
        var questionnaires: [Questionnaire]
        var languages: [LanguageOption]
        /// Waits until every questionnaire and translation is loaded;
        /// the loaded questionnaires, or the first broken file's errors.
        var ready: Ready
    }

    /// Waits for the questionnaires and translations still loading; throws the first broken file's errors.
    typealias Ready = () throws(LoadFailure) -> [Questionnaire]

    /// Where the benchmark flags end a run: right after the first screen is
    /// drawn, or once every file has also loaded and been checked.
    enum ExitPoint { case firstFrame, ready }

    /// Every questionnaire and language in the data folder; `requested`
    /// languages must be among them. The first screen needs of a
    /// questionnaire only its title and language, and of a translation
    /// whether it is a draft: those are read from the files' headers. The
    /// translations parse on worker threads (see `LoadingLanes`) from now
    /// on; the questionnaires load when `ready` is first called, after the
    /// screen is drawn. When a questionnaire's header cannot be read without
    /// parsing the YAML, they load before drawing.
    static func load(_ loc: DataLocation, requestedLanguages requested: [String]) throws -> Loaded {
        let localeFiles = loc.localeFiles()
        let localeTags = localeFiles.map(LocaleFiles.language(of:))
        var translations: [DeferredCatalog] = []
        for (i, (url, tag)) in zip(localeFiles, localeTags).enumerated() {
            switch DeferredCatalog.open(url, language: tag, lane: i) {
            case .success(let c): translations.append(c)
            case .failure(let f): throw Self.failure(f)
            }
        }
        let files = loc.questionnaireFiles()
        guard !files.isEmpty else {
            printError("intake: no questionnaires in \(loc.questionnaires.path)")
            throw Failure(code: 2)
        }
        let sources = try files.map { (bytes: try QuestionnaireFiles.read($0), path: QuestionnaireFiles.displayPath($0)) }
        // Loaded by the first call of `ready`, on the thread that draws, once
        // the first screen is up; the translations parse beside it.
        let loading = Once { parallelMap(sources) { QuestionnaireLoader.load(bytes: $0.bytes, path: $0.path) } }
        let ready: Ready = { () throws(LoadFailure) -> [Questionnaire] in
            var out: [Questionnaire] = []
            for outcome in loading.value {
                guard let q = outcome.questionnaire else { throw LoadFailure(diagnostics: outcome.diagnostics) }
                out.append(q)
            }
            for c in translations { if case .failure(let f) = c.wait() { throw f } }
            return out
        }
        let headers = sources.compactMap { QuestionnaireHeader.scan($0.bytes) }
        let questionnaires = headers.count == sources.count
            ? zip(headers, sources).map { Questionnaire.placeholder($0, path: $1.path) }
            : try waitOutsideTerminal(ready)
        var languages: [LanguageOption] = []
        for source in Set(questionnaires.map(\.language)).sorted() where !localeTags.contains(source) {
            languages.append(LanguageOption(translator: SourceLanguage(language: source)))
        }
        languages += translations.map { LanguageOption(translator: $0) }
        for tag in requested where !languages.contains(where: { $0.tag == tag }) {
            printError("intake: no translation '\(Sanitize.singleLine(tag))' (available: \(languages.map(\.tag).joined(separator: ", ")))")
            throw Failure(code: 2)
        }
        return Loaded(questionnaires: questionnaires, languages: languages, ready: ready)
    }

    /// `ready`, before the terminal is taken: errors printed, exit 1.
    static func waitOutsideTerminal(_ ready: Ready) throws -> [Questionnaire] {
        do {
            return try ready()
        } catch {
            throw failure(error)
        }
    }

    private static func failure(_ f: LoadFailure) -> Failure {
        for d in f.diagnostics { printError(d.description) }
        return Failure(code: 1)
    }

    /// Runs the interview app on the terminal until it quits. The first
    /// screen is drawn before `ready` is waited for (it may show
    /// placeholder questionnaires, replaced then by the loaded ones, before
    /// any key is read); a broken file then ends the program with its
    /// errors, after the terminal is restored.
    static func runTerminal(_ start: InterviewModel, first: [InterviewEffect], handler: InterviewEffectHandler, ready: Ready,
                            exitAfter: ExitPoint? = nil, tickInterval: TimeInterval = 0.25) throws {
        let app = InterviewApp()
        var model = start
        model.reordersRightToLeft = ProcessInfo.processInfo.environment["INTAKE_BIDI"] != "terminal"
        do {
            try Terminal.run(minimumSize: Frame.minimumSize) { terminal in
                model.size = terminal.size
                terminal.draw(app.view(model, size: terminal.size))
                if exitAfter == .firstFrame { return }
                model.questionnaires = try ready()
                if exitAfter == .ready { return }
                let control = RunControl()
                for e in first { handler.handle(e, control) }
                let runner = Runner(app: app, model: model, terminal: terminal, tickInterval: tickInterval, handler: handler.handle)
                runner.run()
            }
        } catch let e as TerminalError {
            printError("intake: \(e.description)")
            throw Failure(code: 1)
        } catch let f as LoadFailure {
            throw failure(f)
        }
    }
}

/// Carries out the interview app's effects: the session store, exports,
/// sealing for the organisation, quitting.
final class InterviewEffectHandler {
    let store: SessionStore?
    /// Where the summary screen's exports go; nil: none was chosen, and the
    /// export is refused with a message saying how to choose one.
    let exportFolder: URL?
    /// The organisation's public key: finished sessions are sealed to it.
    let organisationKey: Curve25519.KeyAgreement.PublicKey?
    /// Exports are one sealed file (the whole record) instead of plaintext.
    let sealExports: Bool
    /// Where finished sessions are sealed automatically.
    let sealedFolder: URL?
    /// The organisation, setting and screener written into a new session's
    /// header, so that its summary names them wherever it is opened.
    var recordedBy: (organisation: String?, setting: String?, screener: String?) = (nil, nil, nil)
    private(set) var session: SessionID?
    private(set) var completed = false
    private var recorder: SessionRecorder?
    /// A new session's header and events, while the session could not be created yet.
    private var waiting: (questionnaireID: String, version: String, hash: String, header: Data)?
    private var early: [(Data, Date)] = []
    /// Without a store (ephemeral): the record kept in memory only, for a sealed export.
    private var memory: (info: (questionnaireID: String, version: String, hash: String, header: Data), events: [(Data, Date)])?

    /// Why the last save failed, while one is failing.
    private var failure: String?

    /// What is not saved, as a sentence for the terminal after quitting;
    /// nil when everything recorded is on disk.
    var unsaved: String? {
        let pending = (recorder?.pendingCount ?? 0) + early.count
        guard waiting != nil || pending > 0 else { return nil }
        let reason = failure ?? "unknown error"
        if waiting != nil {
            return "not saved (\(reason)): nothing of this interview could be written to the store."
        }
        let changes = pending == 1 ? "the last change" : "the last \(pending) changes"
        let id = session.map { " Resume the rest with: intake run --resume \($0.string.prefix(8))" } ?? ""
        return "not saved (\(reason)): \(changes) to this interview (answers, remarks or typed text) could not be written and are lost.\(id)"
    }

    init(store: SessionStore?, exportFolder: URL?, organisationKey: Curve25519.KeyAgreement.PublicKey? = nil,
         sealExports: Bool = false, sealedFolder: URL? = nil) {
        self.store = store
        self.exportFolder = exportFolder
        self.organisationKey = organisationKey
        self.sealExports = sealExports && organisationKey != nil
        self.sealedFolder = sealedFolder
    }

    /// Folders this program makes for exports and sealed copies: private.
    static func makeFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// The interview's record as a sealed export would carry it.
    private func record() throws -> SessionExport {
        if let store, let session { return try store.export(session: session) }
        guard let memory else { throw StoreError.sealedExport("nothing was recorded yet") }
        let times = memory.events.map(\.1)
        return SessionExport(
            id: SessionID(), createdAt: times.first ?? Date(), updatedAt: times.last ?? Date(),
            status: completed ? .finished : .unfinished, questionnaireID: memory.info.questionnaireID,
            questionnaireVersion: memory.info.version, questionnaireHash: memory.info.hash, header: memory.info.header,
            events: memory.events.enumerated().map { SessionExport.Event(seq: $0.offset + 1, at: $0.element.1, payload: $0.element.0) })
    }

    /// Seals the finished session to the organisation's key into the
    /// sealed folder (again after later remarks, replacing the file).
    private func sealForOrganisation(_ control: RunControl) {
        guard let key = organisationKey, let folder = sealedFolder, let store, let session else { return }
        do {
            try Self.makeFolder(folder)
            let url = folder.appendingPathComponent("session-\(session.string.prefix(8)).sealed")
            try SecureFile.write(try SealedExport.seal(try store.export(session: session).encoded(), to: key), to: url)
            try store.recordWrittenFiles(session: session, [url])
        } catch {
            control.send(.report(.exportFailed("the copy sealed for the organisation was not written (\(error))")))
        }
    }

    private func export(_ files: [ExportFile], _ control: RunControl) {
        guard let folder = exportFolder else {
            control.send(.report(.exportFailed("no folder was chosen for exports; start intake with --export-dir FOLDER, or set export_dir in the organisation config")))
            return
        }
        var written: [URL] = []
        do {
            try Self.makeFolder(folder)
            if sealExports, let key = organisationKey {
                let stem = (files.first?.name ?? "summary").split(separator: ".").first.map(String.init) ?? "summary"
                let url = folder.appendingPathComponent(stem + ".sealed")
                try SecureFile.write(try SealedExport.seal(try record().encoded(), to: key), to: url)
                written.append(url)
            } else {
                for f in files {
                    let url = folder.appendingPathComponent(f.name)
                    try SecureFile.write(Data(f.contents.utf8), to: url)
                    written.append(url)
                }
            }
        } catch {
            if let store, let session { try? store.recordWrittenFiles(session: session, written) }
            control.send(.report(.exportFailed(String(describing: error))))
            return
        }
        if let store, let session {
            do { try store.recordWrittenFiles(session: session, written) } catch {
                control.send(.report(.exportFailed("the files were written but the store could not list them for deletion (\(error))")))
                return
            }
        }
        control.send(.report(.exported(folder: folder.path, files: written.map(\.lastPathComponent))))
    }

    func handle(_ effect: InterviewEffect, _ control: RunControl) {
        switch effect {
        case .begin(let qid, let version, let hash, let a, let b):
            var header = InterviewHeader(questionnaireID: qid, questionnaireVersion: version, questionnaireHash: hash,
                                         intervieweeLanguage: a, advocateLanguage: b)
            (header.organisation, header.setting, header.screener) = (recordedBy.organisation, recordedBy.setting, recordedBy.screener)
            guard store != nil else {
                if organisationKey != nil { memory = ((qid, version, hash, InterviewCodec.encode(header)), []) }
                return
            }
            waiting = (qid, version, hash, InterviewCodec.encode(header))
            flush(control)
        case .resume(let id):
            guard let store, let sid = SessionID(id) else { return }
            session = sid
            recorder = SessionRecorder(sink: store, session: sid)
        case .record(let event):
            guard store != nil else {
                memory?.events.append((InterviewCodec.encode(event), Date()))
                return
            }
            let payload = InterviewCodec.encode(event)
            if let recorder {
                report(recorder.record(payload), control)
            } else {
                early.append((payload, Date()))
                flush(control)
            }
        case .retrySave:
            flush(control)
        case .hide:
            if store != nil { flush(control) }
        case .completed:
            completed = true
            if let store, let session {
                recorder?.retry()
                do {
                    try store.setStatus(session: session, .finished)
                    sealForOrganisation(control)
                } catch {
                    control.send(.report(.saveFailed(String(describing: error))))
                }
            }
        case .discardSession:
            // Ended at consent: nothing of this interview is kept.
            if let store, let session { try? store.delete(session: session) }
            session = nil
            recorder = nil
            waiting = nil
            early = []
            memory = nil
            completed = true
        case .export(let files):
            export(files, control)
        case .quit:
            // A last try; what still fails is reported by `unsaved`.
            flush(control)
            // Remarks added on the summary screen reach the sealed copy too.
            if completed { sealForOrganisation(control) }
            control.stop()
        }
    }

    /// Creates the session if still needed, then saves whatever is pending.
    private func flush(_ control: RunControl) {
        guard let store else { return }
        if recorder == nil, let w = waiting {
            do {
                let id = try store.createSession(questionnaireID: w.questionnaireID, version: w.version, hash: w.hash, header: w.header)
                session = id
                recorder = SessionRecorder(sink: store, session: id)
                waiting = nil
                control.send(.report(.sessionStarted(id.string)))
            } catch {
                let reason = (error as? StoreError)?.saveFailureReason ?? String(describing: error)
                failure = reason
                control.send(.report(.saveFailed(reason)))
                return
            }
        }
        guard let recorder else { return }
        var ok = true
        for (payload, at) in early { ok = recorder.record(payload, at: at) && ok }
        early = []
        report(recorder.retry() && ok, control)
    }

    private func report(_ ok: Bool, _ control: RunControl) {
        guard let recorder else { return }
        if ok && recorder.pendingCount == 0 {
            failure = nil
            control.send(.report(.saved))
        } else {
            let reason = recorder.lastStoreError?.saveFailureReason ?? "unknown error"
            failure = reason
            control.send(.report(.saveFailed(reason)))
        }
    }
}
