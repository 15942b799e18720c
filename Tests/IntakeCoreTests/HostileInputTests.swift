import IntakeTestSupport
import Testing
@testable import IntakeCore

func loadBytes(_ bytes: [UInt8], path: String = "h.yaml") -> QuestionnaireLoader.Outcome {
    QuestionnaireLoader.load(bytes: bytes, path: path)
}

func loadDescriptions(_ bytes: [UInt8], path: String = "h.yaml") -> [String] {
    loadBytes(bytes, path: path).diagnostics.map(\.description)
}

@Suite struct HostileInputTests {
    @Test(arguments: [1, 2, 3, 42, 1234, 99991] as [UInt64])
    func randomBytesGiveADiagnostic(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &g) }
        let outcome = loadBytes(bytes)
        #expect(outcome.questionnaire == nil)
        #expect(!outcome.diagnostics.isEmpty)
        #expect(outcome.diagnostics.allSatisfy { $0.location.file == "h.yaml" && $0.location.line >= 1 && $0.location.column >= 1 })
        #expect(outcome.diagnostics.contains { $0.severity == .error })
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func randomPrintableTextGivesADiagnostic(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let alphabet = Array("abc:- \n[]{}#&*!|>'\"%@`,?".utf8)
        let bytes = (0..<2048).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
        let outcome = loadBytes(bytes)
        #expect(outcome.questionnaire == nil)
        #expect(outcome.diagnostics.contains { $0.severity == .error })
    }

    @Test func invalidUTF8PointsAtTheFirstBadByte() {
        let bytes = Array("format: 1\nid: t\ntitle: ab".utf8) + [0xFF] + Array("c\n".utf8)
        #expect(loadDescriptions(bytes) == ["h.yaml:3:10: error: the file is not valid UTF-8 text"])
    }

    @Test func invalidUTF8ColumnCountsCharactersNotBytes() {
        // "é" is two bytes but one column; the bad continuation byte follows it.
        let bytes = Array("a: \u{E9}".utf8) + [0xC3, 0x28]
        #expect(loadDescriptions(bytes) == ["h.yaml:1:5: error: the file is not valid UTF-8 text"])
    }

    @Test func nulByte() {
        let bytes = Array("format: 1\nid: t".utf8) + [0] + Array("\n".utf8)
        #expect(loadDescriptions(bytes) == ["h.yaml:2:6: error: the file contains a NUL byte; is it a text file?"])
    }

    @Test func truncatedExampleNeverCrashes() {
        let full = Array(fixtureText("example.yaml").utf8)
        var loaded = 0, refused = 0
        for cut in stride(from: 0, to: full.count, by: 23) {
            let outcome = loadBytes(Array(full[..<cut]), path: "example.yaml")
            if outcome.questionnaire != nil {
                #expect(!outcome.diagnostics.contains { $0.severity == .error })
                loaded += 1
            } else {
                #expect(outcome.diagnostics.contains { $0.severity == .error }, "cut at \(cut): no questionnaire and no error")
                refused += 1
            }
            // Every diagnostic points inside the truncated text (or just past its end).
            let lines = full[..<cut].filter { $0 == 0x0A }.count + 1
            #expect(outcome.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.line <= lines + 1 && $0.location.column >= 1 },
                    "cut at \(cut): \(outcome.diagnostics.map(\.description))")
        }
        // A cut before 'result' (most cuts) must be refused.
        #expect(refused > 0)
        #expect(loaded + refused == (full.count + 22) / 23)
        #expect(loadBytes(full, path: "example.yaml").questionnaire != nil)
    }

    @Test func emptyFile() {
        #expect(loadDescriptions([]) == ["h.yaml:1:1: error: the file is empty"])
    }

    @Test func deepBlockSequenceOnOneLine() {
        let text = String(repeating: "- ", count: 20_000) + "x\n"
        #expect(loadDescriptions(Array(text.utf8)) == ["h.yaml:1:1: error: nesting is deeper than 64 levels"])
    }

    // 20,000 levels of indented block nesting cannot fit in 8 MiB (the
    // indentation alone is 200 million spaces), so these use 2,000 levels,
    // one space deeper each; 20,000 block levels are tested on one line above.
    @Test func deepBlockMappings() {
        var text = ""
        for level in 0..<2_000 { text += String(repeating: " ", count: level) + "a:\n" }
        // Line 65 is the 65th level, indented 64 spaces.
        #expect(loadDescriptions(Array(text.utf8)) == ["h.yaml:66:66: error: nesting is deeper than 64 levels"])
    }

    @Test func deepBlockSequencesOnSeparateLines() {
        var text = ""
        for level in 0..<2_000 { text += String(repeating: " ", count: level) + "-\n" }
        #expect(loadDescriptions(Array(text.utf8)) == ["h.yaml:66:66: error: nesting is deeper than 64 levels"])
    }

    @Test func twentyThousandIndentedLevelsHitTheSizeLimit() {
        // Two spaces more per level: 20,000 levels need 400 MB; the size check comes first.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(9 * 1024 * 1024)
        var level = 0
        while bytes.count <= 8 * 1024 * 1024 {
            bytes += [UInt8](repeating: 0x20, count: level * 2) + Array("a:\n".utf8)
            level += 1
        }
        #expect(level < 20_000)
        #expect(loadDescriptions(bytes) == ["h.yaml:1:1: error: file is \(bytes.count) bytes; the limit is 8388608 bytes (8 MiB)"])
    }

    @Test func deepFlowSequences() {
        let text = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        // Refused at the 64th bracket, long before the parser sees it.
        #expect(loadDescriptions(Array(text.utf8)) == ["h.yaml:1:65: error: nesting is deeper than 64 levels"])
    }

    @Test func deepFlowMappings() {
        let text = "x: " + String(repeating: "{a: ", count: 20_000) + "1" + String(repeating: "}", count: 20_000) + "\n"
        // The root mapping is level 1; the 64th brace, at column 4 + 4 * 63, is level 65.
        #expect(loadDescriptions(Array(text.utf8)) == ["h.yaml:1:260: error: nesting is deeper than 64 levels"])
    }

    @Test func sixtyFourLevelsAreAllowed() {
        // 64 nested block mappings: the limit, not over it.
        var text = ""
        for level in 0..<64 { text += String(repeating: " ", count: level) + "a:\n" }
        #expect(loadDescriptions(Array(text.utf8)) == ["h.yaml:1:1: error: the questionnaire must be a mapping of keys to values"] ||
                !loadDescriptions(Array(text.utf8)).contains { $0.contains("nesting") })
        // 64 levels of flow nesting under a root sequence: also the limit.
        let flow = String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
        do {
            #expect(!loadDescriptions(Array(flow.utf8)).contains { $0.contains("nesting") }, "\(loadDescriptions(Array(flow.utf8)))")
        }
        let dashes = String(repeating: "- ", count: 64) + "x\n"
        do {
            #expect(!loadDescriptions(Array(dashes.utf8)).contains { $0.contains("nesting") }, "\(loadDescriptions(Array(dashes.utf8)))")
        }
    }

    @Test func billionLaughs() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let ds = loadDescriptions(Array(text.utf8))
        // It is refused today, but only by the node-count limit, deep inside the first list.
        #expect(ds.count == 1)
        #expect(ds.first?.hasPrefix("h.yaml:1:") == true, "\(ds)")
        do {
            #expect(ds == ["h.yaml:1:4: error: anchors and aliases (&name, *name) are not supported; write the value out"])
        }
    }

    @Test func tooManyNodes() {
        // 250,000 flow values on one line: shallow, small, but too many.
        let text = "x: [" + Array(repeating: "1", count: 250_000).joined(separator: ",") + "]\n"
        let ds = loadDescriptions(Array(text.utf8))
        #expect(ds.count == 1)
        #expect(ds.first?.contains("error: the document has more than 200000 values; refusing to read further") == true, "\(ds)")
    }

    @Test func nineMebibyteFile() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 9 * 1024 * 1024)
        #expect(loadDescriptions(bytes) == ["h.yaml:1:1: error: file is 9437184 bytes; the limit is 8388608 bytes (8 MiB)"])
    }

    @Test func conditionTenThousandParenthesesDeep() {
        let condition = String(repeating: "(", count: 10_000) + "consent == yes" + String(repeating: ")", count: 10_000)
        // Line 32 is `  possible: ...`; the value starts at column 13.
        let text = replacing(line: 32, with: "  possible: \(condition)")
        #expect(diagnostics(text) == ["t.yaml:32:13: error: syntax error in condition: condition is longer than 4096 characters"])
    }

    @Test func conditionJustTooDeep() {
        let condition = String(repeating: "(", count: 100) + "consent == yes" + String(repeating: ")", count: 100)
        let ds = diagnostics(replacing(line: 32, with: "  possible: \(condition)"))
        #expect(ds.count == 1)
        #expect(ds.first?.hasPrefix("t.yaml:32:") == true)
        #expect(ds.first?.hasSuffix("error: syntax error in condition: condition is nested more than 64 levels deep") == true, "\(ds)")
    }

    @Test func deepNotChain() {
        let condition = String(repeating: "not ", count: 1000) + "consent == yes"
        #expect(diagnostics(replacing(line: 32, with: "  possible: \(condition)")).count == 1)
        let ds = diagnostics(replacing(line: 32, with: "  possible: \(condition)"))
        #expect(ds.first?.contains("condition is nested more than 64 levels deep") == true, "\(ds)")
    }

    @Test func millionCharacterCondition() {
        let condition = Array(repeating: "consent == yes", count: 71_429).joined(separator: " or ")
        #expect(condition.count > 1_000_000)
        let text = replacing(line: 32, with: "  possible: \(condition)")
        #expect(diagnostics(text) == ["t.yaml:32:13: error: syntax error in condition: condition is longer than 4096 characters"])
    }

    @Test func millionCharacterPlainLine() {
        // A line that is a bare word with no key: a YAML error at its line.
        let text = validBase + String(repeating: "x", count: 1_000_000) + "\n"
        let ds = diagnostics(text)
        #expect(ds.count == 1)
        #expect(ds.first?.contains("error: YAML syntax error:") == true, "\(ds.first?.prefix(200) ?? "")")
    }

    @Test func millionCharacterTitleLoads() throws {
        let title = String(repeating: "\u{4E2D}", count: 1_000_000)
        let outcome = QuestionnaireLoader.load(text: replacing(line: 5, with: "title: \(title)"), path: "t.yaml")
        #expect(outcome.diagnostics.isEmpty)
        let q = try #require(outcome.questionnaire)
        #expect(q.title.text.unicodeScalars.count == 1_000_000)
    }

    @Test func controlCharactersInKeysNeverReachTheMessage() {
        let text = inserting("\"a\\e[31mb\": 1", after: 5)
        let ds = diagnostics(text)
        #expect(ds.count == 1)
        #expect(ds.first?.contains("unknown key 'a[31mb' in the questionnaire") == true, "\(ds)")
        #expect(ds.allSatisfy { !$0.unicodeScalars.contains { Sanitize.isControl($0) } })
    }
}
