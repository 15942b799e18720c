import Foundation
import IntakeCore
import Testing
@testable import IntakeApp

/// Validated questionnaires in the compiled cache: used only when whole,
/// current and owner-only, for exactly the bytes they were loaded from;
/// anything else is loaded (and its errors reported) again, never an error
/// of the cache's own.
@Suite struct CompiledQuestionnaireCacheTests {
    /// A copy of the bundled quick screen, a cache folder, and the model the loader builds.
    struct Setup {
        let tmp: Scratch
        let cache: CompiledCache
        let bytes: [UInt8]
        let path = "data/questionnaires/quick-screen.yaml"
        let expected: Questionnaire
        init() throws {
            tmp = try Scratch()
            cache = CompiledCache(directory: tmp.path("cache/intake"))
            bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent("questionnaires/quick-screen.yaml")))
            expected = try #require(QuestionnaireLoader.load(bytes: bytes, path: path).questionnaire)
        }
        var hash: [UInt8] { SHA256Digest.digest(bytes) }
        var cacheFile: URL {
            cache.directory.appendingPathComponent(CompiledCache.questionnaireName(
                sourceHash: hash, id: "quick-screen", program: CompiledCache.programIdentity))
        }
        func load(_ cache: CompiledCache? = nil, bytes: [UInt8]? = nil) -> QuestionnaireLoader.Outcome {
            InterviewData.loadQuestionnaire(bytes ?? self.bytes, path: path, id: "quick-screen", cache: cache ?? self.cache)
        }
        func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path)) ?? []).sorted() }
        func mode(_ url: URL) -> Int { ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? -1 }
    }

    /// `q` with another title, to tell a questionnaire read from the cache
    /// from one loaded from the file.
    static func retitled(_ q: Questionnaire, _ title: String) -> Questionnaire {
        var t = q.title
        t.text = title
        return Questionnaire(id: q.id, version: q.version, language: q.language, title: t, description: q.description,
                             intro: q.intro, endMessage: q.endMessage, parameters: q.parameters, domains: q.domains,
                             sections: q.sections, indicators: q.indicators, scores: q.scores, result: q.result,
                             referrals: q.referrals, summaryHooks: q.summaryHooks, resources: q.resources,
                             changelog: q.changelog, path: q.path, contentHash: q.contentHash)
    }

    @Test func theFirstLoadCompilesTheSecondReadsTheCompiledQuestionnaire() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        #expect(s.load().questionnaire == s.expected)
        #expect(s.names() == [s.cacheFile.lastPathComponent])
        #expect(s.mode(s.cacheFile) == 0o600)
        #expect(s.mode(s.cache.directory) == 0o700)
        #expect(s.cache.questionnaire(sourceHash: s.hash, id: "quick-screen", path: s.path) == s.expected)
        // What the cache holds is what the next load gives: kept under the
        // same name, a retitled copy shows it is read, not the file.
        s.cache.store(Self.retitled(s.expected, "From the cache"), sourceHash: s.hash)
        #expect(s.load().questionnaire?.title.text == "From the cache")
    }

    /// `run --ephemeral` and `--preview` write nothing to disk: their cache
    /// reads compiled questionnaires but never writes one (nor the folder).
    /// A summary (`QuestionnaireCache`, `DataLocation.questionnaire`) reads
    /// the compiled questionnaire and never writes one: without a compiled
    /// form it loads the file and leaves the cache as it was.
    @Test func aSummaryReadsTheCompiledQuestionnaireAndNeverWritesOne() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        let data = s.tmp.path("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("questionnaires"), withIntermediateDirectories: true)
        try Data(s.bytes).write(to: data.appendingPathComponent("questionnaires/quick-screen.yaml"))
        let loc = try #require(DataLocation(base: data))
        let readOnly = s.cache.readingOnly()
        #expect(try QuestionnaireCache(compiled: readOnly).program("quick-screen", loc).questionnaire.title.text == s.expected.title.text)
        #expect(try loc.questionnaire(id: "quick-screen", compiled: readOnly).contentHash == s.expected.contentHash)
        #expect(!FileManager.default.fileExists(atPath: s.cache.directory.path))
        s.cache.store(Self.retitled(s.expected, "From the cache"), sourceHash: s.hash)
        #expect(try QuestionnaireCache(compiled: readOnly).program("quick-screen", loc).questionnaire.title.text == "From the cache")
        #expect(try loc.questionnaire(id: "quick-screen", compiled: readOnly).title.text == "From the cache")
        #expect(try QuestionnaireCache().program("quick-screen", loc).questionnaire.title.text == s.expected.title.text)
        #expect(s.names() == [s.cacheFile.lastPathComponent])
    }

    /// A batch thread's cache (`init(copying:)`) holds the batch's
    /// questionnaire, loaded once: a file changed after the first thread
    /// loaded it is not read again, so every summary of a batch is scored
    /// by the same questionnaire. The copy is kept apart from the first
    /// thread's, so the threads never retain the same objects.
    @Test func aThreadsCacheCopiesTheQuestionnaireTheBatchLoaded() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        let file = s.tmp.path("data/questionnaires/quick-screen.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(s.bytes).write(to: file)
        let loc = try #require(DataLocation(base: s.tmp.path("data")))
        let origin = QuestionnaireCache()
        let first = try origin.program("quick-screen", loc).questionnaire
        #expect(first.title.text == "Quick work and safety check")
        let changed = String(decoding: s.bytes, as: UTF8.self)
            .replacingOccurrences(of: "title: Quick work and safety check", with: "title: Changed since")
        try Data(changed.utf8).write(to: file)
        #expect(try QuestionnaireCache().program("quick-screen", loc).questionnaire.title.text == "Changed since")

        let lane = QuestionnaireCache(copying: origin)
        let copy = try lane.program("quick-screen", loc).questionnaire
        #expect(copy == first)
        #expect(copy.title.text == "Quick work and safety check")
        let at = { (q: Questionnaire) in q.questions.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(at(copy) != nil && at(copy) != at(first))
        // Copied once: the thread's later summaries use the same copy.
        #expect(at(try lane.program("quick-screen", loc).questionnaire) == at(copy))
        // What the batch cannot load, a thread cannot either.
        #expect(throws: Failure.usage) { try lane.program("nonexistent", loc) }
    }

    @Test func aReadingOnlyCacheReadsButNeverWrites() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        #expect(s.load(s.cache.readingOnly()).questionnaire == s.expected)
        #expect(!FileManager.default.fileExists(atPath: s.cache.directory.path))
        s.cache.store(Self.retitled(s.expected, "From the cache"), sourceHash: s.hash)
        #expect(s.load(s.cache.readingOnly()).questionnaire?.title.text == "From the cache")
    }

    @Test func aChangedFileIsLoadedAgainAndReplacesItsCompiledForm() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        _ = s.load()
        let old = s.cacheFile.lastPathComponent
        let changed = Array(String(decoding: s.bytes, as: UTF8.self)
            .replacingOccurrences(of: "title: Quick work and safety check", with: "title: Quick check, changed").utf8)
        #expect(s.load(bytes: changed).questionnaire?.title.text == "Quick check, changed")
        let names = s.names()
        #expect(names.count == 1 && names != [old])
        // Another questionnaire's compiled form is left alone.
        let other = try #require(QuestionnaireLoader.load(
            bytes: try Array(Data(contentsOf: repositoryRoot.appendingPathComponent("questionnaires/trafficking-screening.yaml"))),
            path: "trafficking-screening.yaml").questionnaire)
        s.cache.store(other, sourceHash: [UInt8](repeating: 7, count: 32))
        #expect(s.names().count == 2)
    }

    /// A cache never hides an error: a broken file is loaded from its bytes,
    /// its errors reported at file:line:column, and nothing is compiled.
    @Test func aBrokenQuestionnaireIsReportedAndNeverCached() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        _ = s.load()
        let before = s.names()
        let broken = Array(String(decoding: s.bytes, as: UTF8.self)
            .replacingOccurrences(of: "sections:\n", with: "sections:\n  - id: broken\n    colour: red\n").utf8)
        for _ in 0..<2 {
            let outcome = s.load(bytes: broken)
            #expect(outcome.questionnaire == nil)
            #expect(outcome.diagnostics.map(\.description).contains {
                $0.hasPrefix("data/questionnaires/quick-screen.yaml:") && $0.contains(": error: unknown key 'colour'")
            })
        }
        #expect(s.names() == before)
    }

    /// Damages the cache file with `damage`, then loads: the questionnaire
    /// is the loaded one, and the cache file is whole and owner-only again.
    func loadsDespite(_ damage: (Setup) throws -> Void) throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        _ = s.load()
        try damage(s)
        #expect(s.load().questionnaire == s.expected)
        #expect(s.mode(s.cacheFile) == 0o600)
        #expect(s.cache.questionnaire(sourceHash: s.hash, id: "quick-screen", path: s.path) == s.expected,
                "the cache file was not rebuilt")
    }

    /// Writes `bytes` over `url`, owner-only (so only the bytes are wrong).
    static func overwrite(_ url: URL, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: url)
        chmod(url.path, 0o600)
    }

    @Test func aCorruptTruncatedOrForeignCacheFileIsIgnoredAndRebuilt() throws {
        try loadsDespite { s in
            var bytes = try Array(Data(contentsOf: s.cacheFile))
            bytes[bytes.count / 2] ^= 0xFF
            try Self.overwrite(s.cacheFile, bytes)
        }
        try loadsDespite { s in
            let bytes = try Array(Data(contentsOf: s.cacheFile))
            try Self.overwrite(s.cacheFile, Array(bytes[..<(bytes.count - 100)]))
        }
        try loadsDespite { s in try Self.overwrite(s.cacheFile, Array("not a questionnaire".utf8)) }
        try loadsDespite { s in
            // Another build's, or a compiled catalog where a questionnaire should be.
            let other = try #require(CompiledQuestionnaire.encode(s.expected, sourceHash: s.hash, program: "another build"))
            try Self.overwrite(s.cacheFile, other)
        }
        try loadsDespite { s in
            let (file, _) = POFile.parse("msgid \"\"\nmsgstr \"Language: es\\n\"\n", file: "es.po")
            try Self.overwrite(s.cacheFile, CompiledCatalog.encode(Catalog(file!, language: "es"), sourceHash: s.hash,
                                                                   program: CompiledCache.programIdentity))
        }
    }

    @Test func aCacheFileOthersMayReadOrWriteIsIgnoredAndRebuilt() throws {
        for mode in [0o644, 0o640, 0o604, 0o602, 0o660] as [mode_t] {
            try loadsDespite { s in
                s.cache.store(Self.retitled(s.expected, "From the cache"), sourceHash: s.hash)
                chmod(s.cacheFile.path, mode)
                #expect(s.cache.questionnaire(sourceHash: s.hash, id: "quick-screen", path: s.path) == nil)
            }
        }
    }

    /// Without an id from the file's header there is no name to look up:
    /// the file is loaded, and nothing is written.
    @Test func withoutAHeaderIdTheFileIsLoadedAndNothingCached() throws {
        let s = try Setup()
        defer { s.tmp.remove() }
        let outcome = InterviewData.loadQuestionnaire(s.bytes, path: s.path, id: nil, cache: s.cache)
        #expect(outcome.questionnaire == s.expected)
        #expect(s.names().isEmpty)
    }
}
