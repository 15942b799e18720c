import ArgumentParser

/// Commands whose issue has not landed yet say so plainly.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the screening interview in the terminal.")
    func run() throws {
        printError("intake run: the terminal interview is not available in this build yet.")
        throw Failure(code: 2)
    }
}

