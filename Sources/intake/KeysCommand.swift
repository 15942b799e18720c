import ArgumentParser
import Crypto
import Foundation
import IntakeApp
import IntakeCore
import IntakeStore

/// `intake keys`: the organisation's key pair for sealed exports.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make the organisation's key pair for sealed exports, or show a key file's public key.",
        discussion: """
        The private key file opens sealed exports (intake open); keep it with the supervisor, never on an \
        advocate's laptop. The public key (base64) goes to advocates: in organisation.yaml as public_key, \
        or to 'sessions export --sealed-to'.
        """,
        subcommands: [New.self, Public.self]
    )

    static let passphraseFileVariable = "INTAKE_KEY_PASSPHRASE_FILE"

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Make a key pair: write the private key file (0600) and print the public key and its fingerprint.")
        @Option(name: .customLong("output"), help: "The private key file to write (it must not exist yet).")
        var output: String
        @Flag(name: .customLong("passphrase"), help: "Protect the private key with a passphrase (asked twice, or read from INTAKE_KEY_PASSPHRASE_FILE).")
        var protect = false

        func run() throws {
            let url = URL(fileURLWithPath: output)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                printError("intake: \(Sanitize.singleLine(output)) exists already; a key file is never overwritten")
                throw Failure(code: 1)
            }
            let passphrase: String? = protect ? try KeysCommand.newPassphrase() : nil
            let key = Curve25519.KeyAgreement.PrivateKey()
            do {
                try SecureFile.write(try OrganisationKey.fileContents(key, passphrase: passphrase), to: url)
            } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure(code: 1)
            }
            print("Wrote the private key to \(Sanitize.singleLine(output)) (readable by you only\(protect ? ", passphrase-protected" : "")).")
            print("Public key:  \(OrganisationKey.base64(key.publicKey))")
            print("Fingerprint: \(OrganisationKey.fingerprint(key.publicKey))")
        }
    }

    struct Public: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "public", abstract: "Print the public key and fingerprint of a private key file.")
        @Argument(help: "The private key file.") var keyFile: String

        func run() throws {
            let key = try KeysCommand.load(keyFile)
            print("Public key:  \(OrganisationKey.base64(key.publicKey))")
            print("Fingerprint: \(OrganisationKey.fingerprint(key.publicKey))")
        }
    }

    /// Reads a private key file, asking for its passphrase if it has one.
    static func load(_ path: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("intake: cannot read the key file \(Sanitize.singleLine(path))")
            throw Failure(code: 1)
        }
        do {
            return try OrganisationKey.read(data) { try passphrase(prompt: "Passphrase for the key file: ") }
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure(code: 1)
        }
    }

    static func passphrase(prompt: String) throws -> String {
        if let path = ProcessInfo.processInfo.environment[passphraseFileVariable], !path.isEmpty {
            return try PassphraseSource.file(path).resolve()
        }
        guard let tty = TerminalPrompt() else {
            printError("intake: the key file needs its passphrase but there is no terminal to ask on; set \(passphraseFileVariable) to a file (mode 600) holding it.")
            throw Failure(code: 1)
        }
        return tty.ask(prompt)
    }

    static func newPassphrase() throws -> String {
        let p: String
        if let path = ProcessInfo.processInfo.environment[passphraseFileVariable], !path.isEmpty {
            do { p = try PassphraseSource.file(path).resolve() } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure(code: 1)
            }
        } else {
            guard let tty = TerminalPrompt() else {
                printError("intake: --passphrase needs a terminal to ask on, or \(passphraseFileVariable) naming a file (mode 600).")
                throw Failure(code: 1)
            }
            while true {
                let first = tty.ask("Passphrase for the new key file: ")
                if first.count < PassphraseSource.minimumNewLength {
                    tty.say("Please use at least \(PassphraseSource.minimumNewLength) characters.")
                    continue
                }
                if tty.ask("Repeat it: ") == first { return first }
                tty.say("The two did not match. Please try again.")
            }
        }
        guard p.count >= PassphraseSource.minimumNewLength else {
            printError("intake: the key file's passphrase must have at least \(PassphraseSource.minimumNewLength) characters.")
            throw Failure(code: 1)
        }
        return p
    }
}
