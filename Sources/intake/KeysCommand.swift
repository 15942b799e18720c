import ArgumentParser
import IntakeApp

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

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Make a key pair: write the private key file (0600) and print the public key and its fingerprint.")
        @Option(name: .customLong("output"), help: "The private key file to write (it must not exist yet).")
        var output: String
        @Flag(name: .customLong("passphrase"), help: "Protect the private key with a passphrase (asked twice, or read from INTAKE_KEY_PASSPHRASE_FILE).")
        var protect = false

        func run() throws { try OrganisationKeys.makePair(output: output, protect: protect) }
    }

    struct Public: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "public", abstract: "Print the public key and fingerprint of a private key file.")
        @Argument(help: "The private key file.") var keyFile: String

        func run() throws { try OrganisationKeys.printPublic(keyFile: keyFile) }
    }
}
