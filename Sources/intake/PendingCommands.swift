import ArgumentParser

/// Commands whose issue has not landed yet say so plainly.
struct LocalesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "locales", abstract: "Create, update, check and preview translations.")
    func run() throws {
        printError("intake locales: the translator tools are not available in this build yet.")
        throw Failure(code: 2)
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Trainer mode: step through a fictional persona's interview.")
    func run() throws {
        printError("intake demo: trainer mode is not available in this build yet.")
        throw Failure(code: 2)
    }
}
