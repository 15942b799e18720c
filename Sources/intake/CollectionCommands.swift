import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore

/// `--server`, `--token-file` and `--ca-file`, as `sessions submit` and
/// `org pull` take them.
struct ServerConnectionOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: "The collection server (https://..., or http:// to this computer only).")
    var server: String?
    @Option(name: .customLong("token-file"), help: "A file (mode 600) holding the token.")
    var tokenFile: String?
    @Option(name: .customLong("ca-file"), help: "PEM certificates to trust for the server (a self-signed certificate).")
    var caFile: String?
}

/// `intake server ...`: the collection service and its admin commands,
/// in the `intake-server` program beside this one.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "The organisation's collection service and its tokens (runs intake-server).",
        discussion: """
        intake server serve --config server.yaml        run the service
        intake server token create --role device --name laptop-3
        intake server token create --role supervisor --name supervisor-1
        intake server token list | revoke ID
        See 'intake server --help' for all of it.
        """)
    @Argument(parsing: .captureForPassthrough, help: "What intake-server is given.") var arguments: [String] = []

    func run() throws { try HelperProgram.server.exec(arguments) }
}

extension SessionsCommand {
    /// `intake sessions submit`
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Send the sealed sessions waiting in the outbox to the organisation's server.",
            discussion: """
            The outbox is sealed_dir of the organisation config (else the store's sealed/ folder); the server is its \
            server_url, the token the file named by device_token_file (or $INTAKE_DEVICE_TOKEN). A session is \
            confirmed when the server returns the SHA-256 of exactly the bytes sent; it is then marked as sent \
            (NAME.sealed.sent), or deleted with --delete-after-confirm. While the server cannot be reached, each \
            is tried again with growing waits; what is still waiting is sent next time. Exit status: 0 all sent, \
            75 some still waiting, 1 some refused.
            """)
        @OptionGroup var organisationOptions: OrganisationOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var connection: ServerConnectionOptions
        @Flag(name: .customLong("delete-after-confirm"), help: "Delete each local sealed copy once the server confirmed it.")
        var deleteAfterConfirm = false
        @Option(name: .customLong("attempts"), help: "Tries per session while the server cannot be reached.")
        var attempts = 6

        func run() throws {
            try HelperProgram.sync.exec(try SubmitRun.arguments(
                organisation: try organisationOptions.load(), storeDirectory: storeOptions.directory,
                server: connection.server, tokenFile: connection.tokenFile, deleteAfterConfirm: deleteAfterConfirm,
                attempts: attempts, caFile: connection.caFile))
        }
    }
}

/// `intake org ...`: the supervisor's side of collection.
struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "The organisation's side: pull sealed sessions from the server.",
        subcommands: [Pull.self])

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Download the sealed sessions a folder does not have yet (needs a supervisor token).",
            discussion: "Each file is named by its SHA-256 and checked against it; files already there are not downloaded again. The token is read from --token-file (mode 600) or $INTAKE_SUPERVISOR_TOKEN.")
        @OptionGroup var connection: ServerConnectionOptions
        @Argument(help: "The folder to download into (made 0700 if missing).") var folder: String

        func validate() throws {
            if connection.server == nil { throw ValidationError("give the server with --server URL") }
        }

        func run() throws {
            var args = ["pull", "--server", connection.server!]
            if let f = connection.tokenFile { args += ["--token-file", f] }
            if let c = connection.caFile { args += ["--ca-file", c] }
            try HelperProgram.sync.exec(args + [folder])
        }
    }
}

extension ReportRun.Format: ExpressibleByArgument {}

/// `intake report`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Aggregate figures over a folder of sealed sessions, small counts suppressed (CSV or Markdown).",
        discussion: """
        Counts finished sessions by month begun, result, domain, kind of work, age band and referral. Counts \
        from 1 to 4 are shown as <5; where a table's rows add up to its total and only one is <5, the next \
        smallest is hidden too (*), so no count can be worked out by subtraction. Nothing decrypted is written.
        """)
    @Argument(help: "The folder of sealed sessions (e.g. from 'intake org pull').") var folder: String
    @Option(name: .customLong("key"), help: "The organisation's private key file.") var key: String
    @Option(name: .customLong("format"), help: "csv or markdown.") var format: ReportRun.Format = .markdown
    @Option(name: .customLong("output"), help: "Write to this file instead of standard output.") var output: String?
    @Flag(name: .customLong("skip-unreadable"), help: "Make the report even if some files cannot be opened (they are named).")
    var skipUnreadable = false
    @OptionGroup var data: DataOptions

    func run() throws {
        try ReportRun.run(folder: folder, keyFile: key, format: format, output: output, skipUnreadable: skipUnreadable,
                          location: try data.locate())
    }
}
