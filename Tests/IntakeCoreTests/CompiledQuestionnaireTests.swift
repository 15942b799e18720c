import Foundation
import Testing
@testable import IntakeCore

/// Compiled questionnaires (the cache's bytes) decode to the very model the
/// loader builds from the file, and bytes that do not match in every
/// respect are refused.
@Suite struct CompiledQuestionnaireTests {
    static let hash = [UInt8](repeating: 0x5A, count: 32)

    /// `q` compiled and read back with the same source hash and program.
    static func roundTrip(_ q: Questionnaire, sourceHash: [UInt8], path: String? = nil) throws -> Questionnaire? {
        let bytes = try #require(CompiledQuestionnaire.encode(q, sourceHash: sourceHash, program: "test 1"))
        return CompiledQuestionnaire.decode(bytes, sourceHash: sourceHash, path: path ?? q.path, program: "test 1")
    }

    static func load(_ text: String, path: String) throws -> (Questionnaire, [UInt8]) {
        let bytes = Array(text.utf8)
        let outcome = QuestionnaireLoader.load(bytes: bytes, path: path)
        let q = try #require(outcome.questionnaire, "\(outcome.diagnostics.map(\.description).prefix(5))")
        return (q, SHA256Digest.digest(bytes))
    }

    @Test func theBundledQuestionnairesDecodeToTheLoadersModel() throws {
        let dir = repositoryRoot.appendingPathComponent("questionnaires")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names == ["quick-screen.yaml", "trafficking-screening.yaml"])
        for name in names {
            let (q, hash) = try Self.load(String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8),
                                          path: "questionnaires/\(name)")
            let back = try #require(try Self.roundTrip(q, sourceHash: hash), "\(name)")
            #expect(back == q, "\(name)")
            #expect(back.questions.map(\.id) == q.questions.map(\.id))
            #expect(back.question("consent")?.endIf == q.question("consent")?.endIf)
        }
    }

    @Test(arguments: 0..<40)
    func aGeneratedQuestionnaireDecodesToTheLoadersModel(seed: Int) throws {
        let text = GeneratedQuestionnaire.yaml(seed: UInt64(seed), questions: 20 + seed * 7)
        let (q, hash) = try Self.load(text, path: "gen/gen-\(seed).yaml")
        let back = try #require(try Self.roundTrip(q, sourceHash: hash))
        #expect(back == q)
        // The same questionnaire always compiles to the same bytes.
        #expect(CompiledQuestionnaire.encode(back, sourceHash: hash, program: "p")
                == CompiledQuestionnaire.encode(q, sourceHash: hash, program: "p"))
    }

    /// Where a questionnaire keeps its questions and its sections.
    static func buffers(_ q: Questionnaire) -> [UnsafeRawPointer?] {
        [q.questions.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
         q.sections.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }]
    }

    /// A batch's thread copy is the same questionnaire, kept elsewhere.
    @Test(arguments: 0..<12)
    func aCopyIsEqualAndSharesNoStorage(seed: Int) throws {
        let q: Questionnaire
        if seed < 2 {
            let name = ["quick-screen.yaml", "trafficking-screening.yaml"][seed]
            let url = repositoryRoot.appendingPathComponent("questionnaires/\(name)")
            q = try Self.load(String(contentsOf: url, encoding: .utf8), path: "questionnaires/\(name)").0
        } else {
            q = try Self.load(GeneratedQuestionnaire.yaml(seed: UInt64(seed), questions: 30 + seed * 11), path: "gen/gen-\(seed).yaml").0
        }
        let copy = try #require(CompiledQuestionnaire.copy(q))
        #expect(copy == q)
        #expect(copy.path == q.path && copy.contentHash == q.contentHash)
        #expect(copy.positions == q.positions)
        let mine = Self.buffers(q), theirs = Self.buffers(copy)
        #expect(mine.allSatisfy { $0 != nil })
        #expect(zip(mine, theirs).allSatisfy { $0 != $1 })
    }

    /// The cache is keyed by the file's bytes, not its path: read back under
    /// another path, every location names that path, as a load from there would.
    @Test func readBackUnderAnotherPathItIsTheModelLoadedFromThere() throws {
        let text = GeneratedQuestionnaire.yaml(seed: 99, questions: 60)
        let (q, hash) = try Self.load(text, path: "data/questionnaires/gen-99.yaml")
        let (there, _) = try Self.load(text, path: "/elsewhere/gen-99.yaml")
        let back = try #require(try Self.roundTrip(q, sourceHash: hash, path: "/elsewhere/gen-99.yaml"))
        #expect(back == there)
        #expect(back != q)
        #expect(back.questions.last?.location.file == "/elsewhere/gen-99.yaml")
        #expect(back.indicators.first?.when.location.file == "/elsewhere/gen-99.yaml")
    }

    static func small() throws -> (Questionnaire, [UInt8]) {
        let (q, _) = try load(GeneratedQuestionnaire.yaml(seed: 3, questions: 25), path: "gen-3.yaml")
        let hash = SHA256Digest.digest(Array(GeneratedQuestionnaire.yaml(seed: 3, questions: 25).utf8))
        return (q, try #require(CompiledQuestionnaire.encode(q, sourceHash: hash, program: "test 1")))
    }

    @Test func bytesForAnotherFileOrProgramAreRefused() throws {
        let (q, bytes) = try Self.small()
        let hash = SHA256Digest.digest(Array(GeneratedQuestionnaire.yaml(seed: 3, questions: 25).utf8))
        #expect(CompiledQuestionnaire.decode(bytes, sourceHash: hash, path: "gen-3.yaml", program: "test 1") == q)
        var other = hash
        other[0] ^= 1
        #expect(CompiledQuestionnaire.decode(bytes, sourceHash: other, path: "gen-3.yaml", program: "test 1") == nil)
        #expect(CompiledQuestionnaire.decode(bytes, sourceHash: hash, path: "gen-3.yaml", program: "test 2") == nil)
        // Another format version.
        var version = bytes
        version[8] &+= 1
        #expect(CompiledQuestionnaire.decode(version, sourceHash: hash, path: "gen-3.yaml", program: "test 1") == nil)
        // A catalog's magic is not a questionnaire's.
        var magic = bytes
        magic[4] = UInt8(ascii: "C")
        #expect(CompiledQuestionnaire.decode(magic, sourceHash: hash, path: "gen-3.yaml", program: "test 1") == nil)
    }

    @Test func aChangedCutOffOrLongerPayloadIsRefused() throws {
        let (_, bytes) = try Self.small()
        let hash = SHA256Digest.digest(Array(GeneratedQuestionnaire.yaml(seed: 3, questions: 25).utf8))
        var flipped = bytes
        flipped[bytes.count - 40] ^= 0x01
        #expect(CompiledQuestionnaire.decode(flipped, sourceHash: hash, path: "gen-3.yaml", program: "test 1") == nil)
        for cut in [0, 1, 8, 60, bytes.count / 2, bytes.count - 1] {
            #expect(CompiledQuestionnaire.decode(Array(bytes[..<cut]), sourceHash: hash, path: "gen-3.yaml", program: "test 1") == nil)
        }
        #expect(CompiledQuestionnaire.decode(bytes + [0], sourceHash: hash, path: "gen-3.yaml", program: "test 1") == nil)
    }

    /// Payloads changed and then given a matching payload hash, as a hostile
    /// file could be: decoding refuses them or gives some questionnaire, and
    /// never crashes or reads out of bounds.
    @Test func hostilePayloadsWithAMatchingHashNeverCrash() throws {
        let (_, bytes) = try Self.small()
        let hash = SHA256Digest.digest(Array(GeneratedQuestionnaire.yaml(seed: 3, questions: 25).utf8))
        // Magic 8, version 4, "test 1" 4 + 6, source hash 32, length 8, payload hash 32.
        let header = 8 + 4 + 4 + 6 + 32 + 8 + 32
        var rng = SplitMix(seed: 11)
        var refused = 0
        for _ in 0..<300 {
            var payload = Array(bytes[header...])
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = Int(rng.next() % UInt64(payload.count))
                payload[at] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.next() % 5 == 0 { payload.removeLast(Int(rng.next() % UInt64(payload.count))) }
            var out = ByteWriter()
            out.raw(CompiledQuestionnaire.magic)
            out.u32(CompiledQuestionnaire.formatVersion)
            out.string("test 1")
            out.raw(hash)
            out.u64(UInt64(payload.count))
            out.raw(SHA256Digest.digest(payload))
            out.raw(payload)
            if CompiledQuestionnaire.decode(out.bytes, sourceHash: hash, path: "gen-3.yaml", program: "test 1") == nil { refused += 1 }
        }
        #expect(refused > 150)
    }

    /// A location naming another file cannot be put back from the path
    /// alone: such a questionnaire is not compiled.
    @Test func aQuestionnaireWithALocationInAnotherFileIsNotCompiled() throws {
        let (q, hash) = try Self.load(GeneratedQuestionnaire.yaml(seed: 5, questions: 20), path: "gen-5.yaml")
        let moved = Questionnaire(id: q.id, version: q.version, language: q.language, title: q.title,
                                  domains: q.domains, sections: q.sections, indicators: q.indicators,
                                  result: q.result, path: "b/gen-5.yaml", contentHash: q.contentHash)
        #expect(CompiledQuestionnaire.encode(moved, sourceHash: hash, program: "p") == nil)
    }
}

/// A seeded generator of valid questionnaires in the shape of
/// bench/gen_questionnaire.py (sections of 20 of every question type,
/// `relevant` on earlier questions, indicators on answers and top-level
/// ones, scores, domain rules, referrals, per-language parameters), with
/// more of the format besides: every kind of condition, constraints,
/// required, end_if, specials, overrides, summary hooks, resources and a
/// changelog.
enum GeneratedQuestionnaire {
    static let domains: [(id: String, rule: String?, core: Bool, concern: Bool)] = [
        ("force", nil, true, false), ("fraud", nil, true, false), ("coercion", "any", true, false),
        ("debt_bondage", nil, true, false), ("isolation", "any", false, false),
        ("excessive_hours", "strong(excessive_hours) >= 1 or count_yes(q00000, q00001) >= 2", false, false),
        ("harm_by_others", "any", false, true),
    ]
    static let words = ("work employer housing money debt passport papers hours day week family phone contact agency "
                        + "travel promise wage pay rest food doctor safe leave door locked watched threat").split(separator: " ")

    static func yaml(seed: UInt64, questions n: Int) -> String {
        var rng = SplitMix(seed: seed &* 7919 &+ 1)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) / 1000 < p }
        func sentence(_ lo: Int, _ hi: Int, question: Bool = false) -> String {
            let k = lo + Int(rng.next() % UInt64(hi - lo + 1))
            let s = (0..<k).map { _ in String(pick(words)) }.joined(separator: " ")
            return s.prefix(1).uppercased() + s.dropFirst() + (question ? "?" : ".")
        }
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let types = ["yes_no", "yes_no", "yes_no", "single", "single", "multiple", "number", "text", "date", "month_year", "note"]
        var out: [String] = []
        func w(_ s: String) { out.append(s) }
        var earlier: [(id: String, type: String, options: [String])] = []
        func cond(on c: (id: String, type: String, options: [String])) -> String {
            switch c.type {
            case "yes_no": return pick(["\(c.id) == yes", "\(c.id) != no", "not (\(c.id) == yes)", "answered(\(c.id))"])
            case "single": return pick(["\(c.id) in [\(c.options[0]), \(c.options[1])]", "\(c.id) == \(c.options[0])"])
            case "multiple": return pick(["\(c.id) has \(c.options[0])", "\(c.id) has any [\(c.options[0]), \(c.options[1])]"])
            default: return pick(["\(c.id) >= \(rng.next() % 50)", "\(c.id) * 2 - 1 < cutoff + 3.5"])
            }
        }
        w("format: 1")
        w("id: gen-\(seed)")
        w("version: \"1.\(seed).0\"")
        w("language: en")
        w("title: \(q("Generated screening \(seed)"))")
        if chance(0.5) { w("description: \(q(sentence(4, 10)))") }
        w("intro: \(q(sentence(4, 10)))")
        w("end_message: \(q(sentence(3, 8)))")
        w("parameters:")
        w("  cutoff: { default: \(rng.next() % 9), es: 7, zh-Hans: 2.5 }")
        w("domains:")
        for d in domains {
            w("  - id: \(d.id)")
            w("    title: \(q(sentence(2, 5)))")
            if d.core { w("    core: true") }
            if d.concern { w("    kind: concern") }
            if let rule = d.rule { w("    rule: \(q(rule))") }
        }
        w("sections:")
        var yesNos: [String] = []
        var singles: [(id: String, options: [String])] = []
        var multiples: [(id: String, options: [String])] = []
        var texts: [String] = []
        for s in 0..<((n + 19) / 20) {
            w("  - id: s\(s)")
            w("    title: \(q(sentence(2, 5)))")
            if s % 4 == 1 { w("    intro: \(q(sentence(6, 12)))") }
            if s % 3 == 2, let c = earlier.last(where: { $0.type == "yes_no" }) { w("    relevant: \(q(cond(on: c)))") }
            w("    questions:")
            let sectionRelevant = s % 3 == 2 && earlier.contains { $0.type == "yes_no" }
            for i in (s * 20)..<min(n, s * 20 + 20) {
                // The first two are yes/no: the domain rule above counts them.
                let type = i < 2 ? "yes_no" : pick(types)
                let id = String(format: "q%05d", i)
                w("      - id: \(id)")
                w("        type: \(type)")
                w("        text: \(q(sentence(4, 12, question: true)))")
                if i % 3 == 0 { w("        guidance: \(q(sentence(6, 14)))") }
                var options: [String] = []
                if type == "single" || type == "multiple" {
                    options = (1...(3 + Int(rng.next() % 3))).map { "o\($0)" }
                    w("        options:")
                    for o in options { w("          - { id: \(o), text: \(q(sentence(1, 3))) }") }
                }
                if type == "number" {
                    w("        min: 0")
                    w("        max: \(100 + i)")
                    if chance(0.5) { w("        integer: false") }
                    if chance(0.4) {
                        w("        constraint: \(q(". != 13"))")
                        w("        constraint_message: \(q(sentence(3, 6)))")
                    }
                }
                if type == "text", chance(0.5) { w("        multiline: true") }
                if type != "note", chance(0.2) { w("        special: [\(pick(["dont_know", "declined", "dont_know, declined"]))]") }
                if type != "note", chance(0.15) { w("        required: true") }
                var shownAlways = !sectionRelevant
                if let c = earlier.last, i % 20 != 0, chance(0.4) {
                    shownAlways = false
                    var text = cond(on: c)
                    if chance(0.3), let d = earlier.dropLast().last { text = "(\(text)) \(pick(["and", "or"])) (\(cond(on: d)))" }
                    if chance(0.2) { text = "(\(text)) or language == \"es\"" }
                    w("        relevant: \(q(text))")
                }
                if type == "yes_no", i > 2, chance(0.05) {
                    shownAlways = false  // a later question shown on its answer might never be reached
                    w("        end_if: \(q("\(id) == no"))")
                    w("        end_message: \(q(sentence(3, 8)))")
                }
                if type == "yes_no" || type == "single" || type == "multiple", chance(0.35) {
                    let d = pick(domains)
                    let answer = type == "yes_no" ? "yes" : type == "single" ? options[0] : "[\(options[0]), \(options[1])]"
                    w("        indicators:")
                    w("          - { id: i_\(id), answer: \(answer), domain: \(d.id), strength: \(pick(["strong", "medium", "weak"])), "
                      + "phase: \(pick(["recruitment", "travel", "destination", "any"])), why: \(q(sentence(4, 10))) }")
                }
                // Conditions refer only to questions always shown, so that none
                // can be unreachable (the loader refuses that).
                if shownAlways, type != "text" && type != "note" && type != "date" && type != "month_year" {
                    earlier.append((id, type, options))
                }
                if type == "yes_no" { yesNos.append(id) }
                if type == "single" { singles.append((id, options)) }
                if type == "multiple" { multiples.append((id, options)) }
                if type == "text" { texts.append(id) }
            }
        }
        w("indicators:")
        for k in 0..<max(2, n / 40) {
            let a = pick(yesNos), b = pick(yesNos)
            let when = pick(["\(a) == yes and \(b) == yes", "count(\(a) == yes, \(b) == no) >= 1",
                             "count_yes(\(a), \(b)) >= 2", "\(a) == yes and language == \"es\""])
            w("  - { id: t\(k), when: \(q(when)), domain: \(pick(domains).id), strength: \(pick(["strong", "medium"])), "
              + "phase: destination, weight: \(1 + rng.next() % 3), why: \(q(sentence(4, 9))) }")
        }
        w("scores:")
        for k in 0..<3 {
            w("  - id: score\(k)")
            w("    add:")
            for _ in 0..<(2 + Int(rng.next() % 6)) { w("      - { when: \(q(cond(on: pick(earlier)))), points: \(1 + rng.next() % 3) }") }
        }
        w("result:")
        w("  likely: \(q("positive(force) or positive(fraud) or (positive(coercion) and positive(debt_bondage))"))")
        w("  possible: \(q("indicators() >= 1 or score0 >= cutoff or strong() + medium() >= 2"))")
        if chance(0.5) { w("  concerns: \(q("positive(harm_by_others) or weak() >= 1"))") }
        w("  urgent: \(q("\(yesNos[0]) == yes"))")
        w("  overrides:")
        w("    - { id: high_weight, when: \(q("weight() >= 12 or weight(force) > 4")), at_least: possible, "
          + "reason: \(q(sentence(3, 7))) }")
        if chance(0.5) {
            w("    - { id: flagged, when: \(q("\(yesNos[1]) == dont_know")), result: concerns, urgent: true, flag: true, "
              + "reason: \(q(sentence(3, 7))) }")
        }
        w("referrals:")
        for (k, d) in domains.prefix(3 + Int(rng.next() % 3)).enumerated() {
            w("  - id: ref_\(d.id)")
            w("    title: \(q(sentence(2, 4)))")
            w("    when: \(q("positive(\(d.id)) or score\(k % 3) >= 6"))")
            if k == 0 { w("    time_critical: \(q("\(yesNos[0]) == yes"))") }
            w("    reason: \(q(sentence(5, 10)))")
            if k == 1, let t = texts.first { w("    details: [\(t)]") }
        }
        w("summary:")
        if let s = singles.first { w("  law_enforcement_preference: \(s.id)") }
        if let m = multiples.first { w("  needs: \(m.id)") }
        if let t = texts.last { w("  closing_remark: \(t)") }
        w("changelog:")
        w("  - version: \"1.0.0\"")
        w("    removed: [old_a, old_b]")
        w("    renamed: { older_c: \(yesNos[0]), older_d: \(yesNos.last!) }")
        w("resources:")
        w("  - { id: hotline, title: \(q("Help line")), text: \(q(sentence(5, 10))) }")
        return out.joined(separator: "\n") + "\n"
    }
}

/// SplitMix64: a small seeded generator, so generated inputs repeat.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
