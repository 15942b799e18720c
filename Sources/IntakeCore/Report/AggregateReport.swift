/// A dimension of the aggregate report.
public enum ReportDimension: String, Sendable, CaseIterable {
    case month, result, domain, sector
    case ageBand = "age_band"
    case referral

    /// Whether one session counts in several rows (so the rows do not add
    /// up to the number of sessions).
    public var multiValued: Bool {
        switch self {
        case .domain, .sector, .referral: return true
        case .month, .result, .ageBand: return false
        }
    }

    public var title: String {
        switch self {
        case .month: return "Sessions by month begun"
        case .result: return "Sessions by result"
        case .domain: return "Sessions with indicators in each domain"
        case .sector: return "Sessions by kind of work reported"
        case .ageBand: return "Sessions by age band"
        case .referral: return "Sessions with each referral offered"
        }
    }
}

/// A count as published: the number, or hidden.
public enum ReportCell: Equatable, Sendable, CustomStringConvertible {
    case count(Int)
    /// 1 to 4: too few to publish ("<5").
    case small
    /// Published as "*": a count hidden so that no "<5" cell can be worked
    /// out, or narrowed, from the total and the cells shown (see `suppress`).
    case secondary

    public var description: String {
        switch self {
        case .count(let n): return String(n)
        case .small: return "<5"
        case .secondary: return "*"
        }
    }
}

/// One table of the report, after suppression.
public struct ReportTable: Equatable, Sendable {
    public var dimension: ReportDimension
    public var rows: [(category: String, cell: ReportCell)]
    /// The number of sessions the table covers.
    public var total: ReportCell

    public static func == (a: ReportTable, b: ReportTable) -> Bool {
        a.dimension == b.dimension && a.total == b.total
            && a.rows.map(\.category) == b.rows.map(\.category) && a.rows.map(\.cell) == b.rows.map(\.cell)
    }
}

/// Counts over many sessions, with small cells suppressed so that no person
/// can be singled out:
///
/// - Primary: a count from 1 to 4 is published as "<5". Zero is published.
/// - Total: the number of sessions; "<5" when it is from 1 to 4.
/// - Secondary, in tables whose rows add up to the total (month, result,
///   age band): the hidden rows' sum is the total minus the rows shown, so
///   more rows are hidden ("*") until that sum can no longer tell, or
///   narrow, any "<5" (see `suppress`).
/// - Tables where one session counts in several rows (domain, sector,
///   referral) do not add up to the total and publish no complement
///   ("sessions without X"), so primary suppression is enough there.
/// - Each table is one-way (no cross-tabulation), so no cell of one table
///   is the difference of cells of another.
public enum AggregateReport {
    public static let threshold = 5

    /// Raw counts by dimension and category, in `order` (categories not in
    /// it follow, sorted).
    public static func counts(_ records: [ReportRecord], order: [ReportDimension: [String]] = [:]) -> [ReportDimension: [(String, Int)]] {
        var out: [ReportDimension: [(String, Int)]] = [:]
        for d in ReportDimension.allCases {
            var tally: [String: Int] = [:]
            for r in records {
                // A category named twice in one record counts once.
                for c in Set(values(r, d)) { tally[c, default: 0] += 1 }
            }
            let known = order[d] ?? []
            let extra = tally.keys.filter { !known.contains($0) }.sorted()
            let categories = d == .month ? (known + extra).sorted() : known + extra
            out[d] = categories.map { ($0, tally[$0] ?? 0) }
        }
        return out
    }

    static func values(_ r: ReportRecord, _ d: ReportDimension) -> [String] {
        switch d {
        case .month: return [r.month]
        case .result: return [r.result]
        case .domain: return r.domains
        case .sector: return r.sectors
        case .ageBand: return [r.ageBand]
        case .referral: return r.referrals
        }
    }

    /// The published tables.
    public static func tables(_ records: [ReportRecord], order: [ReportDimension: [String]] = [:]) -> [ReportTable] {
        let c = counts(records, order: order)
        return ReportDimension.allCases.map { d in
            let rows = c[d] ?? []
            let cells = suppress(rows.map(\.1), addsUpToTotal: !d.multiValued)
            return ReportTable(dimension: d, rows: zip(rows, cells).map { ($0.0.0, $0.1) },
                               total: cell(records.count))
        }
    }

    static func cell(_ n: Int) -> ReportCell { (1..<threshold).contains(n) ? .small : .count(n) }

    /// Primary suppression, and secondary where the rows add up to the total.
    ///
    /// There the hidden cells' sum is known (the total minus the rows
    /// shown), and so is each hidden cell's range: 1 to 4 for "<5", 5 or
    /// more for "*". The hidden set is safe when that sum narrows no "<5"
    /// below 1 to 4. With k cells "<5" and m cells "*" hidden, adding up to
    /// S, the largest a "<5" can be is S - (k - 1) - 5m, so:
    /// - with m = 0 (only "<5"), a "<5" is at most S - (k - 1) and at least
    ///   S - 4(k - 1): safe when k + 3 <= S <= 4k - 3 (never for k = 1,
    ///   whose S is the cell itself);
    /// - with m >= 1 (a "*" has no upper bound), safe when S >= k + 3 + 5m.
    ///
    /// Tried in order: no second cell; the smallest single row that makes
    /// it safe; then rows from the largest down until it is safe; else
    /// every non-zero row is hidden as "*" (then no row says whether it is
    /// under 5). A table whose total is under 5 shows "<5" as its total, so
    /// its rows give nothing more away and only primary suppression applies.
    public static func suppress(_ counts: [Int], addsUpToTotal: Bool) -> [ReportCell] {
        var cells = counts.map(cell)
        let small = counts.indices.filter { cells[$0] == .small }
        let total = counts.reduce(0, +)
        guard addsUpToTotal, !small.isEmpty, total >= threshold else { return cells }
        let k = small.count
        let smallSum = small.reduce(0) { $0 + counts[$1] }
        if k >= 2 && (k + 3...4 * k - 3).contains(smallSum) { return cells }
        func safe(_ hidden: [Int]) -> Bool {
            smallSum + hidden.reduce(0) { $0 + counts[$1] } >= k + 3 + threshold * hidden.count
        }
        let candidates = counts.indices.filter { cells[$0] != .small && counts[$0] > 0 }
        if let i = candidates.sorted(by: { (counts[$0], $0) < (counts[$1], $1) }).first(where: { safe([$0]) }) {
            cells[i] = .secondary
            return cells
        }
        var hidden: [Int] = []
        for i in candidates.sorted(by: { (counts[$0], -$0) > (counts[$1], -$1) }) {
            hidden.append(i)
            if safe(hidden) {
                for j in hidden { cells[j] = .secondary }
                return cells
            }
        }
        return counts.map { $0 == 0 ? .count(0) : .secondary }
    }
}

/// The report as CSV (dimension,category,sessions) and Markdown.
public enum ReportRenderer {
    public static func csv(_ tables: [ReportTable]) -> String {
        var lines = ["dimension,category,sessions"]
        for t in tables {
            lines.append("\(t.dimension.rawValue),total,\(t.total)")
            for r in t.rows { lines.append("\(t.dimension.rawValue),\(csvField(r.category)),\(r.cell)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public static func markdown(_ tables: [ReportTable], sessions: Int) -> String {
        var out = "# Screening report\n\n"
        out += "Sessions: \(AggregateReport.cell(sessions)). "
        out += "Counts from 1 to 4 are shown as <5, and * hides a count that would let a <5 be worked out or narrowed from the total, so that no person can be singled out. "
        out += "A session can count in several rows of the domain, kind of work and referral tables.\n"
        for t in tables {
            out += "\n## \(t.dimension.title)\n\n| \(t.dimension.rawValue) | sessions |\n| --- | ---: |\n"
            for r in t.rows { out += "| \(r.category) | \(r.cell) |\n" }
            out += "| **total sessions** | \(t.total) |\n"
        }
        return out
    }
}
