import ArgumentParser
import Foundation
import IntakeServer
import Logging

/// `intake-server` (also run as `intake server`): the collection service
/// and its admin commands. Argument parsing only; the work is in IntakeServer.
@main
struct IntakeServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake server",
        abstract: "The organisation's collection service: stores sealed sessions it cannot read.",
        discussion: "Settings come from --config (or INTAKE_SERVER_CONFIG) and environment variables; see README.",
        subcommands: [Serve.self, Token.self, Migrate.self],
        defaultSubcommand: Serve.self
    )
}

struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The server config file (YAML); default: $INTAKE_SERVER_CONFIG.")
    var config: String?

    func load() throws -> ServerConfig {
        let env = ProcessInfo.processInfo.environment
        let path = config ?? env["INTAKE_SERVER_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        var text: String?
        if let path {
            guard let t = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("cannot read the server config \(path)")
            }
            text = t
        }
        do { return try ServerConfig.load(fileText: text, environment: env) } catch let e as ServerConfig.Problem {
            throw ValidationError(e.description)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the service (migrating the schema first).")
    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await CollectionServer.run(config: try options.load(), logger: CollectionServer.logger())
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Bring the database schema up to date and exit.")
    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await CollectionServer.withDatabase(config: try options.load(), logger: CollectionServer.logger(level: .error)) { _ in }
        print("The schema is up to date.")
    }
}

extension Role: ExpressibleByArgument {}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make, list and revoke device and supervisor tokens.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Make a token; it is printed once and only its SHA-256 is kept.",
            discussion: "A device token may only submit; a supervisor token may only list and download.")
        @Option(name: .customLong("role"), help: "device or supervisor.") var role: Role
        @Option(name: .customLong("name"), help: "A label for the token (e.g. clinic-laptop-3); never a person's name.") var name: String
        @Option(name: .customLong("output"), help: "Write the token to this file (0600) instead of printing it.") var output: String?
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let name = self.name
            let role = self.role
            let token = try await CollectionServer.withDatabase(config: try options.load(), logger: CollectionServer.logger(level: .error)) {
                try await TokenAdmin.create(role: role, name: name, in: $0)
            }
            if let output {
                let fd = open(output, O_WRONLY | O_CREAT | O_EXCL, 0o600)
                guard fd >= 0 else { throw ValidationError("cannot create \(output) (it must not exist yet)") }
                let data = Array((token.text + "\n").utf8)
                let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                guard written == data.count else { throw ValidationError("could not write \(output)") }
                print("Made \(role.rawValue) token \(token.id) (\(name)); wrote it to \(output) (readable by you only). It is not shown again.")
            } else {
                print("Made \(role.rawValue) token \(token.id) (\(name)). Copy it now; it is not shown again:")
                print(token.text)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens: id, role, name, made, revoked.")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let rows = try await CollectionServer.withDatabase(config: try options.load(), logger: CollectionServer.logger(level: .error)) {
                try await $0.tokens().map { ($0.id, $0.role.rawValue, $0.name, $0.createdAt, $0.revokedAt) }
            }
            let f = ISO8601DateFormatter()
            print("ID        ROLE        NAME                  MADE                  REVOKED")
            for r in rows {
                print(r.0 + "  " + r.1.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                      + r.2.padding(toLength: 20, withPad: " ", startingAt: 0) + "  " + f.string(from: r.3) + "  "
                      + (r.4.map { f.string(from: $0) } ?? "-"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id; it is refused from then on.")
        @Argument(help: "The token's id (8 hex digits, as 'token list' shows).") var id: String
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let id = self.id
            let found = try await CollectionServer.withDatabase(config: try options.load(), logger: CollectionServer.logger(level: .error)) {
                try await $0.revokeToken(id: id)
            }
            guard found else {
                FileHandle.standardError.write(Data("intake server: no token with id \(id)\n".utf8))
                throw ExitCode(1)
            }
            print("Revoked token \(id).")
        }
    }
}
