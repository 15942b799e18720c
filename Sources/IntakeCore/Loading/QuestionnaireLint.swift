/// Advisory checks on a questionnaire's wording.
public enum QuestionnaireLint {
    /// A warning for each discouraged term (stigmatizing or leading wording)
    /// in the questionnaire's own text, with the suggested alternative.
    public static func discouragedTerms(_ q: Questionnaire, terms: DiscouragedTerms) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for t in q.sourceTexts {
            for f in terms.findings(in: t.text, language: q.language) {
                // The offset is exact for text on one line; for a block of
                // several lines it points at the start of the text.
                let loc = t.text.contains("\n") ? t.location : t.location.advanced(by: f.offset)
                out.append(.warning(loc, "discouraged term '\(f.term)': consider \(f.suggestion)"))
            }
        }
        return out
    }

    /// A warning for each source string wider than the limit its
    /// translations are held to (`LocaleReport.defaultWidthLimits`, first
    /// match wins, each line of a multi-line text measured): a translation
    /// cannot be asked to fit where the source does not.
    public static func sourceWidths(_ q: Questionnaire, limits: [WidthLimit] = LocaleReport.defaultWidthLimits) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for t in q.sourceTexts {
            guard let limit = limits.first(where: { $0.matches(t.key) }) else { continue }
            let widest = t.text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
            if widest > limit.maxColumns {
                out.append(.warning(t.location, "text is \(widest) columns wide; at most \(limit.maxColumns) fit for '\(limit.pattern)', the limit its translations are held to"))
            }
        }
        return out
    }
}
