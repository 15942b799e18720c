/// The rules that make a translation unusable, shared by `LocaleReport`
/// (which reports them as errors) and `Catalog` (which shows the source
/// instead), so the interview never shows what `intake locales check`
/// rejects.
enum TranslationCheck {
    /// Placeholders of msgstr form `index` that differ from the source:
    /// `missing` from the translation and `extra` (not in the source).
    ///
    /// A form used for exactly one n (like "one" = n==1, listed in
    /// `singleNForms`) may spell the number out, so it may leave out one
    /// placeholder (the count); other forms need every placeholder of the
    /// plural source.
    static func placeholderProblems(id: String, idPlural: String?, text: String, index: Int,
                                    singleNForms: Set<Int>) -> (missing: [String], extra: [String]) {
        let sourceNames = Set(Placeholders.names(in: id))
        let pluralNames = idPlural.map { Set(Placeholders.names(in: $0)) }
        let allowed = sourceNames.union(pluralNames ?? [])
        let required = pluralNames ?? sourceNames
        let names = Set(Placeholders.names(in: text))
        var missing = required.subtracting(names).sorted()
        if idPlural != nil, missing.count == 1, singleNForms.contains(index) { missing = [] }
        let extra = names.subtracting(allowed).sorted()
        return (missing, extra)
    }

    /// Forms of `plural` used for exactly one n.
    static func singleNForms(_ plural: PluralForms) -> Set<Int> {
        Set((0..<plural.count).filter { LocaleReport.formCoversSingleN(plural, $0) })
    }

    /// Whether a translated entry has an error `locales check` reports:
    /// placeholders that differ from the source, a control character the
    /// sanitizing rule would remove, or (for a plural entry) a number of
    /// forms other than `plural` (the rule the lookups use) gives.
    static func hasError(id: String, idPlural: String?, translations: [String],
                         plural: PluralForms, singleNForms: Set<Int>) -> Bool {
        if idPlural != nil, translations.count != plural.count { return true }
        for (i, text) in translations.enumerated() where !text.isEmpty {
            let p = placeholderProblems(id: id, idPlural: idPlural, text: text, index: i, singleNForms: singleNForms)
            if !p.missing.isEmpty || !p.extra.isEmpty { return true }
            if !Sanitize.violations(in: text).isEmpty { return true }
        }
        return false
    }
}
