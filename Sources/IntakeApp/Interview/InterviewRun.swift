import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// `intake run`: the screening interview in the terminal, with its session
/// store, exports and sealed copies.
public struct InterviewRun {
    public var location: DataLocation
    /// Questionnaire id to preselect (default: the full screening, else the first one).
    public var questionnaireID: String?
    /// The interviewee's language.
    public var language: String?
    public var advocateLanguage: String?
    public var mode: InterviewMode
    /// Benchmarks: end after the first frame, or once everything loaded.
    public var exitAfter: ExitPoint?
    /// An unfinished session's id (or a unique prefix) to resume.
    public var resume: String?
    public var exportDirectory: String?
    public var screener: String?
    public var exportPlaintext: Bool
    /// The organisation config file named on the command line, if any.
    public var organisationConfig: String?
    public var storeDirectory: URL

    public init(location: DataLocation, questionnaireID: String?, language: String?, advocateLanguage: String?,
                mode: InterviewMode, exitAfter: ExitPoint?, resume: String?, exportDirectory: String?,
                screener: String?, exportPlaintext: Bool, organisationConfig: String?, storeDirectory: URL) {
        self.location = location
        self.questionnaireID = questionnaireID
        self.language = language
        self.advocateLanguage = advocateLanguage
        self.mode = mode
        self.exitAfter = exitAfter
        self.resume = resume
        self.exportDirectory = exportDirectory
        self.screener = screener
        self.exportPlaintext = exportPlaintext
        self.organisationConfig = organisationConfig
        self.storeDirectory = storeDirectory
    }

    /// Where the benchmark flags end a run: right after the first screen is
    /// drawn, or once every file has also loaded and been checked.
    public enum ExitPoint: Sendable { case firstFrame, ready }

    public func run() throws {
        let loc = location
        // A run that records nothing (--ephemeral, --preview) writes
        // nothing either, not even compiled translations.
        let cache = CompiledCache.standard().map { mode.records ? $0 : $0.readingOnly() }
        let loaded = try InterviewData.load(loc, requestedLanguages: [language, advocateLanguage].compactMap { $0 }, cache: cache)
        var questionnaires = loaded.questionnaires
        if let id = questionnaireID, !questionnaires.contains(where: { $0.id == id }) {
            _ = try loc.questionnaire(id: id)  // reports what is available
        }
        // The default questionnaire: the full screening when present.
        let preselected = questionnaireID ?? (questionnaires.contains { $0.id == "trafficking-screening" } ? "trafficking-screening" : nil)

        let organisation = try Organisation.load(path: organisationConfig, data: loc)
        // The passphrase is asked for here, before curses takes the terminal.
        let store: SessionStore? = (mode.records && exitAfter == nil) ? try StoreAccess.open(storeDirectory, create: true) : nil
        defer { try? store?.close() }

        var resumable: [ResumableSession] = []
        if let store {
            // Unfinished sessions are rebuilt on the loaded questionnaires,
            // so with a store they load before the first screen.
            questionnaires = try InterviewData.waitOutsideTerminal(loaded.ready)
            resumable = Self.resumable(in: store, questionnaires: questionnaires)
        }

        var model = InterviewModel(mode: mode, questionnaires: questionnaires, languages: loaded.languages, resumable: resumable,
                                   questionnaireID: preselected, intervieweeLanguage: language, advocateLanguage: advocateLanguage,
                                   now: Date())
        // The service directories are for the summary, not the start screen:
        // they load on a loading lane while it is drawn (before it when a
        // resumed session may need them at once), and a broken one ends the
        // program with its errors as a broken questionnaire does.
        let directories = Pending(on: LoadingLanes.lane(loaded.languages.count)) { [config = organisation.config] in
            ServiceDirectories.loaded(config: config, location: loc)
        }
        if resume != nil {
            switch directories.wait() {
            case .success(let d): model.serviceDirectories = d
            case .failure(let f): throw InterviewData.failure(f)
            }
        }
        model.organisation = (organisation.config.name, organisation.config.setting)
        model.screener = screener ?? organisation.config.screener
        var first: [InterviewEffect] = []
        if let resume {
            let matches = resumable.indices.filter { resumable[$0].id.hasPrefix(resume.lowercased()) }
            guard matches.count == 1, resume.count >= 4 else {
                printError(matches.isEmpty ? "intake: no unfinished session \(Sanitize.singleLine(resume))"
                                           : "intake: '\(Sanitize.singleLine(resume))' matches several sessions; give more of the id")
                throw Failure.failed
            }
            first = InterviewApp().resume(&model, at: matches[0])
        }

        // Plaintext never lands in the store folder unless asked for: exports
        // go only where --export-dir or the organisation config says.
        let exportFolder = (exportDirectory ?? organisation.config.exportDirectory).map { URL(fileURLWithPath: $0) }
        let sealedFolder = organisation.config.sealedDirectory.map { URL(fileURLWithPath: $0) }
            ?? storeDirectory.appendingPathComponent("sealed")
        if organisation.config.serverURL != nil { model.outboxWaiting = Outbox(folder: sealedFolder).waitingCount() }
        let handler = InterviewEffectHandler(
            store: store, exportFolder: exportFolder, organisationKey: organisation.key,
            sealExports: !(exportPlaintext || organisation.config.plaintextExports), sealedFolder: sealedFolder)
        handler.recordedBy = (organisation.config.name, organisation.config.setting, model.screener)
        let ready: InterviewData.Ready = { () throws(LoadFailure) -> [Questionnaire] in
            let questionnaires = try loaded.ready()
            _ = try directories.wait().get()
            return questionnaires
        }
        try Self.runTerminal(model, first: first, handler: handler, ready: ready, exitAfter: exitAfter,
                             directories: { try? directories.wait().get() })
        // The benchmark flags end here: what the run allocated is the
        // process's to drop, and freeing it (the catalogs, up to 6 M
        // instructions) would only be timed, never used.
        if exitAfter != nil { exit(0) }
        if let unsaved = handler.unsaved {
            // Never "saved" when it is not: say what is lost, and fail.
            printError("intake: \(unsaved)")
            throw Failure.failed
        }
        if let id = handler.session, handler.completed == false, mode.records {
            printError("The interview is saved. Resume it with: intake run --resume \(id.string.prefix(8))")
        }
    }

    /// The store's unfinished sessions that can be resumed on the loaded
    /// questionnaires, the most recently changed first.
    static func resumable(in store: SessionStore, questionnaires: [Questionnaire]) -> [ResumableSession] {
        var resumable: [ResumableSession] = []
        for info in (try? store.list()) ?? [] where info.status == .unfinished {
            guard let (header, events) = try? InterviewCodec.load(store, session: info.id),
                  let q = questionnaires.first(where: { $0.id == header.questionnaireID }) else { continue }
            let r = InterviewCodec.resume(header: header, events: events, questionnaire: q)
            let notice = r.change.map { ResumeNotice(oldVersion: $0.oldVersion, newVersion: $0.newVersion, carriedOver: $0.carriedOver, dropped: $0.dropped) }
            resumable.append(ResumableSession(id: info.id.string, interview: r.interview, started: info.createdAt,
                                              lastChange: info.updatedAt, change: notice))
        }
        return resumable.sorted { $0.lastChange > $1.lastChange }
    }

    /// Runs the interview app on the terminal until it quits. The first
    /// screen is drawn before `ready` is waited for (it may show
    /// placeholder questionnaires, replaced then by the loaded ones, before
    /// any key is read); a broken file then ends the program with its
    /// errors, after the terminal is restored.
    static func runTerminal(_ start: InterviewModel, first: [InterviewEffect], handler: InterviewEffectHandler,
                            ready: InterviewData.Ready, exitAfter: ExitPoint? = nil, tickInterval: TimeInterval = 0.25,
                            directories: () -> [ServiceDirectory]? = { nil }) throws {
        let app = InterviewApp()
        var model = start
        model.reordersRightToLeft = ProcessEnvironment.value("INTAKE_BIDI") != "terminal"
        // The first screen's languages are parsed before it is drawn, so the
        // view finds them ready (it never waits).
        for translator in [model.intervieweeTranslator, model.advocateTranslator] {
            if let c = translator as? DeferredCatalog { _ = c.wait() }
        }
        do {
            try Terminal.run(minimumSize: Frame.minimumSize) { terminal in
                model.size = terminal.size
                terminal.draw(app.view(model, size: terminal.size))
                if exitAfter == .firstFrame { return }
                let loaded = try ready()
                if exitAfter == .ready { return }
                if let d = directories() { model.serviceDirectories = d }
                let control = RunControl<InterviewReport>()
                for e in app.update(&model, .report(.loaded(LoadedQuestionnaires(loaded)))) + first { handler.handle(e, control) }
                app.run(model, on: terminal, tickInterval: tickInterval, handler: handler.handle)
            }
        } catch let e as TerminalError {
            printError("intake: \(e.description)")
            throw Failure.failed
        } catch let f as LoadFailure {
            throw InterviewData.failure(f)
        }
    }
}
