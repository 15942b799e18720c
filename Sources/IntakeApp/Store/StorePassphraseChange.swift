import Foundation
import IntakeCore
import IntakeStore

/// `intake store passphrase`: the store re-encrypted under a new passphrase.
public enum StorePassphraseChange {
    /// The environment variable naming a file with the new passphrase.
    public static let newFileEnvironmentVariable = "INTAKE_NEW_PASSPHRASE_FILE"
    /// TEST ONLY: milliseconds to pause after each re-encrypted value, so
    /// the end-to-end test can kill the program in the middle.
    public static let testPauseEnvironmentVariable = "INTAKE_TEST_REENCRYPT_PAUSE_MS"

    /// Asks for the current passphrase (or reads INTAKE_PASSPHRASE_FILE),
    /// checks it, asks for the new one and re-encrypts every session.
    public static func run(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard SessionStore.exists(at: directory) else {
            printError("intake: there is no session store at \(directory.path) yet; it is created by the first interview.")
            throw Failure.failed
        }
        var options = PassphraseChangeOptions()
        if let ms = environment[testPauseEnvironmentVariable].flatMap(Double.init), ms > 0 {
            options.pauseAfterEachValue = ms / 1000
        }
        do {
            let current = try Passphrase.obtain(creating: false)
            // The current passphrase is checked (and an old store
            // upgraded) before the new one is asked for.
            let store = try SessionStore.open(directory: directory, passphrase: current, create: false)
            let sessions = try store.list().count
            try store.close()
            let new = try newPassphrase(environment)
            // Unbuffered, so it is out before the work starts.
            FileHandle.standardOutput.write(Data("Re-encrypting \(count(sessions)) under the new passphrase…\n".utf8))
            let change = try SessionStore.changePassphrase(directory: directory, current: current, new: new,
                                                           options: options)
            print("Passphrase changed: \(count(change.sessions)) re-encrypted.")
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
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
            throw Failure.failed
        }
        return tty.askNewPassphrase()
    }
}
