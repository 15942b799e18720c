import ArgumentParser
import Foundation
import IntakeApp

/// `intake export-fhir`: a questionnaire as a FHIR R4 Questionnaire.
struct ExportFHIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-fhir",
        abstract: "Write a questionnaire as a FHIR R4 Questionnaire (JSON), with its translations.",
        discussion: """
        Sections become groups, guidance a help item, 'relevant' an enableWhen where FHIR can express it (otherwise \
        the condition is kept in the extension urn:intake:relevant and the item stays enabled), and every translated \
        string a FHIR translation extension. Answers are codings in urn:intake:answer; "don't know" and "prefers not \
        to answer" in urn:intake:special-answer.
        """
    )

    @Option(name: .customLong("questionnaire"), help: "The questionnaire's id (default: trafficking-screening).")
    var questionnaireID: String = "trafficking-screening"
    @Option(name: .customLong("language"), parsing: .upToNextOption,
            help: "Translations to include (default: every file in locales/).")
    var languages: [String] = []
    @Option(name: .customLong("output"), help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var data: DataOptions

    func run() throws {
        try FHIRExport.run(location: data.locate(), questionnaireID: questionnaireID, languages: languages, output: output)
    }
}
