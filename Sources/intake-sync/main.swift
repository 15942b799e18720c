import ArgumentParser
import Foundation
import IntakeSync

/// `intake-sync`: the HTTP side of `intake sessions submit` and `intake org
/// pull`, which exec it so that the interview binary never links NIO.
/// Argument parsing only; the work is in IntakeSync.
@main
struct IntakeSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake-sync",
        abstract: "Send sealed sessions to the collection server, or pull them from it.",
        subcommands: [Submit.self, Pull.self])
}

struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: "The collection server (https://..., or http:// to loopback only).") var server: String
    @Option(name: .customLong("token-file"), help: "A file (mode 600) holding the token.") var tokenFile: String?
    @Option(name: .customLong("ca-file"), help: "PEM certificates to trust for the server (a self-signed certificate).") var caFile: String?
}

struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Send every sealed session waiting in the outbox.")
    @OptionGroup var server: ServerOptions
    @Option(name: .customLong("outbox"), help: "The folder of sealed sessions.") var outbox: String
    @Flag(name: .customLong("delete-after-confirm"), help: "Delete each local sealed copy once the server confirmed its digest.") var delete = false
    @Option(name: .customLong("attempts"), help: "Tries per session while the server cannot be reached.") var attempts = 6

    func run() async throws {
        let code = await SyncCommands.submit(server: server.server, tokenFile: server.tokenFile, outbox: outbox,
                                             deleteAfterConfirm: delete, attempts: attempts, caFile: server.caFile)
        if code != 0 { throw ExitCode(code) }
    }
}

struct Pull: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pull", abstract: "Download the sealed sessions this folder does not have yet.")
    @OptionGroup var server: ServerOptions
    @Argument(help: "The folder to download into (made 0700 if missing).") var folder: String

    func run() async throws {
        let code = await SyncCommands.pull(server: server.server, tokenFile: server.tokenFile, folder: folder, caFile: server.caFile)
        if code != 0 { throw ExitCode(code) }
    }
}
