import Foundation
import IntakeCore
import IntakeTestSupport
import Testing
@testable import IntakeApp

/// The check at start reads only a compiled translation's header (its
/// payload is checked when decoded, when the language is first used): it
/// must hold every file the whole-file check (`payloadOffset`, which
/// `decode` uses) holds, and refuse every file cut short or grown.
@Suite struct CompiledCacheChunkTests {
    static let program = "chunk-test-program"
    static let sourceHash = SHA256Digest.digest(Array("the PO file's bytes".utf8))

    /// `bytes` kept as the compiled file of (`sourceHash`, `language`); what
    /// the check at start and the whole-file check say of it.
    static func verdicts(_ bytes: [UInt8], language: String, cache: CompiledCache) throws -> (atStart: Bool, whole: Bool) {
        let name = CompiledCache.catalogName(sourceHash: sourceHash, language: language, program: program)
        try FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
        let url = cache.directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        chmod(url.path, 0o600)
        return (cache.holdsCatalog(sourceHash: sourceHash, language: language, program: program),
                CompiledCatalog.payloadOffset(bytes, sourceHash: sourceHash, language: language, program: program) != nil)
    }

    /// 300 seeded copies of a compiled catalog: whole, or with a byte
    /// changed anywhere or in the header, cut short, or with bytes added.
    static func damaged(_ good: [UInt8], seed: UInt64) -> [(kind: Int, bytes: [UInt8])] {
        var rng = SplitMix64(seed: seed)
        return (0..<300).map { i in
            var b = good
            switch i % 5 {
            case 0: b[Int.random(in: 0..<b.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            case 1: b.removeLast(Int.random(in: 1...b.count - 1, using: &rng))
            case 2: b += (0..<Int.random(in: 1...70_000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 3: b[Int.random(in: 0..<min(b.count, 160), using: &rng)] ^= 0x20
            default: break
            }
            return (i % 5, b)
        }
    }

    func check(_ catalog: Catalog, language: String, seed: UInt64, minimumSize: Int, maximumSize: Int) throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let cache = CompiledCache(directory: tmp.path("cache/intake"))
        let good = CompiledCatalog.encode(catalog, sourceHash: Self.sourceHash, program: Self.program)
        #expect(good.count >= minimumSize && good.count <= maximumSize)
        var whole = 0, heldAtStart = 0
        for (kind, bytes) in Self.damaged(good, seed: seed) {
            let v = try Self.verdicts(bytes, language: language, cache: cache)
            // Never refused at start what the whole check holds.
            if v.whole { #expect(v.atStart, "damage of kind \(kind), \(bytes.count) bytes") }
            switch kind {
            case 4: #expect(v.whole && v.atStart)
            case 1, 2: #expect(!v.atStart, "cut or grown to \(bytes.count) bytes, held at start")
            default: #expect(!v.whole, "a changed byte was not caught by the whole check")
            }
            if v.whole { whole += 1 }
            if v.atStart { heldAtStart += 1 }
        }
        // Only the 60 unchanged copies pass the whole check; at start, a
        // byte changed in the payload passes too, to be caught when decoded.
        #expect(whole == 60)
        #expect(heldAtStart >= 60 && heldAtStart <= 180)
    }

    /// A large translation (es.po compiles to about 175 KB, several times
    /// the page the check at start reads).
    @Test func aLargeCatalogIsCheckedAtStartByItsHeader() throws {
        let (file, _) = LocaleFiles.parse(repositoryRoot.appendingPathComponent("locales/es.po"))
        let catalog = Catalog(try #require(file), language: "es")
        try check(catalog, language: "es", seed: 0x5EED_0001, minimumSize: 2 * FileChunks.chunkSize, maximumSize: 1 << 22)
    }

    /// A translation smaller than the page the check at start reads (4 KiB):
    /// the header and the payload arrive in one piece.
    @Test func aSmallCatalogIsCheckedAtStartByItsHeader() throws {
        let po = "msgid \"\"\nmsgstr \"Language: xx\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\nmsgid \"Yes\"\nmsgstr \"Ja\"\n"
        let (file, diags) = LocaleFiles.parse(Array(po.utf8), path: "xx.po")
        #expect(diags.isEmpty)
        let catalog = Catalog(try #require(file), language: "xx")
        try check(catalog, language: "xx", seed: 0x5EED_0002, minimumSize: 100, maximumSize: 4095)
    }

    /// A file hashed in chunks has the digest of its bytes (the FIPS 180-4
    /// vector of a million "a", three chunks and a part of one).
    @Test func aFileHashedInChunksHasItsDigest() throws {
        let tmp = try Scratch()
        defer { tmp.remove() }
        let url = try tmp.write("a.txt", String(repeating: "a", count: 1_000_000))
        let digest = try #require(FileChunks.sha256(atPath: url.path))
        #expect(SHA256Digest.hexOfDigest(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(FileChunks.sha256(atPath: url.path, limit: 999_999) == nil)
        #expect(FileChunks.sha256(atPath: tmp.path("missing").path) == nil)
    }
}
