import ArgumentParser
import Foundation
import IntakeApp

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaires and locale files; report every problem as file:line:column.",
        discussion: """
        With no PATH, checks the bundled questionnaires, locales and service directories, and the service \
        directory the organisation config names. A PATH may be a .yaml questionnaire, a .yaml service directory \
        (a file with a top-level 'services:' list; docs/directory-format.md), a .po locale file, or a folder of them. \
        A directory entry not checked within a year is a warning. \
        Exit status: 0 without errors, 1 with errors, 2 for a usage error.
        """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "Questionnaire (.yaml) or locale (.po) files, or folders.")
    var paths: [String] = []

    @Flag(name: .customLong("quiet"), help: "Print only the count line.")
    var quiet = false

    @OptionGroup var organisationOptions: OrganisationOptions

    func run() throws {
        try ValidationRun(paths: paths, organisationConfig: organisationOptions.orgConfig, locate: data.locate)
            .printReport(quiet: quiet)
    }
}
