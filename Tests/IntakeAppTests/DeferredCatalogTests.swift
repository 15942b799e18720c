import Foundation
import IntakeCore
import Testing
@testable import IntakeApp

/// Translations whose strings parse in the background.
@Suite struct DeferredCatalogTests {
    @Test func theHeaderIsReadAtOnceAndTheStringsOnceParsed() throws {
        let url = repositoryRoot.appendingPathComponent("locales/es.po")
        let c = try DeferredCatalog.open(url, language: "es", lane: 0).get()
        #expect(c.language == "es")
        #expect(c.isDraft)
        guard case .success = c.wait() else { Issue.record("es.po did not parse"); return }
        #expect(c.translate(key: "ui/yes", source: "Yes") == Translated(text: "Sí", isFallback: false))
    }

    @Test func aBrokenFileIsReportedByWait() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let url = try tmp.write("xx.po", "msgid \"\"\nmsgstr \"Language: xx\\n\"\n\nmsgid \"a\"\nmsgstr \"b\" trailing\n")
        let c = try DeferredCatalog.open(url, language: "xx", lane: 0).get()
        guard case .failure(let f) = c.wait() else { Issue.record("a broken file parsed"); return }
        #expect(!f.diagnostics.isEmpty)
        // Its strings fall back to the source, unmarked, as the source language does.
        #expect(c.translate(key: "ui/yes", source: "Yes") == Translated(text: "Yes", isFallback: false))
    }

    /// A language the compiled cache holds is checked at start and decoded
    /// when first used; until then it keeps only its compiled bytes.
    @Test func aCachedLanguageIsDecodedWhenFirstUsed() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let cache = CompiledCache(directory: tmp.path("cache/intake"))
        let url = repositoryRoot.appendingPathComponent("locales/es.po")
        // The first run parses the file and compiles it into the cache.
        let first = try DeferredCatalog.open(url, language: "es", lane: 0, cache: cache).get()
        guard case .success = first.wait() else { Issue.record("es.po did not parse"); return }
        let second = try DeferredCatalog.open(url, language: "es", lane: 0, cache: cache).get()
        guard case .success = second.wait() else { Issue.record("es.po's compiled form was refused"); return }
        #expect(!second.isDecoded)
        #expect(second.translate(key: "ui/yes", source: "Yes") == Translated(text: "Sí", isFallback: false))
        #expect(second.isDecoded)
    }

    /// The compiled file removed between the check and the first use (as
    /// another build of the program replaces it): the PO file is parsed
    /// again, and the language still translates.
    @Test func aCompiledFileGoneBeforeFirstUseIsParsedAgain() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let cache = CompiledCache(directory: tmp.path("cache/intake"))
        let url = repositoryRoot.appendingPathComponent("locales/es.po")
        _ = try DeferredCatalog.parse(url, language: "es", cache: cache).get()
        let later = try DeferredCatalog.open(url, language: "es", lane: 0, cache: cache).get()
        guard case .success = later.wait() else { Issue.record("es.po's compiled form was refused"); return }
        #expect(!later.isDecoded)
        try FileManager.default.removeItem(at: cache.directory)
        #expect(later.translate(key: "ui/yes", source: "Yes") == Translated(text: "Sí", isFallback: false))
    }

    /// A compiled file whose payload is damaged passes the check at start,
    /// which reads only its header; at first use its digest fails, the PO
    /// file is parsed again, the language translates, and the cache holds a
    /// whole file again.
    @Test func aCompiledFileDamagedInItsPayloadIsParsedAgainAtFirstUseAndRebuilt() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let cache = CompiledCache(directory: tmp.path("cache/intake"))
        let url = repositoryRoot.appendingPathComponent("locales/es.po")
        _ = try DeferredCatalog.parse(url, language: "es", cache: cache).get()  // compiles it
        let hash = SHA256Digest.digest(try QuestionnaireFiles.bytes(of: url).get())
        let file = cache.directory.appendingPathComponent(
            CompiledCache.catalogName(sourceHash: hash, language: "es", program: CompiledCache.programIdentity))
        var bytes = try Array(Data(contentsOf: file))
        bytes[bytes.count - 10] ^= 0xFF
        try Data(bytes).write(to: file)
        chmod(file.path, 0o600)
        #expect(cache.catalog(sourceHash: hash, language: "es") == nil)

        let later = try DeferredCatalog.open(url, language: "es", lane: 0, cache: cache).get()
        guard case .success = later.wait() else { Issue.record("es.po was refused"); return }
        #expect(cache.catalog(sourceHash: hash, language: "es") == nil)  // untouched until used
        #expect(later.translate(key: "ui/yes", source: "Yes") == Translated(text: "Sí", isFallback: false))
        #expect(later.translate(key: "ui/no", source: "No") == Translated(text: "No", isFallback: false))
        let rebuilt = try #require(cache.catalog(sourceHash: hash, language: "es"), "the compiled file was not rebuilt")
        #expect(rebuilt.translate(key: "ui/yes", source: "Yes") == Translated(text: "Sí", isFallback: false))
    }

    /// Decoded when first used, every shipped translation gives what the
    /// file parsed at once gives: every entry, and each plural for 1, 2, 5 and 11.
    @Test(arguments: ["es", "fa", "ko", "ne", "th", "zh-Hans"])
    func decodedLaterIsParsedAtOnce(_ language: String) throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let cache = CompiledCache(directory: tmp.path("cache/intake"))
        let url = repositoryRoot.appendingPathComponent("locales/\(language).po")
        let parsed = try DeferredCatalog.parse(url, language: language, cache: cache).get()  // compiles it too
        let later = try DeferredCatalog.open(url, language: language, lane: 0, cache: cache).get()
        guard case .success = later.wait() else { Issue.record("\(language): refused"); return }
        #expect(!later.isDecoded)
        let (file, _) = LocaleFiles.parse(url)
        let entries = try #require(file).entries.filter { $0.context != nil && !$0.isObsolete }
        #expect(entries.count > 100)
        for e in entries {
            let key = e.context!
            #expect(later.translate(key: key, source: e.id) == parsed.translate(key: key, source: e.id), "\(key)")
            if let plural = e.idPlural {
                for n in [1, 2, 5, 11] {
                    #expect(later.translatePlural(key: key, source: e.id, sourcePlural: plural, count: n)
                            == parsed.translatePlural(key: key, source: e.id, sourcePlural: plural, count: n), "\(key) \(n)")
                }
            }
        }
    }
}
