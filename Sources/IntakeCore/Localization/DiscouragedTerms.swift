import Yams

/// Stigmatizing or leading words, per language, with what to say instead
/// (`locales/discouraged-terms.yaml`):
///
/// ```yaml
/// en:
///   - term: "illegal alien"
///     suggest: "undocumented person / person without status"
///   - term: "victim"
///     suggest: "person / survivor"
///     allow: ["victim services"]
/// ```
///
/// Matching ignores case. In languages written with spaces between words a
/// term matches whole words only, and a space in a term matches any run of
/// white space; in Chinese, Japanese, Korean, Thai, Lao, Khmer and Burmese,
/// which do not separate words (or attach particles to them), and in Arabic,
/// which attaches articles and prepositions (`الضحية`), a term matches
/// anywhere. An occurrence inside one of the rule's `allow` phrases is not
/// reported.
public struct DiscouragedTerms: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var term: String
        public var suggestion: String
        /// Phrases in which the term is acceptable (`victim services`).
        public var allowed: [String]
        public var location: SourceLocation?

        public init(term: String, suggestion: String, allowed: [String] = [], location: SourceLocation? = nil) {
            self.term = term
            self.suggestion = suggestion
            self.allowed = allowed
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
                var term: String?, suggest: String?, allowed: [String] = []
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
                    case "note": break
                    default: bag.error(loc(k), "unknown field '\(k.scalar?.string ?? "?")'; expected term, suggest, allow or note")
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
                rules.append(Rule(term: t, suggestion: s, allowed: allowed, location: loc(item)))
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
    /// the 0-based position in Unicode scalars.
    public func findings(in text: String, language: String) -> [(term: String, suggestion: String, offset: Int)] {
        let rules = rules(for: language)
        guard !rules.isEmpty, !text.isEmpty else { return [] }
        let primary = LanguageTag(language)?.primaryLanguage ?? language
        let wholeWord = !Self.substringLanguages.contains(primary)
        let hay = Self.folded(text)
        var found: [(term: String, suggestion: String, offset: Int)] = []
        var taken: [Range<Int>] = []
        // Longer terms first, so "child prostitute" wins over "prostitute".
        let ordered = rules.sorted { $0.term.unicodeScalars.count > $1.term.unicodeScalars.count }
        for rule in ordered {
            let needle = Self.folded(rule.term)
            let allowedRanges = rule.allowed.flatMap { Self.matches(of: Self.folded($0), in: hay, wholeWord: wholeWord) }
            for r in Self.matches(of: needle, in: hay, wholeWord: wholeWord) {
                if allowedRanges.contains(where: { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound }) { continue }
                if taken.contains(where: { $0.overlaps(r) }) { continue }
                taken.append(r)
                found.append((rule.term, rule.suggestion, r.lowerBound))
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
            let lower = u.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : u
        }
    }

    private static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || u.properties.numericType != nil || u == "_"
            || u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark
    }

    private static func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace }

    /// Ranges (in scalars) where `needle` occurs; a space in the needle
    /// matches one or more white-space scalars.
    static func matches(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar], wholeWord: Bool) -> [Range<Int>] {
        guard let first = needle.first else { return [] }
        var out: [Range<Int>] = []
        var start = 0
        while start < hay.count {
            if hay[start] != first { start += 1; continue }
            var i = start, j = 0
            while j < needle.count, i < hay.count {
                if isSpace(needle[j]) {
                    guard isSpace(hay[i]) else { break }
                    while i < hay.count, isSpace(hay[i]) { i += 1 }
                    while j < needle.count, isSpace(needle[j]) { j += 1 }
                    continue
                }
                guard hay[i] == needle[j] else { break }
                i += 1; j += 1
            }
            if j == needle.count {
                let ok = !wholeWord
                    || ((start == 0 || !isWordScalar(hay[start - 1])) && (i == hay.count || !isWordScalar(hay[i])))
                if ok {
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
