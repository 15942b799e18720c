import Foundation

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
        bytes.withUnsafeBufferPointer { all in
            let bom = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return scan(UnsafeBufferPointer(rebasing: all[bom...]))
        }
    }

    private static func scan(_ body: UnsafeBufferPointer<UInt8>) -> QuestionnaireHeader? {
        var found: [String: String] = [:]
        // Lines are found with memchr, and only a line starting with one of
        // the keys is decoded: this runs before the first screen, over the
        // whole file (a key given twice is the loader's to report), and a
        // loop over the bytes took 5 instructions a byte (bench/README.md,
        // "Issue 19, round 11").
        guard let start = body.baseAddress else { return nil }
        var i = 0
        while i < body.count {
            var e = body.count
            if let newline = memchr(start + i, 0x0A, body.count - i) {
                e = start.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            defer { i = e + 1 }
            guard startsAKey[Int(body[i])],
                  let key = wantedKeys.first(where: { body[i...].starts(with: $0.bytes) }) else { continue }
            guard found[key.name] == nil else { return nil }  // the loader reports the duplicate
            var lineEnd = e
            if lineEnd > i, body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard let rest = String(validating: body[(i + key.bytes.count)..<lineEnd], as: UTF8.self) else { return nil }
            guard rest.first == " " || rest.first == "\t", let value = scalar(Substring(rest)) else { return nil }
            // A value continued on the next line (indented) is beyond a scan.
            if e + 1 < body.count, body[e + 1] == 0x20 || body[e + 1] == 0x09 { return nil }
            found[key.name] = value
        }
        guard let id = found["id"], let version = found["version"], let language = found["language"],
              let title = found["title"], !title.isEmpty else { return nil }
        return QuestionnaireHeader(id: id, version: version, language: language, title: title)
    }

    private static let wantedKeys: [(name: String, bytes: [UInt8])] =
        ["id", "version", "language", "title"].map { ($0, Array("\($0):".utf8)) }
    /// Whether a line starting with this byte may hold one of the keys.
    private static let startsAKey: [Bool] = (0...255).map { (b: Int) in wantedKeys.contains { Int($0.bytes[0]) == b } }

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
                             result: ResultRules(likely: nil, possible: nil, concerns: nil, urgent: nil, overrides: []),
                             path: path, contentHash: "")
    }
}
