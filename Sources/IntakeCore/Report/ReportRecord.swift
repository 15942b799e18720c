import Foundation

/// What one session contributes to an aggregate report: categories only,
/// never an answer's text, a remark or a date finer than the month.
public struct ReportRecord: Sendable, Equatable {
    /// "2026-11": the month the interview began (UTC).
    public var month: String
    /// `ResultLevel` raw value.
    public var result: String
    /// Domains with indicators (ids), or `[none]`.
    public var domains: [String]
    /// The sector question's option ids, or `[not_answered]`.
    public var sectors: [String]
    /// The age band question's option id, or `not_answered`.
    public var ageBand: String
    /// Referrals offered (ids), or `[none]`.
    public var referrals: [String]

    public static let none = "none"
    public static let notAnswered = "not_answered"

    public init(month: String, result: String, domains: [String], sectors: [String], ageBand: String, referrals: [String]) {
        self.month = month
        self.result = result
        self.domains = domains
        self.sectors = sectors
        self.ageBand = ageBand
        self.referrals = referrals
    }

    /// The record of a (resumed) interview that began at `began`.
    public init(interview: Interview, began: Date) {
        let score = interview.score()
        let q = interview.questionnaire
        func choices(_ hook: SummaryHook) -> [String] {
            guard let id = q.summaryHooks[hook], score.relevance.isRelevant(id) else { return [Self.notAnswered] }
            switch interview.answers[id] {
            case .choice(let c)?: return [c]
            case .choices(let cs)? where !cs.isEmpty: return cs
            default: return [Self.notAnswered]
            }
        }
        self.init(month: Self.month(of: began), result: score.result.rawValue,
                  domains: score.positiveDomains.isEmpty ? [Self.none] : score.positiveDomains,
                  sectors: choices(.sector), ageBand: choices(.ageBand).first ?? Self.notAnswered,
                  referrals: score.referrals.isEmpty ? [Self.none] : score.referrals.map(\.referral.id))
    }

    /// The UTC year and month of `date`, as "YYYY-MM".
    public static func month(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
    }

    /// The categories of each dimension in a questionnaire's order, so a
    /// report lists the empty ones too.
    public static func categories(of q: Questionnaire) -> [ReportDimension: [String]] {
        func options(_ hook: SummaryHook) -> [String] {
            guard let id = q.summaryHooks[hook], let question = q.question(id) else { return [] }
            return question.options.map(\.id) + [notAnswered]
        }
        return [
            .result: ResultLevel.allCases.map(\.rawValue),
            .domain: q.domains.map(\.id) + [none],
            .sector: options(.sector),
            .ageBand: options(.ageBand),
            .referral: q.referrals.map(\.id) + [none],
        ]
    }
}
