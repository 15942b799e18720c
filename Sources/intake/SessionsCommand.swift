import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore
import IntakeStore
import IntakeTUI

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export, delete, purge, replay and submit saved sessions.",
        discussion: "Sessions are encrypted at rest; every command asks for the store passphrase (or reads INTAKE_PASSPHRASE_FILE).",
        subcommands: [List.self, Show.self, Export.self, Delete.self, Purge.self, Replay.self, Submit.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List sessions, unfinished first.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open(create: false, readingOnly: true)
            let sessions = try store.list().sorted { ($0.status != .unfinished ? 1 : 0, $1.updatedAt) < ($1.status != .unfinished ? 1 : 0, $0.updatedAt) }
            if sessions.isEmpty { print("No saved sessions."); return }
            print("ID        STATUS      QUESTIONNAIRE                  STARTED           LAST CHANGE       EVENTS")
            for s in sessions {
                let q = Sanitize.singleLine("\(s.questionnaireID) \(s.questionnaireVersion)")
                print(String(s.id.string.prefix(8)) + "  " + s.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                      + q.padding(toLength: 29, withPad: " ", startingAt: 0) + "  " + DateText.minutes(s.createdAt) + "  "
                      + DateText.minutes(s.updatedAt) + "  " + String(s.eventCount))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a session's answers, remarks and progress.")
        @OptionGroup var session: SessionArgument

        func run() throws {
            let (store, sid, loaded) = try session.load(readingOnly: true)
            let iv = loaded.interview
            let tr = try loaded.translator()
            var lines: [String] = []
            let info = try store.info(session: sid)
            lines.append("Session \(sid.string) (\(info?.status.rawValue ?? "?"))")
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
            try SensitiveOutput.show(lines.joined(separator: "\n") + "\n", title: "Session \(sid.string.prefix(8))")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export a session: its summary (text, markdown, json, html) or its whole record (events).",
            discussion: "Files are written owner-only (0600), and 'sessions delete' removes them. With --sealed-to, the whole record of a finished session is sealed to an organization's X25519 public key (base64); only the private key's holder can open it, in any format (intake open).")
        @OptionGroup var session: SessionArgument
        @Option(name: .customLong("format"), help: "text, markdown, json, html, events or fhir (default: json).") var format: RecordFormat?
        @Option(name: .customLong("output"), help: "File to write.") var output: String
        @Option(name: .customLong("sealed-to"), help: "Base64 X25519 public key to seal the whole record to.") var sealedTo: String?
        @OptionGroup var organisationOptions: OrganisationOptions

        func validate() throws {
            if sealedTo != nil, let format {
                throw ValidationError("--sealed-to seals the whole record, not a summary in one format; leave out --format '\(format.rawValue)' and choose the format when opening it: intake open FILE --key KEY --format \(format.rawValue)")
            }
        }

        func run() throws {
            let (store, sid) = try session.open()
            let url = URL(fileURLWithPath: output)
            let format = self.format ?? .json
            do {
                if let key = sealedTo {
                    let pub = try SealedExport.publicKey(base64: key)
                    guard try store.info(session: sid)?.status == .finished else {
                        printError("intake: session \(sid.string.prefix(8)) is not finished; only a finished interview is sealed for the organisation (resume it with: intake run --resume \(sid.string.prefix(8)))")
                        throw Failure(code: 1)
                    }
                    try SecureFile.write(try store.sealedExport(session: sid, to: pub), to: url)
                } else if format == .events {
                    try SecureFile.write(try store.export(session: sid).encoded(), to: url)
                } else if format == .fhir {
                    let loaded = try SessionLoader.load(store: store, id: sid, location: try session.data.locate())
                    let finished = try store.info(session: sid)?.status == .finished
                    try SecureFile.write(Data(loaded.interview.fhirResponse(finished: finished).utf8), to: url)
                } else if let fmt = format.summary {
                    let loaded = try SessionLoader.load(store: store, id: sid, location: try session.data.locate())
                    let tr = try loaded.translator()
                    let loc = try session.data.locate()
                    let config = try organisationOptions.load(data: loc).config
                    let directories = try ServiceDirectories.load(config: config, location: loc)
                    let text = SummaryBuilder.build(loaded.interview, context: config.summaryContext(for: loaded.header), in: tr)
                        .withServices(from: directories, languagesAnswer: Summary.languagesAnswer(loaded.interview.answers))
                        .rendered(fmt, in: tr)
                    try SecureFile.write(Data(text.utf8), to: url)
                }
                try store.recordWrittenFiles(session: sid, [url])
            } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure(code: 1)
            }
            print("Wrote \(Sanitize.singleLine(output)) (readable by you only; 'sessions delete' removes it).")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a session and wipe its data from the database file.")
        @OptionGroup var session: SessionArgument

        func run() throws {
            let (store, sid) = try session.open()
            let ok = try SessionsCommand.removeFiles(of: sid, in: store)
            try store.delete(session: sid)
            print("Deleted session \(sid.string).")
            if !ok { throw Failure(code: 1) }
        }
    }

    /// Removes the files written for a session (exports, sealed copies) and
    /// says what became of them; false if some could not be removed.
    static func removeFiles(of sid: SessionID, in store: SessionStore) throws -> Bool {
        let r: SessionStore.RemovedFiles
        do { r = try store.removeWrittenFiles(session: sid) } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure(code: 1)
        }
        for p in r.removed { print("Removed \(Sanitize.singleLine(p))") }
        for p in r.missing { print("Already gone: \(Sanitize.singleLine(p))") }
        for k in r.kept { printError("intake: could not remove \(Sanitize.singleLine(k.path)) (\(k.reason)); remove it by hand") }
        return r.kept.isEmpty
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "purge", abstract: "Delete sessions not changed for a while, e.g. --older-than 30d.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .customLong("older-than"), help: "Age: a number with d (days), h (hours) or w (weeks), e.g. 30d.")
        var olderThan: String

        func validate() throws {
            guard Self.seconds(olderThan) != nil else { throw ValidationError("--older-than takes a number and a unit, like 30d, 12h or 2w") }
        }

        static func seconds(_ text: String) -> TimeInterval? {
            guard let unit = text.last, let n = Double(text.dropLast()), n >= 0 else { return nil }
            switch unit {
            case "h": return n * 3600
            case "d": return n * 86400
            case "w": return n * 7 * 86400
            default: return nil
            }
        }

        func run() throws {
            let store = try storeOptions.open(create: false)
            var ok = true
            for sid in try store.sessions(olderThan: Self.seconds(olderThan)!) {
                ok = try SessionsCommand.removeFiles(of: sid, in: store) && ok
            }
            let removed = try store.purge(olderThan: Self.seconds(olderThan)!)
            print("Removed \(removed.count) session\(removed.count == 1 ? "" : "s").")
            if !ok { throw Failure(code: 1) }
        }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "replay", abstract: "Step through a session's events in order, with their times, for supervision and teaching.")
        @OptionGroup var session: SessionArgument

        func run() throws {
            let (_, sid, loaded) = try session.load()
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
                throw Failure(code: 1)
            }
        }
    }
}

/// The store, the data folders and a session id, as every per-session command takes them.
struct SessionArgument: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "Session id (or a unique prefix of it).") var id: String

    func open(readingOnly: Bool = false) throws -> (SessionStore, SessionID) {
        let store = try storeOptions.open(create: false, readingOnly: readingOnly)
        return (store, try SessionLoader.sessionID(id, in: store))
    }

    func load(readingOnly: Bool = false) throws -> (SessionStore, SessionID, SessionLoader) {
        let (store, sid) = try open(readingOnly: readingOnly)
        return (store, sid, try SessionLoader.load(store: store, id: sid, location: try data.locate()))
    }
}
