import Crypto
import Foundation
import IntakeCore
import IntakeStore

/// The organisation's key pair for sealed exports (`intake keys`).
public enum OrganisationKeys {
    /// The environment variable naming a file with a key file's passphrase.
    public static let passphraseFileVariable = "INTAKE_KEY_PASSPHRASE_FILE"

    /// Makes a key pair: writes the private key file (0600, never over an
    /// existing file; with `protect`, under a passphrase) and prints the
    /// public key and its fingerprint.
    public static func makePair(output: String, protect: Bool) throws {
        let url = URL(fileURLWithPath: output)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            printError("intake: \(Sanitize.singleLine(output)) exists already; a key file is never overwritten")
            throw Failure.failed
        }
        let passphrase: String? = protect ? try newPassphrase() : nil
        let key = Curve25519.KeyAgreement.PrivateKey()
        do {
            try SecureFile.write(try OrganisationKey.fileContents(key, passphrase: passphrase), to: url)
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
        }
        print("Wrote the private key to \(Sanitize.singleLine(output)) (readable by you only\(protect ? ", passphrase-protected" : "")).")
        printPublicKey(key)
    }

    /// Prints the public key and fingerprint of a private key file.
    public static func printPublic(keyFile: String) throws {
        let key = try load(keyFile)
        printPublicKey(key)
    }

    private static func printPublicKey(_ key: Curve25519.KeyAgreement.PrivateKey) {
        print("Public key:  \(OrganisationKey.base64(key.publicKey))")
        print("Fingerprint: \(OrganisationKey.fingerprint(key.publicKey))")
    }

    /// Reads a private key file, asking for its passphrase if it has one.
    public static func load(_ path: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("intake: cannot read the key file \(Sanitize.singleLine(path))")
            throw Failure.failed
        }
        do {
            return try OrganisationKey.read(data) { try passphrase(prompt: "Passphrase for the key file: ") }
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
        }
    }

    static func passphrase(prompt: String) throws -> String {
        if let path = ProcessInfo.processInfo.environment[passphraseFileVariable], !path.isEmpty {
            return try PassphraseSource.file(path).resolve()
        }
        guard let tty = TerminalPrompt() else {
            printError("intake: the key file needs its passphrase but there is no terminal to ask on; set \(passphraseFileVariable) to a file (mode 600) holding it.")
            throw Failure.failed
        }
        return tty.ask(prompt)
    }

    static func newPassphrase() throws -> String {
        let p: String
        if let path = ProcessInfo.processInfo.environment[passphraseFileVariable], !path.isEmpty {
            do { p = try PassphraseSource.file(path).resolve() } catch let e as StoreError {
                printError("intake: \(e.description)")
                throw Failure.failed
            }
        } else {
            guard let tty = TerminalPrompt() else {
                printError("intake: --passphrase needs a terminal to ask on, or \(passphraseFileVariable) naming a file (mode 600).")
                throw Failure.failed
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
            throw Failure.failed
        }
        return p
    }
}
