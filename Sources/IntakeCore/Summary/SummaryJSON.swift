/// The JSON summary written by hand, byte for byte what Foundation's
/// `JSONEncoder` writes for `Summary`'s `Codable` conformance with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space
/// indent, `"key" : value`, an empty list as `[` newline newline `]`, keys in
/// the byte order of their UTF-8, nil optionals left out, `"`, `\` and the
/// control characters U+0000-U+001F escaped, everything else kept as UTF-8).
///
/// Why not `JSONEncoder`: in a batch summary it was about a quarter of each
/// file's CPU (bench/README.md, "Issue 19, round 2: batch"): it builds a tree
/// of boxed values through the `Encoder` protocols before writing a byte.
/// `SummaryJSONTests` compares both on seeded generated summaries (hostile
/// strings included), so a field added to `Summary` but not here fails there.
///
/// Members are written in sorted order by hand; `JSONOut.key` checks the
/// order in debug builds.
struct SummaryJSON: ~Copyable {
    private var out: JSONOut

    /// The JSON's UTF-8 bytes: a batch writes them as they are, since
    /// making a `String` of them checks every byte again (bench/README.md,
    /// "Issue 19, round 4").
    static func render(_ s: Summary) -> [UInt8] { render(s, capacity: 16_384) }

    /// With the buffer's first capacity given (a test starts it small, so
    /// that it grows many times).
    static func render(_ s: Summary, capacity: Int) -> [UInt8] {
        var w = SummaryJSON(out: JSONOut(capacity: capacity))
        w.summary(s)
        w.out.byte(0x0A)
        return w.out.bytes
    }

    private mutating func summary(_ s: Summary) {
        out.open(0x7B)
        if let v = s.advocateConcern { out.key("advocate_concern"); choice(v) }
        out.key("dependants"); evidence(s.dependants)
        out.key("disclaimer"); out.string(s.disclaimer)
        out.key("domain_order"); strings(s.domainOrder)
        out.key("domains")
        out.open(0x7B)
        for id in s.domains.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            out.key(text: id, checked: false)
            domain(s.domains[id]!)
        }
        out.close(0x7D)
        if let v = s.emergencyServices { out.key("emergency_services"); services(v) }
        out.key("ended_early"); out.bool(s.endedEarly)
        out.key("header"); header(s.header)
        out.key("interviewee_language"); out.string(s.intervieweeLanguage)
        out.key("language"); out.string(s.language)
        if let v = s.lawEnforcementPreference { out.key("law_enforcement_preference"); choice(v) }
        out.key("needs"); strings(s.needs)
        out.key("overrides")
        out.open(0x5B)
        for o in s.overrides {
            out.element()
            out.open(0x7B)
            out.key("evidence"); evidence(o.evidence)
            out.key("id"); out.string(o.id)
            out.key("reason"); out.string(o.reason)
            out.close(0x7D)
        }
        out.close(0x5D)
        out.key("questionnaire")
        out.open(0x7B)
        out.key("id"); out.string(s.questionnaire.id)
        out.key("title"); out.string(s.questionnaire.title)
        out.key("version"); out.string(s.questionnaire.version)
        out.close(0x7D)
        out.key("referrals")
        out.open(0x5B)
        for r in s.referrals {
            out.element()
            referral(r)
        }
        out.close(0x5D)
        out.key("remarks")
        out.open(0x5B)
        for r in s.remarks {
            out.element()
            out.open(0x7B)
            if let v = r.question { out.key("question"); out.string(v) }
            if let v = r.questionText { out.key("question_text"); out.string(v) }
            out.key("text"); out.string(r.text)
            out.close(0x7D)
        }
        out.close(0x5D)
        out.key("result"); out.string(s.result.rawValue)
        out.key("result_text"); out.string(s.resultText)
        out.key("safe_contact"); evidence(s.safeContact)
        out.key("safety"); out.string(s.safety.rawValue)
        out.key("safety_unanswered"); unanswered(s.safetyUnanswered)
        out.key("schema_version"); out.int(s.schemaVersion)
        if let v = s.shareLimits { out.key("share_limits"); out.string(v) }
        if let v = s.situation { out.key("situation"); choice(v) }
        if let v = s.situationEnded { out.key("situation_ended"); choice(v) }
        out.key("unanswered"); unanswered(s.unanswered)
        out.key("urgent"); out.bool(s.urgent)
        out.key("urgent_reasons"); strings(s.urgentReasons)
        out.key("uses_fallback_text"); out.bool(s.usesFallbackText)
        out.close(0x7D)
    }

    private mutating func header(_ h: Summary.Header) {
        out.open(0x7B)
        if let v = h.endedAt { out.key("ended_at"); evidenceItem(v) }
        if let v = h.interpreter { out.key("interpreter"); choice(v) }
        if let v = h.interpreterLanguage { out.key("interpreter_language"); out.string(v) }
        if let v = h.interviewDate { out.key("interview_date"); out.string(v) }
        out.key("interviewee_language_draft"); out.bool(h.intervieweeLanguageDraft)
        out.key("language_draft"); out.bool(h.languageDraft)
        if let v = h.organisation { out.key("organisation"); out.string(v) }
        if let v = h.preferredLanguages { out.key("preferred_languages"); out.string(v) }
        out.key("questionnaire_hash"); out.string(h.questionnaireHash)
        if let v = h.screener { out.key("screener"); out.string(v) }
        if let v = h.setting { out.key("setting"); out.string(v) }
        out.close(0x7D)
    }

    private mutating func domain(_ d: Summary.DomainItem) {
        out.open(0x7B)
        out.key("core"); out.bool(d.core)
        out.key("indicators")
        out.open(0x5B)
        for i in d.indicators {
            out.element()
            out.open(0x7B)
            out.key("evidence"); evidence(i.evidence)
            out.key("id"); out.string(i.id)
            out.key("phase"); out.string(i.phase.rawValue)
            out.key("strength"); out.string(i.strength.rawValue)
            if let v = i.why { out.key("why"); out.string(v) }
            out.close(0x7D)
        }
        out.close(0x5D)
        out.key("kind"); out.string(d.kind.rawValue)
        out.key("positive"); out.bool(d.positive)
        out.key("title"); out.string(d.title)
        out.close(0x7D)
    }

    private mutating func referral(_ r: Summary.ReferralItem) {
        out.open(0x7B)
        if let v = r.agreed { out.key("agreed"); out.bool(v) }
        if let v = r.details { out.key("details"); evidence(v) }
        out.key("evidence"); evidence(r.evidence)
        out.key("id"); out.string(r.id)
        out.key("reason"); out.string(r.reason)
        if let v = r.services { out.key("services"); services(v) }
        out.key("time_critical"); out.bool(r.timeCritical)
        out.key("title"); out.string(r.title)
        out.close(0x7D)
    }

    private mutating func services(_ list: [Summary.ServiceItem]) {
        out.open(0x5B)
        for s in list {
            out.element()
            out.open(0x7B)
            if let v = s.address { out.key("address"); out.string(v) }
            out.key("category"); out.string(s.category)
            if let e = s.eligibility {
                out.key("eligibility")
                out.open(0x7B)
                if let v = e.cost { out.key("cost"); out.string(v) }
                if let v = e.gender { out.key("gender"); out.string(v) }
                if let v = e.maxAge { out.key("max_age"); out.int(v) }
                if let v = e.minAge { out.key("min_age"); out.int(v) }
                if let v = e.noImmigrationStatusRequired { out.key("no_immigration_status_required"); out.bool(v) }
                out.close(0x7D)
            }
            out.key("fictional"); out.bool(s.fictional)
            if let v = s.hours { out.key("hours"); out.string(v) }
            out.key("languages"); strings(s.languages)
            out.key("name"); out.string(s.name)
            if let v = s.notes { out.key("notes"); out.string(v) }
            if let v = s.phone { out.key("phone"); out.string(v) }
            out.key("speaks_persons_language"); out.bool(s.speaksPersonsLanguage)
            if let v = s.text { out.key("text"); out.string(v) }
            out.close(0x7D)
        }
        out.close(0x5D)
    }

    private mutating func choice(_ c: Summary.ChoiceItem) {
        out.open(0x7B)
        if let v = c.answer { out.key("answer"); out.string(v) }
        out.key("question"); out.string(c.question)
        out.key("text"); out.string(c.text)
        out.close(0x7D)
    }

    private mutating func evidence(_ list: [Summary.EvidenceItem]) {
        out.open(0x5B)
        for e in list {
            out.element()
            evidenceItem(e)
        }
        out.close(0x5D)
    }

    private mutating func evidenceItem(_ e: Summary.EvidenceItem) {
        out.open(0x7B)
        out.key("answer"); out.string(e.answer)
        out.key("question"); out.string(e.question)
        out.key("question_text"); out.string(e.questionText)
        out.close(0x7D)
    }

    private mutating func unanswered(_ list: [Summary.UnansweredItem]) {
        out.open(0x5B)
        for u in list {
            out.element()
            out.open(0x7B)
            out.key("question"); out.string(u.question)
            out.key("question_text"); out.string(u.questionText)
            out.key("reason"); out.string(u.reason.rawValue)
            out.close(0x7D)
        }
        out.close(0x5D)
    }

    private mutating func strings(_ list: [String]) {
        out.open(0x5B)
        for s in list {
            out.element()
            out.string(s)
        }
        out.close(0x5D)
    }
}

/// Pretty-printed JSON as `JSONEncoder` lays it out: a container opens with
/// its bracket and a newline; each member or element after the first is
/// preceded by `,` and a newline, each by the indent; the container closes
/// with a newline, the outer indent and its bracket.
///
/// The bytes go into a buffer it allocates and grows itself (a pointer, a
/// count, a capacity), so a byte is a compare and a store: through
/// `[UInt8]` every `append` was a call with its uniqueness and capacity
/// checks, and an `append(contentsOf:)` about 95 instructions
/// (bench/README.md, "Issue 19, round 5"). Noncopyable, so the buffer has
/// one owner and is freed when it goes. `SummaryJSONTests` compares what it
/// writes with `JSONEncoder`'s bytes on seeded generated summaries.
struct JSONOut: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var depth = 0
    /// Bit `d`: whether the container open at depth `d` has a member yet
    /// (a summary nests 6 deep; `open` stops at 63).
    private var started: UInt64 = 0
    #if DEBUG
    /// Per open object: the last key, to check the order.
    private var lastKey: [String?] = []
    #endif

    init(capacity: Int = 16_384) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What has been written so far, copied out.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if n > capacity &- count { grow(count + n) }
    }

    @inline(never) private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.initialize(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    /// A byte where `reserve` made room.
    @inline(__always) private mutating func put(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    @inline(__always) private mutating func put(_ p: UnsafePointer<UInt8>, _ n: Int) {
        (base + count).initialize(from: p, count: n)
        count &+= n
    }

    mutating func byte(_ b: UInt8) {
        reserve(1)
        put(b)
    }

    mutating func open(_ bracket: UInt8) {
        precondition(depth < 63, "JSON nested too deep")
        reserve(2)
        put(bracket)
        put(0x0A)
        depth += 1
        started &= ~(1 << UInt64(depth))
        #if DEBUG
        lastKey.append(nil)
        #endif
    }

    mutating func close(_ bracket: UInt8) {
        depth -= 1
        #if DEBUG
        lastKey.removeLast()
        #endif
        reserve(2 * depth + 2)
        put(0x0A)
        indent()
        put(bracket)
    }

    /// Before an array's element.
    mutating func element() {
        let bit: UInt64 = 1 << UInt64(depth)
        reserve(2 * depth + 2)
        if started & bit != 0 {
            put(0x2C)
            put(0x0A)
        }
        started |= bit
        indent()
    }

    /// An object's member's key, from the data; `checked`: assert (debug
    /// builds) that keys come in ascending order, as `JSONEncoder`'s
    /// `.sortedKeys` writes them.
    mutating func key(text k: String, checked: Bool = true) {
        order(k, checked: checked)
        element()
        string(k)
        reserve(3)
        put(0x20)
        put(0x3A)
        put(0x20)
    }

    /// A key the format names (a literal): needs no escape (asserted in
    /// debug builds), so its bytes are copied as they are, without the
    /// scan and the string's retain and release; a summary has about 290
    /// of them (bench/README.md, "Issue 19, round 4").
    mutating func key(_ k: StaticString) {
        #if DEBUG
        let text = k.description
        assert(text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }, "JSON key needs escaping: \(text)")
        order(text, checked: true)
        #endif
        element()
        let n = k.utf8CodeUnitCount
        reserve(n + 5)
        put(0x22)
        put(k.utf8Start, n)
        put(0x22)
        put(0x20)
        put(0x3A)
        put(0x20)
    }

    private mutating func order(_ k: String, checked: Bool) {
        #if DEBUG
        if checked, let last = lastKey[lastKey.count - 1] {
            assert(last.utf8.lexicographicallyPrecedes(k.utf8), "JSON keys out of order: '\(last)' before '\(k)'")
        }
        lastKey[lastKey.count - 1] = k
        #endif
    }

    /// Two spaces a level, where `reserve` made room.
    @inline(__always) private mutating func indent() {
        for _ in 0..<depth {
            put(0x20)
            put(0x20)
        }
    }

    mutating func bool(_ b: Bool) {
        reserve(5)
        if b {
            put(0x74); put(0x72); put(0x75); put(0x65)
        } else {
            put(0x66); put(0x61); put(0x6C); put(0x73); put(0x65)
        }
    }

    mutating func int(_ n: Int) {
        var text = String(n)
        text.withUTF8 { u in
            reserve(u.count)
            put(u.baseAddress!, u.count)
        }
    }

    /// A string in quotes: `"` and `\` escaped with a backslash; backspace,
    /// form feed, newline, return and tab as `\b \f \n \r \t`; the other
    /// control characters below U+0020 as `\u00XX` in lower-case hex; all
    /// else as its UTF-8 bytes (a Swift string holds no lone surrogate).
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            // Room for the string unescaped and its quotes; an escape
            // makes room again.
            reserve(u.count + 2)
            put(0x22)
            guard let src = u.baseAddress else { put(0x22); return }
            // Runs of bytes that need no escape are copied in one go. The
            // scan reads through the pointer, eight bytes at a time while no
            // byte of the eight may need an escape (`plain`), then a byte at
            // a time, testing most bytes (letters, above `\`) with one
            // comparison.
            var mark = 0
            var i = 0
            let n = u.count
            while i < n {
                if n &- i >= 8, Self.plain(UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)) {
                    i &+= 8
                    continue
                }
                let c = src[i]
                i &+= 1
                if c > 0x5C || (c >= 0x20 && c != 0x22 && c != 0x5C) { continue }
                let at = i &- 1
                if at > mark { put(src + mark, at - mark) }
                mark = i
                // The escape's 6 bytes at most, and the rest of the string
                // and the closing quote, as the first `reserve` promised.
                reserve(6 + n - at)
                put(0x5C)
                switch c {
                case 0x22, 0x5C: put(c)
                case 0x08: put(0x62)
                case 0x0C: put(0x66)
                case 0x0A: put(0x6E)
                case 0x0D: put(0x72)
                case 0x09: put(0x74)
                default:
                    // u00XX; c < 0x20, so the high digit is 0 or 1.
                    let low = c & 0xF
                    put(0x75); put(0x30); put(0x30); put(0x30 + (c >> 4)); put(low < 10 ? 0x30 + low : 0x57 + low)
                }
            }
            if n > mark { put(src + mark, n - mark) }
            put(0x22)
        }
    }

    /// Whether none of eight bytes needs an escape: none below 0x20 (the
    /// test of "Bit Twiddling Hacks", `hasless`), none is `"` or `\`
    /// (`haszero` of the word xor the byte repeated). Bytes from 0x80 up
    /// (UTF-8 past ASCII) never count. Exact for the eight as a whole.
    @inline(__always) static func plain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (w &- ones &* 0x20) & ~w & highs
        return control | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x5C)) == 0
    }
}
