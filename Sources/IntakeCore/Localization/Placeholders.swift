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
        if let fast = substituteASCIINames(text, values) { return fast }
        var out = ""
        scan(text) { token in
            switch token {
            case .literal(let s): out += s
            case .placeholder(let name): out += values[name] ?? "{\(name)}"
            }
        }
        return out
    }

    /// `substitute` on bytes, for the usual case where every brace holds an
    /// ASCII name (screen strings, on every frame). Nil when a brace holds
    /// anything else, so the general scan decides.
    private static func substituteASCIINames(_ text: String, _ values: [String: String]) -> String? {
        let b = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        func isName(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D || c == 0x2E
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 32)
        var i = 0
        while i < b.count {
            let c = b[i]
            if (c == open || c == close), i + 1 < b.count, b[i + 1] == c {
                out.append(c); i += 2; continue
            }
            if c == open {
                var j = i + 1
                while j < b.count, isName(b[j]) { j += 1 }
                if j < b.count, b[j] >= 0x80 { return nil }
                if j > i + 1, j < b.count, b[j] == close {
                    let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                    if let v = values[name] { out.append(contentsOf: v.utf8) } else { out.append(contentsOf: b[i...j]) }
                    i = j + 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
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
