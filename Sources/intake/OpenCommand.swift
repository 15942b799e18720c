import ArgumentParser
import Foundation
import IntakeApp

/// `intake open`: reads a sealed export with the organisation's private key.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a sealed export with the organisation's private key: its summary, or its whole record.",
        discussion: """
        The summary is rebuilt from the record with the questionnaires in the data folder (--data-dir), in the \
        advocate's language unless --language says otherwise. --format events prints the record itself (JSON, \
        as 'sessions export --format events' writes it). On a terminal the result is shown in a view that is \
        cleared on exit; --output writes a file readable by you only.
        """
    )

    @Argument(help: "The sealed file (.sealed).") var file: String
    @Option(name: .customLong("key"), help: "The organisation's private key file (from 'intake keys new').") var key: String
    @Option(name: .customLong("format"), help: "text, markdown, json, html (the summary), events (the record) or fhir (the answers as a FHIR R4 QuestionnaireResponse).") var format: RecordFormat = .text
    @Option(name: .customLong("language"), help: "Language of the summary (default: the advocate's).",
            transform: LocaleFiles.canonical) var language: String?
    @Option(name: .customLong("output"), help: "Write to this file (0600) instead of the screen.") var output: String?
    @OptionGroup var data: DataOptions
    @OptionGroup var organisationOptions: OrganisationOptions

    func run() throws {
        try SealedOpen.run(file: file, keyFile: key, format: format, language: language, output: output,
                           locate: data.locate, organisationConfig: organisationOptions.orgConfig)
    }
}
