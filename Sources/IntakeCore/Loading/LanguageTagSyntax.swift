/// BCP-47 syntax check for the tags the questionnaire names (its own
/// language, per-language parameters).
enum LanguageTagSyntax {
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let lang = parts.first, (2...3).contains(lang.count), lang.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        for p in parts.dropFirst() {
            guard (1...8).contains(p.count), p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        }
        return true
    }
}
