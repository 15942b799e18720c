import Yams

/// Reads one YAML mapping, remembering which keys were used so that any
/// other key is reported as unknown (a typo is never silently ignored).
struct MapReader {
    let node: Node
    let path: String
    /// What this mapping is, for messages: "question 'consent'".
    let what: String
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    /// Per entry, whether it was read (a flag beside each entry: cheaper than
    /// a set of names, and every field of every question passes here).
    private var used: [Bool] = []

    init?(_ node: Node, path: String, what: String, diags: inout DiagnosticBag) {
        self.node = node
        self.path = path
        self.what = what
        guard case .mapping(let map) = node else {
            diags.error(YAMLDocument.location(node, path: path), "\(what) must be a mapping of keys to values")
            return nil
        }
        for (k, v) in map {
            guard case .scalar(let s) = k else {
                diags.error(YAMLDocument.location(k, path: path), "keys in \(what) must be plain words")
                continue
            }
            entries.append((s.string, k, v))
        }
        used = Array(repeating: false, count: entries.count)
    }

    var location: SourceLocation { YAMLDocument.location(node, path: path) }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Every key, in file order.
    var keys: [String] { entries.map(\.key) }

    mutating func value(_ key: String) -> Node? {
        guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
        used[i] = true
        return entries[i].value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        guard let e = entries.first(where: { $0.key == key }) else { return location }
        return YAMLDocument.location(e.keyNode, path: path)
    }

    /// A scalar string value with the location of its first character.
    mutating func string(_ key: String, required: Bool = false, diags: inout DiagnosticBag) -> (String, SourceLocation)? {
        guard let v = value(key) else {
            if required { diags.error(location, "\(what) is missing '\(key)'") }
            return nil
        }
        return Self.scalar(v, key: key, what: what, path: path, diags: &diags)
    }

    static func scalar(_ v: Node, key: String, what: String, path: String, diags: inout DiagnosticBag) -> (String, SourceLocation)? {
        guard case .scalar(let s) = v else {
            diags.error(YAMLDocument.location(v, path: path), "'\(key)' of \(what) must be a single value, not a list or mapping")
            return nil
        }
        return (s.string, contentLocation(v, path: path))
    }

    /// Where the text of a scalar starts (after an opening quote).
    static func contentLocation(_ v: Node, path: String) -> SourceLocation {
        let loc = YAMLDocument.location(v, path: path)
        if case .scalar(let s) = v, s.style == .singleQuoted || s.style == .doubleQuoted {
            return loc.advanced(by: 1)
        }
        return loc
    }

    mutating func bool(_ key: String, diags: inout DiagnosticBag) -> Bool? {
        guard let (s, loc) = string(key, diags: &diags) else { return nil }
        switch s {
        case "true": return true
        case "false": return false
        default:
            diags.error(loc, "'\(key)' must be true or false, not '\(Sanitize.singleLine(s))'")
            return nil
        }
    }

    mutating func number(_ key: String, diags: inout DiagnosticBag) -> Double? {
        guard let (s, loc) = string(key, diags: &diags) else { return nil }
        guard let v = Double(s), v.isFinite else {
            diags.error(loc, "'\(key)' must be a number, not '\(Sanitize.singleLine(s))'")
            return nil
        }
        return v
    }

    /// A sequence value (a single scalar counts as a list of one if `allowSingle`).
    mutating func list(_ key: String, allowSingle: Bool = false, diags: inout DiagnosticBag) -> [Node]? {
        guard let v = value(key) else { return nil }
        switch v {
        case .sequence(let seq): return Array(seq)
        case .scalar where allowSingle: return [v]
        default:
            diags.error(YAMLDocument.location(v, path: path), "'\(key)' of \(what) must be a list")
            return nil
        }
    }

    /// Reports every key not read and not in `alsoAllowed`.
    func finish(known: [String], diags: inout DiagnosticBag) {
        for (i, e) in entries.enumerated() where !used[i] && !known.contains(e.key) {
            var message = "unknown key '\(Sanitize.singleLine(e.key))' in \(what)"
            if let s = Suggest.closest(to: e.key, in: known) { message += "; did you mean '\(s)'?" }
            else { message += " (allowed: \(known.joined(separator: ", ")))" }
            diags.error(YAMLDocument.location(e.keyNode, path: path), message)
        }
    }
}

/// Near-miss suggestions for typos.
enum Suggest {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c))
            if d <= max(1, c.count / 3), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 3 { return 99 }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        // Damerau-Levenshtein (optimal string alignment): a swap of two
        // neighbouring letters ("titel") is one edit.
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            prev2 = prev
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
