import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    /// Compiled catalogs (the cache's bytes) answer every lookup as the
    /// catalog parsed from the PO file does, and bytes that do not match in
    /// every respect are refused.
    @Suite struct CompiledCatalogTests {
        static let hash = [UInt8](repeating: 0xA5, count: 32)

        /// Every lookup a screen can make of `file`'s keys: with the current
        /// source text and with another one, singular and plural (counts 0 to
        /// 12, 21, 101), and of a key no file has.
        static func lookups(_ c: Catalog, _ file: POFile) -> [LocalizedText] {
            var out: [LocalizedText] = []
            for e in file.entries {
                let key = e.context ?? "no-key"
                for source in [e.id, e.id + " (changed)"] {
                    out.append(c.text(key: key, source: source))
                    for n in Array(0...12) + [21, 101] {
                        out.append(c.plural(key: key, source: source, sourcePlural: e.idPlural ?? "plural", count: n))
                    }
                }
            }
            out.append(c.text(key: "absent/key", source: "Absent"))
            return out
        }

        static func roundTrip(_ catalog: Catalog, language: String) -> Catalog? {
            let bytes = CompiledCatalog.encode(catalog, sourceHash: hash, program: "test 1")
            return CompiledCatalog.decode(bytes, sourceHash: hash, language: language, program: "test 1")
        }

        @Test(arguments: 0..<150)
        func aGeneratedCatalogCompiledAndReadBackAnswersAlike(seed: Int) throws {
            var file = PORandomRoundTripTests.randomFile(seed: UInt64(seed) &+ 7_000, nplurals: seed % 4 + 1)
            if seed % 3 == 0 { file.reviewStatus = .reviewed; file.reviewedBy = "reviewer \(seed)" }
            if seed % 5 == 0 { file.pluralFormsHeader = "nplurals=2; plural=(n" }  // broken: English rule
            let (parsed, _) = POFile.parse(file.serialized(), file: "gen.po")
            let catalog = Catalog(try #require(parsed), language: "ru")
            let back = try #require(Self.roundTrip(catalog, language: "ru"))
            #expect(Self.lookups(back, file) == Self.lookups(catalog, file))
            #expect(back.language == "ru")
            #expect(back.isDraft == catalog.isDraft)
            #expect(back.reviewedBy == catalog.reviewedBy)
            #expect(back.pluralForms == catalog.pluralForms)
            #expect(back.rejectedCount == catalog.rejectedCount)
            // The same catalog always compiles to the same bytes.
            #expect(CompiledCatalog.encode(back, sourceHash: Self.hash, program: "test 1")
                    == CompiledCatalog.encode(catalog, sourceHash: Self.hash, program: "test 1"))
        }

        @Test func theBundledTranslationsCompiledAnswerAlike() throws {
            let files = Checkout.localeFiles()
            #expect(files.count >= 6)
            for url in files {
                let file = try parsePO(String(decoding: try Data(contentsOf: url), as: UTF8.self), file: url.lastPathComponent)
                let language = url.deletingPathExtension().lastPathComponent
                let catalog = Catalog(file, language: language)
                let back = try #require(Self.roundTrip(catalog, language: language))
                #expect(Self.lookups(back, file) == Self.lookups(catalog, file), "\(language)")
                #expect(back.isDraft == catalog.isDraft && back.pluralForms == catalog.pluralForms)
            }
        }

        /// Where each entry's translations are kept, by key.
        static func buffers(_ c: Catalog) -> [String: UnsafeRawPointer?] {
            c.messages.mapValues { m in m.translations.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        }

        /// A batch's thread copy answers every lookup as the catalog does,
        /// and keeps none of its entries in the same place.
        @Test func aCopyAnswersAlikeAndSharesNoStorage() throws {
            for url in Checkout.localeFiles() {
                let file = try parsePO(String(decoding: try Data(contentsOf: url), as: UTF8.self), file: url.lastPathComponent)
                let language = url.deletingPathExtension().lastPathComponent
                let catalog = Catalog(file, language: language)
                let copy = try #require(CompiledCatalog.copy(catalog))
                #expect(Self.lookups(copy, file) == Self.lookups(catalog, file), "\(language)")
                #expect(copy.language == language && copy.isDraft == catalog.isDraft && copy.reviewedBy == catalog.reviewedBy)
                #expect(copy.pluralForms == catalog.pluralForms && copy.rejectedCount == catalog.rejectedCount)
                let mine = Self.buffers(catalog), theirs = Self.buffers(copy)
                #expect(mine.count > 100 && Set(mine.keys) == Set(theirs.keys), "\(language)")
                let shared = mine.filter { key, at in at != nil && theirs[key] == at }.keys
                #expect(shared.isEmpty, "\(language): \(shared.sorted().prefix(3))")
            }
        }

        static func small() -> (Catalog, [UInt8]) {
            let (file, _) = POFile.parse(CatalogTests.text, file: "ru.po")
            let catalog = Catalog(file!, language: "ru")
            return (catalog, CompiledCatalog.encode(catalog, sourceHash: hash, program: "test 1"))
        }

        @Test func bytesForAnotherFileLanguageOrProgramAreRefused() {
            let (_, bytes) = Self.small()
            #expect(CompiledCatalog.decode(bytes, sourceHash: Self.hash, language: "ru", program: "test 1") != nil)
            var other = Self.hash
            other[31] ^= 1
            #expect(CompiledCatalog.decode(bytes, sourceHash: other, language: "ru", program: "test 1") == nil)
            #expect(CompiledCatalog.decode(bytes, sourceHash: Self.hash, language: "uk", program: "test 1") == nil)
            #expect(CompiledCatalog.decode(bytes, sourceHash: Self.hash, language: "ru", program: "test 2") == nil)
        }

        @Test func bytesOfAnotherFormatVersionAreRefused() {
            let (_, bytes) = Self.small()
            var older = bytes
            // The version follows the 8-byte magic, little-endian.
            #expect(Array(older[8..<12]) == [UInt8(CompiledCatalog.formatVersion), 0, 0, 0])
            older[8] = UInt8(CompiledCatalog.formatVersion) &+ 1
            #expect(CompiledCatalog.decode(older, sourceHash: Self.hash, language: "ru", program: "test 1") == nil)
        }

        @Test func cutOffBytesAreRefusedAtEveryLength() {
            let (_, bytes) = Self.small()
            for n in 0..<bytes.count {
                #expect(CompiledCatalog.decode(Array(bytes[..<n]), sourceHash: Self.hash, language: "ru", program: "test 1") == nil, "\(n)")
            }
            #expect(CompiledCatalog.decode(bytes + [0], sourceHash: Self.hash, language: "ru", program: "test 1") == nil)
        }

        @Test func anyChangedByteIsRefused() {
            let (_, bytes) = Self.small()
            for i in bytes.indices {
                var changed = bytes
                changed[i] ^= 0x20
                #expect(CompiledCatalog.decode(changed, sourceHash: Self.hash, language: "ru", program: "test 1") == nil, "byte \(i)")
            }
        }

        @Test(arguments: 0..<40)
        func randomBytesAreRefusedWithoutCrashing(seed: Int) {
            var rng = SplitMix64(seed: UInt64(seed))
            let (_, bytes) = Self.small()
            // The real header, then noise: reaches the payload checks too.
            let keep = Int.random(in: 0...bytes.count, using: &rng)
            let noise = (0..<Int.random(in: 1...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(CompiledCatalog.decode(Array(bytes[..<keep]) + noise, sourceHash: Self.hash, language: "ru", program: "test 1") == nil)
        }
    }
}
