/// Where the parts of one PO entry were found, so a validator can point at
/// them. Locations take no part in equality: a round trip through the writer
/// moves lines but does not change the entry.
public struct POEntryLocations: Hashable, Sendable {
    /// The first line of the entry (its first comment or keyword).
    public var start: SourceLocation?
    public var msgctxt: SourceLocation?
    public var msgid: SourceLocation?
    /// The `msgstr` line, or the `msgstr[0]` line of a plural entry.
    public var msgstr: SourceLocation?
    /// One location per `msgstr[N]` line, in order.
    public var msgstrs: [SourceLocation] = []
    /// Per msgstr form, in order, each character that the sanitizing rule
    /// may remove (see `Sanitize.violations`) and where it is in the file,
    /// so `locales check` can point at the character itself.
    public var msgstrControls: [Int: [(scalar: Unicode.Scalar, location: SourceLocation)]] = [:]

    public init() {}

    public static func == (a: POEntryLocations, b: POEntryLocations) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// How an entry's strings were broken into lines in the file it was read
/// from, so writing it again keeps the wrapping of Poedit, Weblate or
/// `msgcat` (which break lines differently from intake, e.g. between CJK
/// characters) instead of flipping every wrapped line. Each field is kept
/// verbatim with the value it held; the writer uses the lines only while
/// the field still has that value. Takes no part in equality.
public struct POEntryLayout: Hashable, Sendable {
    struct Field: Sendable {
        /// What the writer writes before the string: `msgid`, `msgstr[1]`,
        /// `#~ msgstr`, `#| msgid`.
        var keyword: String
        var value: String
        /// The lines as read, joined by `\n`, without the last line break.
        var lines: String
    }
    var fields: [Field] = []

    public init() {}

    /// The lines as read for `keyword` if it still holds `value`.
    func lines(_ keyword: String, value: String) -> String? {
        for f in fields where f.keyword == keyword { return f.value == value ? f.lines : nil }
        return nil
    }

    public static func == (a: POEntryLayout, b: POEntryLayout) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// One message of a gettext PO file, with every kind of comment gettext writes.
public struct POEntry: Hashable, Sendable {
    /// `# ` translator comments, one per line, without the `# ` prefix.
    public var translatorComments: [String] = []
    /// `#.` comments extracted from the source (the author's note), without `#. `.
    public var extractedComments: [String] = []
    /// `#:` references, one per token (`questionnaires/x.yaml:12`).
    public var references: [String] = []
    /// `#,` flags in order (`fuzzy`, `c-format`, `no-c-format`, ...).
    public var flags: [String] = []
    /// `#| msgctxt`: the context before the source changed.
    public var previousContext: String?
    /// `#| msgid`: the source text before it changed.
    public var previousID: String?
    /// `#| msgid_plural`.
    public var previousIDPlural: String?
    /// `msgctxt`: in intake, the string's stable key.
    public var context: String?
    /// `msgid`: the source text.
    public var id: String
    /// `msgid_plural`, for entries that depend on a number.
    public var idPlural: String?
    /// `msgstr` (one element) or `msgstr[0]`, `msgstr[1]`, ... for plural entries.
    public var translations: [String]
    /// `#~` entries kept by msgmerge when their string left the template.
    public var isObsolete: Bool = false
    /// Where the entry was read from; empty for built entries.
    public var locations = POEntryLocations()
    /// The line breaks of its strings as read; empty for built entries.
    public var layout = POEntryLayout()

    public init(context: String? = nil, id: String, idPlural: String? = nil,
                translations: [String]? = nil) {
        self.context = context
        self.id = id
        self.idPlural = idPlural
        self.translations = translations ?? [""]
    }

    /// The first (singular) translation, or the empty string.
    public var translation: String {
        get { translations.first ?? "" }
        set { if translations.isEmpty { translations = [newValue] } else { translations[0] = newValue } }
    }

    public var isPlural: Bool { idPlural != nil }

    /// True for the header entry: empty msgid and no msgctxt.
    public var isHeader: Bool { id.isEmpty && context == nil }

    public var isFuzzy: Bool {
        get { flags.contains("fuzzy") }
        set {
            if newValue {
                if !isFuzzy { flags.insert("fuzzy", at: 0) }
            } else {
                flags.removeAll { $0 == "fuzzy" }
            }
        }
    }

    /// The translator comment that confirms a translation identical to the
    /// source is deliberate ("Pause" in French): `# intake: same-as-source`.
    /// A translator comment, because Poedit, Weblate and gettext's tools
    /// keep those (msgcat drops unknown `#,` flags).
    public static let sameAsSourceComment = "intake: same-as-source"

    /// True when the entry has the `# intake: same-as-source` translator
    /// comment, or Weblate's `ignore-same` flag: `locales check` then does
    /// not call an identical translation an untranslated copy.
    public var isConfirmedSameAsSource: Bool {
        translatorComments.contains { Substring($0).trimmingSpaces() == Self.sameAsSourceComment }
            || flags.contains("ignore-same")
    }

    /// True when every msgstr is non-empty.
    public var isTranslated: Bool {
        !translations.isEmpty && translations.allSatisfy { !$0.isEmpty }
    }

    /// The location a finding about the translation should point at.
    public var translationLocation: SourceLocation? { locations.msgstr ?? locations.msgid ?? locations.start }
}
