/// A translated string, or the source text shown in its place.
public struct Translated: Sendable, Hashable {
    public var text: String
    /// True when no usable translation exists and the source text is shown.
    public var isFallback: Bool

    public init(text: String, isFallback: Bool) {
        self.text = text
        self.isFallback = isFallback
    }
}

/// Looks strings up in one language. The PO catalog conforms; so does the
/// source language itself (every string is its own translation).
public protocol Translating: Sendable {
    /// The BCP-47 tag of this language.
    var language: String { get }
    /// Whether this language's translation is an unreviewed draft.
    var isDraft: Bool { get }
    func translate(key: String, source: String) -> Translated
    /// A plural string for `count`.
    func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated
}

public extension Translating {
    func callAsFunction(_ s: SourceText) -> String { translate(key: s.key, source: s.text).text }
    func callAsFunction(_ s: SourceText?) -> String? { s.map { translate(key: $0.key, source: $0.text).text } }

    /// An interface string, with `{name}` placeholders filled in.
    func ui(_ s: UIString, _ values: [String: String] = [:]) -> String {
        fill(translate(key: s.key, source: s.source).text, values)
    }

    /// A plural interface string; `{count}` is filled in too.
    func ui(_ s: UIPlural, count: Int, _ values: [String: String] = [:]) -> String {
        var v = values
        v["count"] = String(count)
        return fill(translatePlural(key: s.key, source: s.source, sourcePlural: s.plural, count: count).text, v)
    }

    /// The name of a result level.
    func result(_ level: ResultLevel) -> String { ui(.result(level)) }

    /// The translated text of an answer option (yes/no included).
    func option(_ id: String, of q: Question) -> String {
        if q.type == .yesNo { return id == "yes" ? ui(.yes) : id == "no" ? ui(.no) : id }
        return q.option(id).map { self($0.text) } ?? id
    }

    /// An answer as words in this language.
    func answer(_ a: AnswerValue, of q: Question) -> String {
        switch a {
        case .choice(let c): return option(c, of: q)
        case .choices(let cs): return cs.map { option($0, of: q) }.joined(separator: "; ")
        case .special(.dontKnow): return ui(.dontKnow)
        case .special(.declined): return ui(.declined)
        case .number, .date: return a.plainDescription
        case .text(let t): return t
        }
    }
}

/// Fills `{name}` placeholders; unknown placeholders are left as they are.
func fill(_ text: String, _ values: [String: String]) -> String {
    guard !values.isEmpty else { return text }
    return Placeholders.substitute(text, values)
}

/// The source language: every string is its own translation.
public struct SourceLanguage: Translating {
    public var language: String
    public var isDraft: Bool { false }
    public init(language: String = "en") { self.language = language }
    public func translate(key: String, source: String) -> Translated { Translated(text: source, isFallback: false) }
    public func translatePlural(key: String, source: String, sourcePlural: String, count: Int) -> Translated {
        Translated(text: count == 1 ? source : sourcePlural, isFallback: false)
    }
}
