/// A string ready to show, and whether it really is a translation.
public struct LocalizedText: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// A reviewed-or-draft translation of the current source text.
        case translated
        /// The translation is marked fuzzy; the source is shown instead.
        case fuzzy
        /// No entry or an empty translation; the source is shown instead.
        case missing
        /// The entry was translated from a different source text; the
        /// current source is shown instead.
        case stale
        /// The translation has an error `intake locales check` reports
        /// (placeholders that differ from the source, a control character,
        /// the wrong number of plural forms); the source is shown instead.
        case rejected
    }

    public var text: String
    public var status: Status

    public init(text: String, status: Status) {
        self.text = text
        self.status = status
    }

    /// True when the screen should mark the text as not translated.
    public var isFallback: Bool { status != .translated }
}

/// Run-time translations for one language, built from a `POFile`.
///
/// Lookups are by key (`msgctxt`); the caller passes the current source
/// text, and anything that is not an up-to-date, non-fuzzy, non-empty
/// translation of exactly that text falls back to the source with a status
/// saying why. A translation with an error that `intake locales check`
/// reports (see `TranslationCheck.hasError`) is never returned: the source
/// is shown instead, as `rejected`, so "Questionnaire : {titre}" with
/// literal braces never reaches the screen. Like every fallback it is
/// marked on screen (`isFallback`).
public struct Catalog: Sendable {
    /// The language tag (from the file's `Language` header, or as given).
    public let language: String
    /// True unless the file says `X-Intake-Status: reviewed`.
    public let isDraft: Bool
    /// Who reviewed the file, when it says so.
    public let reviewedBy: String?
    /// The file's plural rule, or English's when it has none that parses.
    public let pluralForms: PluralForms
    private let byKey: [String: Message]
    /// What a lookup needs of an entry: smaller to build and to copy than
    /// the whole `POEntry` with its comments and locations.
    struct Message: Sendable {
        var id: String
        var idPlural: String?
        var translations: [String]
        var isFuzzy: Bool
        /// The translation has an error `locales check` reports.
        var isRejected: Bool
        var translation: String { translations.first ?? "" }
    }
    private let isSource: Bool

    /// A catalog from a parsed file. Obsolete entries are ignored;
    /// `language` overrides the header (e.g. from the file name).
    public init(_ file: POFile, language: String? = nil) {
        self.language = language ?? file.language ?? ""
        self.isDraft = Self.isDraft(file)
        self.reviewedBy = file.reviewedBy
        let rule = file.pluralForms
        let validRule = (rule.map { $0.validate().isEmpty } ?? false) ? rule : nil
        self.pluralForms = validRule ?? .english
        // Without a valid rule the English one is used, and plural entries
        // with its two forms are shown.
        let effective = validRule ?? .english
        let singleNForms = TranslationCheck.singleNForms(effective)
        // The first entry of a key wins, as in gettext.
        self.byKey = Dictionary(file.entries.lazy.filter { !$0.isObsolete }.compactMap { e in
            e.context.map { key in
                let rejected = !e.isFuzzy && TranslationCheck.hasError(id: e.id, idPlural: e.idPlural, translations: e.translations,
                                                                       plural: effective, singleNForms: singleNForms)
                return (key, Message(id: e.id, idPlural: e.idPlural, translations: e.translations, isFuzzy: e.isFuzzy,
                                     isRejected: rejected))
            }
        }, uniquingKeysWith: { first, _ in first })
        self.isSource = false
    }

    /// A catalog from its parts (see `CompiledCatalog`).
    init(language: String, isDraft: Bool, reviewedBy: String?, pluralForms: PluralForms, messages: [String: Message]) {
        self.language = language
        self.isDraft = isDraft
        self.reviewedBy = reviewedBy
        self.pluralForms = pluralForms
        self.byKey = messages
        self.isSource = false
    }

    /// Every entry a lookup can find, by key (see `CompiledCatalog`).
    var messages: [String: Message] { byKey }

    /// How many entries have an error and show the source instead.
    public var rejectedCount: Int { byKey.values.filter(\.isRejected).count }

    /// Whether a file is a draft: its header does not say it was reviewed.
    /// Needs only the header (see `POFile.parseHeader`).
    public static func isDraft(_ file: POFile) -> Bool { file.reviewStatus != .reviewed }

    private init(sourceLanguage: String) {
        language = sourceLanguage
        isDraft = false
        reviewedBy = nil
        pluralForms = .english
        byKey = [:]
        isSource = true
    }

    /// The identity catalog of the source language: every lookup returns the
    /// source text as `translated`.
    public static func source(language: String = "en") -> Catalog {
        Catalog(sourceLanguage: language)
    }

    /// The text for `key` whose current source text is `source`.
    public func text(key: String, source: String) -> LocalizedText {
        if isSource { return LocalizedText(text: source, status: .translated) }
        guard let e = byKey[key] else { return LocalizedText(text: source, status: .missing) }
        if e.isFuzzy { return LocalizedText(text: source, status: .fuzzy) }
        if e.id != source { return LocalizedText(text: source, status: .stale) }
        let t = e.translation
        if t.isEmpty { return LocalizedText(text: source, status: .missing) }
        if e.isRejected { return LocalizedText(text: source, status: .rejected) }
        return LocalizedText(text: t, status: .translated)
    }

    /// The form of a counted string for `count`, chosen by the file's plural
    /// rule; a fallback uses the English rule on the source texts.
    public func plural(key: String, source: String, sourcePlural: String, count: Int) -> LocalizedText {
        let fallbackText = count == 1 ? source : sourcePlural
        if isSource { return LocalizedText(text: fallbackText, status: .translated) }
        guard let e = byKey[key] else { return LocalizedText(text: fallbackText, status: .missing) }
        if e.isFuzzy { return LocalizedText(text: fallbackText, status: .fuzzy) }
        if e.id != source || e.idPlural != sourcePlural {
            return LocalizedText(text: fallbackText, status: .stale)
        }
        let index = pluralForms.index(for: count)
        guard index < e.translations.count, !e.translations[index].isEmpty else {
            return LocalizedText(text: fallbackText, status: e.isRejected ? .rejected : .missing)
        }
        if e.isRejected { return LocalizedText(text: fallbackText, status: .rejected) }
        return LocalizedText(text: e.translations[index], status: .translated)
    }
}
