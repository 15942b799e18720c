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

    /// The bundled questionnaires (all must load) and the template they give.
    static func sources(_ loc: DataLocation) throws -> ([Questionnaire], [TemplateEntry]) {
        var qs: [Questionnaire] = []
        for url in loc.questionnaireFiles() {
            // References in PO files name the file relative to the data folder.
            let path = "questionnaires/" + url.lastPathComponent
            let outcome = QuestionnaireLoader.load(bytes: try QuestionnaireFiles.read(url), path: path)
            guard let q = outcome.questionnaire else {
                for d in outcome.diagnostics { printError(d.description) }
                throw Failure(code: 1)
            }
            qs.append(q)
        }
        return (qs, TranslationTemplate.entries(questionnaires: qs))
    }

    static func write(_ file: POFile, to url: URL) throws {
        do {
            try Data(file.serialized().utf8).write(to: url, options: .atomic)
        } catch {
            printError("intake: cannot write \(url.path): \(error.localizedDescription)")
            throw Failure(code: 1)
        }
    }

    /// `X-Generator` of the files intake writes.
    static let generator = "intake \(IntakeVersion.string)"

    static func revisionDate(_ now: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm'+0000'"
        return f.string(from: now)
    }

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

        func run() throws {
            let loc = try data.locate()
            let (_, template) = try sources(loc)
            // zh_Hans (gettext's spelling) is written as zh-Hans.
            let language = LanguageTag(language)?.description ?? language
            let url = loc.locales.appendingPathComponent("\(language).po")
            if FileManager.default.fileExists(atPath: url.path) && !force {
                printError("intake: \(QuestionnaireFiles.displayPath(url)) already exists; use 'intake locales update' to bring it up to date, or --force to start over")
                throw Failure(code: 1)
            }
            try FileManager.default.createDirectory(at: loc.locales, withIntermediateDirectories: true)
            let file = POFile.newCatalog(language: language, template: template, revisionDate: revisionDate(),
                                         generator: LocalesCommand.generator)
            try LocalesCommand.write(file, to: url)
            print("Wrote \(Sanitize.singleLine(QuestionnaireFiles.displayPath(url))): \(template.count) strings to translate (\(LanguageTag.displayName(language))), marked as a draft.")
            print("Next: open it in Poedit or a text editor, then run 'intake locales check \(language)' and 'intake locales preview \(language)'.")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Bring PO files up to date with the source: add new strings, mark changed ones fuzzy, make removed ones obsolete.")
        @OptionGroup var data: DataOptions
        @Argument(help: "Languages to update (default: all).") var languages: [String] = []

        func run() throws {
            let loc = try data.locate()
            let (_, template) = try sources(loc)
            for url in try files(loc, languages) {
                let (file, diags) = LocaleFiles.parse(url)
                guard let file else {
                    for d in diags { printError(d.description) }
                    throw Failure(code: 1)
                }
                var merged = file.merged(with: template)
                let before = LocaleReport(file: file, fileName: url.path, template: template)
                let after = LocaleReport(file: merged, fileName: url.path, template: template)
                // Strings that did not change keep the lines they had (as
                // Poedit, Weblate or msgcat wrapped them); the file is only
                // written, and then says who wrote it, when something changed.
                let original = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                let changed = merged.serialized() != original
                if changed {
                    merged.setGenerator(LocalesCommand.generator)
                    try LocalesCommand.write(merged, to: url)
                }
                print("\(Sanitize.singleLine(QuestionnaireFiles.displayPath(url))): \(after.untranslated) untranslated, \(after.fuzzy) fuzzy, \(after.obsolete) obsolete" +
                      (changed ? " (was \(before.untranslated) untranslated, \(before.fuzzy) fuzzy)" : " (already up to date)"))
            }
        }
    }

    /// The PO files for the given languages (all when empty).
    static func files(_ loc: DataLocation, _ languages: [String]) throws -> [URL] {
        let all = loc.localeFiles()
        if languages.isEmpty { return all }
        return try languages.map { lang in
            // zh_Hans finds zh-Hans.po and the other way round.
            let tag = LocaleFiles.canonical(lang)
            if let found = all.first(where: { LocaleFiles.language(of: $0) == tag }) { return found }
            let url = loc.locales.appendingPathComponent("\(lang).po")
            guard FileManager.default.fileExists(atPath: url.path) else {
                printError("intake: no \(QuestionnaireFiles.displayPath(url)); start it with 'intake locales new \(lang)'")
                throw Failure(code: 2)
            }
            return url
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Check translations: completeness, placeholders, plural forms, widths on an 80-column screen, untranslated copies, discouraged terms.")
        @OptionGroup var data: DataOptions
        @Argument(help: "Languages to check (default: all).") var languages: [String] = []
        @Option(name: .customLong("min-coverage"), help: "Exit non-zero when a language has less than N percent translated.")
        var minCoverage: Double?

        func run() throws {
            let loc = try data.locate()
            let (_, template) = try sources(loc)
            let (terms, termDiags) = LocaleFiles.discouragedTerms(in: loc.locales)
            for d in termDiags { print(d.description) }
            var failed = termDiags.contains { $0.severity == .error }
            for url in try files(loc, languages) {
                let (report, diags) = LocaleValidation.check(url, template: template, terms: terms)
                for d in diags { print(d.description) }
                if diags.contains(where: { $0.severity == .error }) { failed = true }
                guard let r = report else { continue }
                let lang = LocaleFiles.language(of: url)
                print(String(format: "%@: %.1f%% translated (%d of %d), %d fuzzy, %d untranslated, %d errors, %d warnings",
                             lang, r.percentTranslated, r.translated, r.templateCount, r.fuzzy + r.stale, r.untranslated,
                             diags.filter { $0.severity == .error }.count, diags.filter { $0.severity == .warning }.count))
                if let min = minCoverage, r.percentTranslated < min {
                    print(String(format: "%@: below the required %.0f%% coverage", lang, min))
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "A table of every language: translated, fuzzy, untranslated, review status.")
        @OptionGroup var data: DataOptions

        func run() throws {
            let loc = try data.locate()
            let (_, template) = try sources(loc)
            print("LANGUAGE  NAME                      TRANSLATED  FUZZY  MISSING  STATUS")
            for url in loc.localeFiles() {
                let lang = LocaleFiles.language(of: url)
                let (file, _) = LocaleFiles.parse(url)
                guard let file else {
                    print(lang.padding(toLength: 8, withPad: " ", startingAt: 0) + "  (cannot be read; run intake locales check \(lang))")
                    continue
                }
                let r = LocaleReport(file: file, fileName: url.path, template: template)
                let name = Wrap.truncate(LanguageTag.displayName(lang), width: 24)
                let status = file.reviewStatus == .reviewed ? "reviewed by \(Sanitize.singleLine(file.reviewedBy ?? "?"))" : "draft"
                print(lang.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + name + String(repeating: " ", count: max(0, 24 - DisplayWidth.of(name)))
                      + String(format: "  %9.1f%%  %5d  %7d  ", r.percentTranslated, r.fuzzy + r.stale, r.untranslated) + status)
            }
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "template", abstract: "Write the POT template (every source string) for Poedit or Weblate.")
        @OptionGroup var data: DataOptions
        @Option(name: .customLong("output"), help: "File to write (default: standard output).") var output: String?

        func run() throws {
            let loc = try data.locate()
            let (_, template) = try sources(loc)
            let pot = POFile.template(template, creationDate: revisionDate(), generator: LocalesCommand.generator)
            if let output {
                try LocalesCommand.write(pot, to: URL(fileURLWithPath: output))
            } else {
                print(pot.serialized(), terminator: "")
            }
        }
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
