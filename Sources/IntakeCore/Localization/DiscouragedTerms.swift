import Yams

/// Stigmatizing or leading words, per language, with what to say instead
/// (`locales/discouraged-terms.yaml`):
///
/// ```yaml
/// en:
///   - term: "illegal alien"
///     forms: ["illegal aliens"]
///     suggest: "undocumented person / person without status"
///   - term: "victim"
///     forms: ["victims"]
///     suggest: "person / survivor"
///     allow: ["victim services"]
/// es:
///   - term: "prostituta"
///     stems: ["prostitu"]
///     suggest: "persona que vende sexo"
/// ```
///
/// `term` is the headword the warning names; `forms` are its other
/// inflected forms (plurals, cases, with a suffix), each matched like the
/// term; `stems` are word beginnings: any word that begins with one matches
/// (`prostitu` finds prostituta, prostitutos, prostitución).
///
/// Matching ignores case, and treats Arabic and Persian yeh and kaf as the
/// same letter (ي/ی, ك/ک, ى). In languages written with spaces between
/// words a term or form matches whole words only, and a space in it matches
/// any run of white space; a zero-width non-joiner (U+200C, Persian
/// نیم‌فاصله) in it matches a ZWNJ, white space or nothing, as writers
/// differ. In Chinese, Japanese, Korean, Thai, Lao, Khmer and Burmese, which
/// do not separate words (or attach particles to them), and in Arabic, which
/// attaches articles and prepositions (`الضحية`), a term matches anywhere.
/// An occurrence inside one of the rule's `allow` phrases is not reported.
public struct DiscouragedTerms: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var term: String
        public var suggestion: String
        /// Phrases in which the term is acceptable (`victim services`).
        public var allowed: [String]
        /// Other inflected forms, each matched like the term.
        public var forms: [String]
        /// Word beginnings: any word that begins with one matches.
        public var stems: [String]
        public var location: SourceLocation?

        public init(term: String, suggestion: String, allowed: [String] = [], forms: [String] = [], stems: [String] = [],
                    location: SourceLocation? = nil) {
            self.term = term
            self.suggestion = suggestion
            self.allowed = allowed
            self.forms = forms
            self.stems = stems
            self.location = location
        }
    }

    /// Rules by primary language subtag or full tag (`en`, `zh-Hans`).
    public var rules: [String: [Rule]]

    public init(rules: [String: [Rule]] = [:]) { self.rules = rules }

    /// Reads the YAML format above; errors point at the offending node.
    public static func parse(yaml: String, file: String) -> (DiscouragedTerms?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            bag.error(yamlErrorLocation(error, file: file), "invalid YAML: \(yamlProblem(error))")
            return (nil, bag.items)
        } catch {
            bag.error(SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
            return (nil, bag.items)
        }
        func loc(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        guard let root else { return (DiscouragedTerms(), []) }
        guard let mapping = root.mapping else {
            bag.error(loc(root), "expected a mapping from language tags to lists of terms")
            return (nil, bag.items)
        }
        var result: [String: [Rule]] = [:]
        for (keyNode, value) in mapping {
            guard let lang = keyNode.scalar?.string, LanguageTag.isValid(lang) else {
                bag.error(loc(keyNode), "expected a BCP-47 language tag as key")
                continue
            }
            guard let list = value.sequence else {
                bag.error(loc(value), "expected a list of {term, suggest} for '\(lang)'")
                continue
            }
            var rules: [Rule] = []
            for item in list {
                guard let m = item.mapping else {
                    bag.error(loc(item), "expected {term: ..., suggest: ...}")
                    continue
                }
                var term: String?, suggest: String?, allowed: [String] = [], forms: [String] = [], stems: [String] = []
                func strings(_ v: Node, _ field: String) -> [String] {
                    if let s = v.sequence, s.allSatisfy({ $0.scalar != nil && !($0.scalar!.string.allSatisfy(\.isWhitespace)) }) {
                        return s.compactMap { $0.scalar?.string }
                    }
                    bag.error(loc(v), "'\(field)' must be a list of non-empty strings")
                    return []
                }
                for (k, v) in m {
                    switch k.scalar?.string {
                    case "term": term = v.scalar?.string
                        if term == nil { bag.error(loc(v), "'term' must be a string") }
                    case "suggest": suggest = v.scalar?.string
                        if suggest == nil { bag.error(loc(v), "'suggest' must be a string") }
                    case "allow":
                        if let s = v.sequence, s.allSatisfy({ $0.scalar != nil }) {
                            allowed = s.compactMap { $0.scalar?.string }
                        } else {
                            bag.error(loc(v), "'allow' must be a list of strings")
                        }
                    case "forms": forms = strings(v, "forms")
                    case "stems": stems = strings(v, "stems")
                    case "note": break
                    default: bag.error(loc(k), "unknown field '\(k.scalar?.string ?? "?")'; expected term, forms, stems, suggest, allow or note")
                    }
                }
                guard let t = term, !t.allSatisfy(\.isWhitespace) else {
                    if term == nil { bag.error(loc(item), "missing 'term'") } else { bag.error(loc(item), "empty 'term'") }
                    continue
                }
                guard let s = suggest else {
                    bag.error(loc(item), "missing 'suggest' for '\(t)'")
                    continue
                }
                rules.append(Rule(term: t, suggestion: s, allowed: allowed, forms: forms, stems: stems, location: loc(item)))
            }
            result[LanguageTag(lang)!.description, default: []].append(contentsOf: rules)
        }
        if bag.hasErrors { return (nil, bag.items) }
        return (DiscouragedTerms(rules: result), bag.items)
    }

    private static func yamlErrorLocation(_ error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        case .reader(let p, _, _, _): return p
        default: return "\(error)"
        }
    }

    /// Languages whose terms match as substrings (no spaces between words).
    static let substringLanguages: Set<String> = ["zh", "ja", "ko", "th", "lo", "km", "my", "ar"]

    /// Rules for a tag: the exact tag's (`es-MX`), the language-script's
    /// (`zh-Hans`; Chinese without a script counts as Simplified except for
    /// Taiwan, Hong Kong and Macau, so gettext's `zh_CN` finds `zh-Hans`),
    /// then the primary language's (`es`).
    public func rules(for language: String) -> [Rule] {
        guard let tag = LanguageTag(language) else { return rules[language] ?? [] }
        var keys = [tag.description]
        var script = tag.script
        if script == nil, tag.primaryLanguage == "zh" {
            script = ["TW", "HK", "MO"].contains(tag.region ?? "") ? "Hant" : "Hans"
        }
        if let script { keys.append("\(tag.primaryLanguage)-\(script)") }
        keys.append(tag.primaryLanguage)
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }.flatMap { rules[$0] ?? [] }
    }

    /// Every discouraged term in `text`, in order of position; `offset` is
    /// the 0-based position in Unicode scalars; `matched` is the text found
    /// (a form or a word beginning with a stem, as written in `text`).
    public func findings(in text: String, language: String) -> [(term: String, suggestion: String, offset: Int, matched: String)] {
        let rules = rules(for: language)
        guard !rules.isEmpty, !text.isEmpty else { return [] }
        let primary = LanguageTag(language)?.primaryLanguage ?? language
        let wholeWord = !Self.substringLanguages.contains(primary)
        let hay = Self.folded(text)
        let scalars = Array(text.unicodeScalars)
        var found: [(term: String, suggestion: String, offset: Int, matched: String)] = []
        var taken: [Range<Int>] = []
        // Every needle of every rule, longer first, so "child prostitute"
        // wins over "prostitute" and a form over a shorter stem.
        var needles: [(needle: [Unicode.Scalar], rule: Int, isStem: Bool)] = []
        for (k, rule) in rules.enumerated() {
            for t in [rule.term] + rule.forms { needles.append((Self.folded(t), k, false)) }
            for t in rule.stems { needles.append((Self.folded(t), k, true)) }
        }
        needles.sort { $0.needle.count > $1.needle.count }
        var allowedRanges: [Int: [Range<Int>]] = [:]
        for n in needles {
            let rule = rules[n.rule]
            if allowedRanges[n.rule] == nil {
                allowedRanges[n.rule] = rule.allowed.flatMap { Self.matches(of: Self.folded($0), in: hay, wholeWord: wholeWord) }
            }
            for r in Self.matches(of: n.needle, in: hay, wholeWord: wholeWord, prefix: n.isStem) {
                if allowedRanges[n.rule]!.contains(where: { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound }) { continue }
                if taken.contains(where: { $0.overlaps(r) }) { continue }
                taken.append(r)
                let matched = String(String.UnicodeScalarView(scalars[r]))
                found.append((rule.term, rule.suggestion, r.lowerBound, matched))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    /// Case-folds scalar by scalar, keeping one scalar per scalar so offsets
    /// stay valid in the original text.
    static func folded(_ s: String) -> [Unicode.Scalar] {
        s.unicodeScalars.map { u in
            // ASCII folds by arithmetic; the Unicode mapping builds a string per scalar.
            if u.isASCII {
                return ("A"..."Z").contains(u) ? Unicode.Scalar(u.value + 32)! : u
            }
            // Arabic and Persian keyboards give different yeh and kaf.
            switch u.value {
            case 0x064A, 0x0649: return "\u{06CC}"
            case 0x0643: return "\u{06A9}"
            default: break
            }
            let lower = u.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : u
        }
    }

    private static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || u.properties.numericType != nil || u == "_"
            || u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark
    }

    private static func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace }

    static let zwnj: Unicode.Scalar = "\u{200C}"

    /// Ranges (in scalars) where `needle` occurs; a space in the needle
    /// matches one or more white-space scalars, a ZWNJ zero or more ZWNJs
    /// or white-space scalars. With `prefix` (a stem) the needle may end
    /// inside a word, and the range runs to the word's end.
    static func matches(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar], wholeWord: Bool, prefix: Bool = false) -> [Range<Int>] {
        guard let first = needle.first else { return [] }
        var out: [Range<Int>] = []
        var start = 0
        while start < hay.count {
            if hay[start] != first { start += 1; continue }
            var i = start, j = 0
            while j < needle.count, i < hay.count {
                if needle[j] == zwnj {
                    while i < hay.count, hay[i] == zwnj || isSpace(hay[i]) { i += 1 }
                    j += 1
                    continue
                }
                if isSpace(needle[j]) {
                    guard isSpace(hay[i]) else { break }
                    while i < hay.count, isSpace(hay[i]) { i += 1 }
                    while j < needle.count, isSpace(needle[j]) { j += 1 }
                    continue
                }
                guard hay[i] == needle[j] else { break }
                i += 1; j += 1
            }
            // A ZWNJ at the needle's end may match nothing at the hay's end.
            while j < needle.count, needle[j] == zwnj { j += 1 }
            if j == needle.count {
                let ok = !wholeWord
                    || ((start == 0 || !isWordScalar(hay[start - 1])) && (prefix || i == hay.count || !isWordScalar(hay[i])))
                if ok {
                    if prefix && wholeWord { while i < hay.count, isWordScalar(hay[i]) { i += 1 } }
                    out.append(start..<i)
                    start = i
                    continue
                }
            }
            start += 1
        }
        return out
    }
}
