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
}
