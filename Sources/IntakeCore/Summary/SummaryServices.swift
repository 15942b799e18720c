import Synchronization

/// Local services from the organisation's directory, attached to a built
/// summary: under each referral the services of its category, and under an
/// urgent summary the emergency numbers and hotlines.
extension Summary {
    /// One service as the summary shows it (already cleaned when loaded).
    public struct ServiceItem: Sendable, Codable, Equatable {
        public var category: String
        public var name: String
        public var phone: String?
        public var text: String?
        public var address: String?
        public var languages: [String]
        public var hours: String?
        public var eligibility: EligibilityItem?
        public var notes: String?
        /// From a directory marked `fictional: true`.
        public var fictional: Bool
        /// Speaks the interviewee's language or one named in the languages answer.
        public var speaksPersonsLanguage: Bool

        enum CodingKeys: String, CodingKey {
            case category, name, phone, text, address, languages, hours, eligibility, notes, fictional
            case speaksPersonsLanguage = "speaks_persons_language"
        }
    }

    public struct EligibilityItem: Sendable, Codable, Equatable {
        public var minAge: Int?
        public var maxAge: Int?
        public var gender: String?
        public var noImmigrationStatusRequired: Bool?
        public var cost: String?

        enum CodingKeys: String, CodingKey {
            case minAge = "min_age", maxAge = "max_age", gender
            case noImmigrationStatusRequired = "no_immigration_status_required", cost
        }
    }

    /// This summary with the directory's services: each referral gets the
    /// services of its category (an empty list when there are none), those
    /// that speak the person's language first, otherwise in the file's
    /// order; an urgent summary gets the `emergency` services, then the
    /// `hotline` ones.
    ///
    /// - Parameter languagesAnswer: the free-text answer to the
    ///   questionnaire's `languages` question, if any; a language is taken
    ///   as spoken when its English name or its own name appears in it.
    public func withServices(from directory: ServiceDirectory, languagesAnswer: String?) -> Summary {
        withServices(from: [directory], languagesAnswer: languagesAnswer)
    }

    /// The same with several directories (the organisation's, then the
    /// national one): within a category their services keep that order.
    public func withServices(from directories: [ServiceDirectory], languagesAnswer: String?) -> Summary {
        withServices(from: ServiceIndex(directories), languagesAnswer: languagesAnswer)
    }

    /// The same with the directories' services by category, worked out once
    /// for a batch of summaries.
    public func withServices(from index: ServiceIndex, languagesAnswer: String?) -> Summary {
        var s = self
        let speaks = ServiceLanguageMatch(intervieweeLanguage: intervieweeLanguage, languagesAnswer: languagesAnswer ?? "")
        func items(_ categories: [String]) -> [ServiceItem] {
            // Category by category (emergency numbers before hotlines), and
            // within one, those that speak the person's language first.
            categories.flatMap { c in
                let marked = (index.byCategory[c] ?? []).map { item in
                    var item = item
                    item.speaksPersonsLanguage = speaks.any(item.languages)
                    return item
                }
                return marked.filter(\.speaksPersonsLanguage) + marked.filter { !$0.speaksPersonsLanguage }
            }
        }
        for i in s.referrals.indices { s.referrals[i].services = items([s.referrals[i].id]) }
        if s.urgent { s.emergencyServices = items(ServiceDirectory.urgentCategories) }
        return s
    }

    /// The typed answer to the questionnaire's `languages` question, which
    /// `withServices` reads for the languages the person speaks.
    public static func languagesAnswer(_ answers: [String: AnswerValue]) -> String? {
        languagesAnswer(answers[languagesQuestion])
    }

    /// The same, given the answer to the languages question.
    public static func languagesAnswer(_ answer: AnswerValue?) -> String? {
        if case .text(let t)? = answer { return t }
        return nil
    }

    /// The question whose answer names the languages the person speaks.
    public static let languagesQuestion = "languages"
}

/// Directories' services by category, each as a summary shows it, in the
/// directories' order: what `Summary.withServices` reads. A batch makes it
/// once; filtering every directory's services by category for every
/// referral of every file was 4% of a summary (bench/README.md, "Issue 19,
/// round 10").
public struct ServiceIndex: Sendable {
    /// Whether a service speaks the person's language is left false: it
    /// depends on the summary.
    let byCategory: [String: [Summary.ServiceItem]]

    public init(_ directories: [ServiceDirectory]) {
        var byCategory: [String: [Summary.ServiceItem]] = [:]
        for d in directories {
            for sv in d.services {
                byCategory[sv.category, default: []].append(Summary.ServiceItem(
                    category: sv.category, name: sv.name, phone: sv.phone, text: sv.textLine, address: sv.address,
                    languages: sv.languages, hours: sv.hours,
                    eligibility: sv.eligibility.map {
                        Summary.EligibilityItem(minAge: $0.minAge, maxAge: $0.maxAge, gender: $0.gender,
                                                noImmigrationStatusRequired: $0.noImmigrationStatusRequired, cost: $0.cost)
                    },
                    notes: sv.notes, fictional: d.fictional, speaksPersonsLanguage: false))
            }
        }
        self.byCategory = byCategory
    }
}

/// Whether a service's language tags include one the person speaks: the
/// same primary language as the interview, or a language named (in English
/// or in itself) in the person's own answer about languages.
struct ServiceLanguageMatch {
    let intervieweePrimary: String
    let answerWords: [String]

    init(intervieweeLanguage: String, languagesAnswer: String) {
        intervieweePrimary = LanguageTag(intervieweeLanguage)?.primaryLanguage ?? intervieweeLanguage.lowercased()
        answerWords = Self.words(languagesAnswer)
    }

    /// Lowercased words: letters and marks only, so "Tagalog (preferred),"
    /// gives "tagalog".
    static func words(_ text: String) -> [String] {
        asciiWords(text) ?? generalWords(text)
    }

    static func generalWords(_ text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }) }
            .map(String.init)
    }

    /// `words` of an ASCII text, read byte by byte; nil for any other
    /// text. In ASCII the letters are A-Z and a-z and there are no marks,
    /// and lowercasing changes A-Z alone. Why: splitting by `Character`
    /// (each one's grapheme break and properties) was about 27,000
    /// instructions a summary for a line of text, 2% of a batch summary
    /// (bench/README.md, "Issue 19, round 6: batch summaries").
    /// `SummaryServicesTests` compares the two on seeded text.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { b -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            for c in b {
                guard c < 0x80 else { return nil }
                switch c {
                case 0x41...0x5A: word.append(c + 0x20)
                case 0x61...0x7A: word.append(c)
                default:
                    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }

    /// A tag's primary language and the words of its names (English, its
    /// own, and for the whole tag), each name once; nil for a tag that is
    /// not valid. They depend on the tag alone and are worked out once a
    /// run: `speaks` worked them out for every service of every summary,
    /// 25,000 instructions a summary in a batch (bench/README.md, "Issue
    /// 19, round 6: batch summaries").
    struct TagNames: Sendable, Equatable {
        let primary: String
        let names: [[String]]
    }

    /// By tag; the tags are those of the service directories' entries.
    private static let tagNames = Mutex<[String: TagNames?]>([:])

    static func names(_ tag: String) -> TagNames? {
        if let known = tagNames.withLock({ $0[tag] }) { return known }
        let worked = workOutNames(tag)
        tagNames.withLock { $0[tag] = .some(worked) }
        return worked
    }

    static func workOutNames(_ tag: String) -> TagNames? {
        guard let t = LanguageTag(tag) else { return nil }
        let names = [LanguageTag.englishNames[t.primaryLanguage], LanguageTag.endonyms[t.primaryLanguage],
                     LanguageTag.endonym(tag), LanguageTag.displayName(tag)].compactMap { $0?.lowercased() }
        var seen = Set<String>()
        return TagNames(primary: t.primaryLanguage,
                        names: names.filter { seen.insert($0).inserted }.map { $0.split { !$0.isLetter }.map(String.init) })
    }

    func speaks(_ tag: String) -> Bool {
        guard let t = Self.names(tag) else { return false }
        if t.primary == intervieweePrimary { return true }
        for words in t.names {
            guard let first = words.first, !first.isEmpty else { continue }
            // The name's first word as a whole word ("chinese" in "Chinese (Simplified)").
            if answerWords.contains(first) { return true }
            // Names written without spaces (한국어, 简体中文) are looked for inside the words.
            if words.count == 1, first.count >= 2, !first.allSatisfy(\.isASCII), answerWords.contains(where: { $0.contains(first) }) { return true }
        }
        return false
    }

    func any(_ tags: [String]) -> Bool { tags.contains(where: speaks) }
}

extension Summary.ServiceItem {
    /// The name, marked when the service is made up.
    func displayTitle(_ tr: some Translating) -> String {
        fictional ? "\(name) \(tr.ui(.summaryFictionalService))" : name
    }

    /// How to reach the service, then who it serves, then its notes: one
    /// line each, leaving out what the directory does not say.
    func detailLines(_ tr: some Translating) -> [String] {
        var contact: [String] = []
        if let phone { contact.append("\(tr.ui(.summaryServicePhone)): \(phone)") }
        if let text { contact.append("\(tr.ui(.summaryServiceText)): \(text)") }
        if let address { contact.append(address) }
        if let hours { contact.append("\(tr.ui(.summaryServiceHours)): \(hours)") }
        if !languages.isEmpty { contact.append("\(tr.ui(.summaryLanguages)): \(languages.joined(separator: ", "))") }
        var who: [String] = []
        if let e = eligibility {
            switch (e.minAge, e.maxAge) {
            case let (lo?, hi?): who.append("\(tr.ui(.summaryServiceAges)) \(lo)–\(hi)")
            case let (lo?, nil): who.append("\(tr.ui(.summaryServiceAges)) \(lo)+")
            case let (nil, hi?): who.append("\(tr.ui(.summaryServiceAges)) 0–\(hi)")
            case (nil, nil): break
            }
            if let g = e.gender { who.append(g) }
            if e.noImmigrationStatusRequired == true { who.append(tr.ui(.summaryServiceNoStatus)) }
            if let c = e.cost { who.append(c) }
        }
        return [contact, who].filter { !$0.isEmpty }.map { $0.joined(separator: "; ") } + (notes.map { [$0] } ?? [])
    }
}
