import ArgumentParser
import Foundation
import IntakeApp
import IntakeStore

/// Where sessions are kept and how the passphrase is found.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "Folder of the encrypted session store (default: $XDG_DATA_HOME/intake or ~/.local/share/intake).")
    var store: String?

    var directory: URL { StoreAccess.directory(store) }

    /// Opens the store (see `StoreAccess.open`).
    func open(create: Bool, readingOnly: Bool = false) throws -> SessionStore {
        try StoreAccess.open(directory, create: create, readingOnly: readingOnly)
    }
}
