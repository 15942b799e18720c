import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

extension LocalizationTests {
    /// Round trips of generated files: any entry the model can hold (except
    /// line breaks inside comments) is written and read back unchanged.
    @Suite struct PORandomRoundTripTests {
        static let alphabet: [String] = ["a", "b", "Z", " ", " ", "  ", "\n", "\t", "\r", "\"", "\\", "{", "}", "%d",
                                         "é", "ñ", "中", "文", "한", "ไ", "ี", "่", "ع", "👍🏽", "\u{07}", "\u{08}",
                                         "\u{0B}", "\u{0C}", "\u{01}", "\u{7F}", "#", "~", "|", "msgid ", ":", ","]

        struct Generator {
            var rng: SplitMix64
            mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
            mutating func bool() -> Bool { Bool.random(using: &rng) }
            mutating func text(max: Int, from alphabet: [String] = PORandomRoundTripTests.alphabet) -> String {
                // Sometimes long, to exercise wrapping.
                let count = int(0...(int(0...9) == 0 ? max * 8 : max))
                return (0..<count).map { _ in alphabet[int(0...(alphabet.count - 1))] }.joined()
            }
            mutating func comment() -> String {
                text(max: 30, from: PORandomRoundTripTests.alphabet.filter { !$0.contains("\n") && !$0.contains("\r") })
            }
            mutating func token() -> String {
                let t = text(max: 12, from: ["a", "b", "/", ".", "yaml", ":", "1", "2", "中"])
                return t.isEmpty ? "x" : t
            }
        }

        static func randomFile(seed: UInt64, nplurals: Int) -> POFile {
            var g = Generator(rng: SplitMix64(seed: seed))
            var file = POFile.newCatalog(language: "ru", template: [])
            file.pluralFormsHeader = "nplurals=\(nplurals); plural=\(nplurals == 1 ? "0" : "n % \(nplurals)");"
            var keys: Set<String> = []
            for i in 0..<g.int(1...25) {
                let key = "k/\(i)/" + g.token()
                guard keys.insert(key).inserted else { continue }
                let plural = g.int(0...3) == 0
                var e = POEntry(context: g.int(0...5) == 0 ? nil : key, id: "\(i) " + g.text(max: 40),
                                idPlural: plural ? g.text(max: 30) : nil,
                                translations: plural ? (0..<nplurals).map { _ in g.text(max: 40) } : [g.text(max: 60)])
                if e.context == nil { e.id = "nc\(i) " + e.id }
                e.translatorComments = (0..<g.int(0...2)).map { _ in g.comment() }
                e.extractedComments = (0..<g.int(0...2)).map { _ in g.comment() }
                e.references = (0..<g.int(0...4)).map { _ in g.token() }
                e.flags = (0..<g.int(0...2)).map { _ in ["fuzzy", "c-format", "no-c-format", "python-brace-format"][g.int(0...3)] }
                e.flags = e.flags.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                if g.bool() {
                    e.previousID = g.text(max: 30)
                    if g.int(0...3) == 0 { e.previousContext = g.token() }
                    if plural && g.bool() { e.previousIDPlural = g.text(max: 20) }
                }
                e.isObsolete = g.int(0...5) == 0
                file.entries.append(e)
            }
            // gettext keeps obsolete entries at the end.
            file.entries = file.entries.filter { !$0.isObsolete } + file.entries.filter(\.isObsolete)
            return file
        }

        @Test(arguments: 0..<200)
        func generatedFilesRoundTrip(seed: Int) throws {
            let file = Self.randomFile(seed: UInt64(seed), nplurals: seed % 4 + 1)
            let text = file.serialized()
            let (again, diagnostics) = POFile.parse(text, file: "gen-\(seed).po")
            #expect(diagnostics.isEmpty, "\(diagnostics)\n\(text)")
            #expect(again == file)
            for line in text.split(separator: "\n") where DisplayWidth.of(String(line)) > 79 {
                // Only a run without a place to break may exceed the width;
                // comments and references are never broken.
                // (Compared by scalar: "# " followed by a combining mark is
                // one Character, so Character-based hasPrefix would miss it.)
                let head = Array(line.unicodeScalars.prefix(2))
                if head.first == "#", head.count == 2, [" ", ".", ":", ","].contains(head[1]) { continue }
                var inner = line.split(separator: "\"", maxSplits: 1).last ?? ""
                inner = inner.dropLast()
                while inner.last == " " { inner = inner.dropLast() }
                #expect(!inner.contains(" "), "too wide: \(line)")
            }
        }

        @Test func msgfmtAcceptsGeneratedFiles() throws {
            // gettext rejects some texts by design (c-format flags on text
            // that is not valid C format, differing leading/trailing \n), so
            // this samples files without flags and with matching newlines.
            for seed in 0..<12 {
                var file = Self.randomFile(seed: UInt64(1000 + seed), nplurals: 3)
                for i in file.entries.indices {
                    file.entries[i].flags.removeAll { $0 != "fuzzy" }
                    let e = file.entries[i]
                    func fix(_ s: String) -> String {
                        var t = s
                        while t.hasPrefix("\n") { t.removeFirst() }
                        while t.hasSuffix("\n") { t.removeLast() }
                        if e.id.hasPrefix("\n") { t = "\n" + t }
                        if e.id.hasSuffix("\n") { t += "\n" }
                        return t
                    }
                    file.entries[i].id = e.id
                    if let p = e.idPlural {
                        var q = p
                        while q.hasPrefix("\n") { q.removeFirst() }
                        while q.hasSuffix("\n") { q.removeLast() }
                        if e.id.hasPrefix("\n") { q = "\n" + q }
                        if e.id.hasSuffix("\n") { q += "\n" }
                        file.entries[i].idPlural = q
                    }
                    file.entries[i].translations = e.translations.map { $0.isEmpty ? $0 : fix($0) }
                }
                try Gettext.expectMsgfmtAccepts(file.serialized(), name: "gen-\(seed).po")
            }
        }
    }
}
