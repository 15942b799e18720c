/// One `Name: value` line of a PO header.
public struct POHeaderField: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Whether a human translator has reviewed a locale file (`X-Intake-Status`).
public enum POReviewStatus: String, Sendable, Hashable {
    case draft, reviewed
}

/// A gettext PO (or POT) file: the header entry and the messages, in file
/// order. Obsolete (`#~`) entries are kept in `entries` with `isObsolete`.
///
/// Read with `POFile.parse(_:file:)`, write with `serialized()`. Parsing the
/// output of `serialized()` gives back an equal value.
public struct POFile: Hashable, Sendable {
    /// The entry with an empty msgid and no msgctxt, if the file has one.
    public var header: POEntry?
    /// Every other entry, in file order.
    public var entries: [POEntry]

    public init(header: POEntry? = nil, entries: [POEntry] = []) {
        self.header = header
        self.entries = entries
    }

    /// Entries that are not obsolete.
    public var activeEntries: [POEntry] { entries.filter { !$0.isObsolete } }
    /// Obsolete (`#~`) entries.
    public var obsoleteEntries: [POEntry] { entries.filter(\.isObsolete) }

    /// The active entry with this msgctxt (intake's key), if any.
    public func entry(key: String) -> POEntry? {
        entries.first { !$0.isObsolete && $0.context == key }
    }

    // MARK: Header

    /// The header's fields in file order. Setting them rewrites the header's
    /// msgstr (creating the header entry if needed).
    public var headerFields: [POHeaderField] {
        get {
            var fields: [POHeaderField] = []
            forEachHeaderField { name, value in
                fields.append(POHeaderField(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
                return true
            }
            return fields
        }
        set {
            var h = header ?? POEntry(id: "", translations: [""])
            h.translations = [newValue.map { "\($0.name): \($0.value)\n" }.joined()]
            header = h
        }
    }

    /// The value of the first header field named `name` (ASCII letters in
    /// either case), if present.
    ///
    /// Only the matching field's value is made into a string: every start
    /// reads each translation's status this way, and making all of a
    /// header's fields took 290,000 instructions a file (bench/README.md,
    /// "Issue 19, round 11").
    public func headerValue(_ name: String) -> String? {
        var found: String?
        forEachHeaderField { n, value in
            guard Self.sameFieldName(n, name) else { return true }
            found = String(decoding: value, as: UTF8.self)
            return false
        }
        return found
    }

    /// Calls `body` with each header line's name and value, spaces and tabs
    /// trimmed, in file order, until it returns false. The header's text is
    /// split on its bytes, as gettext reads it: a line ends at every
    /// newline, its name at its first colon; a line without a colon is a
    /// name with an empty value; empty lines are skipped.
    private func forEachHeaderField(_ body: (Substring.UTF8View, Substring.UTF8View) -> Bool) {
        guard let text = header?.translation else { return }
        let bytes = Substring(text).utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            defer { start = end < bytes.endIndex ? bytes.index(after: end) : end }
            guard start < end else { continue }
            let line = bytes[start..<end]
            if let colon = line.firstIndex(of: 0x3A) {
                guard body(Self.trimmed(line[..<colon]), Self.trimmed(line[bytes.index(after: colon)...])) else { return }
            } else {
                guard body(Self.trimmed(line), line[end...]) else { return }
            }
        }
    }

    private static func trimmed(_ s: Substring.UTF8View) -> Substring.UTF8View {
        var s = s
        while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        return s
    }

    /// Header field names compare without regard to ASCII letter case.
    static func sameFieldName(_ a: Substring.UTF8View, _ b: String) -> Bool {
        a.elementsEqual(b.utf8) { x, y in x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) }
    }

    /// Sets header field `name`, keeping its position if it exists and
    /// appending it otherwise; `nil` removes it.
    public mutating func setHeaderValue(_ value: String?, for name: String) {
        var fields = headerFields
        if let i = fields.firstIndex(where: { Self.sameFieldName(Substring($0.name).utf8, name) }) {
            if let value { fields[i].value = value } else { fields.remove(at: i) }
        } else if let value {
            fields.append(POHeaderField(name, value))
        }
        headerFields = fields
    }

    /// The `Language` header (a BCP-47 tag, or gettext's `pt_BR` form).
    public var language: String? {
        get { headerValue("Language") }
        set { setHeaderValue(newValue, for: "Language") }
    }

    /// The raw `Plural-Forms` header.
    public var pluralFormsHeader: String? {
        get { headerValue("Plural-Forms") }
        set { setHeaderValue(newValue, for: "Plural-Forms") }
    }

    /// The parsed `Plural-Forms` header, or nil if it is missing or malformed.
    public var pluralForms: PluralForms? {
        guard let h = pluralFormsHeader else { return nil }
        return try? PluralForms.parse(h)
    }

    /// `X-Intake-Status`; anything but `reviewed` counts as a draft.
    public var reviewStatus: POReviewStatus {
        get { headerValue("X-Intake-Status").flatMap { POReviewStatus(rawValue: $0.lowercased()) } ?? .draft }
        set { setHeaderValue(newValue.rawValue, for: "X-Intake-Status") }
    }

    /// `X-Intake-Reviewed-By`, nil when missing or empty.
    public var reviewedBy: String? {
        get {
            guard let v = headerValue("X-Intake-Reviewed-By"), !v.isEmpty else { return nil }
            return v
        }
        set { setHeaderValue(newValue ?? "", for: "X-Intake-Reviewed-By") }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
