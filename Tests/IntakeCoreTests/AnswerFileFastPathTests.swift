import Foundation
import IntakeTestSupport
import Testing
import Yams
@testable import IntakeCore

/// The answer-file fast path (`AnswerFileFastPath`) against the general
/// one (Yams), on seeded generated answer files: the personas, varied,
/// then mutated with what the fast path must refuse or read exactly as
/// libyaml does.
@Suite struct AnswerFileFastPathTests {
    /// The general path's tree in the fast path's terms: nil where the fast
    /// path has no equivalent (it must then have given up).
    static func entries(_ n: Node) -> [AnswerFileFastPath.Entry]? {
        guard case .mapping(let m) = n else { return nil }
        var out: [AnswerFileFastPath.Entry] = []
        for (k, v) in m {
            guard case .scalar(let ks) = k, let value = value(v) else { return nil }
            out.append(.init(key: ks.string, value: value))
        }
        return out
    }

    static func value(_ v: Node) -> AnswerFileFastPath.Value? {
        switch v {
        case .scalar(let s):
            return .scalar(.init(text: s.string, line: s.mark!.line, column: s.mark!.column))
        case .sequence(let seq):
            var items: [AnswerFileFastPath.Scalar] = []
            for item in seq {
                guard case .scalar(let s) = item else { return nil }
                items.append(.init(text: s.string, line: s.mark!.line, column: s.mark!.column))
            }
            return .list(items, line: seq.mark!.line, column: seq.mark!.column)
        case .mapping:
            return entries(v).map { .mapping($0) }
        case .alias:
            return nil
        }
    }

    /// Everything `load` returns, as text, to compare the two paths.
    static func describe(_ r: Result<AnswerFile, DiagnosticsError>) -> String {
        switch r {
        case .failure(let e): return "failure\n" + e.diagnostics.map(\.description).joined(separator: "\n")
        case .success(let f):
            var lines = ["success \(f.path) q=\(f.questionnaireID ?? "-") lang=\(f.language ?? "-") persona=\(f.persona?.name ?? "-")"]
            if let e = f.persona?.expected { lines.append("expected \(e.result) \(e.urgent) \(e.domains) \(e.referrals)") }
            for k in f.answers.keys.sorted() { lines.append("a \(k) = \(f.answers[k]!) at \(f.locations[k].map(\.description) ?? "-")") }
            for k in f.remarks.keys.sorted() { lines.append("r \(k) = \(f.remarks[k]!.debugDescription)") }
            for n in f.notes { lines.append("n \(n.description)") }
            return lines.joined(separator: "\n")
        }
    }

    /// Values to put after a key: ordinary, odd and hostile.
    static let values: [String] = [
        "yes", "no", "dont_know", "declined", "adult", "nobody", "ongoing", "3", "16", "-1", "1.5", "1e3", ".5", "0x10", "+4",
        "2023-04", "2023-04-05", "2023-13", "~", "null", "true", "Yes", "\"yes\"", "'no'", "\"\"", "''", "'it''s'", "\"a # b\"",
        "\"esc\\n\"", "\"tab\\t\"", "'unterminated", "\"unterminated", "\"x\" y", "'x' y", "a: b", "a:b", "http://x/y", "a #b", "a#b",
        "#x", "&anchor yes", "*alias", "!!str yes", "!x y", "|", ">", "|-", "{a: 1}", "{}", "[]", "[ ]", "[domestic]",
        "[domestic, farm]", "[ domestic , farm ]", "[domestic,farm]", "[domestic, farm", "[domestic,, farm]", "[domestic, farm,]",
        "[domestic] # c", "[domestic] x", "[\"domestic\"]", "[a: b]", "[[a]]", "- a", "-", "?", ":", "@x", "`x`", "%x", "x]",
        "Spanish and English; happy in either", "Nanny for one child, with a day off each week", "Said \"keeps it\" safe",
        "trailing spaces   ", "  ", "مرحبا", "\u{200F}abc\u{200E}", "👩🏽‍⚕️ emoji", "e\u{301}", "line\u{2028}sep", "nel\u{85}x",
        "c1\u{9B}x", "bom\u{FEFF}x", "ctl\u{1}x", "del\u{7F}x", "tab\tx", "cr\rx", "\u{FFFE}", "中文", "x\\y", "'a\"b'", "\"a'b\"",
    ]

    struct Gen {
        var rng: SplitMix64
        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        mutating func pick<T>(_ a: [T]) -> T { a.randomElement(using: &rng)! }

        /// A line-level mutation of an answer file.
        mutating func mutate(_ lines: [String]) -> [String] {
            var lines = lines
            guard !lines.isEmpty else { return lines }
            let i = Int.random(in: 0..<lines.count, using: &rng)
            let line = lines[i]
            switch Int.random(in: 0..<16, using: &rng) {
            case 0...4:  // a new value
                if let r = line.range(of: ": ") { lines[i] = String(line[..<r.upperBound]) + pick(AnswerFileFastPathTests.values) }
            case 5:  // a duplicate key, next to its first or anywhere
                lines.insert(line, at: chance(0.5) ? i : Int.random(in: 0...lines.count, using: &rng))
            case 6: lines[i] = String(repeating: " ", count: Int.random(in: 1...3, using: &rng)) + line
            case 7: lines[i] = String(line.drop { $0 == " " })
            case 8: lines.insert(pick(["# comment", "  # indented comment", "", "   ", "#", "---", "...", "%YAML 1.1", "\t"]), at: i)
            case 9: lines[i] = line + pick([" # trailing", "#x", "  ", " :", ":"])
            case 10: lines.insert(pick(["    continued", "  - item", "  more: text", "      deeper"]), at: i + 1)
            case 11: lines.remove(at: i)
            case 12: lines.insert(pick(["unknown_key: yes", "country_of_origin: Peru", "recruiter: someone", "remarks:",
                                        "remarks:\n  _interview: Quiet.\n  consent: \"asked twice\"", "remarks:\n  nonsense: x",
                                        "language: es", "language: xx-!!", "questionnaire: quick-screen", "answers: yes",
                                        "persona:\n  name: X\n  sector: y\n  story: z", "? complex\n: key", "{flow: map}"]), at: i)
            case 13: lines[i] = line.replacingOccurrences(of: "_", with: pick(["-", "__", "_x_"]))
            case 14:
                if let r = line.range(of: "[") {  // a flow list as a block list
                    let head = line[..<r.lowerBound], body = line[r.upperBound...].dropLast()
                    let indent = String(line.prefix { $0 == " " })
                    lines[i] = String(head)
                    for (k, item) in body.split(separator: ",").enumerated() {
                        lines.insert(indent + "  - " + item.trimmingCharacters(in: .whitespaces), at: i + 1 + k)
                    }
                }
            default:
                if i == 0 { lines[0] = pick(["\u{FEFF}", "\n", " ", "---\n"]) + line }
            }
            return lines
        }
    }

    /// The persona files (each whole, and without its persona block) and
    /// the generator's variations of them.
    static func seeds() -> [[String]] {
        personaFiles().flatMap { url -> [[String]] in
            let lines = (try? String(contentsOf: url, encoding: .utf8))?.components(separatedBy: "\n") ?? []
            var without: [String] = []
            var skipping = false
            for l in lines {
                if l.hasPrefix("persona:") { skipping = true; continue }
                if skipping && (l.hasPrefix(" ") || l.isEmpty) { continue }
                skipping = false
                without.append(l)
            }
            return [lines, without]
        }
    }

    @Test func fastPathReadsWhatItAcceptsExactlyAsYamsAndLoadsTheSame() throws {
        let questionnaires = ["trafficking-screening": try bundledQuestionnaire("trafficking-screening"),
                              "quick-screen": try bundledQuestionnaire("quick-screen")]
        var g = Gen(rng: SplitMix64(seed: 19_2026_12_06))
        let seeds = Self.seeds()
        var fast = 0, total = 0, byPosition = 0
        let programs = questionnaires.mapValues { ScoringProgram($0) }
        for n in 0..<3_000 {
            var lines = g.pick(seeds)
            // A third unchanged, the rest with one to four mutations.
            if n % 3 != 0 { for _ in 0..<Int.random(in: 1...4, using: &g.rng) { lines = g.mutate(lines) } }
            let text = lines.joined(separator: g.chance(0.1) ? "\n\n" : "\n") + (g.chance(0.5) ? "\n" : "")
            let bytes = Array(text.utf8)
            total += 1
            let yams = YAMLDocument.parse(bytes: bytes, path: "g.yaml")
            if let scanned = AnswerFileFastPath.scan(bytes) {
                fast += 1
                guard case .success(let root) = yams else {
                    Issue.record("fast path accepted what Yams refuses (\(n)):\n\(text)")
                    return
                }
                #expect(Self.entries(root) == scanned, "file \(n):\n\(text)")
            }
            let parsed = AnswerFile.parse(bytes: bytes, path: "g.yaml")
            let general = AnswerFile.parse(generalOnly: bytes, path: "g.yaml")
            #expect(AnswerFile.peekQuestionnaireID(parsed) == AnswerFile.peekQuestionnaireID(general), "file \(n):\n\(text)")
            let q = questionnaires[AnswerFile.peekQuestionnaireID(general) ?? "trafficking-screening"] ?? questionnaires["trafficking-screening"]!
            let loaded = AnswerFile.load(parsed, path: "g.yaml", questionnaire: q)
            if case .success(let file) = loaded {
                // One answer looked up as in the dictionary, on either path.
                let all = file.answers
                let ids = q.questions.map(\.id) + ["nonexistent", AnswerFile.interviewRemarkKey, ""]
                let alike = ids.allSatisfy { file.answer($0) == all[$0] }
                #expect(alike, "file \(n):\n\(text)")
            }
            if case .success(let file) = loaded, file.byPosition != nil {
                // Scored from the answers by position, as from the answers by id.
                let program = programs[q.id]!
                #expect(IndexedConditionTests.describe(Scorer.score(program, file: file, language: "en")) ==
                        IndexedConditionTests.describe(Scorer.score(program, answers: file.answers, language: "en")), "file \(n):\n\(text)")
                byPosition += 1
            }
            let ours = Self.describe(loaded)
            let theirs = Self.describe(AnswerFile.loadGeneral(bytes: bytes, path: "g.yaml", questionnaire: q))
            #expect(ours == theirs, "file \(n):\n\(text)")
            if ours != theirs { return }
        }
        // The test means something only if both paths were taken often.
        #expect(fast > total / 5)
        #expect(total - fast > total / 5)
        #expect(byPosition > total / 10)
    }

    @Test func theBenchmarksFilesTakeTheFastPath() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        for url in personaFiles() {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard text.contains("questionnaire: trafficking-screening") else { continue }
            let scanned = try #require(AnswerFileFastPath.scan(Array(text.utf8)), "\(url.lastPathComponent)")
            // Persona files go to the general path for their persona block; without it, the fast path loads them.
            let answersOnly = scanned.filter { $0.key != "persona" }
            #expect(AnswerFile.loadFast(answersOnly, path: "p.yaml", questionnaire: q) != nil, "\(url.lastPathComponent)")
        }
    }

    @Test func hostileFilesAreLeftToTheGeneralPath() {
        let refused = [
            "\u{FEFF}consent: yes\n", "consent: yes\r\n", "consent:\tyes\n", "consent: &a yes\nsafe_tonight: *a\n",
            "consent: !!str yes\n", "answers: {consent: yes}\n", "sectors:\n  - domestic\n", "languages: |\n  English\n",
            "languages: >\n  English\n", "languages: \"a\\nb\"\n", "languages: English\n  and Spanish\n", "consent:\n",
            "consent: yes\nconsent: no\n", "---\nconsent: yes\n", "consent: yes\n...\n", "%YAML 1.1\n---\nconsent: yes\n",
            "  consent: yes\n", "answers:\n  consent: yes\n   safe_tonight: no\n", "consent: yes # sure\n",
            "languages: a\u{2028}b\n", "languages: a\u{85}b\n", "\"consent\": yes\n", "? consent\n: yes\n", "",
            "languages: 'it''s\n", "sectors: [domestic,\n  farm]\n", "consent: yes\u{0}\n",
        ]
        for text in refused {
            #expect(AnswerFileFastPath.scan(Array(text.utf8)) == nil, "\(text.debugDescription)")
        }
    }

    /// The fast path checks the constraints of the questions that have one
    /// (found as it reads each answer), and leaves a file that breaks one,
    /// even through another answer, to the general path and its message.
    @Test func aBrokenConstraintIsLeftToTheGeneralPath() throws {
        let text = fixtureText("example.yaml").replacingOccurrences(of: "constraint: . >= 10", with: "constraint: . != 13 and (consent == yes or . > 50)")
        let q = try #require(QuestionnaireLoader.load(text: text, path: "example.yaml").questionnaire)
        func fast(_ answers: String) -> AnswerFile? {
            AnswerFileFastPath.scan(Array(answers.utf8)).flatMap { AnswerFile.loadFast($0, path: "a.yaml", questionnaire: q) }
        }
        #expect(fast("consent: yes\nage: 12\n")?.answers["age"] == .number(12))
        #expect(fast("consent: yes\nage: 13\n") == nil)
        #expect(fast("consent: no\nage: 12\n") == nil)
        #expect(fast("consent: no\nage: 60\n")?.answers["age"] == .number(60))
        let general = AnswerFile.load(bytes: Array("consent: no\nage: 12\n".utf8), path: "a.yaml", questionnaire: q)
        guard case .failure(let e) = general else { Issue.record("the general path accepted a broken constraint"); return }
        #expect(e.diagnostics.map(\.description) == ["a.yaml:2:6: error: invalid answer to 'age': Please enter an age of 10 or more."])
    }

    /// Answers by position are used only for the questionnaire they were
    /// read against; scored with another's program, the answers by id are.
    @Test func answersByPositionAreForTheirQuestionnaireAlone() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        let other = try bundledQuestionnaire("quick-screen")
        let text = try String(contentsOf: try #require(personaFiles().first { $0.lastPathComponent.hasPrefix("domestic") }), encoding: .utf8)
        let scanned = try #require(AnswerFileFastPath.scan(Array(text.utf8))).filter { $0.key != "persona" }
        let file = try #require(AnswerFile.loadFast(scanned, path: "p.yaml", questionnaire: q))
        #expect(file.byPosition?.values.compactMap { $0 }.count == file.answers.count)
        let program = ScoringProgram(other)
        #expect(IndexedConditionTests.describe(Scorer.score(program, file: file, language: "en")) ==
                IndexedConditionTests.describe(Scorer.score(program, answers: file.answers, language: "en")))
    }

    /// Setting an answer of a file the fast path read keeps its answers one
    /// set: the answers by position, which the dictionary was made from, go.
    @Test func settingAnAnswerLeavesOneSetOfAnswers() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        let text = try String(contentsOf: try #require(personaFiles().first { $0.lastPathComponent.hasPrefix("domestic") }), encoding: .utf8)
        let scanned = try #require(AnswerFileFastPath.scan(Array(text.utf8))).filter { $0.key != "persona" }
        let file = try #require(AnswerFile.loadFast(scanned, path: "p.yaml", questionnaire: q))
        #expect(file.byPosition != nil && file.answers.count > 20)
        var changed = file
        changed.answers["languages"] = .text("Tagalog")
        #expect(changed.byPosition == nil)
        #expect(changed.answers["languages"] == .text("Tagalog"))
        #expect(changed.answer("languages") == .text("Tagalog"))
        #expect(changed.answers.count == file.answers.count + (file.answers["languages"] == nil ? 1 : 0))
        let others = file.answers.keys.filter { $0 != "languages" }
        #expect(others.allSatisfy { changed.answers[$0] == file.answers[$0] })
        // The file it was copied from is as it was.
        #expect(file.byPosition != nil && file.answer("languages") != .text("Tagalog"))
    }

    /// `SpecialAnswer.named` is `init(rawValue:)`: written out for each
    /// case and near misses, and compared on every value the generator uses.
    /// The eight-bytes-at-a-time check against the check by byte, on
    /// seeded texts of every length up to 40 (so every byte takes each
    /// place in a word and in the tail): mostly printable ASCII and
    /// newlines, with now and then a byte of each class the check refuses
    /// or leaves to the check by byte (controls, tab, CR, DEL, bytes above
    /// 0x7F, the bytes beside the edges). What it accepts the check by byte
    /// accepts; the two together give what the check by byte gives.
    @Test func plainASCIIIsAcceptableText() {
        var g = SplitMix64(seed: 19_703)
        let odd: [UInt8] = [0x00, 0x01, 0x09, 0x0B, 0x0D, 0x1F, 0x7F, 0x80, 0xC2, 0xE2, 0xEF, 0xFF]
        let edges: [UInt8] = [0x0A, 0x20, 0x21, 0x7E, 0x41, 0x7A]
        var accepted = 0, refused = 0
        for k in 0..<30_000 {
            let bytes = (0..<(k % 41)).map { _ -> UInt8 in
                switch UInt8.random(in: 0...39, using: &g) {
                case 0: return odd.randomElement(using: &g)!
                case 1...6: return edges.randomElement(using: &g)!
                default: return UInt8.random(in: 0x20...0x7E, using: &g)
                }
            }
            bytes.withUnsafeBufferPointer { b in
                let byByte = AnswerFileFastPath.acceptableTextByByte(b)
                if AnswerFileFastPath.plainASCII(b) { #expect(byByte, "\(bytes)"); accepted += 1 } else { refused += 1 }
                #expect(AnswerFileFastPath.acceptableText(b) == byByte, "\(bytes)")
            }
        }
        #expect(accepted > 10_000 && refused > 5_000, "\(accepted) accepted, \(refused) refused")
        for written: [UInt8] in [Array("ab\ncd\n".utf8), Array("12345678".utf8), [0x0A], []] {
            written.withUnsafeBufferPointer { #expect(AnswerFileFastPath.plainASCII($0)) }
        }
        for written: [UInt8] in [Array("1234567\t".utf8), Array("\r2345678".utf8), Array("12345678\u{7F}".utf8), Array("é".utf8)] {
            written.withUnsafeBufferPointer { #expect(!AnswerFileFastPath.plainASCII($0)) }
        }
    }

    @Test func aSpecialAnswerIsFoundByItsExactName() {
        #expect(SpecialAnswer.named("dont_know") == .dontKnow)
        #expect(SpecialAnswer.named("declined") == .declined)
        for miss in ["", "declined ", " declined", "Declined", "dont-know", "dont_know\u{0}", "declinedx", "yes", "dont_kno"] {
            #expect(SpecialAnswer.named(miss) == nil, "\(miss.debugDescription)")
        }
        for v in Self.values + SpecialAnswer.allCases.map(\.rawValue) {
            #expect(SpecialAnswer.named(v) == SpecialAnswer(rawValue: v), "\(v.debugDescription)")
        }
    }

    /// Duplicate keys are refused wherever they are: next to each other,
    /// far apart after the key table has grown, among keys of the same
    /// length that differ in one byte, and in a nested mapping.
    @Test func aDuplicateKeyIsRefusedNearOrFar() {
        let many = (0..<300).map { "q_\($0): yes" }
        #expect(AnswerFileFastPath.scan(Array((many.joined(separator: "\n") + "\n").utf8))?.count == 300)
        let cases: [[String]] = [
            many + ["q_0: no"],
            many + ["q_299: no"],
            ["q_150: no"] + many,
            Array(many[0..<2]) + ["q_1: no"],
            ["ab: yes", "ba: yes", "ab-: yes", "a-b: yes", "ab: no"],
            ["answers:"] + many.map { "  " + $0 } + ["  q_77: no"],
            ["answers:", "  a: yes", "remarks:", "  a: x", "answers:", "  b: yes"],
        ]
        for lines in cases {
            #expect(AnswerFileFastPath.scan(Array((lines.joined(separator: "\n") + "\n").utf8)) == nil, "\(lines.suffix(3))")
        }
        // The same key in two different mappings is not a duplicate.
        let nested = "answers:\n  a: yes\nremarks:\n  a: x\n"
        #expect(AnswerFileFastPath.scan(Array(nested.utf8))?.count == 2)
    }

    @Test func aScannedFileGivesEachValueItsPlaceAsYamsDoes() throws {
        let text = "questionnaire: trafficking-screening\nanswers:\n  # note\n  consent: yes\n\n  sectors: [ domestic,farm ]\n  languages: 'it''s \"ok\"'  \n"
        let scanned = try #require(AnswerFileFastPath.scan(Array(text.utf8)))
        // Written out: lines and columns (1-based) as libyaml gives them.
        #expect(scanned == [
            .init(key: "questionnaire", value: .scalar(.init(text: "trafficking-screening", line: 1, column: 16))),
            .init(key: "answers", value: .mapping([
                .init(key: "consent", value: .scalar(.init(text: "yes", line: 4, column: 12))),
                .init(key: "sectors", value: .list([.init(text: "domestic", line: 6, column: 14), .init(text: "farm", line: 6, column: 23)],
                                                   line: 6, column: 12)),
                .init(key: "languages", value: .scalar(.init(text: "it's \"ok\"", line: 7, column: 14))),
            ])),
        ])
    }
}
