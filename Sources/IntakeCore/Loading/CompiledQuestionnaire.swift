// Near 400 lines: one codec, every part of the model written and read back
// in the same order, kept side by side so the two are checked together.

/// A validated `Questionnaire` compiled to bytes, so a program that has
/// loaded a questionnaire file before does not parse its YAML, build its
/// model and check it again (39% of the time until ready, bench/README.md).
///
/// Only a questionnaire that loaded without errors is ever compiled, and
/// the bytes are keyed by the SHA-256 of the file's bytes: a file that
/// changes in any way is loaded, and its errors reported, as before.
/// As with `CompiledCatalog`, the bytes are never trusted on their own:
/// they carry the source file's SHA-256, the format version, a caller's
/// program identity and a SHA-256 of their own payload, and `decode` gives
/// nil (the caller then loads the file) unless every one of these matches
/// and every value read is in bounds and well formed.
///
/// Source locations are kept as line and column only: the file's display
/// path depends on how the data folder was named, so the path given to
/// `decode` is put back into every location (a questionnaire whose
/// locations name another file is not compiled).
///
/// A compact binary form, written by hand: it needs no reflection or keyed
/// containers, and decoding the bundled screening takes a fraction of
/// loading it (bench/README.md, "Issue 19, round 2"). A `Codable` form was
/// not built to compare, so whether it would be as fast is not measured.
///
/// Layout (integers little-endian, strings as u32 byte count + UTF-8):
///
///     "INTKQST\0"            8 bytes
///     format version         u32  (CompiledQuestionnaire.formatVersion)
///     program identity       string
///     source SHA-256         32 bytes
///     payload length         u64
///     payload SHA-256        32 bytes
///     payload                the model, field by field (`Writer` below)
public enum CompiledQuestionnaire {
    /// Bump whenever the model (`Questionnaire` and what it holds) or the
    /// order in which this file writes it changes.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("INTKQST\0".utf8)

    /// The compiled form of `q`, loaded from a file whose bytes had SHA-256
    /// `sourceHash`; nil when it cannot be compiled faithfully (a location
    /// naming another file than `q.path`, a line or column beyond u32).
    public static func encode(_ q: Questionnaire, sourceHash: [UInt8], program: String) -> [UInt8]? {
        var w = Writer(path: q.path)
        w.questionnaire(q)
        guard w.faithful else { return nil }
        var out = ByteWriter()
        out.raw(magic)
        out.u32(formatVersion)
        out.string(program)
        out.raw(sourceHash)
        out.u64(UInt64(w.out.bytes.count))
        out.raw(SHA256Digest.digest(w.out.bytes))
        out.raw(w.out.bytes)
        return out.bytes
    }

    /// A questionnaire equal to `q` that shares no storage with it, made by
    /// writing it and reading it back; nil when it cannot be written
    /// faithfully (as `encode`). A batch gives each thread its own: threads
    /// that share a questionnaire's arrays and strings move their reference
    /// counts between the cores at every retain (bench/README.md, "Issue
    /// 19, round 8").
    public static func copy(_ q: Questionnaire) -> Questionnaire? {
        var w = Writer(path: q.path)
        w.questionnaire(q)
        guard w.faithful else { return nil }
        var reader = Reader(r: ByteReader(w.out.bytes), path: q.path)
        guard let back = try? reader.questionnaire(), reader.r.remaining == 0 else { return nil }
        return back
    }

    /// The questionnaire in `bytes`, with `path` as its path and in its
    /// locations, if they were compiled by this format and `program` from a
    /// file with SHA-256 `sourceHash` and are whole and unchanged; nil
    /// otherwise.
    public static func decode(_ bytes: [UInt8], sourceHash: [UInt8], path: String, program: String) -> Questionnaire? {
        var r = ByteReader(bytes)
        guard r.raw(magic.count) == magic[...],
              r.u32() == formatVersion,
              r.string() == program,
              let hash = r.raw(32), hash.elementsEqual(sourceHash),
              let length = r.u64(), let digest = r.raw(32), length == UInt64(r.remaining)
        else { return nil }
        let payload = bytes[r.offset...]
        guard SHA256Digest.digest(Array(payload)).elementsEqual(digest) else { return nil }
        var reader = Reader(r: r, path: path)
        guard let q = try? reader.questionnaire(), reader.r.remaining == 0,
              q.contentHash == SHA256Digest.hexOfDigest(sourceHash)
        else { return nil }
        return q
    }

    // MARK: Writing

    struct Writer {
        var out = ByteWriter()
        let path: String
        /// False once something could not be written as it is.
        var faithful = true

        init(path: String) { self.path = path }

        mutating func string(_ s: String) { out.string(s) }
        mutating func strings(_ xs: [String]) { count(xs.count); for x in xs { string(x) } }
        mutating func bool(_ b: Bool) { out.u8(b ? 1 : 0) }
        mutating func double(_ d: Double) { out.u64(d.bitPattern) }
        mutating func count(_ n: Int) { out.u32(UInt32(truncatingIfNeeded: n)); if n < 0 || n > UInt32.max { faithful = false } }
        /// Presence marker, then the value.
        mutating func optional<T>(_ v: T?, _ body: (inout Writer, T) -> Void) {
            if let v { out.u8(1); body(&self, v) } else { out.u8(0) }
        }
        mutating func array<T>(_ xs: [T], _ body: (inout Writer, T) -> Void) {
            count(xs.count)
            for x in xs { body(&self, x) }
        }
        /// Sorted by key, so the same questionnaire compiles to the same bytes.
        mutating func stringMap<V>(_ m: [String: V], _ body: (inout Writer, V) -> Void) {
            count(m.count)
            for (k, v) in m.sorted(by: { $0.key < $1.key }) { string(k); body(&self, v) }
        }
        mutating func raw<E: RawRepresentable>(_ e: E) where E.RawValue == String { string(e.rawValue) }

        mutating func location(_ l: SourceLocation) {
            if l.file != path { faithful = false }
            count(l.line)
            count(l.column)
        }
        mutating func text(_ t: SourceText) {
            string(t.key); string(t.text); optional(t.note) { $0.string($1) }; location(t.location)
        }
        mutating func optionalText(_ t: SourceText?) { optional(t) { $0.text($1) } }
        mutating func condition(_ c: Condition) { string(c.source); location(c.location); node(c.root) }
        mutating func optionalCondition(_ c: Condition?) { optional(c) { $0.condition($1) } }

        mutating func node(_ n: ConditionNode) {
            switch n {
            case .bool(let b): out.u8(0); bool(b)
            case .number(let d): out.u8(1); double(d)
            case .string(let s): out.u8(2); string(s)
            case .option(let s): out.u8(3); string(s)
            case .special(let s): out.u8(4); raw(s)
            case .list(let xs): out.u8(5); nodes(xs)
            case .answer(let s): out.u8(6); string(s)
            case .current: out.u8(7)
            case .indicator(let s): out.u8(8); string(s)
            case .score(let s): out.u8(9); string(s)
            case .parameter(let s): out.u8(10); string(s)
            case .language: out.u8(11)
            case .not(let x): out.u8(12); node(x)
            case .and(let xs): out.u8(13); nodes(xs)
            case .or(let xs): out.u8(14); nodes(xs)
            case .compare(let op, let a, let b): out.u8(15); raw(op); node(a); node(b)
            case .arithmetic(let op, let a, let b): out.u8(16); raw(op); node(a); node(b)
            case .inList(let a, let xs): out.u8(17); node(a); nodes(xs)
            case .has(let a, let xs, let any): out.u8(18); node(a); nodes(xs); bool(any)
            case .answered(let s): out.u8(19); string(s)
            case .countYes(let qs): out.u8(20); strings(qs)
            case .count(let xs): out.u8(21); nodes(xs)
            case .positive(let s): out.u8(22); string(s)
            case .strengthCount(let st, let d): out.u8(23); raw(st); optional(d) { $0.string($1) }
            case .indicatorCount(let d): out.u8(24); optional(d) { $0.string($1) }
            case .weight(let d): out.u8(25); optional(d) { $0.string($1) }
            }
        }
        mutating func nodes(_ xs: [ConditionNode]) { array(xs) { $0.node($1) } }

        mutating func questionnaire(_ q: Questionnaire) {
            string(q.id); string(q.version); string(q.language)
            text(q.title); optionalText(q.description); optionalText(q.intro); optionalText(q.endMessage)
            array(q.parameters) { w, p in
                w.string(p.id); w.double(p.defaultValue); w.stringMap(p.byLanguage) { $0.double($1) }; w.location(p.location)
            }
            array(q.domains) { w, d in
                w.string(d.id); w.text(d.title); w.bool(d.core); w.raw(d.kind)
                switch d.rule {
                case .tiers: w.out.u8(0)
                case .any: w.out.u8(1)
                case .condition(let c): w.out.u8(2); w.condition(c)
                }
                w.location(d.location)
            }
            array(q.sections) { w, s in
                w.string(s.id); w.text(s.title); w.optionalText(s.intro); w.optionalText(s.contentNote)
                w.optionalCondition(s.relevant); w.array(s.questions) { $0.question($1) }; w.location(s.location)
            }
            array(q.indicators) { w, i in
                w.string(i.id); w.string(i.domain); w.raw(i.strength); w.raw(i.phase); w.double(i.weight)
                w.condition(i.when); w.optional(i.questionID) { $0.string($1) }; w.optionalText(i.why); w.location(i.location)
            }
            array(q.scores) { w, s in
                w.string(s.id); w.array(s.items) { $0.condition($1.when); $0.double($1.points) }; w.location(s.location)
            }
            optionalCondition(q.result.likely); optionalCondition(q.result.possible)
            optionalCondition(q.result.concerns); optionalCondition(q.result.urgent)
            array(q.result.overrides) { w, o in
                w.string(o.id); w.condition(o.when); w.optional(o.result) { $0.raw($1) }; w.optional(o.atLeast) { $0.raw($1) }
                w.bool(o.urgent); w.bool(o.flag); w.text(o.reason); w.location(o.location)
            }
            array(q.referrals) { w, r in
                w.string(r.id); w.text(r.title); w.condition(r.when); w.optionalCondition(r.timeCritical)
                w.text(r.reason); w.strings(r.details); w.location(r.location)
            }
            let hooks = q.summaryHooks.questions.sorted { $0.key.rawValue < $1.key.rawValue }
            array(hooks) { w, h in w.raw(h.key); w.string(h.value) }
            array(q.resources) { w, r in w.string(r.id); w.text(r.title); w.text(r.text) }
            array(q.changelog) { w, c in
                w.string(c.version); w.strings(c.removed); w.stringMap(c.renamed) { $0.string($1) }; w.location(c.location)
            }
            string(q.contentHash)
        }

        mutating func question(_ q: Question) {
            string(q.id); raw(q.type); text(q.text); optionalText(q.guidance)
            optionalCondition(q.relevant); optionalCondition(q.required); optionalCondition(q.constraint)
            optionalText(q.constraintMessage)
            array(q.options) { $0.string($1.id); $0.text($1.text) }
            optional(q.min) { $0.double($1) }; optional(q.max) { $0.double($1) }
            bool(q.integer); bool(q.multiline)
            array(q.special) { $0.raw($1) }
            optionalCondition(q.endIf); optionalText(q.endMessage)
            strings(q.indicatorIDs); location(q.location); string(q.sectionID)
        }
    }

    // MARK: Reading

    struct Malformed: Error {}

    /// Reads what `Writer` wrote, in the same order; any value out of
    /// bounds or not well formed throws `Malformed`.
    struct Reader {
        var r: ByteReader
        let path: String

        mutating func string() throws(Malformed) -> String {
            guard let s = r.string() else { throw Malformed() }
            return s
        }
        mutating func byte() throws(Malformed) -> UInt8 {
            guard let b = r.u8() else { throw Malformed() }
            return b
        }
        mutating func bool() throws(Malformed) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw Malformed()
            }
        }
        mutating func double() throws(Malformed) -> Double {
            guard let v = r.u64() else { throw Malformed() }
            return Double(bitPattern: v)
        }
        mutating func int() throws(Malformed) -> Int {
            guard let v = r.u32() else { throw Malformed() }
            return Int(v)
        }
        /// An element count: every element takes at least a byte, so a count
        /// beyond what is left is refused before anything is reserved.
        mutating func count() throws(Malformed) -> Int {
            let n = try int()
            guard n <= r.remaining else { throw Malformed() }
            return n
        }
        mutating func optional<T>(_ body: (inout Reader) throws(Malformed) -> T) throws(Malformed) -> T? {
            guard try bool() else { return nil }
            return try body(&self)
        }
        mutating func array<T>(_ body: (inout Reader) throws(Malformed) -> T) throws(Malformed) -> [T] {
            let n = try count()
            var out: [T] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try body(&self)) }
            return out
        }
        mutating func strings() throws(Malformed) -> [String] { try array { r throws(Malformed) in try r.string() } }
        mutating func stringMap<V>(_ body: (inout Reader) throws(Malformed) -> V) throws(Malformed) -> [String: V] {
            let n = try count()
            var out: [String: V] = Dictionary(minimumCapacity: n)
            for _ in 0..<n {
                let k = try string()
                out[k] = try body(&self)
            }
            guard out.count == n else { throw Malformed() }
            return out
        }
        mutating func raw<E: RawRepresentable>(_: E.Type = E.self) throws(Malformed) -> E where E.RawValue == String {
            guard let e = E(rawValue: try string()) else { throw Malformed() }
            return e
        }

        mutating func location() throws(Malformed) -> SourceLocation {
            SourceLocation(file: path, line: try int(), column: try int())
        }
        mutating func text() throws(Malformed) -> SourceText {
            SourceText(key: try string(), text: try string(), note: try optional { r throws(Malformed) in try r.string() },
                       location: try location())
        }
        mutating func optionalText() throws(Malformed) -> SourceText? { try optional { r throws(Malformed) in try r.text() } }
        mutating func condition() throws(Malformed) -> Condition {
            Condition(source: try string(), location: try location(), root: try node(depth: 0))
        }
        mutating func optionalCondition() throws(Malformed) -> Condition? {
            try optional { r throws(Malformed) in try r.condition() }
        }
        mutating func optionalString() throws(Malformed) -> String? { try optional { r throws(Malformed) in try r.string() } }

        /// Conditions nest as deep as their parentheses; hostile bytes could
        /// nest far deeper, so reading stops well before the stack would.
        static let maxDepth = 1_000

        mutating func node(depth: Int) throws(Malformed) -> ConditionNode {
            guard depth < Self.maxDepth else { throw Malformed() }
            let d = depth + 1
            switch try byte() {
            case 0: return .bool(try bool())
            case 1: return .number(try double())
            case 2: return .string(try string())
            case 3: return .option(try string())
            case 4: return .special(try raw())
            case 5: return .list(try nodes(depth: d))
            case 6: return .answer(try string())
            case 7: return .current
            case 8: return .indicator(try string())
            case 9: return .score(try string())
            case 10: return .parameter(try string())
            case 11: return .language
            case 12: return .not(try node(depth: d))
            case 13: return .and(try nodes(depth: d))
            case 14: return .or(try nodes(depth: d))
            case 15: return .compare(try raw(), try node(depth: d), try node(depth: d))
            case 16: return .arithmetic(try raw(), try node(depth: d), try node(depth: d))
            case 17: return .inList(try node(depth: d), try nodes(depth: d))
            case 18: return .has(try node(depth: d), try nodes(depth: d), any: try bool())
            case 19: return .answered(try string())
            case 20: return .countYes(try strings())
            case 21: return .count(try nodes(depth: d))
            case 22: return .positive(try string())
            case 23: return .strengthCount(try raw(), try optionalString())
            case 24: return .indicatorCount(try optionalString())
            case 25: return .weight(try optionalString())
            default: throw Malformed()
            }
        }
        mutating func nodes(depth: Int) throws(Malformed) -> [ConditionNode] {
            try array { r throws(Malformed) in try r.node(depth: depth) }
        }

        mutating func questionnaire() throws(Malformed) -> Questionnaire {
            let id = try string(), version = try string(), language = try string()
            let title = try text(), description = try optionalText(), intro = try optionalText(), endMessage = try optionalText()
            let parameters = try array { r throws(Malformed) in
                Parameter(id: try r.string(), defaultValue: try r.double(),
                          byLanguage: try r.stringMap { r throws(Malformed) in try r.double() }, location: try r.location())
            }
            let domains = try array { r throws(Malformed) in
                let id = try r.string(), title = try r.text(), core = try r.bool()
                let kind: DomainKind = try r.raw()
                let rule: DomainRule
                switch try r.byte() {
                case 0: rule = .tiers
                case 1: rule = .any
                case 2: rule = .condition(try r.condition())
                default: throw Malformed()
                }
                return Domain(id: id, title: title, core: core, kind: kind, rule: rule, location: try r.location())
            }
            let sections = try array { r throws(Malformed) in
                Section(id: try r.string(), title: try r.text(), intro: try r.optionalText(), contentNote: try r.optionalText(),
                        relevant: try r.optionalCondition(), questions: try r.array { r throws(Malformed) in try r.question() },
                        location: try r.location())
            }
            let indicators = try array { r throws(Malformed) in
                Indicator(id: try r.string(), domain: try r.string(), strength: try r.raw(), phase: try r.raw(),
                          weight: try r.double(), when: try r.condition(), questionID: try r.optionalString(),
                          why: try r.optionalText(), location: try r.location())
            }
            let scores = try array { r throws(Malformed) in
                Score(id: try r.string(),
                      items: try r.array { r throws(Malformed) in ScoreItem(when: try r.condition(), points: try r.double()) },
                      location: try r.location())
            }
            let likely = try optionalCondition(), possible = try optionalCondition()
            let concerns = try optionalCondition(), urgent = try optionalCondition()
            let overrides = try array { r throws(Malformed) in
                Override(id: try r.string(), when: try r.condition(),
                         result: try r.optional { r throws(Malformed) in try r.raw() },
                         atLeast: try r.optional { r throws(Malformed) in try r.raw() },
                         urgent: try r.bool(), flag: try r.bool(), reason: try r.text(), location: try r.location())
            }
            let referrals = try array { r throws(Malformed) in
                Referral(id: try r.string(), title: try r.text(), when: try r.condition(), timeCritical: try r.optionalCondition(),
                         reason: try r.text(), details: try r.strings(), location: try r.location())
            }
            let hookPairs = try array { r throws(Malformed) in (try r.raw(SummaryHook.self), try r.string()) }
            let hooks = Dictionary(hookPairs, uniquingKeysWith: { a, _ in a })
            guard hooks.count == hookPairs.count else { throw Malformed() }
            let resources = try array { r throws(Malformed) in
                Resource(id: try r.string(), title: try r.text(), text: try r.text())
            }
            let changelog = try array { r throws(Malformed) in
                ChangelogEntry(version: try r.string(), removed: try r.strings(),
                               renamed: try r.stringMap { r throws(Malformed) in try r.string() }, location: try r.location())
            }
            let contentHash = try string()
            return Questionnaire(id: id, version: version, language: language, title: title, description: description,
                                 intro: intro, endMessage: endMessage, parameters: parameters, domains: domains,
                                 sections: sections, indicators: indicators, scores: scores,
                                 result: ResultRules(likely: likely, possible: possible, concerns: concerns,
                                                     urgent: urgent, overrides: overrides),
                                 referrals: referrals, summaryHooks: SummaryHooks(hooks), resources: resources,
                                 changelog: changelog, path: path, contentHash: contentHash)
        }

        mutating func question() throws(Malformed) -> Question {
            Question(id: try string(), type: try raw(), text: try text(), guidance: try optionalText(),
                     relevant: try optionalCondition(), required: try optionalCondition(), constraint: try optionalCondition(),
                     constraintMessage: try optionalText(),
                     options: try array { r throws(Malformed) in AnswerOption(id: try r.string(), text: try r.text()) },
                     min: try optional { r throws(Malformed) in try r.double() },
                     max: try optional { r throws(Malformed) in try r.double() },
                     integer: try bool(), multiline: try bool(),
                     special: try array { r throws(Malformed) in try r.raw() },
                     endIf: try optionalCondition(), endMessage: try optionalText(),
                     indicatorIDs: try strings(), location: try location(), sectionID: try string())
        }
    }
}
