import Foundation

/// A calendar date or month, as answered (no time zone, no time).
public struct CalendarDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// `nil` for a month/year answer.
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD`, checking the ranges.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), y >= 1900, y <= 2200
        else { return nil }
        var d: Int?
        if parts.count == 3 {
            guard parts[2].count == 2, let dd = Int(parts[2]) else { return nil }
            let daysIn = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...daysIn[m - 1]).contains(dd) else { return nil }
            d = dd
        }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        let ym = String(format: "%04d-%02d", year, month)
        return day.map { ym + String(format: "-%02d", $0) } ?? ym
    }
}

/// What was answered to one question.
public enum AnswerValue: Hashable, Sendable {
    /// A yes/no or single-choice answer: the option id.
    case choice(String)
    /// A multiple-choice answer: option ids in the questionnaire's order.
    case choices([String])
    case number(Double)
    case date(CalendarDate)
    case text(String)
    /// Don't know, or prefers not to answer.
    case special(SpecialAnswer)

    public var special: SpecialAnswer? {
        if case .special(let s) = self { return s }
        return nil
    }

    /// The answer as a plain string for summaries (option ids are not translated here).
    public var plainDescription: String {
        switch self {
        case .choice(let c): return c
        case .choices(let cs): return cs.joined(separator: ", ")
        case .number(let n): return Self.format(n)
        case .date(let d): return d.description
        case .text(let t): return t
        case .special(let s): return s.rawValue
        }
    }

    public static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

extension AnswerValue: Codable {
    private enum Keys: String, CodingKey { case choice, choices, number, date, text, special }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let v = try c.decodeIfPresent(String.self, forKey: .choice) { self = .choice(v) }
        else if let v = try c.decodeIfPresent([String].self, forKey: .choices) { self = .choices(v) }
        else if let v = try c.decodeIfPresent(Double.self, forKey: .number) { self = .number(v) }
        else if let v = try c.decodeIfPresent(String.self, forKey: .date) {
            guard let d = CalendarDate(parsing: v) else {
                throw DecodingError.dataCorruptedError(forKey: .date, in: c, debugDescription: "bad date \(v)")
            }
            self = .date(d)
        }
        else if let v = try c.decodeIfPresent(String.self, forKey: .text) { self = .text(v) }
        else if let v = try c.decodeIfPresent(SpecialAnswer.self, forKey: .special) { self = .special(v) }
        else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty answer")) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .choice(let v): try c.encode(v, forKey: .choice)
        case .choices(let v): try c.encode(v, forKey: .choices)
        case .number(let v): try c.encode(v, forKey: .number)
        case .date(let v): try c.encode(v.description, forKey: .date)
        case .text(let v): try c.encode(v, forKey: .text)
        case .special(let v): try c.encode(v, forKey: .special)
        }
    }
}

/// Why a question has no usable answer.
public enum UnansweredReason: String, Sendable, Codable, CaseIterable {
    case declined
    case dontKnow = "dont_know"
    case notAsked = "not_asked"
}
