/// A text written in the questionnaire's source language, with its stable
/// translation key and where it was written.
public struct SourceText: Hashable, Sendable {
    /// The `msgctxt` of this string in every PO file.
    public var key: String
    /// The source-language text.
    public var text: String
    /// A note for translators (`#.`), if the author gave one.
    public var note: String?
    public var location: SourceLocation

    public init(key: String, text: String, note: String? = nil, location: SourceLocation) {
        self.key = key
        self.text = text
        self.note = note
        self.location = location
    }
}

/// A validated questionnaire. Everything the interview shows, asks, scores
/// and recommends comes from here.
public struct Questionnaire: Sendable {
    /// Everything a questionnaire holds, in one immutable object. A
    /// questionnaire is copied into the interview, the model and every
    /// function that reads a question, on every key; as 21 separate fields
    /// each copy cost 21 retains and releases (bench/README.md, "Issue 19,
    /// round 3: keystrokes"). Shared, it costs one.
    private struct Fields: Sendable {
        let id: String
        let version: String
        let language: String
        let title: SourceText
        let description: SourceText?
        let intro: SourceText?
        let endMessage: SourceText?
        let parameters: [Parameter]
        let domains: [Domain]
        let sections: [Section]
        let indicators: [Indicator]
        let scores: [Score]
        let result: ResultRules
        let referrals: [Referral]
        let summaryHooks: SummaryHooks
        let resources: [Resource]
        let changelog: [ChangelogEntry]
        let path: String
        let contentHash: String
        let questionIndex: [String: (section: Int, question: Int)]
        let questions: [Question]
        let positions: [String: Int]
        /// Each domain id's position in `domains` (the first, were one
        /// repeated), and each indicator's domain's position (-1 for a
        /// domain the questionnaire does not have): scoring tallies raised
        /// indicators by domain position instead of hashing domain ids.
        let domainPositions: [String: Int]
        let indicatorDomains: [Int]
        /// By domain position: the positions of the other domains its rule
        /// reads, in order (none for a rule that is not a condition).
        let domainDependencies: [[Int]]
        /// `positions` again, as a table keyed by FNV-1a (`QuestionIDTable`).
        let idTable: QuestionIDTable
        /// Question ids that `historicQuestion` does not give back as they
        /// are (a changelog renamed them away): usually none.
        let notCurrentAsWritten: Set<String>
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let storage: Storage

    public var id: String { storage.fields.id }
    public var version: String { storage.fields.version }
    public var language: String { storage.fields.language }
    public var title: SourceText { storage.fields.title }
    public var description: SourceText? { storage.fields.description }
    public var intro: SourceText? { storage.fields.intro }
    public var endMessage: SourceText? { storage.fields.endMessage }
    public var parameters: [Parameter] { storage.fields.parameters }
    public var domains: [Domain] { storage.fields.domains }
    public var sections: [Section] { storage.fields.sections }
    /// Every indicator: those attached to answers and those raised by conditions.
    public var indicators: [Indicator] { storage.fields.indicators }
    public var scores: [Score] { storage.fields.scores }
    public var result: ResultRules { storage.fields.result }
    public var referrals: [Referral] { storage.fields.referrals }
    public var summaryHooks: SummaryHooks { storage.fields.summaryHooks }
    public var resources: [Resource] { storage.fields.resources }
    /// Renamed and removed question ids, oldest first.
    public var changelog: [ChangelogEntry] { storage.fields.changelog }
    /// The path it was loaded from.
    public var path: String { storage.fields.path }
    /// SHA-256 of the file's bytes, hex; a session records it to detect change.
    public var contentHash: String { storage.fields.contentHash }

    public func question(_ id: String) -> Question? {
        guard let p = storage.fields.questionIndex[id] else { return nil }
        return storage.fields.sections[p.section].questions[p.question]
    }

    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    /// The section that holds question `id`, by the question index (no
    /// search through the sections by name, as the title bar once did for
    /// every frame).
    public func section(ofQuestion id: String) -> Section? {
        storage.fields.questionIndex[id].map { storage.fields.sections[$0.section] }
    }

    public func domain(_ id: String) -> Domain? { domains.first { $0.id == id } }

    /// What an id from an earlier version of this questionnaire is now,
    /// following renames in order.
    public func historicQuestion(_ id: String) -> HistoricQuestionID {
        Self.historic(id, changelog: changelog, questionIndex: questionIndex)
    }

    private static func historic(_ id: String, changelog: [ChangelogEntry],
                                 questionIndex: [String: (section: Int, question: Int)]) -> HistoricQuestionID {
        var current = id
        for entry in changelog {
            if let next = entry.renamed[current] { current = next }
            if entry.removed.contains(current) && questionIndex[current] == nil { return .removed(version: entry.version) }
        }
        return questionIndex[current] != nil ? .current(current) : .unknown
    }
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// Where `id` is in `questions` when it names a current question as
    /// written, that is when `historicQuestion(id) == .current(id)`; nil
    /// otherwise. One lookup, the changelog walked once per questionnaire
    /// instead of once an id (the answer-file fast path calls it for every
    /// answer; bench/README.md, "Issue 19, round 4"), in a table keyed by
    /// the id's FNV-1a hash instead of the standard library's seeded hash,
    /// which was 7.6 M of the 38 M instructions that loading 200 files took
    /// (round 7). `QuestionIDTableTests` and `ChangelogTests` compare it
    /// with `historicQuestion` and `positions`.
    func currentPosition(_ id: String) -> Int? {
        guard let p = storage.fields.idTable.position(of: id) else { return nil }
        let renamedAway = storage.fields.notCurrentAsWritten
        return renamedAway.isEmpty || !renamedAway.contains(id) ? p : nil
    }

    /// Section index and question index of each question id.
    public var questionIndex: [String: (section: Int, question: Int)] { storage.fields.questionIndex }
    /// All questions in interview order.
    public var questions: [Question] { storage.fields.questions }
    /// Each question id's position in `questions`.
    public var positions: [String: Int] { storage.fields.positions }
    /// Each domain id's position in `domains`.
    var domainPositions: [String: Int] { storage.fields.domainPositions }
    /// By indicator position: its domain's position in `domains`, or -1.
    var indicatorDomains: [Int] { storage.fields.indicatorDomains }
    /// By domain position: the other domains its rule reads, by position.
    var domainDependencies: [[Int]] { storage.fields.domainDependencies }

    public init(id: String, version: String, language: String, title: SourceText,
                description: SourceText? = nil, intro: SourceText? = nil, endMessage: SourceText? = nil,
                parameters: [Parameter] = [], domains: [Domain], sections: [Section],
                indicators: [Indicator], scores: [Score] = [], result: ResultRules,
                referrals: [Referral] = [], summaryHooks: SummaryHooks = .init(),
                resources: [Resource] = [], changelog: [ChangelogEntry] = [], path: String, contentHash: String) {
        var map: [String: (section: Int, question: Int)] = [:]
        for (si, s) in sections.enumerated() {
            for (qi, q) in s.questions.enumerated() { map[q.id] = (si, qi) }
        }
        let questions = sections.flatMap(\.questions)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(questions.count)
        for (i, q) in questions.enumerated() { positions[q.id] = i }
        var domainPositions: [String: Int] = [:]
        for (i, d) in domains.enumerated() where domainPositions[d.id] == nil { domainPositions[d.id] = i }
        let indicatorDomains = indicators.map { domainPositions[$0.domain] ?? -1 }
        let domainDependencies = domains.enumerated().map { k, d -> [Int] in
            guard case .condition(let c) = d.rule else { return [] }
            return c.domainReferences.compactMap { domainPositions[$0] }.filter { $0 != k }.sorted()
        }
        var notCurrent: Set<String> = []
        if !changelog.isEmpty {
            for id in map.keys where Self.historic(id, changelog: changelog, questionIndex: map) != .current(id) {
                notCurrent.insert(id)
            }
        }
        storage = Storage(Fields(
            id: id, version: version, language: language, title: title,
            description: description, intro: intro, endMessage: endMessage,
            parameters: parameters, domains: domains, sections: sections,
            indicators: indicators, scores: scores, result: result,
            referrals: referrals, summaryHooks: summaryHooks, resources: resources,
            changelog: changelog, path: path, contentHash: contentHash,
            questionIndex: map, questions: questions, positions: positions,
            domainPositions: domainPositions, indicatorDomains: indicatorDomains, domainDependencies: domainDependencies, idTable: QuestionIDTable(questions.map(\.id)),
            notCurrentAsWritten: notCurrent))
    }
}

/// Two questionnaires are equal when everything loaded from the file is
/// (the question index and the flat question list are derived from it).
extension Questionnaire: Equatable {
    public static func == (a: Questionnaire, b: Questionnaire) -> Bool {
        if a.storage === b.storage { return true }
        return a.id == b.id && a.version == b.version && a.language == b.language && a.title == b.title
            && a.description == b.description && a.intro == b.intro && a.endMessage == b.endMessage
            && a.parameters == b.parameters && a.domains == b.domains && a.sections == b.sections
            && a.indicators == b.indicators && a.scores == b.scores && a.result == b.result
            && a.referrals == b.referrals && a.summaryHooks == b.summaryHooks && a.resources == b.resources
            && a.changelog == b.changelog && a.path == b.path && a.contentHash == b.contentHash
    }
}

public struct Section: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var intro: SourceText?
    public var contentNote: SourceText?
    public var relevant: Condition?
    public var questions: [Question]
    public var location: SourceLocation
}

public enum QuestionType: String, Sendable, CaseIterable {
    case yesNo = "yes_no"
    case single, multiple, number, date
    case monthYear = "month_year"
    case text, note

    /// Whether answers are option ids.
    public var hasOptions: Bool { self == .yesNo || self == .single || self == .multiple }
}

/// A special answer: the person doesn't know, or prefers not to answer.
public enum SpecialAnswer: String, Sendable, CaseIterable, Codable {
    case dontKnow = "dont_know"
    case declined

    private static let all = allCases

    /// `init(rawValue:)`, comparing the text with each raw value: the
    /// synthesized initializer's search of the case names cost about 260
    /// instructions for each value of an answer file, 1% of a batch
    /// summary (bench/README.md, "Issue 19, round 6: batch summaries").
    public static func named(_ text: String) -> SpecialAnswer? {
        for c in all where c.rawValue == text { return c }
        return nil
    }
}

public struct AnswerOption: Sendable, Hashable {
    public var id: String
    public var text: SourceText
}

public struct Question: Sendable, Equatable, Identifiable {
    /// Its fields, in one object shared by every copy: a question is copied
    /// out of the questionnaire wherever it is read (the keys of its screen,
    /// its body, its answer check), and as 19 separate fields each copy cost
    /// a retain and a release for each string, array and condition in it
    /// (bench/README.md, "Issue 19, round 3: keystrokes"). Setting a field
    /// gives the copy an object of its own.
    private struct Fields: Sendable, Equatable {
        var id: String
        var type: QuestionType
        var text: SourceText
        var guidance: SourceText?
        var relevant: Condition?
        var required: Condition?
        var constraint: Condition?
        var constraintMessage: SourceText?
        var options: [AnswerOption]
        var min: Double?
        var max: Double?
        var integer: Bool
        var multiline: Bool
        var special: [SpecialAnswer]
        var endIf: Condition?
        var endMessage: SourceText?
        var indicatorIDs: [String]
        var location: SourceLocation
        var sectionID: String
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public var id: String {
        get { box.fields.id }
        set { var f = box.fields; f.id = newValue; box = Box(f) }
    }
    public var type: QuestionType {
        get { box.fields.type }
        set { var f = box.fields; f.type = newValue; box = Box(f) }
    }
    public var text: SourceText {
        get { box.fields.text }
        set { var f = box.fields; f.text = newValue; box = Box(f) }
    }
    public var guidance: SourceText? {
        get { box.fields.guidance }
        set { var f = box.fields; f.guidance = newValue; box = Box(f) }
    }
    public var relevant: Condition? {
        get { box.fields.relevant }
        set { var f = box.fields; f.relevant = newValue; box = Box(f) }
    }
    /// `nil`: not required. A condition (possibly the constant `true`).
    public var required: Condition? {
        get { box.fields.required }
        set { var f = box.fields; f.required = newValue; box = Box(f) }
    }
    public var constraint: Condition? {
        get { box.fields.constraint }
        set { var f = box.fields; f.constraint = newValue; box = Box(f) }
    }
    /// Whether it has a constraint, read in place: `constraint != nil`
    /// copied the condition out and freed it again for each answer of a
    /// batch's file, 1.0 M of the 33.6 M instructions that loading 200
    /// files took (bench/README.md, "Issue 19, round 7").
    var hasConstraint: Bool {
        if case .none = box.fields.constraint { return false }
        return true
    }
    public var constraintMessage: SourceText? {
        get { box.fields.constraintMessage }
        set { var f = box.fields; f.constraintMessage = newValue; box = Box(f) }
    }
    public var options: [AnswerOption] {
        get { box.fields.options }
        set { var f = box.fields; f.options = newValue; box = Box(f) }
    }
    public var min: Double? {
        get { box.fields.min }
        set { var f = box.fields; f.min = newValue; box = Box(f) }
    }
    public var max: Double? {
        get { box.fields.max }
        set { var f = box.fields; f.max = newValue; box = Box(f) }
    }
    public var integer: Bool {
        get { box.fields.integer }
        set { var f = box.fields; f.integer = newValue; box = Box(f) }
    }
    public var multiline: Bool {
        get { box.fields.multiline }
        set { var f = box.fields; f.multiline = newValue; box = Box(f) }
    }
    public var special: [SpecialAnswer] {
        get { box.fields.special }
        set { var f = box.fields; f.special = newValue; box = Box(f) }
    }
    public var endIf: Condition? {
        get { box.fields.endIf }
        set { var f = box.fields; f.endIf = newValue; box = Box(f) }
    }
    public var endMessage: SourceText? {
        get { box.fields.endMessage }
        set { var f = box.fields; f.endMessage = newValue; box = Box(f) }
    }
    /// Ids of the indicators attached to this question's answers.
    public var indicatorIDs: [String] {
        get { box.fields.indicatorIDs }
        set { var f = box.fields; f.indicatorIDs = newValue; box = Box(f) }
    }
    public var location: SourceLocation {
        get { box.fields.location }
        set { var f = box.fields; f.location = newValue; box = Box(f) }
    }
    /// The section this question belongs to.
    public var sectionID: String {
        get { box.fields.sectionID }
        set { var f = box.fields; f.sectionID = newValue; box = Box(f) }
    }

    init(id: String, type: QuestionType, text: SourceText, guidance: SourceText?,
         relevant: Condition?, required: Condition?, constraint: Condition?, constraintMessage: SourceText?,
         options: [AnswerOption], min: Double?, max: Double?, integer: Bool, multiline: Bool,
         special: [SpecialAnswer], endIf: Condition?, endMessage: SourceText?, indicatorIDs: [String],
         location: SourceLocation, sectionID: String) {
        box = Box(Fields(id: id, type: type, text: text, guidance: guidance,
                         relevant: relevant, required: required, constraint: constraint, constraintMessage: constraintMessage,
                         options: options, min: min, max: max, integer: integer, multiline: multiline,
                         special: special, endIf: endIf, endMessage: endMessage, indicatorIDs: indicatorIDs,
                         location: location, sectionID: sectionID))
    }

    public static func == (a: Question, b: Question) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }
    public var takesAnswer: Bool { type != .note }
}

public enum Strength: String, Sendable, CaseIterable, Codable, Comparable {
    case strong, medium, weak
    private var rank: Int { self == .strong ? 0 : self == .medium ? 1 : 2 }
    public static func < (a: Strength, b: Strength) -> Bool { a.rank < b.rank }
}

public enum Phase: String, Sendable, CaseIterable, Codable {
    case recruitment, travel, destination, any
}

public struct Indicator: Sendable, Equatable, Identifiable {
    public var id: String
    public var domain: String
    public var strength: Strength
    public var phase: Phase
    public var weight: Double
    /// When it is raised. For an indicator on a question this is derived
    /// from `answer:` (e.g. `q == yes` or `q has any [a, b]`).
    public var when: Condition
    /// The question it is attached to, if any.
    public var questionID: String?
    public var why: SourceText?
    public var location: SourceLocation
}

public enum DomainRule: Sendable, Equatable {
    /// ILO reading: 2 strong, or 1 strong + 1 medium/weak, or 3 medium, or 2 medium + 1 weak.
    case tiers
    /// Any one indicator.
    case any
    case condition(Condition)
}

/// What a domain's indicators are signs of.
public enum DomainKind: String, Sendable, CaseIterable, Codable {
    /// Signs of trafficking or forced labour: counted by `indicators()`,
    /// `strong()`, `medium()`, `weak()` and `weight()` without a domain.
    case indicator
    /// Labour or safety concerns that are not trafficking indicators (for
    /// example violence by a client or by police): shown apart in the
    /// summary and never counted by the functions above without a domain.
    case concern
}

public struct Domain: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var core: Bool
    public var kind: DomainKind = .indicator
    public var rule: DomainRule
    public var location: SourceLocation
}

public struct Parameter: Sendable, Equatable, Identifiable {
    public var id: String
    public var defaultValue: Double
    /// Per-language values, by language tag.
    public var byLanguage: [String: Double]
    public var location: SourceLocation

    public func value(for language: String) -> Double {
        if let v = byLanguage[language] { return v }
        // "zh-Hans-CN" falls back to "zh-Hans", then "zh".
        var parts = language.split(separator: "-")
        while parts.count > 1 {
            parts.removeLast()
            if let v = byLanguage[parts.joined(separator: "-")] { return v }
        }
        return defaultValue
    }
}

public struct ScoreItem: Sendable, Equatable {
    public var when: Condition
    public var points: Double
}

public struct Score: Sendable, Equatable, Identifiable {
    public var id: String
    public var items: [ScoreItem]
    public var location: SourceLocation
}

/// The screening's result, from least to most concern. `concerns` means
/// labour or safety concerns were noted (a lone medium or weak sign, or harm
/// by someone who does not control the work) without reaching "possible
/// trafficking indicators".
public enum ResultLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case noIndicators = "no_indicators"
    case concerns, possible, likely
    private var rank: Int {
        switch self {
        case .noIndicators: return 0
        case .concerns: return 1
        case .possible: return 2
        case .likely: return 3
        }
    }
    public static func < (a: ResultLevel, b: ResultLevel) -> Bool { a.rank < b.rank }
}

public struct Override: Sendable, Equatable, Identifiable {
    public var id: String
    public var when: Condition
    public var result: ResultLevel?
    public var atLeast: ResultLevel?
    public var urgent: Bool
    /// Listed in the summary even when it changed nothing (a flag such as
    /// "age not established"); other overrides are listed only when they
    /// changed the result or made it urgent.
    public var flag: Bool = false
    public var reason: SourceText
    public var location: SourceLocation
}

public struct ResultRules: Sendable, Equatable {
    public var likely: Condition?
    public var possible: Condition?
    /// Labour or safety concerns short of possible trafficking indicators.
    public var concerns: Condition?
    public var urgent: Condition?
    public var overrides: [Override]
}

public struct Referral: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var when: Condition
    /// When the referral cannot wait (a court date, no safe place tonight).
    public var timeCritical: Condition?
    public var reason: SourceText
    /// Questions whose answers travel with the referral whatever raised it
    /// (the interpreter's language with Interpretation).
    public var details: [String] = []
    public var location: SourceLocation
}

/// A fixed place in the summary that a question's answer fills.
public enum SummaryHook: String, Sendable, CaseIterable {
    case lawEnforcementPreference = "law_enforcement_preference"
    case needs
    case advocateConcern = "advocate_concern"
    /// Whether the situation is still going on, and when it ended.
    case situation
    case situationEnded = "situation_ended"
    /// The summary's header: interpreter and the person's languages.
    case interpreterUsed = "interpreter_used"
    case interpreterLanguage = "interpreter_language"
    case preferredLanguages = "preferred_languages"
    /// The advocate's closing remark, listed with the other remarks.
    case closingRemark = "closing_remark"
    case dependants
    case dependantsSafe = "dependants_safe"
    /// How the person may be reached safely, and what must never be used.
    case safeContact = "safe_contact"
    case safeContactTimes = "safe_contact_times"
    case neverContact = "never_contact"
    /// The referrals the person agreed to share with (option ids are
    /// referral ids), and the limits they set.
    case consentToShare = "consent_to_share"
    case shareLimits = "share_limits"
    /// The person's age band and kind of work: counted (never shown) in
    /// aggregate reports (`intake report`).
    case ageBand = "age_band"
    case sector

    /// The question types that can fill it.
    public var types: [QuestionType] {
        switch self {
        case .lawEnforcementPreference, .advocateConcern, .situation, .interpreterUsed, .dependants, .dependantsSafe:
            return [.single, .yesNo]
        case .needs: return [.multiple, .single, .text]
        case .situationEnded: return [.single, .monthYear, .date, .text]
        case .interpreterLanguage, .preferredLanguages, .closingRemark, .safeContactTimes, .neverContact, .shareLimits:
            return [.text]
        case .safeContact: return [.multiple, .single, .text]
        case .consentToShare: return [.multiple]
        case .ageBand: return [.single]
        case .sector: return [.multiple, .single]
        }
    }
}

/// Questions whose answers have a fixed place in the summary.
public struct SummaryHooks: Sendable, Equatable {
    public var questions: [SummaryHook: String]
    public init(_ questions: [SummaryHook: String] = [:]) { self.questions = questions }
    public subscript(hook: SummaryHook) -> String? {
        get { questions[hook] }
        set { questions[hook] = newValue }
    }
    public var lawEnforcementPreference: String? { questions[.lawEnforcementPreference] }
    public var needs: String? { questions[.needs] }
    public var advocateConcern: String? { questions[.advocateConcern] }
    public var situation: String? { questions[.situation] }
    public var situationEnded: String? { questions[.situationEnded] }
}

/// One version's changes to question ids, so that sessions and answer
/// files written for an earlier version still load, with a note.
public struct ChangelogEntry: Sendable, Equatable {
    /// The version that made the change.
    public var version: String
    /// Question ids that no longer exist; their answers are set aside.
    public var removed: [String]
    /// Old question id → new id, for questions whose meaning is unchanged.
    public var renamed: [String: String]
    public var location: SourceLocation
    public init(version: String, removed: [String] = [], renamed: [String: String] = [:], location: SourceLocation) {
        self.version = version
        self.removed = removed
        self.renamed = renamed
        self.location = location
    }
}

/// What a question id from an older version of a questionnaire is now.
public enum HistoricQuestionID: Sendable, Equatable {
    /// The id exists in this version (possibly after a rename).
    case current(String)
    /// The changelog says it was removed in `version`.
    case removed(version: String)
    /// Neither a question nor in the changelog.
    case unknown
}

public struct Resource: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: SourceText
    public var text: SourceText
}

/// Question ids by position, in an open-addressed table keyed by each id's
/// FNV-1a hash (`FNV1a`): what `positions` gives, for a caller that looks
/// up many ids (see `Questionnaire.currentPosition`). An id that collides
/// costs a probe; ids are compared whole.
struct QuestionIDTable: Sendable {
    private let ids: [String]
    private let hashes: [UInt64]
    /// Positions in `ids`; -1 for an empty slot. At least twice as many as ids.
    private let slots: [Int32]

    init(_ ids: [String]) {
        self.ids = ids
        hashes = ids.map(FNV1a.hash)
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for p in ids.indices {
            var i = Int(truncatingIfNeeded: hashes[p]) & (size - 1)
            // An id given twice keeps its last position, as `positions` does.
            while slots[i] >= 0, ids[Int(slots[i])] != ids[p] { i = (i + 1) & (size - 1) }
            slots[i] = Int32(p)
        }
        self.slots = slots
    }

    func position(of id: String) -> Int? {
        let h = FNV1a.hash(id)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            let p = Int(slots[i])
            if hashes[p] == h, ids[p] == id { return p }
            i = (i + 1) & mask
        }
        return nil
    }
}

/// The 64-bit FNV-1a hash of some bytes (Fowler, Noll and Vo's offset
/// basis and prime): a few instructions a byte and no seed, for tables of
/// the program's own keys. Not for keys an attacker chooses freely unless
/// a collision costs only time.
enum FNV1a {
    static func hash(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { h = (h ^ UInt64(b[k])) &* 0x0000_0100_0000_01b3 }
        return h
    }

    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { hash($0, from: 0, to: $0.count) }
    }
}
