import ArgumentParser
import Foundation
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
                      LocalesCommand.self, DemoCommand.self, KeysCommand.self, OpenCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Parses and runs; usage errors exit 2, as documented.
    static func main() {
        // Before anything is decrypted: no core dumps, SIGXFSZ a write error.
        ProcessHygiene.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let f as Failure {
            Foundation.exit(f.code)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum IntakeVersion {
    static let string = "0.1.0"
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A failure already reported to the user; exits with `code`.
struct Failure: Error {
    var code: Int32
}
