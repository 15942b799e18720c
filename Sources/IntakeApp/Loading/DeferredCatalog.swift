import Foundation
import IntakeCore

/// A translation whose header is read at once and whose strings are parsed
/// on a background thread, so the start screen does not wait for every
/// language an organization keeps. What the start screen shows of a
/// language (its tag and whether it is a draft) comes from the header.
/// A lookup never waits (views call it): before the parse has finished it
/// gives the source text, marked as a fallback. So the launcher waits, with
/// `wait()`, for the languages the first screen uses before drawing it, and
/// for every one before the first key. `wait()` gives the parse's errors, so
/// a broken file still stops the program.
public final class DeferredCatalog: Translating, Sendable {
    public let language: String
    public let isDraft: Bool
    private let parse: Pending<Result<Catalog, LoadFailure>>

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
        let parse = Pending(on: LoadingLanes.queue(lane)) { Self.parse(url, language: language, cache: cache) }
        return .success(DeferredCatalog(language: language, isDraft: Catalog.isDraft(header), parse: parse))
    }

    /// The whole file, read, then parsed and checked, or compiled earlier
    /// from the same bytes (see `CompiledCache`).
    static func parse(_ url: URL, language: String, cache: CompiledCache?) -> Result<Catalog, LoadFailure> {
        let bytes: [UInt8]
        switch QuestionnaireFiles.bytes(of: url) {
        case .failure(let d): return .failure(LoadFailure(diagnostics: [d]))
        case .success(let b): bytes = b
        }
        let hash = cache.map { _ in SHA256Digest.digest(bytes) }
        if let cache, let hash, let compiled = cache.catalog(sourceHash: hash, language: language) { return .success(compiled) }
        let (file, diags) = LocaleFiles.parse(bytes, path: QuestionnaireFiles.displayPath(url))
        guard let file else { return .failure(LoadFailure(diagnostics: diags)) }
        let catalog = Catalog(file, language: language)
        if let cache, let hash { cache.store(catalog, sourceHash: hash) }
        return .success(catalog)
    }

    private init(language: String, isDraft: Bool, parse: Pending<Result<Catalog, LoadFailure>>) {
        self.language = language
        self.isDraft = isDraft
        self.parse = parse
    }

    /// Waits for the background parse; its errors, if any.
    public func wait() -> Result<Catalog, LoadFailure> { parse.wait() }

    /// The parsed catalog; the source language itself when the file failed
    /// to parse (those errors end the program through `wait()`); nil while
    /// it is still being parsed.
    private var catalog: (any Translating)? {
        switch parse.peek() {
        case .success(let c)?: return c
        case .failure?: return SourceLanguage(language: language)
        case nil: return nil
        }
    }

    public func translate(key: String, source: String) -> Translated {
        catalog?.translate(key: key, source: source) ?? Translated(text: source, isFallback: true)
    }

    public func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        catalog?.translatePlural(key: key, source: source, sourcePlural: sourcePlural, count: count)
            ?? Translated(text: count == 1 ? source : sourcePlural, isFallback: true)
    }
}
