import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore
import IntakeStore

/// The session store itself (as opposed to the sessions in it).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Manage the encrypted session store.",
        subcommands: [ChangePassphrase.self]
    )

    struct ChangePassphrase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passphrase",
            abstract: "Change the session store's passphrase, re-encrypting every session.",
            discussion: """
            Asks for the current passphrase (or reads INTAKE_PASSPHRASE_FILE), then the new one twice (or reads \
            INTAKE_NEW_PASSPHRASE_FILE, a file of mode 600). The new passphrase needs at least \
            \(PassphraseSource.minimumNewLength) characters. Everything is re-encrypted in one transaction: if the \
            program is stopped at any moment, either the old or the new passphrase opens the store.
            """)
        @OptionGroup var storeOptions: StoreOptions

        /// The environment variable naming a file with the new passphrase.
        static let newFileEnvironmentVariable = "INTAKE_NEW_PASSPHRASE_FILE"
        /// TEST ONLY: milliseconds to pause after each re-encrypted value, so
        /// the end-to-end test can kill the program in the middle.
        static let testPauseEnvironmentVariable = "INTAKE_TEST_REENCRYPT_PAUSE_MS"

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let directory = storeOptions.directory
            guard SessionStore.exists(at: directory) else {
                printError("intake: there is no session store at \(directory.path) yet; it is created by the first interview.")
                throw Failure(code: 1)
            }
            var options = PassphraseChangeOptions()
            if let ms = environment[Self.testPauseEnvironmentVariable].flatMap(Double.init), ms > 0 {
                options.pauseAfterEachValue = ms / 1000
            }
            do {
                let current = try Passphrase.obtain(creating: false)
                // The current passphrase is checked (and an old store
                // upgraded) before the new one is asked for.
                let store = try SessionStore.open(directory: directory, passphrase: current, create: false)
                let sessions = try store.list().count
                try store.close()
                let new = try Self.newPassphrase(environment)
                // Unbuffered, so it is out before the work starts.
                FileHandle.standardOutput.write(Data("Re-encrypting \(Self.count(sessions)) under the new passphrase…\n".utf8))
                let change = try SessionStore.changePassphrase(directory: directory, current: current, new: new,
                                                               options: options)
                print("Passphrase changed: \(Self.count(change.sessions)) re-encrypted.")
            } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure(code: 1)
            }
        }

        static func count(_ sessions: Int) -> String {
            "\(sessions) \(sessions == 1 ? "session" : "sessions")"
        }

        /// The new passphrase: from INTAKE_NEW_PASSPHRASE_FILE, or typed twice.
        static func newPassphrase(_ environment: [String: String]) throws -> String {
            if let path = environment[newFileEnvironmentVariable], !path.isEmpty {
                return try PassphraseSource.file(path).resolve()
            }
            guard let tty = TerminalPrompt() else {
                printError("intake: the new passphrase is needed but there is no terminal to ask on; set \(newFileEnvironmentVariable) to a file (mode 600) holding it.")
                throw Failure(code: 1)
            }
            return tty.askNewPassphrase()
        }
    }
}
