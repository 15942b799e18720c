import Foundation
import IntakeCore
import IntakeTestSupport
import Testing
@testable import IntakeApp

/// The bundled translations, checked against the template of every
/// module's interface strings (so here, where every module is seen), and with GNU gettext's own tools: every
/// file passes `msgfmt -c`, and round-trips through `msgcat` and `msgmerge`
/// without any change in meaning.
@Suite struct BundledLocaleTests {
    static func localeFiles() -> [URL] { Checkout.localeFiles() }

    static func read(_ url: URL) throws -> POFile {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return try parseValidPO(text, file: url.lastPathComponent)
    }

    static func template() throws -> [TemplateEntry] {
        InterfaceStrings.template(questionnaires: [try bundledQuestionnaire("quick-screen"),
                                                   try bundledQuestionnaire("trafficking-screening")])
    }

    /// `locales check`'s width limits each match a real string.
    @Test func everyWidthPatternMatchesARealString() throws {
        let keys = try BundledLocaleTests.template().map(\.key)
        for limit in LocaleReport.defaultWidthLimits {
            #expect(keys.contains { limit.matches($0) }, "'\(limit.pattern)' matches no string")
        }
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
        let catted = try parseValidPO(try dir.read("cat.po"), file: "cat.po")
        #expect(semantic(catted) == semantic(try Self.read(url)))
    }

    @Test(arguments: localeFiles())
    func msgmergeWithOurTemplateKeepsEveryTranslation(_ url: URL) throws {
        let dir = try TempDir()
        try dir.write("intake.pot", POFile.template(try Self.template()).serialized())
        let r = try Gettext.run("msgmerge", ["--quiet", "--no-fuzzy-matching", "-o", "merged.po", url.path, "intake.pot"], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let merged = try parseValidPO(try dir.read("merged.po"), file: "merged.po")
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
