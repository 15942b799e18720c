/// A BCP-47 language tag: `language[-script][-region][-variant...]`, plus
/// extensions and private use, e.g. `es`, `zh-Hans`, `pt-BR`, `sr-Latn-RS`.
///
/// Parsing is syntactic (RFC 5646 well-formedness), not a registry check.
/// gettext's `pt_BR` spelling is accepted and normalized to `pt-BR`.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    /// Lowercase primary language subtag (`zh`).
    public var language: String
    /// Title-case script (`Hans`), if present.
    public var script: String?
    /// Uppercase region (`BR`) or three digits (`419`), if present.
    public var region: String?
    /// Lowercase variants, in order.
    public var variants: [String]
    /// Extensions and private use, lowercase, as written (`u-ca-buddhist`, `x-intake`).
    public var extensions: [String]

    /// Parses and canonicalizes case; nil when the tag is not well-formed.
    public init?(_ text: String) {
        // A bare language of two or three ASCII letters (`en`, `fa`), as
        // nearly every answer file and summary gives it, without the general
        // parse's copies and splits: 8,000 instructions a tag, twice a file
        // in a batch (bench/README.md, "Issue 19, round 7").
        // `LanguageTagTests.aBareLanguageIsParsedAsInGeneral` compares the two.
        if let bare = Self.bareLanguage(text) {
            self.init(bare: bare)
        } else {
            self.init(parsing: text)
        }
    }

    private init(bare language: String) {
        (self.language, script, region, variants, extensions) = (language, nil, nil, [], [])
    }

    /// `text` in lower case if it is two or three ASCII letters, else nil.
    static func bareLanguage(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { u -> String? in
            guard u.count == 2 || u.count == 3 else { return nil }
            var lower: (UInt8, UInt8, UInt8) = (0, 0, 0)
            for (i, b) in u.enumerated() {
                let l = b | 0x20
                guard l >= 0x61, l <= 0x7A else { return nil }
                switch i {
                case 0: lower.0 = l
                case 1: lower.1 = l
                default: lower.2 = l
                }
            }
            return withUnsafeBytes(of: lower) { String(decoding: $0.prefix(u.count), as: UTF8.self) }
        }
    }

    /// The general parse.
    init?(parsing text: String) {
        let raw = String(text.map { $0 == "_" ? "-" : $0 })
        guard !raw.isEmpty, raw.count <= 64, raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false).map { String($0) }
        guard !parts.contains(where: \.isEmpty) else { return nil }
        func alpha(_ s: String) -> Bool { s.allSatisfy(\.isLetter) }
        func digit(_ s: String) -> Bool { s.allSatisfy(\.isNumber) }
        var i = 0
        let first = parts[0]
        // BCP-47 reserves 5-8 letter primary subtags for registration, and the
        // IANA registry has none: a word like "english" is a mistake, not a tag.
        guard alpha(first), (2...3).contains(first.count) else { return nil }
        language = first.lowercased()
        i = 1
        // Extended language subtags (zh-yue) are allowed after a 2-3 letter language.
        var extlangs = 0
        while i < parts.count, parts[i].count == 3, alpha(parts[i]), extlangs < 3, first.count <= 3 {
            language += "-" + parts[i].lowercased()
            extlangs += 1
            i += 1
        }
        script = nil
        if i < parts.count, parts[i].count == 4, alpha(parts[i]) {
            script = parts[i].prefix(1).uppercased() + parts[i].dropFirst().lowercased()
            i += 1
        }
        region = nil
        if i < parts.count, (parts[i].count == 2 && alpha(parts[i])) || (parts[i].count == 3 && digit(parts[i])) {
            region = parts[i].uppercased()
            i += 1
        }
        variants = []
        while i < parts.count {
            let p = parts[i]
            let isVariant = ((5...8).contains(p.count)) || (p.count == 4 && p.first!.isNumber)
            guard isVariant else { break }
            let lower = p.lowercased()
            guard !variants.contains(lower) else { return nil }
            variants.append(lower)
            i += 1
        }
        extensions = []
        var seenSingletons: Set<String> = []
        while i < parts.count {
            let singleton = parts[i].lowercased()
            guard singleton.count == 1 else { return nil }
            if singleton == "x" {
                let rest = parts[(i + 1)...]
                guard !rest.isEmpty, rest.allSatisfy({ (1...8).contains($0.count) }) else { return nil }
                extensions.append((["x"] + rest.map { $0.lowercased() }).joined(separator: "-"))
                i = parts.count
                break
            }
            guard !seenSingletons.contains(singleton) else { return nil }
            seenSingletons.insert(singleton)
            var ext = [singleton]
            i += 1
            while i < parts.count, (2...8).contains(parts[i].count) {
                ext.append(parts[i].lowercased())
                i += 1
            }
            guard ext.count > 1 else { return nil }
            extensions.append(ext.joined(separator: "-"))
        }
        guard i == parts.count else { return nil }
    }

    /// True when `text` is a well-formed tag.
    public static func isValid(_ text: String) -> Bool { LanguageTag(text) != nil }

    /// The tag with canonical case: `zh-Hans`, `pt-BR`, `sr-Latn-RS`.
    public var description: String {
        ([language] + [script, region].compactMap { $0 } + variants + extensions).joined(separator: "-")
    }

    /// The primary language without extlangs (`zh` for `zh-yue`).
    public var primaryLanguage: String { String(language.prefix { $0 != "-" }) }

    /// True for languages written right to left by default (Arabic script,
    /// Hebrew script, Thaana, N'Ko, Syriac...), or any tag with an RTL script.
    public var isRightToLeft: Bool {
        if let script { return ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"].contains(script) }
        return Self.rightToLeftLanguages.contains(primaryLanguage)
    }

    /// `isRightToLeft` for a tag given as text; false for a malformed tag.
    public static func isRightToLeft(_ tag: String) -> Bool { LanguageTag(tag)?.isRightToLeft ?? false }

    static let rightToLeftLanguages: Set<String> = [
        "ar", "fa", "ur", "he", "iw", "ps", "yi", "ji", "sd", "ug", "ckb", "dv", "syr", "ks", "prs", "arz", "ary", "apc", "acm", "nqo",
    ]

    /// The English name for display: `Chinese (Simplified)`, `Portuguese (Brazil)`;
    /// unknown parts are shown as their code.
    public static func displayName(_ tag: String) -> String {
        guard let t = LanguageTag(tag) else { return tag }
        let key = t.description
        if let exact = englishSpecial[key] { return exact }
        if let s = t.script, t.region == nil, let exact = englishSpecial["\(t.primaryLanguage)-\(s)"] { return exact }
        let base = englishNames[t.primaryLanguage] ?? t.primaryLanguage
        var qualifiers: [String] = []
        if let s = t.script { qualifiers.append(scriptNames[s] ?? s) }
        if let r = t.region { qualifiers.append(regionNames[r] ?? r) }
        return qualifiers.isEmpty ? base : "\(base) (\(qualifiers.joined(separator: ", ")))"
    }

    /// The language's name in itself (`Español`, `简体中文`, `한국어`), falling
    /// back to the English name when none is known.
    public static func endonym(_ tag: String) -> String {
        guard let t = LanguageTag(tag) else { return tag }
        if let exact = endonyms[t.description] { return exact }
        if let s = t.script, let e = endonyms["\(t.primaryLanguage)-\(s)"] { return e }
        // Chinese without a script: Traditional regions use 繁體中文.
        if t.primaryLanguage == "zh", let r = t.region, ["TW", "HK", "MO"].contains(r) { return endonyms["zh-Hant"]! }
        return endonyms[t.primaryLanguage] ?? displayName(tag)
    }

    /// Text in capitals as `language` writes them. Unicode's default mapping
    /// (no locale data) except in Turkish and Azerbaijani, where dotted i
    /// becomes İ. (Greek capitals keep their accents here.)
    public static func uppercased(_ text: String, language: String) -> String {
        guard let primary = LanguageTag(language)?.primaryLanguage, primary == "tr" || primary == "az" else {
            return text.uppercased()
        }
        var dotted = String.UnicodeScalarView()
        dotted.append(contentsOf: text.unicodeScalars.lazy.map { $0 == "i" ? "\u{130}" : $0 })
        return String(dotted).uppercased()
    }

    static let englishSpecial: [String: String] = [
        "zh-Hans": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)",
        "zh-CN": "Chinese (Simplified)", "zh-TW": "Chinese (Traditional)",
        "pt-BR": "Portuguese (Brazil)", "pt-PT": "Portuguese (Portugal)",
        "es-419": "Spanish (Latin America)", "fil": "Filipino",
    ]

    static let englishNames: [String: String] = [
        "en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "de": "German",
        "it": "Italian", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
        "cs": "Czech", "sk": "Slovak", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "he": "Hebrew",
        "hi": "Hindi", "bn": "Bengali", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
        "th": "Thai", "vi": "Vietnamese", "id": "Indonesian", "ms": "Malay", "tl": "Tagalog",
        "fil": "Filipino", "km": "Khmer", "my": "Burmese", "ne": "Nepali", "am": "Amharic",
        "ti": "Tigrinya", "so": "Somali", "sw": "Swahili", "ha": "Hausa", "yo": "Yoruba",
        "ro": "Romanian", "tr": "Turkish", "el": "Greek", "ht": "Haitian Creole", "ps": "Pashto",
        "yi": "Yiddish", "pa": "Punjabi", "ta": "Tamil", "te": "Telugu", "gu": "Gujarati",
        "lo": "Lao", "mn": "Mongolian", "sr": "Serbian", "hr": "Croatian", "bs": "Bosnian",
        "bg": "Bulgarian", "hu": "Hungarian", "sq": "Albanian", "hy": "Armenian", "ka": "Georgian",
        "uz": "Uzbek", "kk": "Kazakh", "ky": "Kyrgyz", "tg": "Tajik", "ku": "Kurdish",
        "ckb": "Central Kurdish", "prs": "Dari", "sd": "Sindhi", "ug": "Uyghur", "dv": "Dhivehi",
        "om": "Oromo", "ig": "Igbo", "zu": "Zulu", "xh": "Xhosa", "mg": "Malagasy", "qu": "Quechua",
        "gn": "Guarani", "ay": "Aymara", "mam": "Mam", "quc": "K'iche'", "kjb": "Q'anjob'al",
        "sm": "Samoan", "to": "Tongan", "mh": "Marshallese", "chk": "Chuukese", "ceb": "Cebuano",
        "ilo": "Ilocano", "hmn": "Hmong", "sv": "Swedish", "da": "Danish", "nb": "Norwegian Bokmål",
        "fi": "Finnish", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "be": "Belarusian",
    ]

    static let scriptNames: [String: String] = [
        "Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Hans": "Simplified", "Hant": "Traditional",
        "Deva": "Devanagari", "Beng": "Bengali", "Hebr": "Hebrew", "Thai": "Thai", "Ethi": "Ethiopic",
    ]

    static let regionNames: [String: String] = [
        "US": "United States", "GB": "United Kingdom", "MX": "Mexico", "ES": "Spain", "BR": "Brazil",
        "PT": "Portugal", "CN": "China", "TW": "Taiwan", "HK": "Hong Kong", "FR": "France", "CA": "Canada",
        "RS": "Serbia", "IN": "India", "PK": "Pakistan", "AF": "Afghanistan", "IR": "Iran",
        "PH": "Philippines", "419": "Latin America", "DE": "Germany", "AT": "Austria", "CH": "Switzerland",
    ]

    static let endonyms: [String: String] = [
        "en": "English", "es": "Español", "fr": "Français", "pt": "Português",
        "pt-BR": "Português (Brasil)", "pt-PT": "Português (Portugal)", "de": "Deutsch",
        "it": "Italiano", "nl": "Nederlands", "ru": "Русский", "uk": "Українська", "pl": "Polski",
        "cs": "Čeština", "ar": "العربية", "fa": "فارسی", "ur": "اردو", "he": "עברית",
        "hi": "हिन्दी", "bn": "বাংলা", "zh": "中文", "zh-Hans": "简体中文", "zh-Hant": "繁體中文",
        "zh-CN": "简体中文", "zh-TW": "繁體中文", "ja": "日本語", "ko": "한국어", "th": "ไทย",
        "vi": "Tiếng Việt", "id": "Bahasa Indonesia", "tl": "Tagalog", "fil": "Filipino",
        "km": "ខ្មែរ", "my": "မြန်မာ", "ne": "नेपाली", "am": "አማርኛ", "ti": "ትግርኛ",
        "so": "Soomaali", "sw": "Kiswahili", "ha": "Hausa", "yo": "Èdè Yorùbá", "ro": "Română",
        "tr": "Türkçe", "el": "Ελληνικά", "ht": "Kreyòl ayisyen", "ps": "پښتو", "yi": "ייִדיש",
        "ms": "Bahasa Melayu", "lo": "ລາວ", "pa": "ਪੰਜਾਬੀ", "ta": "தமிழ்", "prs": "دری",
    ]
}
