import ArgumentParser
import IntakeApp
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

        func run() throws { try StorePassphraseChange.run(directory: storeOptions.directory) }
    }
}
