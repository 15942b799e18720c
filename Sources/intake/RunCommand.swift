import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore
import IntakeTUI

/// `intake run` (also plain `intake`): the screening interview in the terminal.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the screening interview in the terminal.",
        discussion: """
        Every answer is saved, encrypted, as it is given; an unfinished interview can be resumed from the \
        start screen or with --resume. With --ephemeral nothing is written to disk (no store is opened); \
        --preview walks every screen for a translator and records nothing. Summaries exported from the \
        summary screen go to --export-dir (or export_dir in the organisation config), readable by you only; \
        with an organisation key they are one file sealed to it, and every finished session is also sealed \
        to it in sealed_dir (default: the store folder's sealed/).
        """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var questionnaire: QuestionnaireOption
    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("advocate-language"), help: "The advocate's language (default: the questionnaire's).",
            transform: LocaleFiles.canonical)
    var advocateLanguage: String?

    @Flag(name: .customLong("ephemeral"), help: "Write nothing to disk: no session store is opened.")
    var ephemeral = false

    @Flag(name: .customLong("preview"), help: "Translator preview: walk every screen, record nothing.")
    var preview = false

    @Flag(name: .customLong("first-frame-only"), help: "Draw the first screen and exit at once (for benchmarks; opens no store).")
    var firstFrameOnly = false

    @Flag(name: .customLong("ready-only"), help: "Draw the first screen, wait until every questionnaire and translation is loaded and checked, and exit (for benchmarks; opens no store).")
    var readyOnly = false

    @Option(name: .customLong("resume"), help: "Resume the unfinished session with this id (or a unique prefix).")
    var resume: String?

    @Option(name: .customLong("export-dir"), help: "Folder for exported summaries (default: export_dir in the organisation config; without either, exporting asks for one).")
    var exportDir: String?

    @Option(name: .customLong("screener"), help: "The screener's id on summaries (an id your organisation chooses, never a name; default: screener in the organisation config).")
    var screener: String?

    @Flag(name: .customLong("export-plaintext"), help: "With an organisation key: export the summary as .txt, .md and .json instead of one sealed file.")
    var exportPlaintext = false

    @OptionGroup var organisationOptions: OrganisationOptions

    func validate() throws {
        if ephemeral && preview { throw ValidationError("give --ephemeral or --preview, not both") }
        if firstFrameOnly && readyOnly { throw ValidationError("give --first-frame-only or --ready-only, not both") }
        if resume != nil && (ephemeral || preview) { throw ValidationError("--resume needs the session store; it cannot go with --ephemeral or --preview") }
    }

    /// The options' values (also what `RunFastPath` reads without ArgumentParser).
    var values: RunValues {
        RunValues(dataDir: data.dataDir, store: storeOptions.store, questionnaireID: questionnaire.questionnaireID,
                  language: language.language, advocateLanguage: advocateLanguage, ephemeral: ephemeral, preview: preview,
                  firstFrameOnly: firstFrameOnly, readyOnly: readyOnly, resume: resume, exportDir: exportDir,
                  screener: screener, exportPlaintext: exportPlaintext, orgConfig: organisationOptions.orgConfig)
    }

    func run() throws {
        try values.run()
    }
}
