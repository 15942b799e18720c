extension PluralForms {
    /// The gettext `Plural-Forms` value for a BCP-47 tag (gettext's `pt_BR`
    /// spelling is accepted too), following CLDR's integer plural categories
    /// written as the formulas gettext and Weblate use. The most specific
    /// match wins (`pt-BR`, then `pt`); unknown languages get the English rule
    /// `nplurals=2; plural=(n != 1);`.
    ///
    /// Choices worth knowing: CLDR's "many" category for compact decimals
    /// (`fr`, `es`, `it`, `pt`: 1 000 000 "de") and the fraction-only
    /// categories of `ru`, `uk`, `cs` are left out because intake counts whole
    /// things. `pt` follows CLDR (0 and 1 are singular, as in Brazil);
    /// `pt-PT` uses `(n != 1)`.
    public static func cldr(for languageTag: String) -> String {
        let parts = String(languageTag.map { $0 == "_" ? "-" : $0 }).lowercased().split(separator: "-").map(String.init)
        var candidates: [String] = []
        if parts.count >= 2 { candidates.append(parts[0] + "-" + parts[1]) }
        if let first = parts.first { candidates.append(first) }
        for c in candidates {
            if let rule = table[c] { return rule }
        }
        return twoFormsOne
    }

    private static let oneForm = "nplurals=1; plural=0;"
    private static let twoFormsOne = "nplurals=2; plural=(n != 1);"
    private static let twoFormsZeroOne = "nplurals=2; plural=(n > 1);"
    private static let eastSlavic = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"

    private static let table: [String: String] = [
        "en": twoFormsOne, "es": twoFormsOne, "de": twoFormsOne, "it": twoFormsOne,
        "nl": twoFormsOne, "el": twoFormsOne, "tr": twoFormsOne, "sw": twoFormsOne,
        "ha": twoFormsOne, "so": twoFormsOne, "ur": twoFormsOne, "ne": twoFormsOne,
        "ht": twoFormsOne, "sv": twoFormsOne, "da": twoFormsOne, "nb": twoFormsOne,
        "fi": twoFormsOne, "hu": twoFormsOne, "ps": twoFormsOne, "pt-pt": twoFormsOne,
        "fr": twoFormsZeroOne, "pt": twoFormsZeroOne, "pt-br": twoFormsZeroOne,
        "hi": twoFormsZeroOne, "bn": twoFormsZeroOne, "fa": twoFormsZeroOne,
        "am": twoFormsZeroOne, "ti": twoFormsZeroOne, "gu": twoFormsZeroOne,
        "ru": eastSlavic, "uk": eastSlavic, "be": eastSlavic,
        "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
        "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
        "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
        "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
        "he": "nplurals=3; plural=(n == 1) ? 0 : ((n == 2) ? 1 : 2);",
        "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
        "tl": "nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);",
        "fil": "nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);",
        "zh": oneForm, "zh-hans": oneForm, "zh-hant": oneForm, "ja": oneForm,
        "ko": oneForm, "th": oneForm, "vi": oneForm, "id": oneForm, "ms": oneForm,
        "km": oneForm, "my": oneForm, "yo": oneForm, "lo": oneForm,
    ]
}
