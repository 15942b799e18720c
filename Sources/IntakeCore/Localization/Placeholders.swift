/// `{name}` placeholders in interface strings. `{{` and `}}` stand for
/// literal braces. A name is letters, digits, `_`, `-` or `.`; other brace
/// text (`{ }`, `{1 2}`) is not a placeholder and is left alone.
public enum Placeholders {
    /// Placeholder names in order of appearance (repeats included).
    public static func names(in text: String) -> [String] {
        // Most strings have no braces at all: skip the scan (it is on the
        // path of every entry `intake validate` checks).
        if !text.utf8.contains(UInt8(ascii: "{")) { return [] }
        var names: [String] = []
        scan(text) { token in
            if case .placeholder(let name) = token { names.append(name) }
        }
        return names
    }

    /// Replaces each `{name}` that has a value; unknown placeholders stay as
    /// written and `{{`/`}}` become `{`/`}`.
    public static func substitute(_ text: String, _ values: [String: String]) -> String {
        if !text.utf8.contains(UInt8(ascii: "{")) && !text.utf8.contains(UInt8(ascii: "}")) { return text }
        var out = ""
        scan(text) { token in
            switch token {
            case .literal(let s): out += s
            case .placeholder(let name): out += values[name] ?? "{\(name)}"
            }
        }
        return out
    }

    private enum Token {
        case literal(String)
        case placeholder(String)
    }

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" || s == "."
    }

    private static func scan(_ text: String, _ emit: (Token) -> Void) {
        let s = Array(text.unicodeScalars)
        var literal = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "{", i + 1 < s.count, s[i + 1] == "{" {
                literal.append("{"); i += 2; continue
            }
            if c == "}", i + 1 < s.count, s[i + 1] == "}" {
                literal.append("}"); i += 2; continue
            }
            if c == "{" {
                var j = i + 1
                while j < s.count, isNameScalar(s[j]) { j += 1 }
                if j > i + 1, j < s.count, s[j] == "}" {
                    if !literal.isEmpty {
                        emit(.literal(String(literal)))
                        literal = String.UnicodeScalarView()
                    }
                    emit(.placeholder(String(String.UnicodeScalarView(s[(i + 1)..<j]))))
                    i = j + 1
                    continue
                }
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { emit(.literal(String(literal))) }
    }
}
