/// The most display columns a translation may take for keys matching a
/// pattern (`*` matches any run of characters, including `/`).
public struct WidthLimit: Hashable, Sendable {
    public var pattern: String
    public var maxColumns: Int
    public init(_ pattern: String, _ maxColumns: Int) {
        self.pattern = pattern
        self.maxColumns = maxColumns
    }

    public func matches(_ key: String) -> Bool { Self.glob(Array(pattern.unicodeScalars), Array(key.unicodeScalars)) }

    static func glob(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        // Iterative matcher with single-star backtracking: linear-ish, no recursion.
        var pi = 0, si = 0
        var star: Int? = nil, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] != "*", p[pi] == s[si] { pi += 1; si += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = si; pi += 1 }
            else if let st = star { pi = st + 1; mark += 1; si = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

/// What `intake locales check` and `intake locales stats` say about one
/// locale file measured against the current template.
///
/// Counts (over the template's keys): `translated` (not fuzzy, every msgstr
/// filled, msgid equal to the current source), `fuzzy`, `stale` (translated
/// from an older source but not marked fuzzy), `untranslated` (empty, or
/// missing from the file), plus `obsolete` (`#~`) and `unused` (active
/// entries whose key left the template).
///
/// Findings point at the entry's msgstr line:
/// - error: placeholders differ from the source; number of plural forms is
///   not nplurals; missing or invalid `Language`; missing or invalid
///   `Plural-Forms`; a control character the sanitizing rule would remove
///   (ESC, C0, C1, DEL, bidi overrides; see `Sanitize`), in any msgstr,
///   fuzzy ones included, at the character's own line and column.
/// - warning: fuzzy (with its placeholders checked, as a warning: a
///   changed source often brings a new placeholder); untranslated, or a
///   plural form empty; a template key missing from the file (at line 1);
///   wider than allowed (see `defaultWidthLimits`); identical to the source
///   ("untranslated copy of the source") unless the entry is confirmed
///   (`POEntry.isConfirmedSameAsSource`); a discouraged term; key no longer
///   used; source text changed but entry not fuzzy.
///
/// `Catalog` shows the source instead of any translation with one of the
/// per-entry errors (see `TranslationCheck`).
public struct LocaleReport: Sendable {
    public var language: String?
    public var templateCount: Int
    public var translated = 0
    public var fuzzy = 0
    public var stale = 0
    public var untranslated = 0
    public var obsolete = 0
    public var unused = 0
    public var findings: [Diagnostic] = []

    /// Share of the template's strings that are translated, 0...100.
    public var percentTranslated: Double {
        templateCount == 0 ? 100 : Double(translated) * 100 / Double(templateCount)
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// Limits for an 80-column screen, first match wins:
    /// - `ui/key/*` 18: key names in the footer, four or five side by side,
    ///   and in the help table's left column.
    /// - `ui/screen/status_save_failed` 78: the one-line message line
    ///   (the reason is filled in too).
    /// - `ui/screen/status_*` and `ui/screen/draft_short` 30: the status at
    ///   the right of the title bar, which gives way to a long title.
    /// - `ui/screen/*_hint` 78: the one-line message line above the footer.
    /// - `*/option/*` 60: an answer option after its number and marker, with
    ///   room for the frame and scroll bar.
    /// - `*/title` 70: one title line inside the frame with padding.
    /// Other strings wrap and have no limit. A limit applies to each line of
    /// a multi-line translation. Every pattern matches a real string (a test
    /// says so), and `locales update` writes each limit into the entry's
    /// `#.` note ("At most 18 columns.").
    public static let defaultWidthLimits: [WidthLimit] = [
        WidthLimit("ui/key/*", 18),
        WidthLimit("ui/screen/status_save_failed", 78),
        WidthLimit("ui/screen/status_*", 30),
        WidthLimit("ui/screen/draft_short", 30),
        WidthLimit("ui/screen/*_hint", 78),
        WidthLimit("*/option/*", 60),
        WidthLimit("*/title", 70),
    ]

    /// The note a translator reads for a width-limited key (`At most 18
    /// columns.`), or nil.
    public static func widthNote(for key: String, limits: [WidthLimit] = defaultWidthLimits) -> String? {
        limits.first { $0.matches(key) }.map { "At most \($0.maxColumns) columns." }
    }

    /// Checks `file` (read from `fileName`) against `template`.
    public init(file: POFile, fileName: String, template: [TemplateEntry],
                widthLimits: [WidthLimit] = LocaleReport.defaultWidthLimits,
                discouragedTerms: DiscouragedTerms? = nil) {
        language = file.language
        templateCount = Set(template.map(\.key)).count
        var bag = DiagnosticBag()
        let fileStart = SourceLocation(file: fileName, line: 1, column: 1)
        let headerLoc = file.header?.translationLocation ?? fileStart

        // Header.
        let lang = file.language ?? ""
        if file.header == nil {
            bag.error(fileStart, "missing PO header (msgid \"\" with Language and Plural-Forms)")
        } else if lang.isEmpty {
            bag.error(headerLoc, "missing Language header")
        } else if !LanguageTag.isValid(lang) {
            bag.error(headerLoc, "Language '\(lang)' is not a valid BCP-47 language tag (e.g. es, zh-Hans, pt-BR)")
        }
        var plural: PluralForms?
        if file.header != nil {
            if let raw = file.pluralFormsHeader {
                do {
                    let p = try PluralForms.parse(raw)
                    let problems = p.validate()
                    if problems.isEmpty { plural = p } else {
                        for problem in problems { bag.error(headerLoc, "invalid Plural-Forms: \(problem)") }
                    }
                } catch {
                    bag.error(headerLoc, "invalid Plural-Forms: \(error.message)")
                }
            } else {
                let suggestion = lang.isEmpty ? "" : "; for \(lang) use '\(PluralForms.cldr(for: lang))'"
                bag.error(headerLoc, "missing Plural-Forms header\(suggestion)")
            }
        }
        let language = lang
        // Forms used for exactly one n, computed once per file.
        let singleNForms: Set<Int> = plural.map(TranslationCheck.singleNForms) ?? []

        var templateByKey: [String: TemplateEntry] = [:]
        for t in template where templateByKey[t.key] == nil { templateByKey[t.key] = t }
        var seenKeys: Set<String> = []

        for e in file.entries {
            if e.isObsolete { obsolete += 1; continue }
            let loc = e.translationLocation ?? fileStart
            guard let key = e.context, let t = templateByKey[key] else {
                unused += 1
                let what = e.context.map { "'\($0)'" } ?? "without msgctxt"
                bag.warning(e.locations.msgctxt ?? loc, "entry \(what) is no longer used; run intake locales update")
                continue
            }
            guard seenKeys.insert(key).inserted else { continue }
            let sourceChanged = e.id != t.source || e.idPlural != t.sourcePlural
            if e.isFuzzy {
                fuzzy += 1
            } else if !e.isTranslated {
                untranslated += 1
            } else if sourceChanged {
                stale += 1
            } else {
                translated += 1
            }
            if sourceChanged && !e.isFuzzy {
                bag.warning(e.locations.msgid ?? loc, "source text changed; run intake locales update")
            }
            if let plural, e.isPlural, e.translations.count != plural.count {
                bag.error(loc, "\(e.translations.count) plural forms, but Plural-Forms says nplurals=\(plural.count)")
            }
            Self.checkControls(e, bag: &bag)
            if e.isFuzzy {
                bag.warning(loc, "fuzzy: not shown until a translator checks it and removes the fuzzy flag")
                // The check that matters most when confirming it; a warning,
                // as a changed source often brings a new placeholder.
                for (i, text) in e.translations.enumerated() where !text.isEmpty {
                    if let problem = Self.placeholderMessage(e, index: i, text: text, singleNForms: singleNForms) {
                        bag.warning(Self.formLocation(e, i, loc), "fuzzy \(problem)")
                    }
                }
                continue
            }
            if !e.isTranslated {
                let empty = e.translations.indices.filter { e.translations[$0].isEmpty }
                let what = e.isPlural && empty.count < e.translations.count
                    ? empty.map { "msgstr[\($0)]" }.joined(separator: ", ") + " empty"
                    : "untranslated"
                bag.warning(Self.formLocation(e, empty.first ?? 0, loc), "\(what): the English is shown instead")
            }
            checkTranslations(e, key: key, singleNForms: singleNForms, loc: loc, language: language,
                              widthLimits: widthLimits, terms: discouragedTerms, bag: &bag)
        }
        for t in template where seenKeys.insert(t.key).inserted {
            untranslated += 1
            bag.warning(fileStart, "not in the file: '\(t.key)' (the English is shown instead); run intake locales update")
        }
        findings = bag.sorted
    }

    /// The msgstr line of form `i`.
    static func formLocation(_ e: POEntry, _ i: Int, _ fallback: SourceLocation) -> SourceLocation {
        i < e.locations.msgstrs.count ? e.locations.msgstrs[i] : fallback
    }

    /// "msgstr placeholders differ from the source: ...", or nil.
    static func placeholderMessage(_ e: POEntry, index i: Int, text: String, singleNForms: Set<Int>) -> String? {
        let p = TranslationCheck.placeholderProblems(id: e.id, idPlural: e.idPlural, text: text, index: i, singleNForms: singleNForms)
        guard !p.missing.isEmpty || !p.extra.isEmpty else { return nil }
        var parts: [String] = []
        if !p.missing.isEmpty { parts.append("missing " + p.missing.map { "{\($0)}" }.joined(separator: ", ")) }
        if !p.extra.isEmpty { parts.append("not in the source " + p.extra.map { "{\($0)}" }.joined(separator: ", ")) }
        let where_ = e.isPlural ? "msgstr[\(i)]" : "msgstr"
        return "\(where_) placeholders differ from the source: \(parts.joined(separator: "; "))"
    }

    private func checkTranslations(_ e: POEntry, key: String, singleNForms: Set<Int>, loc: SourceLocation,
                                   language: String, widthLimits: [WidthLimit],
                                   terms: DiscouragedTerms?, bag: inout DiagnosticBag) {
        let limit = widthLimits.first { $0.matches(key) }
        for (i, text) in e.translations.enumerated() where !text.isEmpty {
            let where_ = e.isPlural ? "msgstr[\(i)]" : "msgstr"
            let here = Self.formLocation(e, i, loc)
            if let problem = Self.placeholderMessage(e, index: i, text: text, singleNForms: singleNForms) {
                bag.error(here, problem)
            }
            if let limit {
                let widest = text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
                if widest > limit.maxColumns {
                    bag.warning(here, "\(where_) is \(widest) columns wide; at most \(limit.maxColumns) fit for '\(limit.pattern)'")
                }
            }
            let source = i == 0 ? e.id : (e.idPlural ?? e.id)
            // Very short words ("No", "OK") are often the same in both languages.
            if text == source || text == e.id, Self.letterCount(text) >= 4, !e.isConfirmedSameAsSource {
                bag.warning(here, "untranslated copy of the source")
            }
            if let terms {
                for f in terms.findings(in: text, language: language) {
                    let form = DiscouragedTerms.folded(f.matched) == DiscouragedTerms.folded(f.term) ? "" : " (as '\(f.matched)')"
                    bag.warning(here, "discouraged term '\(f.term)'\(form); consider: \(f.suggestion)")
                }
            }
        }
    }

    /// One error per character of a msgstr that the sanitizing rule would
    /// remove, at the character when the parser saw where it was.
    static func checkControls(_ e: POEntry, bag: inout DiagnosticBag) {
        for (i, text) in e.translations.enumerated() {
            let violations = Sanitize.violations(in: text)
            guard !violations.isEmpty else { continue }
            let where_ = e.isPlural ? "msgstr[\(i)]" : "msgstr"
            let fallback = i < e.locations.msgstrs.count ? e.locations.msgstrs[i] : (e.translationLocation ?? SourceLocation(file: "", line: 1, column: 1))
            // The parser noted every candidate in order; the rule's findings are among them.
            let candidates = e.locations.msgstrControls[i] ?? []
            var k = 0
            for v in violations {
                var at = fallback
                while k < candidates.count {
                    k += 1
                    if candidates[k - 1].scalar == v.scalar { at = candidates[k - 1].location; break }
                }
                bag.error(at, "\(where_) contains a control character, \(Sanitize.describe(v.scalar)); remove it")
            }
        }
    }

    static func formCoversSingleN(_ plural: PluralForms, _ index: Int) -> Bool {
        var hits = 0
        for n in 0...1000 where plural.index(for: n) == index {
            hits += 1
            if hits > 1 { return false }
        }
        return hits == 1
    }

    /// Letters outside `{placeholders}`.
    static func letterCount(_ text: String) -> Int {
        let names = Placeholders.names(in: text)
        let stripped = Placeholders.substitute(text, Dictionary(names.map { ($0, "") }, uniquingKeysWith: { a, _ in a }))
        return stripped.unicodeScalars.filter { $0.properties.isAlphabetic }.count
    }
}
