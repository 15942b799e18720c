import Foundation
import Testing
@testable import IntakeCore

/// docs/indicators.md states the basis of every indicator and result rule;
/// it must describe the questionnaires as they are, not as they were.
@Suite struct IndicatorsDocTests {
    static let doc: String = {
        (try? String(contentsOf: repositoryRoot.appendingPathComponent("docs/indicators.md"), encoding: .utf8)) ?? ""
    }()

    /// Rows of the indicator tables: id → (domain, strength, phase, basis).
    static func rows(in section: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 8 else { continue }
            let id = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            out[id] = [cells[2], cells[3], cells[4], cells[6]]
        }
        return out
    }

    /// The part of the document under a heading that mentions `id`.
    static func section(_ id: String) -> String {
        let parts = doc.components(separatedBy: "\n## ")
        return parts.first { $0.hasPrefix("Work and safety") ? id == "trafficking-screening" : $0.hasPrefix("Quick") && id == "quick-screen" } ?? ""
    }

    @Test(arguments: ["trafficking-screening", "quick-screen"])
    func everyIndicatorIsDocumentedWithItsDomainStrengthPhaseAndBasis(_ id: String) throws {
        let q = try bundledQuestionnaire(id)
        let rows = Self.rows(in: Self.section(id))
        #expect(Set(rows.keys) == Set(q.indicators.map(\.id)), "documented vs questionnaire")
        for ind in q.indicators {
            guard let row = rows[ind.id] else { continue }
            #expect(row[0] == ind.domain, "\(ind.id): domain")
            #expect(row[1] == ind.strength.rawValue, "\(ind.id): strength")
            #expect(row[2] == ind.phase.rawValue, "\(ind.id): phase")
            #expect(row[3].count > 20, "\(ind.id): no basis given")
        }
    }

    @Test func everyOverrideAndReferralOfTheFullScreenIsDocumented() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        for o in q.result.overrides { #expect(Self.doc.contains("| `\(o.id)` |"), "override \(o.id)") }
        for r in q.referrals { #expect(Self.doc.contains("| `\(r.id)` |"), "referral \(r.id)") }
        for level in ["**likely**", "**possible**", "**concerns**", "**no indicators reported**", "**urgent**"] {
            #expect(Self.doc.contains("| \(level)"), "result rule \(level)")
        }
    }
}
