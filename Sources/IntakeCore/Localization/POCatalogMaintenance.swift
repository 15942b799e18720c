/// One translatable string as the program and the questionnaires define it;
/// the input of `POFile.template(_:)`, `newCatalog` and `merged(with:)`.
public struct TemplateEntry: Hashable, Sendable {
    /// The stable key, written as `msgctxt`.
    public var key: String
    /// The current source (English) text, written as `msgid`.
    public var source: String
    /// The plural source text (`msgid_plural`) for strings that depend on a number.
    public var sourcePlural: String?
    /// The author's note for the translator, written as `#.`.
    public var note: String?
    /// Where the string is defined (`questionnaires/x.yaml:12`), written as `#:`.
    public var reference: String?

    public init(key: String, source: String, sourcePlural: String? = nil, note: String? = nil, reference: String? = nil) {
        self.key = key
        self.source = source
        self.sourcePlural = sourcePlural
        self.note = note
        self.reference = reference
    }
}

extension POFile {
    /// A POT template (empty `Language`, `charset=UTF-8`, fuzzy header as
    /// xgettext writes it) that Poedit and Weblate can start from.
    /// `creationDate` (gettext form `2026-11-29 04:00+0000`) is a parameter
    /// so the library reads no clock; `generator` is written as `X-Generator`.
    public static func template(_ entries: [TemplateEntry], projectVersion: String = "intake",
                                creationDate: String = "YEAR-MO-DA HO:MI+ZONE", generator: String = "intake") -> POFile {
        var file = POFile()
        file.headerFields = [
            POHeaderField("Project-Id-Version", projectVersion),
            POHeaderField("Report-Msgid-Bugs-To", ""),
            POHeaderField("POT-Creation-Date", creationDate),
            POHeaderField("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
            POHeaderField("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
            POHeaderField("Language-Team", "LANGUAGE <LL@li.org>"),
            POHeaderField("Language", ""),
            POHeaderField("MIME-Version", "1.0"),
            POHeaderField("Content-Type", "text/plain; charset=UTF-8"),
            POHeaderField("Content-Transfer-Encoding", "8bit"),
            POHeaderField("X-Generator", generator),
        ]
        file.header?.isFuzzy = true
        file.entries = entries.map { makeEntry($0, nplurals: 2) }
        return file
    }

    /// A new, untranslated catalog for `language`: Plural-Forms from
    /// `PluralForms.cldr(for:)`, `X-Intake-Status: draft`, an empty
    /// `X-Intake-Reviewed-By`, and one empty entry per template string.
    /// `revisionDate` (gettext form `2026-11-29 04:00+0000`) is a parameter
    /// so the library reads no clock.
    public static func newCatalog(language: String, template: [TemplateEntry],
                                  revisionDate: String = "YEAR-MO-DA HO:MI+ZONE",
                                  projectVersion: String = "intake", generator: String = "intake") -> POFile {
        let plural = PluralForms.cldr(for: language)
        let nplurals = (try? PluralForms.parse(plural))?.count ?? 2
        var file = POFile()
        file.headerFields = [
            POHeaderField("Project-Id-Version", projectVersion),
            POHeaderField("Report-Msgid-Bugs-To", ""),
            POHeaderField("PO-Revision-Date", revisionDate),
            POHeaderField("Last-Translator", ""),
            POHeaderField("Language-Team", ""),
            POHeaderField("Language", language),
            POHeaderField("MIME-Version", "1.0"),
            POHeaderField("Content-Type", "text/plain; charset=UTF-8"),
            POHeaderField("Content-Transfer-Encoding", "8bit"),
            POHeaderField("Plural-Forms", plural),
            POHeaderField("X-Intake-Status", POReviewStatus.draft.rawValue),
            POHeaderField("X-Intake-Reviewed-By", ""),
            POHeaderField("X-Generator", generator),
        ]
        file.entries = template.map { makeEntry($0, nplurals: nplurals) }
        return file
    }

    static func makeEntry(_ t: TemplateEntry, nplurals: Int) -> POEntry {
        var e = POEntry(context: t.key, id: t.source, idPlural: t.sourcePlural,
                        translations: Array(repeating: "", count: t.sourcePlural == nil ? 1 : max(nplurals, 1)))
        refreshComments(&e, from: t)
        return e
    }

    /// The flag gettext's `msgfmt -c`, pofilter, Poedit and Weblate check
    /// `{name}` placeholders by.
    public static let formatFlag = "python-brace-format"

    /// Notes, references and the format flag from the template (a note
    /// that differs only in where its lines break is kept): the note
    /// ends with the width limit `LocaleReport` checks ("At most 18
    /// columns."); an entry whose source has placeholders is flagged
    /// `python-brace-format` (after `fuzzy`, where gettext puts it), and one
    /// without loses the flag. Other flags are kept.
    static func refreshComments(_ e: inout POEntry, from t: TemplateEntry) {
        var notes = t.note.map { note in
            note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } ?? []
        if let limit = LocaleReport.widthNote(for: t.key) { notes.append(limit) }
        // polib and translate-toolkit (Weblate) wrap long notes over several
        // '#.' lines (and drop an empty last one): the same words, kept as
        // they are.
        func words(_ lines: [String]) -> [Substring] { lines.joined(separator: " ").split(whereSeparator: \.isWhitespace) }
        if words(e.extractedComments) != words(notes) {
            e.extractedComments = notes
        }
        e.references = t.reference.map { [$0] } ?? []
        let hasPlaceholders = !Placeholders.names(in: t.source).isEmpty
            || !(t.sourcePlural.map(Placeholders.names(in:)) ?? []).isEmpty
        if hasPlaceholders {
            if !e.flags.contains(formatFlag) {
                e.flags.insert(formatFlag, at: e.flags.firstIndex(of: "fuzzy").map { $0 + 1 } ?? 0)
            }
        } else {
            e.flags.removeAll { $0 == formatFlag }
        }
    }

    /// Sets `X-Generator` (the program that wrote the file), keeping its
    /// place in the header.
    public mutating func setGenerator(_ generator: String) {
        setHeaderValue(generator, for: "X-Generator")
    }

    /// msgmerge, keyed by msgctxt: template strings missing here are added
    /// untranslated; translated strings no longer in the template become
    /// obsolete `#~` entries at the end, and untranslated ones are dropped
    /// (already obsolete ones too); a changed source text keeps its translation but
    /// becomes `#, fuzzy` with the old source as `#| msgid`; notes and
    /// references come from the template; an obsolete entry whose key
    /// returns is revived (fuzzy if its source text differs). Entries follow
    /// the template's order.
    public func merged(with template: [TemplateEntry]) -> POFile {
        let nplurals = pluralForms?.count ?? 2
        var active: [String: POEntry] = [:]
        var obsolete: [String: POEntry] = [:]
        for e in entries {
            guard let key = e.context else { continue }
            if e.isObsolete {
                if obsolete[key] == nil { obsolete[key] = e }
            } else if active[key] == nil {
                active[key] = e
            }
        }
        var used: Set<String> = []
        var result: [POEntry] = []
        for t in template where !used.contains(t.key) {
            used.insert(t.key)
            guard var e = active[t.key] ?? obsolete[t.key] else {
                result.append(Self.makeEntry(t, nplurals: nplurals))
                continue
            }
            e.isObsolete = false
            e.locations = POEntryLocations()
            Self.refreshComments(&e, from: t)
            if e.id != t.source || e.idPlural != t.sourcePlural {
                let hasTranslation = e.translations.contains { !$0.isEmpty }
                if hasTranslation {
                    // Keep the oldest source the translation was made from.
                    if !(e.isFuzzy && e.previousID != nil) {
                        e.previousContext = nil
                        e.previousID = e.id
                        e.previousIDPlural = e.idPlural
                    }
                    e.isFuzzy = true
                } else {
                    e.previousContext = nil
                    e.previousID = nil
                    e.previousIDPlural = nil
                }
                e.id = t.source
                e.idPlural = t.sourcePlural
            } else if !e.isFuzzy {
                e.previousContext = nil
                e.previousID = nil
                e.previousIDPlural = nil
            }
            // Fit the msgstr shape to the (possibly changed) plural-ness.
            if t.sourcePlural == nil {
                e.translations = [e.translations.first ?? ""]
            } else if e.translations.count != nplurals {
                let old = e.translations
                e.translations = (0..<nplurals).map { $0 < old.count ? old[$0] : "" }
            }
            result.append(e)
        }
        // Newly obsolete entries first, then those already obsolete; one
        // obsolete entry per msgctxt+msgid, as gettext allows no duplicates.
        var gone: [POEntry] = []
        var goneKeys: Set<[String?]> = []
        for e in entries.filter({ !$0.isObsolete }) + entries.filter(\.isObsolete) {
            if let key = e.context, used.contains(key) { continue }
            // Nothing to keep of a string nobody translated.
            guard e.translations.contains(where: { !$0.isEmpty }) else { continue }
            guard goneKeys.insert([e.context, e.id]).inserted else { continue }
            var o = e
            if !o.isObsolete {
                o.isObsolete = true
                o.references = []
            }
            o.locations = POEntryLocations()
            gone.append(o)
        }
        var file = self
        file.entries = result + gone
        return file
    }
}
