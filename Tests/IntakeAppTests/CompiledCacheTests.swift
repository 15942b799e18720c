import Foundation
import IntakeCore
import Testing
@testable import IntakeApp

/// The compiled-translation cache: used only when it is whole, current and
/// owner-only; anything else is parsed again and the cache file rebuilt,
/// never an error.
@Suite struct CompiledCacheTests {
    static let keys = ["ui/yes", "ui/no", "ui/quit", "ui/back", "ui/next"]

    /// What the screens would show of a few bundled strings.
    static func shown(_ c: Catalog) -> [LocalizedText] {
        keys.map { c.text(key: $0, source: $0) } + [c.text(key: "ui/yes", source: "Yes"), c.text(key: "ui/no", source: "No")]
    }

    /// A data folder with es.po, a cache folder, and the es.po catalog as parsed.
    struct Setup {
        let tmp: Scratch
        let po: URL
        let cache: CompiledCache
        let expected: Catalog
        init() throws {
            tmp = try Scratch()
            po = tmp.path("locales/es.po")
            try FileManager.default.createDirectory(at: po.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("locales/es.po"), to: po)
            cache = CompiledCache(directory: tmp.path("cache/intake"))
            let (file, _) = LocaleFiles.parse(po)
            expected = Catalog(try #require(file), language: "es")
        }
        var hash: [UInt8] { SHA256Digest.digest(try! QuestionnaireFiles.bytes(of: po).get()) }
        var cacheFile: URL {
            cache.directory.appendingPathComponent(CompiledCache.catalogName(sourceHash: hash, language: "es",
                                                                             program: CompiledCache.programIdentity))
        }
        func load() throws -> Catalog { try DeferredCatalog.parse(po, language: "es", cache: cache).get() }
        func mode(_ url: URL) -> Int { ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? -1 }
    }

    @Test func theFirstLoadCompilesTheSecondReadsTheCompiledCatalog() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        #expect(!FileManager.default.fileExists(atPath: s.cacheFile.path))
        #expect(Self.shown(try s.load()) == Self.shown(s.expected))
        #expect(s.mode(s.cacheFile) == 0o600)
        #expect(s.mode(s.cache.directory) == 0o700)
        // The second load comes from the cache: the same file compiled.
        let cached = try #require(s.cache.catalog(sourceHash: s.hash, language: "es"))
        #expect(Self.shown(cached) == Self.shown(s.expected))
        #expect(Self.shown(try s.load()) == Self.shown(s.expected))
        #expect(Self.shown(s.expected).contains(LocalizedText(text: "Sí", status: .translated)))
    }

    /// `run --ephemeral` writes nothing to disk: its cache reads compiled
    /// files but never writes one (nor the folder).
    @Test func aReadingOnlyCacheReadsButNeverWrites() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        let readOnly = s.cache.readingOnly()
        #expect(Self.shown(try DeferredCatalog.parse(s.po, language: "es", cache: readOnly).get()) == Self.shown(s.expected))
        #expect(!FileManager.default.fileExists(atPath: s.cache.directory.path))
        _ = try s.load()  // the writing cache compiles the file
        #expect(FileManager.default.fileExists(atPath: s.cacheFile.path))
        let cached = try #require(readOnly.catalog(sourceHash: s.hash, language: "es"))
        #expect(Self.shown(cached) == Self.shown(s.expected))
    }

    @Test func aChangedTranslationFileIsParsedAgainNotTakenFromTheCache() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        _ = try s.load()
        let old = s.cacheFile
        let text = try String(contentsOf: s.po, encoding: .utf8).replacingOccurrences(of: "msgstr \"Sí\"", with: "msgstr \"Sí, claro\"")
        try Data(text.utf8).write(to: s.po)
        let loaded = try s.load()
        #expect(loaded.text(key: "ui/yes", source: "Yes") == LocalizedText(text: "Sí, claro", status: .translated))
        #expect(s.cacheFile != old)
        #expect(FileManager.default.fileExists(atPath: s.cacheFile.path))
        // The earlier version's file is gone; another language's stays.
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.cache.directory.path) == [s.cacheFile.lastPathComponent])
    }

    @Test func eachLanguageKeepsOneFileAndOthersAreLeftAlone() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        _ = try s.load()
        let es = s.cacheFile.lastPathComponent
        let (file, _) = POFile.parse("msgid \"\"\nmsgstr \"Language: fa\\n\"\n\nmsgctxt \"ui/yes\"\nmsgid \"Yes\"\nmsgstr \"بله\"\n", file: "fa.po")
        let fa = Catalog(try #require(file), language: "fa")
        s.cache.store(fa, sourceHash: [UInt8](repeating: 1, count: 32))
        s.cache.store(fa, sourceHash: [UInt8](repeating: 2, count: 32))
        let names = try FileManager.default.contentsOfDirectory(atPath: s.cache.directory.path).sorted()
        let faName = CompiledCache.catalogName(sourceHash: [UInt8](repeating: 2, count: 32), language: "fa",
                                               program: CompiledCache.programIdentity)
        #expect(names == [es, faName].sorted())
        #expect(s.cache.catalog(sourceHash: [UInt8](repeating: 2, count: 32), language: "fa")?
                    .text(key: "ui/yes", source: "Yes") == LocalizedText(text: "بله", status: .translated))
    }

    /// Damages the cache file with `damage`, then loads: the catalog is the
    /// parsed one, and the cache file is whole and owner-only again.
    func loadsDespite(_ damage: (Setup) throws -> Void) throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        _ = try s.load()
        try damage(s)
        #expect(Self.shown(try s.load()) == Self.shown(s.expected))
        #expect(s.mode(s.cacheFile) == 0o600)
        let again = try #require(s.cache.catalog(sourceHash: s.hash, language: "es"), "the cache file was not rebuilt")
        #expect(Self.shown(again) == Self.shown(s.expected))
    }

    @Test func aCorruptCacheFileIsIgnoredAndRebuilt() throws {
        try loadsDespite { s in
            var bytes = try Array(Data(contentsOf: s.cacheFile))
            bytes[bytes.count / 2] ^= 0xFF
            try Data(bytes).write(to: s.cacheFile)
            chmod(s.cacheFile.path, 0o600)
        }
    }

    @Test func aTruncatedCacheFileIsIgnoredAndRebuilt() throws {
        try loadsDespite { s in
            let bytes = try Array(Data(contentsOf: s.cacheFile))
            try Data(bytes[..<(bytes.count - 100)]).write(to: s.cacheFile)
            chmod(s.cacheFile.path, 0o600)
        }
    }

    @Test func anEmptyOrGarbageCacheFileIsIgnoredAndRebuilt() throws {
        try loadsDespite { s in
            try Data().write(to: s.cacheFile)
            chmod(s.cacheFile.path, 0o600)
        }
        try loadsDespite { s in
            try Data("not a catalog".utf8).write(to: s.cacheFile)
            chmod(s.cacheFile.path, 0o600)
        }
    }

    @Test func aCacheFileFromAnotherVersionIsIgnoredAndRebuilt() throws {
        try loadsDespite { s in
            let other = CompiledCatalog.encode(s.expected, sourceHash: s.hash, program: "another build")
            try Data(other).write(to: s.cacheFile)
            chmod(s.cacheFile.path, 0o600)
        }
    }

    @Test func aCacheFileOthersMayReadOrWriteIsIgnoredAndRebuilt() throws {
        for mode in [0o644, 0o640, 0o604, 0o602, 0o660] as [mode_t] {
            try loadsDespite { s in
                // Valid bytes, but a mode that is not owner-only: not trusted.
                #expect(s.cache.read(s.cacheFile.lastPathComponent) != nil)
                chmod(s.cacheFile.path, mode)
                #expect(s.cache.read(s.cacheFile.lastPathComponent) == nil)
            }
        }
    }

    @Test func aCacheFileOfAnotherUserOrASymlinkIsIgnoredAndReplaced() throws {
        if geteuid() == 0 {
            try loadsDespite { s in
                chown(s.cacheFile.path, 4242, 4242)
                #expect(s.cache.read(s.cacheFile.lastPathComponent) == nil)
            }
        }
        try loadsDespite { s in
            let target = s.tmp.path("elsewhere.bin")
            try FileManager.default.moveItem(at: s.cacheFile, to: target)
            try FileManager.default.createSymbolicLink(at: s.cacheFile, withDestinationURL: target)
            #expect(s.cache.read(s.cacheFile.lastPathComponent) == nil)
        }
    }

    @Test func aCacheFolderThatCannotBeCreatedCostsOnlyTheParse() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let po = try tmp.write("locales/es.po", String(contentsOf: repositoryRoot.appendingPathComponent("locales/es.po"), encoding: .utf8))
        try tmp.write("blocker", "a file where the cache folder's parent would be")
        let cache = CompiledCache(directory: tmp.path("blocker/intake"))
        let c = try DeferredCatalog.parse(po, language: "es", cache: cache).get()
        #expect(c.text(key: "ui/yes", source: "Yes") == LocalizedText(text: "Sí", status: .translated))
    }

    @Test func theCacheFolderFollowsXDGCacheHome() {
        #expect(CompiledCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"])?.directory.path == "/x/cache/intake")
        #expect(CompiledCache.standard(environment: ["HOME": "/h"])?.directory.path == "/h/.cache/intake")
        // A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
        #expect(CompiledCache.standard(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])?.directory.path == "/h/.cache/intake")
        #expect(CompiledCache.standard(environment: [:]) == nil)
    }

    @Test func aBrokenTranslationFileIsStillReportedAndNothingIsCached() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let url = try tmp.write("xx.po", "msgid \"\"\nmsgstr \"Language: xx\\n\"\n\nmsgid \"a\"\nmsgstr \"b\" trailing\n")
        let cache = CompiledCache(directory: tmp.path("cache"))
        guard case .failure(let f) = DeferredCatalog.parse(url, language: "xx", cache: cache) else {
            Issue.record("a broken file parsed"); return
        }
        #expect(!f.diagnostics.isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: tmp.path("cache").path)) ?? []).isEmpty)
    }
}

/// A batch thread's translations (`CatalogCache(copying:)`): the batch's,
/// loaded once, as copies of their own.
@Suite struct CatalogCacheCopyTests {
    @Test func aThreadsCacheCopiesTheTranslationTheBatchLoaded() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let po = tmp.path("locales/es.po")
        try FileManager.default.createDirectory(at: po.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("locales/es.po"), encoding: .utf8)
        try Data(text.utf8).write(to: po)
        let origin = CatalogCache(locales: tmp.path("locales"))
        let first = try #require(try origin.translator("es") as? Catalog)
        // A catalog's compiled bytes, by their digest (short in a failure).
        let bytes = { (c: Catalog) in
            SHA256Digest.hex(CompiledCatalog.encode(c, sourceHash: [UInt8](repeating: 1, count: 32), program: "t"))
        }
        try Data((text + "\nmsgctxt \"test/extra\"\nmsgid \"Extra\"\nmsgstr \"Extra es\"\n").utf8).write(to: po)
        let reread = try #require(try CatalogCache(locales: tmp.path("locales")).translator("es") as? Catalog)
        #expect(reread.translate(key: "test/extra", source: "Extra").text == "Extra es")

        // The copy is the catalog the batch loaded, not the changed file;
        // that it shares no storage is `CompiledCatalogTests`'.
        let lane = CatalogCache(copying: origin)
        let copy = try #require(try lane.translator("es") as? Catalog)
        #expect(bytes(copy) == bytes(first))
        #expect(bytes(copy) != bytes(reread))
        #expect(copy.translate(key: "test/extra", source: "Extra").text == "Extra")
        // The source language needs no file; a missing one is refused.
        #expect(try lane.translator("en").language == "en")
        #expect(throws: Failure.usage) { try lane.translator("xx") }
    }
}

/// The batch's worker threads: every element once, results in order.
@Suite struct ConcurrentMapTests {
    /// Each call is told its thread's number, and no two threads have the
    /// same number at once, so a caller may keep state by number.
    @Test(arguments: [1, 2, 3, 8])
    func eachThreadHasANumberOfItsOwn(threads: Int) {
        let busy = Busy(threads)
        let out = concurrentMap(Array(0..<400), threads: threads) { thread, i -> Int in
            busy.enter(thread)
            usleep(50)
            busy.leave(thread)
            return i + 1
        }
        #expect(out == Array(1...400))
        #expect(busy.clashes == 0)
        #expect(busy.outOfRange == 0)
        #expect(busy.seen.isSubset(of: Set(0..<threads)) && !busy.seen.isEmpty)
    }

    /// Which thread numbers are in use, and how often one was taken twice.
    final class Busy: @unchecked Sendable {
        private let lock = NSLock()
        private var inUse: Set<Int> = []
        private(set) var clashes = 0, outOfRange = 0
        private(set) var seen: Set<Int> = []
        let count: Int
        init(_ count: Int) { self.count = count }
        func enter(_ n: Int) {
            lock.lock(); defer { lock.unlock() }
            if !(0..<count).contains(n) { outOfRange += 1 }
            if !inUse.insert(n).inserted { clashes += 1 }
            seen.insert(n)
        }
        func leave(_ n: Int) { lock.lock(); inUse.remove(n); lock.unlock() }
    }

    @Test(arguments: [0, 1, 2, 7, 1000])
    func everyElementIsTransformedOnceInOrder(count: Int) {
        let items = Array(0..<count)
        let calls = CallCount()
        let out = concurrentMap(items, threads: 8) { _, i -> String in
            calls.add()
            return "item \(i * 3)"
        }
        #expect(out == items.map { "item \($0 * 3)" })
        #expect(calls.value == count)
    }

    final class CallCount: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
}
