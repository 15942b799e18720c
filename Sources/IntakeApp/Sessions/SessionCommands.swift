import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `intake sessions` does: list, show, export, delete, purge and
/// replay the sessions of the store. Each command of the command line is
/// one call here.
public enum SessionCommands {
    /// A session of the store, named by its id or a unique prefix of it,
    /// and where its questionnaire is found.
    public struct Target {
        public var storeDirectory: URL
        public var id: String
        /// Finds the data folders; asked only once the session is read.
        public var locate: () throws -> DataLocation

        public init(storeDirectory: URL, id: String, locate: @escaping () throws -> DataLocation) {
            self.storeDirectory = storeDirectory
            self.id = id
            self.locate = locate
        }

        func open(readingOnly: Bool = false) throws -> (SessionStore, SessionID) {
            let store = try StoreAccess.open(storeDirectory, create: false, readingOnly: readingOnly)
            return (store, try SessionLoader.sessionID(id, in: store))
        }

        func load(readingOnly: Bool = false) throws -> (SessionStore, SessionID, SessionLoader) {
            let (store, sid) = try open(readingOnly: readingOnly)
            return (store, sid, try SessionLoader.load(store: store, id: sid, location: try locate()))
        }
    }

    // MARK: - list

    /// `sessions list`: the sessions, unfinished first, the most recently changed first.
    public static func list(storeDirectory: URL) throws {
        let store = try StoreAccess.open(storeDirectory, create: false, readingOnly: true)
        for line in try listing(store) { print(line) }
    }

    /// The lines `sessions list` prints.
    static func listing(_ store: SessionStore) throws -> [String] {
        let sessions = try store.list().sorted { ($0.status != .unfinished ? 1 : 0, $1.updatedAt) < ($1.status != .unfinished ? 1 : 0, $0.updatedAt) }
        if sessions.isEmpty { return ["No saved sessions."] }
        var lines = ["ID        STATUS      QUESTIONNAIRE                  STARTED           LAST CHANGE       EVENTS"]
        for s in sessions {
            let q = Sanitize.singleLine("\(s.questionnaireID) \(s.questionnaireVersion)")
            lines.append(String(s.id.string.prefix(8)) + "  " + s.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                         + q.padding(toLength: 29, withPad: " ", startingAt: 0) + "  " + DateText.minutes(s.createdAt) + "  "
                         + DateText.minutes(s.updatedAt) + "  " + String(s.eventCount))
        }
        return lines
    }

    // MARK: - show

    /// `sessions show`: a session's answers, remarks and progress, in a
    /// view cleared on exit (see `SensitiveOutput`).
    public static func show(_ target: Target) throws {
        let (store, sid, loaded) = try target.load(readingOnly: true)
        let status = try store.info(session: sid)?.status
        try SensitiveOutput.show(try showing(loaded, id: sid, status: status), title: "Session \(sid.string.prefix(8))")
    }

    /// The text `sessions show` shows.
    static func showing(_ loaded: SessionLoader, id sid: SessionID, status: SessionStatus?) throws -> String {
        let iv = loaded.interview
        let tr = try loaded.translator()
        var lines: [String] = []
        lines.append("Session \(sid.string) (\(status?.rawValue ?? "?"))")
        lines.append("Questionnaire: \(iv.questionnaire.id) \(iv.questionnaire.version); languages \(iv.intervieweeLanguage) / \(iv.advocateLanguage)")
        let p = iv.progress()
        lines.append("Answered \(p.answered) of \(p.relevant) questions that apply.")
        if let c = loaded.change { lines.append(SessionLoader.describe(c)) }
        lines.append("")
        for q in iv.questionnaire.questions where q.takesAnswer {
            let answer = iv.answers[q.id]
            // A remark on a question not (yet) answered is shown too.
            guard answer != nil || iv.remarks[q.id] != nil else { continue }
            let mark = iv.relevance.isRelevant(q.id) ? "" : " (no longer applies)"
            lines.append("\(q.id)\(mark): \(answer.map { Sanitize.singleLine(tr.answer($0, of: q)) } ?? "(not answered)")")
            if let r = iv.remarks[q.id] { lines.append("    remark: \(Sanitize.singleLine(r))") }
        }
        if !iv.interviewRemark.isEmpty { lines.append(""); lines.append("Remark: \(Sanitize.singleLine(iv.interviewRemark))") }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - export

    /// `sessions export`: the summary in one format, the record (`events`),
    /// the answers as FHIR, or (`sealedTo`, a base64 X25519 public key) the
    /// whole record of a finished session sealed to the organisation.
    /// Written owner-only, and noted for `sessions delete`.
    public static func export(_ target: Target, format: RecordFormat, output: String, sealedTo: String?,
                              organisationConfig: String?) throws {
        let (store, sid) = try target.open()
        let url = URL(fileURLWithPath: output)
        do {
            if let key = sealedTo {
                let pub = try SealedExport.publicKey(base64: key)
                guard try store.info(session: sid)?.status == .finished else {
                    printError("intake: session \(sid.string.prefix(8)) is not finished; only a finished interview is sealed for the organisation (resume it with: intake run --resume \(sid.string.prefix(8)))")
                    throw Failure.failed
                }
                try SecureFile.write(try store.sealedExport(session: sid, to: pub), to: url)
            } else if format == .events {
                try SecureFile.write(try store.export(session: sid).encoded(), to: url)
            } else if format == .fhir {
                let loaded = try SessionLoader.load(store: store, id: sid, location: try target.locate())
                let finished = try store.info(session: sid)?.status == .finished
                try SecureFile.write(Data(loaded.interview.fhirResponse(finished: finished).utf8), to: url)
            } else if let fmt = format.summary {
                let loaded = try SessionLoader.load(store: store, id: sid, location: try target.locate())
                let tr = try loaded.translator()
                let loc = try target.locate()
                let config = try Organisation.load(path: organisationConfig, data: loc).config
                let directories = try ServiceDirectories.load(config: config, location: loc)
                let text = SummaryBuilder.build(loaded.interview, context: config.summaryContext(for: loaded.header), in: tr)
                    .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(loaded.interview.answers))
                    .rendered(fmt, in: tr)
                try SecureFile.write(Data(text.utf8), to: url)
            }
            try store.recordWrittenFiles(session: sid, [url])
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
        }
        print("Wrote \(Sanitize.singleLine(output)) (readable by you only; 'sessions delete' removes it).")
    }

    // MARK: - delete, purge

    /// `sessions delete`: the session, and the files written for it.
    public static func delete(_ target: Target) throws {
        let (store, sid) = try target.open()
        let ok = try removeFiles(of: sid, in: store)
        try store.delete(session: sid)
        print("Deleted session \(sid.string).")
        if !ok { throw Failure.failed }
    }

    /// `sessions purge`: every session not changed for `seconds`, and the
    /// files written for them.
    public static func purge(storeDirectory: URL, olderThan seconds: TimeInterval) throws {
        let store = try StoreAccess.open(storeDirectory, create: false)
        var ok = true
        for sid in try store.sessions(olderThan: seconds) {
            ok = try removeFiles(of: sid, in: store) && ok
        }
        let removed = try store.purge(olderThan: seconds)
        print("Removed \(removed.count) session\(removed.count == 1 ? "" : "s").")
        if !ok { throw Failure.failed }
    }

    /// An age as `--older-than` takes it: a number and d (days), h (hours)
    /// or w (weeks), e.g. 30d; nil if it is not one.
    public static func age(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let n = Double(text.dropLast()), n >= 0 else { return nil }
        switch unit {
        case "h": return n * 3600
        case "d": return n * 86400
        case "w": return n * 7 * 86400
        default: return nil
        }
    }

    /// Removes the files written for a session (exports, sealed copies) and
    /// says what became of them; false if some could not be removed.
    static func removeFiles(of sid: SessionID, in store: SessionStore) throws -> Bool {
        let r: SessionStore.RemovedFiles
        do { r = try store.removeWrittenFiles(session: sid) } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
        }
        for p in r.removed { print("Removed \(Sanitize.singleLine(p))") }
        for p in r.missing { print("Already gone: \(Sanitize.singleLine(p))") }
        for k in r.kept { printError("intake: could not remove \(Sanitize.singleLine(k.path)) (\(k.reason)); remove it by hand") }
        return r.kept.isEmpty
    }

    // MARK: - replay

    /// `sessions replay`: the session's events in order, with their times;
    /// stepped through on a terminal, printed otherwise.
    public static func replay(_ target: Target) throws {
        let (_, sid, loaded) = try target.load()
        let tr = try loaded.translator()
        let q = loaded.interview.questionnaire
        let lines = EventNarration.lines(loaded.events, questionnaire: q, tr: tr)
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            print(lines.joined(separator: "\n"))
            return
        }
        let steps = EventNarration.steps(loaded.events, questionnaire: q, tr: tr)
        do { try ReplayApp.show(title: "Replay \(sid.string.prefix(8))", steps: steps) } catch {
            printError("intake: cannot open the terminal (\(error)); redirect the output to a file to read it")
            throw Failure.failed
        }
    }
}
