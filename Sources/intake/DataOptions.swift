import ArgumentParser
import IntakeApp

/// Options shared by every command that reads questionnaires and locales.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder holding questionnaires/ and locales/.")
    var dataDir: String?

    /// Finds the data folders (see `DataLocation.locate`).
    func locate() throws -> DataLocation { try DataLocation.locate(dataDir: dataDir) }
}
