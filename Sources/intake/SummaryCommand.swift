import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the referral summary for an answer file, a folder of them, or a saved session.",
        discussion: """
        The answer-file format is described in docs/answer-file-format.md. With a folder, every .yaml \
        file in it is summarised into --output (a folder; default: alongside each file is never used, \
        so --output is required), and the count and rate are printed.
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("answers"), help: "An answer file, or a folder of answer files.")
    var answers: String?

    @OptionGroup var questionnaire: QuestionnaireOption
    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("format"), help: "text, markdown, json or html.")
    var format: SummaryFormat = .text

    @Option(name: .customLong("output"), help: "Write to this file (or folder, for a folder of answers) instead of standard output.")
    var output: String?

    @Flag(name: .customLong("ascii"), help: "Text format: ASCII characters only.")
    var ascii = false

    @Argument(help: "A saved session id, or a unique prefix of it (instead of --answers).")
    var session: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var organisationOptions: OrganisationOptions

    func validate() throws {
        if answers == nil && session == nil { throw ValidationError("give --answers FILE or a session id") }
        if answers != nil && session != nil { throw ValidationError("give either --answers or a session id, not both") }
    }

    func run() throws {
        try SummaryRun(location: data.locate(), answers: answers, session: session, questionnaireID: questionnaire.questionnaireID,
                       language: language.language, format: format, output: output, ascii: ascii,
                       organisationConfig: organisationOptions.orgConfig, storeDirectory: storeOptions.directory).run()
    }
}

/// `--format text|markdown|json|html`.
extension SummaryFormat: ExpressibleByArgument {}
