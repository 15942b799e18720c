/// What the start screen shows of a questionnaire (its id, version,
/// language and title), read from the file's top-level lines without
/// parsing the YAML, so the first screen need not wait for the whole file
/// to load. The full load still follows, and decides: this is only a
/// preview of values the loader will read the same way.
public struct QuestionnaireHeader: Sendable, Equatable {
    public var id: String
    public var version: String
    public var language: String
    public var title: String

    /// Reads the header from the bytes of a questionnaire file. Nil unless
    /// all four are top-level keys with a one-line value that needs no YAML
    /// parsing to read: plain text, or quoted without escapes.
    public static func scan(_ bytes: [UInt8]) -> QuestionnaireHeader? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        var found: [String: String] = [:]
        let wanted: Set<String> = ["id", "version", "language", "title"]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, raw) in lines.enumerated() {
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            guard let colon = line.firstIndex(of: ":"), let first = line.first, first != " ", first != "\t" else { continue }
            let key = String(line[..<colon])
            guard wanted.contains(key) else { continue }
            guard found[key] == nil else { return nil }  // the loader reports the duplicate
            let rest = line[line.index(after: colon)...]
            guard rest.first == " " || rest.first == "\t", let value = scalar(rest) else { return nil }
            // A value continued on the next line (indented) is beyond a scan.
            if n + 1 < lines.count, let next = lines[n + 1].first, next == " " || next == "\t" { return nil }
            found[key] = value
        }
        guard let id = found["id"], let version = found["version"], let language = found["language"],
              let title = found["title"], !title.isEmpty else { return nil }
        return QuestionnaireHeader(id: id, version: version, language: language, title: title)
    }

    /// A one-line value: plain (a comment after " #" dropped), or quoted
    /// without escapes; nil for anything else (block scalars, anchors,
    /// tags, flow collections, escapes).
    static func scalar(_ rest: Substring) -> String? {
        let v = rest.trimmingWhitespace()
        guard let first = v.first else { return nil }
        if first == "\"" || first == "'" {
            guard v.count >= 2, v.last == first else { return nil }
            let inner = v.dropFirst().dropLast()
            if first == "\"" { return inner.contains("\\") || inner.contains("\"") ? nil : String(inner).trimmingWhitespace() }
            return inner.contains("'") ? nil : String(inner).trimmingWhitespace()
        }
        if "|>&*!{[%@`#,?-".contains(first) || v.contains(": ") { return nil }
        var plain = Substring(v)
        if let hash = plain.range(of: " #") { plain = plain[..<hash.lowerBound] }
        let out = plain.trimmingWhitespace()
        return out.isEmpty ? nil : out
    }
}

extension Questionnaire {
    /// A questionnaire holding only what its header says, to draw the start
    /// screen while the file loads: no sections, no rules. Never scored or
    /// interviewed; the loaded questionnaire replaces it before any key.
    public static func placeholder(_ h: QuestionnaireHeader, path: String) -> Questionnaire {
        let start = SourceLocation(file: path, line: 1, column: 1)
        return Questionnaire(id: h.id, version: h.version, language: h.language,
                             title: SourceText(key: "\(h.id)/title", text: h.title, location: start),
                             domains: [], sections: [], indicators: [],
                             result: ResultRules(likely: nil, possible: nil, urgent: nil, overrides: []),
                             path: path, contentHash: "")
    }
}
