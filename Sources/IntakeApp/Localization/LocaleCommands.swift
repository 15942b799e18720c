import Foundation
import IntakeCore

/// What `intake locales` does: start, update, check and count the
/// translations (gettext PO files in locales/), and write the template.
public enum LocaleCommands {
    /// `X-Generator` of the files intake writes.
    public static func generator(version: String) -> String { "intake \(version)" }

    /// The PO header's revision date for `now`, in UTC.
    static func revisionDate(_ now: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm'+0000'"
        return f.string(from: now)
    }

    /// The bundled questionnaires' strings (every questionnaire must load).
    static func template(_ loc: DataLocation) throws -> [TemplateEntry] {
        var qs: [Questionnaire] = []
        for url in loc.questionnaireFiles() {
            // References in PO files name the file relative to the data folder.
            let path = "questionnaires/" + url.lastPathComponent
            let outcome = QuestionnaireLoader.load(bytes: try QuestionnaireFiles.read(url), path: path)
            guard let q = outcome.questionnaire else {
                for d in outcome.diagnostics { printError(d.description) }
                throw Failure.failed
            }
            qs.append(q)
        }
        return InterfaceStrings.template(questionnaires: qs)
    }

    static func write(_ file: POFile, to url: URL) throws {
        do {
            try Data(file.serialized().utf8).write(to: url, options: .atomic)
        } catch {
            printError("intake: cannot write \(url.path): \(error.localizedDescription)")
            throw Failure.failed
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
                throw Failure.usage
            }
            return url
        }
    }

    /// `locales new`: locales/LANG.po from the current source strings,
    /// marked as a draft (never over an existing file without `force`).
    public static func new(_ loc: DataLocation, language: String, force: Bool, generator: String, now: Date = Date()) throws {
        let template = try template(loc)
        // zh_Hans (gettext's spelling) is written as zh-Hans.
        let language = LanguageTag(language)?.description ?? language
        let url = loc.locales.appendingPathComponent("\(language).po")
        if FileManager.default.fileExists(atPath: url.path) && !force {
            printError("intake: \(QuestionnaireFiles.displayPath(url)) already exists; use 'intake locales update' to bring it up to date, or --force to start over")
            throw Failure.failed
        }
        try FileManager.default.createDirectory(at: loc.locales, withIntermediateDirectories: true)
        let file = POFile.newCatalog(language: language, template: template, revisionDate: revisionDate(now), generator: generator)
        try write(file, to: url)
        print("Wrote \(Sanitize.singleLine(QuestionnaireFiles.displayPath(url))): \(template.count) strings to translate (\(LanguageTag.displayName(language))), marked as a draft.")
        print("Next: open it in Poedit or a text editor, then run 'intake locales check \(language)' and 'intake locales preview \(language)'.")
    }

    /// `locales update`: new strings added, changed ones fuzzy, removed
    /// ones obsolete; a file is written only when something changed.
    public static func update(_ loc: DataLocation, languages: [String], generator: String) throws {
        let template = try template(loc)
        for url in try files(loc, languages) {
            let (file, diags) = LocaleFiles.parse(url)
            guard let file else {
                for d in diags { printError(d.description) }
                throw Failure.failed
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
                merged.setGenerator(generator)
                try write(merged, to: url)
            }
            print("\(Sanitize.singleLine(QuestionnaireFiles.displayPath(url))): \(after.untranslated) untranslated, \(after.fuzzy) fuzzy, \(after.obsolete) obsolete" +
                  (changed ? " (was \(before.untranslated) untranslated, \(before.fuzzy) fuzzy)" : " (already up to date)"))
        }
    }

    /// `locales check`: every finding, and a line per language; fails
    /// (exit status 1) on an error or a coverage below `minCoverage` percent.
    public static func check(_ loc: DataLocation, languages: [String], minCoverage: Double?) throws {
        let template = try template(loc)
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
        if failed { throw Failure.failed }
    }

    /// `locales stats`: a table of every language.
    public static func stats(_ loc: DataLocation) throws {
        let template = try template(loc)
        print("LANGUAGE  NAME                      TRANSLATED  FUZZY  MISSING  STATUS")
        for url in loc.localeFiles() { print(statsLine(url, template: template)) }
    }

    /// One language's line of `locales stats`.
    static func statsLine(_ url: URL, template: [TemplateEntry]) -> String {
        let lang = LocaleFiles.language(of: url)
        let (file, _) = LocaleFiles.parse(url)
        guard let file else {
            return lang.padding(toLength: 8, withPad: " ", startingAt: 0) + "  (cannot be read; run intake locales check \(lang))"
        }
        let r = LocaleReport(file: file, fileName: url.path, template: template)
        let name = Wrap.truncate(LanguageTag.displayName(lang), width: 24)
        let status = file.reviewStatus == .reviewed ? "reviewed by \(Sanitize.singleLine(file.reviewedBy ?? "?"))" : "draft"
        return lang.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + name + String(repeating: " ", count: max(0, 24 - DisplayWidth.of(name)))
            + String(format: "  %9.1f%%  %5d  %7d  ", r.percentTranslated, r.fuzzy + r.stale, r.untranslated) + status
    }

    /// `locales template`: the POT template, to `output` or standard output.
    public static func writeTemplate(_ loc: DataLocation, output: String?, generator: String, now: Date = Date()) throws {
        let pot = POFile.template(try template(loc), creationDate: revisionDate(now), generator: generator)
        if let output {
            try write(pot, to: URL(fileURLWithPath: output))
        } else {
            print(pot.serialized(), terminator: "")
        }
    }
}
