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
            guard let text = header?.translation else { return [] }
            var fields: [POHeaderField] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].trimmingSpaces()
                    let value = line[line.index(after: colon)...].trimmingSpaces()
                    fields.append(POHeaderField(String(name), String(value)))
                } else {
                    fields.append(POHeaderField(String(line.trimmingSpaces()), ""))
                }
            }
            return fields
        }
        set {
            var h = header ?? POEntry(id: "", translations: [""])
            h.translations = [newValue.map { "\($0.name): \($0.value)\n" }.joined()]
            header = h
        }
    }

    /// The value of header field `name` (case-insensitive), if present.
    public func headerValue(_ name: String) -> String? {
        let lower = name.lowercased()
        return headerFields.first { $0.name.lowercased() == lower }?.value
    }

    /// Sets header field `name`, keeping its position if it exists and
    /// appending it otherwise; `nil` removes it.
    public mutating func setHeaderValue(_ value: String?, for name: String) {
        var fields = headerFields
        let lower = name.lowercased()
        if let i = fields.firstIndex(where: { $0.name.lowercased() == lower }) {
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
