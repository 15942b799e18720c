import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore
import IntakeStore

@main
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "A trauma-informed screening interview for human trafficking, in the terminal.",
        discussion: """
        Without a subcommand, intake runs the interview (the same as 'intake run').
        A screen is not a legal determination: it records indicators that the person reported, to offer help.
        """,
        version: IntakeVersion.string,
        subcommands: [RunCommand.self, ValidateCommand.self, SummaryCommand.self, SessionsCommand.self,
                      LocalesCommand.self, DemoCommand.self, KeysCommand.self, OpenCommand.self, StoreCommand.self,
                      ExportFHIRCommand.self, ServerCommand.self, OrgCommand.self, ReportCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Parses and runs; usage errors exit 2, as documented.
    static func main() {
        // Before anything is decrypted: no core dumps, SIGXFSZ a write error.
        ProcessHygiene.apply()
        do {
            // The interview's plain arguments skip ArgumentParser (see RunFastPath).
            if let values = RunFastPath.parse(CommandLine.arguments.dropFirst()) {
                try values.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // A failure IntakeApp already reported ends with its exit code.
            let error = (error as? Failure).map { ExitCode($0.code) } ?? error
            let code = exitCode(for: error)
            // The message may quote an argument (a file name): printed
            // through the sanitizing rule, as exit(withError:) would print it.
            let message = fullMessage(for: error)
            if code == .validationFailure {
                printError(message)
                Foundation.exit(2)
            }
            if !message.isEmpty {
                if code == .success { print(Sanitize.multiLine(message)) } else { printError(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

enum IntakeVersion {
    static let string = "0.1.0"
}
