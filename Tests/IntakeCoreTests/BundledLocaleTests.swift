import Foundation
import Testing
@testable import IntakeCore

/// The bundled translations, checked with GNU gettext's own tools: every
/// file passes `msgfmt -c`, and round-trips through `msgcat` and `msgmerge`
/// without any change in meaning.
@Suite struct BundledLocaleTests {
    static func localeFiles() -> [URL] {
        let dir = repositoryRoot.appendingPathComponent("locales")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".po") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static func read(_ url: URL) throws -> POFile {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return try parsePO(text, file: url.lastPathComponent)
    }

    static func template() throws -> [TemplateEntry] {
        TranslationTemplate.entries(questionnaires: [try bundledQuestionnaire("quick-screen"),
                                                     try bundledQuestionnaire("trafficking-screening")])
    }

    @Test func thereAreThreeTranslationsAndARightToLeftOne() {
        let langs = Self.localeFiles().map { $0.deletingPathExtension().lastPathComponent }
        #expect(langs.contains("es") && langs.contains("zh-Hans") && (langs.contains("ko") || langs.contains("th")))
        #expect(langs.contains { LanguageTag.isRightToLeft($0) })
    }

    @Test(arguments: localeFiles())
    func msgfmtAcceptsIt(_ url: URL) throws {
        let r = try Gettext.run("msgfmt", ["-c", "-o", "/dev/null", url.path], in: url.deletingLastPathComponent())
        #expect(r.status == 0, "msgfmt -c rejected \(url.lastPathComponent):\n\(r.stderr)")
    }

    @Test(arguments: localeFiles())
    func ourWriterReproducesTheFileExactly(_ url: URL) throws {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(try Self.read(url).serialized() == text)
    }

    @Test(arguments: localeFiles())
    func msgcatChangesNoMeaning(_ url: URL) throws {
        let dir = try TempDir()
        let r = try Gettext.run("msgcat", ["-o", "cat.po", url.path], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let catted = try parsePO(try dir.read("cat.po"), file: "cat.po")
        #expect(semantic(catted) == semantic(try Self.read(url)))
    }

    @Test(arguments: localeFiles())
    func msgmergeWithOurTemplateKeepsEveryTranslation(_ url: URL) throws {
        let dir = try TempDir()
        try dir.write("intake.pot", POFile.template(try Self.template()).serialized())
        let r = try Gettext.run("msgmerge", ["--quiet", "--no-fuzzy-matching", "-o", "merged.po", url.path, "intake.pot"], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let merged = try parsePO(try dir.read("merged.po"), file: "merged.po")
        let ours = try Self.read(url)
        func translations(_ f: POFile) -> [String: [String]] {
            Dictionary(f.activeEntries.map { ($0.context ?? "", $0.translations) }, uniquingKeysWith: { a, _ in a })
        }
        #expect(translations(merged) == translations(ours))
        // And our own merge agrees with gettext's about what is fuzzy.
        let fuzzyGettext = Set(merged.activeEntries.filter(\.isFuzzy).compactMap(\.context))
        let fuzzyOurs = Set(ours.merged(with: try Self.template()).activeEntries.filter(\.isFuzzy).compactMap(\.context))
        #expect(fuzzyGettext == fuzzyOurs)
    }

    @Test(arguments: localeFiles())
    func everyBundledTranslationIsMarkedAsADraftUntilReviewed(_ url: URL) throws {
        let file = try Self.read(url)
        if file.reviewStatus == .reviewed {
            #expect(!(file.reviewedBy ?? "").isEmpty, "\(url.lastPathComponent) says reviewed but names no reviewer")
        } else {
            #expect(Catalog(file).isDraft)
        }
    }
}
