import Foundation
import IntakeCore
import Synchronization

/// A translation whose header is read at once and whose strings are parsed
/// on a background thread, so the start screen does not wait for every
/// language an organization keeps. What the start screen shows of a
/// language (its tag and whether it is a draft) comes from the header.
/// A lookup never waits (views call it): before the parse has finished it
/// gives the source text, marked as a fallback. So the launcher waits, with
/// `wait()`, for the languages the first screen uses before drawing it, and
/// for every one before the first key. `wait()` gives the parse's errors, so
/// a broken file still stops the program. A file the compiled cache holds
/// is hashed in the background and found in the cache by that hash; the
/// compiled file's payload is checked and decoded the first time the
/// language is used (see `Loaded`).
public final class DeferredCatalog: Translating, Sendable {
    public let language: String
    public let isDraft: Bool
    private let url: URL
    private let loaded: Pending<Result<Loaded, LoadFailure>>
    private let decoded = Mutex<(any Translating)?>(nil)

    /// Reads and decodes `url` and parses its header here; the rest is
    /// parsed in the background, on worker `lane` (see `LoadingLanes`), or
    /// taken from `cache` when it holds this file's compiled catalog.
    /// Fails with the diagnostics of reading, decoding or the header.
    public static func open(_ url: URL, language: String, lane: Int, cache: CompiledCache? = nil) -> Result<DeferredCatalog, LoadFailure> {
        let path = QuestionnaireFiles.displayPath(url)
        // The header is near the start: read more only when it is not yet complete.
        var limit = 16 * 1024
        var head: [UInt8]
        while true {
            guard let bytes = QuestionnaireFiles.bytes(atPath: url.path, limit: limit) else {
                return .failure(LoadFailure(diagnostics: [.error(SourceLocation(file: path, line: 1, column: 1), QuestionnaireFiles.unreadable)]))
            }
            if let end = POFile.headerEnd(in: bytes) { head = Array(bytes[..<end]); break }
            if bytes.count < limit { head = bytes; break }
            limit *= 4
        }
        let (parsed, diags) = LocaleFiles.parse(head, path: path)
        guard let header = parsed else { return .failure(LoadFailure(diagnostics: diags)) }
        let loaded = Pending(on: LoadingLanes.lane(lane)) { Self.load(url, language: language, cache: cache) }
        return .success(DeferredCatalog(url: url, language: language, isDraft: Catalog.isDraft(header), loaded: loaded))
    }

    /// What the background work leaves of a translation: the catalog parsed
    /// from its PO file (checked, and compiled into the cache), or word that
    /// the cache holds a file compiled from the same bytes (its header
    /// checked), to be read, checked whole and decoded when the language is
    /// first used. Most interviews use one or two of the languages an
    /// organisation keeps, and decoding all six bundled ones held 3.5 to
    /// 6 MiB of the demo's peak (bench/README.md, "Issue 19, round 4:
    /// memory").
    enum Loaded: Sendable {
        case parsed(Catalog)
        case compiled(CompiledCache, sourceHash: [UInt8])
    }

    /// Word of the cache's compiled catalog for the file if it holds one
    /// (the file hashed as it is read, in chunks) and `compiled` allows it,
    /// else the file read whole, parsed, checked and compiled.
    static func load(_ url: URL, language: String, cache: CompiledCache?, compiled: Bool = true) -> Result<Loaded, LoadFailure> {
        if compiled, let cache, let hash = FileChunks.sha256(atPath: url.path),
           cache.holdsCatalog(sourceHash: hash, language: language) {
            return .success(.compiled(cache, sourceHash: hash))
        }
        let bytes: [UInt8]
        switch QuestionnaireFiles.bytes(of: url) {
        case .failure(let d): return .failure(LoadFailure(diagnostics: [d]))
        case .success(let b): bytes = b
        }
        let (file, diags) = LocaleFiles.parse(bytes, path: QuestionnaireFiles.displayPath(url))
        guard let file else { return .failure(LoadFailure(diagnostics: diags)) }
        let catalog = Catalog(file, language: language)
        // Hashed again: these bytes, not the ones hashed above (the file
        // may have changed since), are what the compiled form comes from.
        // A cache that is only read (`--ephemeral`) keeps nothing: no hash.
        if let cache, cache.writes { cache.store(catalog, sourceHash: SHA256Digest.digest(bytes)) }
        return .success(.parsed(catalog))
    }

    /// The whole file as a catalog: `load`, and the compiled catalog
    /// decoded; when it does not decode, the PO file parsed again and
    /// compiled anew (where the cache is written).
    static func parse(_ url: URL, language: String, cache: CompiledCache?, compiled: Bool = true) -> Result<Catalog, LoadFailure> {
        load(url, language: language, cache: cache, compiled: compiled).flatMap { loaded in
            decode(loaded, language: language).map { .success($0) } ?? parse(url, language: language, cache: cache, compiled: false)
        }
    }

    /// The catalog of `loaded`; nil when the compiled file is gone or
    /// changed since it was found (another build of the program replaced
    /// it), or its payload fails its digest or does not decode.
    private static func decode(_ loaded: Loaded, language: String) -> Catalog? {
        switch loaded {
        case .parsed(let c): return c
        case .compiled(let cache, let hash): return cache.catalog(sourceHash: hash, language: language)
        }
    }

    private init(url: URL, language: String, isDraft: Bool, loaded: Pending<Result<Loaded, LoadFailure>>) {
        self.url = url
        self.language = language
        self.isDraft = isDraft
        self.loaded = loaded
    }

    /// Waits for the background work; its errors, if any.
    public func wait() -> Result<Void, LoadFailure> { loaded.wait().map { _ in () } }

    /// Whether the strings are decoded (for the tests: a language not yet
    /// used holds no catalog).
    var isDecoded: Bool { decoded.withLock { $0 != nil } }

    /// The catalog, decoded the first time it is asked for; the source
    /// language itself when the file failed to parse (those errors end the
    /// program through `wait()`); nil while it is still being loaded.
    private var catalog: (any Translating)? {
        if let done = decoded.withLock({ $0 }) { return done }
        guard let result = loaded.peek() else { return nil }
        let made: any Translating
        switch result {
        case .failure: made = SourceLanguage(language: language)
        case .success(let l):
            // The compiled file gone, changed or damaged since: the PO file
            // parsed again, and compiled anew where the cache is written
            // (if it now has errors, the source text, marked).
            made = Self.decode(l, language: language) ?? Self.parsedAgain(url, language: language, after: l)
        }
        return decoded.withLock { done in
            if let done { return done }  // another thread decoded it first
            done = made
            return made
        }
    }

    private static func parsedAgain(_ url: URL, language: String, after loaded: Loaded) -> any Translating {
        let cache: CompiledCache? = if case .compiled(let c, _) = loaded { c } else { nil }
        return (try? parse(url, language: language, cache: cache, compiled: false).get()) ?? SourceLanguage(language: language)
    }

    public func translate(key: String, source: String) -> Translated {
        catalog?.translate(key: key, source: source) ?? Translated(text: source, isFallback: true)
    }

    public func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        catalog?.translatePlural(key: key, source: source, sourcePlural: sourcePlural, count: count)
            ?? Translated(text: count == 1 ? source : sourcePlural, isFallback: true)
    }
}
