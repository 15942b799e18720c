import ArgumentParser
import Foundation
import IntakeApp
import IntakeCore

struct LocalesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locales",
        abstract: "Create, update, check and preview translations (gettext PO files).",
        discussion: "See the README section 'Add a language'. Files are in locales/<tag>.po and work with Poedit, Weblate and gettext's tools.",
        subcommands: [New.self, Update.self, Check.self, Stats.self, Template.self, Preview.self]
    )

    /// `X-Generator` of the files intake writes.
    static let generator = LocaleCommands.generator(version: IntakeVersion.string)

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a new language: writes locales/LANG.po from the current source strings, marked as a draft.")
        @OptionGroup var data: DataOptions
        @Argument(help: "BCP-47 language tag, e.g. es, zh-Hans, pt-BR, fa.") var language: String
        @Flag(help: "Replace an existing file (its translations are lost).") var force = false

        func validate() throws {
            guard LanguageTag.isValid(language) else {
                throw ValidationError("'\(language)' is not a BCP-47 language tag (examples: es, zh-Hans, pt-BR)")
            }
        }

        func run() throws { try LocaleCommands.new(data.locate(), language: language, force: force, generator: LocalesCommand.generator) }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Bring PO files up to date with the source: add new strings, mark changed ones fuzzy, make removed ones obsolete.")
        @OptionGroup var data: DataOptions
        @Argument(help: "Languages to update (default: all).") var languages: [String] = []

        func run() throws { try LocaleCommands.update(data.locate(), languages: languages, generator: LocalesCommand.generator) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Check translations: completeness, placeholders, plural forms, widths on an 80-column screen, untranslated copies, discouraged terms.")
        @OptionGroup var data: DataOptions
        @Argument(help: "Languages to check (default: all).") var languages: [String] = []
        @Option(name: .customLong("min-coverage"), help: "Exit non-zero when a language has less than N percent translated.")
        var minCoverage: Double?

        func run() throws { try LocaleCommands.check(data.locate(), languages: languages, minCoverage: minCoverage) }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "A table of every language: translated, fuzzy, untranslated, review status.")
        @OptionGroup var data: DataOptions

        func run() throws { try LocaleCommands.stats(data.locate()) }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "template", abstract: "Write the POT template (every source string) for Poedit or Weblate.")
        @OptionGroup var data: DataOptions
        @Option(name: .customLong("output"), help: "File to write (default: standard output).") var output: String?

        func run() throws { try LocaleCommands.writeTemplate(data.locate(), output: output, generator: LocalesCommand.generator) }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "preview", abstract: "Walk every screen of a questionnaire in a language, recording nothing, to see each string in place.")
        @OptionGroup var data: DataOptions
        @Argument(help: "The language to preview.") var language: String
        @Option(name: .customLong("questionnaire"), help: "Questionnaire id.") var questionnaire: String = "trafficking-screening"

        func run() throws {
            // zh_Hans is the language of zh-Hans.po (or zh_Hans.po).
            let language = LocaleFiles.canonical(language)
            let run = try RunCommand.parse(["--preview", "--language", language, "--advocate-language", language,
                                            "--questionnaire", questionnaire] + (data.dataDir.map { ["--data-dir", $0] } ?? []))
            try run.run()
        }
    }
}
