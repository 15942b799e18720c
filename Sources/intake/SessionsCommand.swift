import ArgumentParser
import Foundation
import IntakeApp

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export, delete, purge and replay saved sessions.",
        discussion: "Sessions are encrypted at rest; every command asks for the store passphrase (or reads INTAKE_PASSPHRASE_FILE).",
        subcommands: [List.self, Show.self, Export.self, Delete.self, Purge.self, Replay.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List sessions, unfinished first.")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws { try SessionCommands.list(storeDirectory: storeOptions.directory) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a session's answers, remarks and progress.")
        @OptionGroup var session: SessionArgument

        func run() throws { try SessionCommands.show(session.target) }
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
            try SessionCommands.export(session.target, format: format ?? .json, output: output, sealedTo: sealedTo,
                                       organisationConfig: organisationOptions.orgConfig)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a session and wipe its data from the database file.")
        @OptionGroup var session: SessionArgument

        func run() throws { try SessionCommands.delete(session.target) }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "purge", abstract: "Delete sessions not changed for a while, e.g. --older-than 30d.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .customLong("older-than"), help: "Age: a number with d (days), h (hours) or w (weeks), e.g. 30d.")
        var olderThan: String

        func validate() throws {
            guard SessionCommands.age(olderThan) != nil else { throw ValidationError("--older-than takes a number and a unit, like 30d, 12h or 2w") }
        }

        func run() throws { try SessionCommands.purge(storeDirectory: storeOptions.directory, olderThan: SessionCommands.age(olderThan) ?? 0) }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "replay", abstract: "Step through a session's events in order, with their times, for supervision and teaching.")
        @OptionGroup var session: SessionArgument

        func run() throws { try SessionCommands.replay(session.target) }
    }
}

/// The store, the data folders and a session id, as every per-session command takes them.
struct SessionArgument: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "Session id (or a unique prefix of it).") var id: String

    var target: SessionCommands.Target {
        SessionCommands.Target(storeDirectory: storeOptions.directory, id: id, locate: data.locate)
    }
}
