import Foundation
import Testing
@testable import IntakeCore

@Suite struct SuppressionTests {
    @Test func countsFromOneToFourAreHiddenAndZeroIsShown() {
        #expect(AggregateReport.suppress([0, 1, 4, 5, 12], addsUpToTotal: false)
                == [.count(0), .small, .small, .count(5), .count(12)])
    }

    @Test func aSingleHiddenCellGetsASecondWhenTheRowsAddUpToTheTotal() {
        // 3 could be worked out as 23 - 6 - 14: the smallest other non-zero row (6) is hidden too.
        #expect(AggregateReport.suppress([14, 3, 0, 6], addsUpToTotal: true)
                == [.count(14), .small, .count(0), .secondary])
        // Ties: the first of the smallest.
        #expect(AggregateReport.suppress([7, 2, 7], addsUpToTotal: true) == [.secondary, .small, .count(7)])
    }

    @Test func twoHiddenCellsWhoseSumTellsNothingNeedNoSecond() {
        // 2 + 3 = 5 is all that can be worked out; each of two cells of 1 to
        // 4 adding up to 5 can still be anything from 1 to 4.
        #expect(AggregateReport.suppress([2, 3, 9], addsUpToTotal: true) == [.small, .small, .count(9)])
    }

    /// A hidden sum can give the hidden cells away: two "<5" adding up to 2
    /// are both 1; a "<5" and a "*" (5 or more) adding up to 6 are 1 and 5.
    @Test func hiddenCellsWhoseSumGivesThemAwayHideMore() {
        // 1 + 1 = 2 would tell both: a row of 8 or more is hidden too.
        #expect(AggregateReport.suppress([1, 1, 30], addsUpToTotal: true) == [.small, .small, .secondary])
        // Hiding the 5 would leave 1 + 5 = 6, so the 1 would be known; no
        // single other row (5 or 6) is enough and neither are two, so every
        // non-zero row is hidden.
        #expect(AggregateReport.suppress([5, 0, 1, 6], addsUpToTotal: true) == [.secondary, .count(0), .secondary, .secondary])
        // 1 + 11 = 12 tells nothing of the 1 (the 11 could be 8 to 11).
        #expect(AggregateReport.suppress([1, 11, 0], addsUpToTotal: true) == [.small, .secondary, .count(0)])
        // 4 + 5 = 9: the 4 could be 1 to 4 (the other 5 to 8), so the 5 is enough.
        #expect(AggregateReport.suppress([4, 5, 20], addsUpToTotal: true) == [.small, .secondary, .count(20)])
    }

    @Test func noSecondWhereRowsDoNotAddUp() {
        #expect(AggregateReport.suppress([14, 3, 6], addsUpToTotal: false) == [.count(14), .small, .count(6)])
    }

    @Test func aLoneSmallCellWithNothingElseStaysAlone() {
        // The total (3) is itself "<5", so nothing is given away.
        #expect(AggregateReport.suppress([3, 0], addsUpToTotal: true) == [.small, .count(0)])
    }
}

@Suite struct AggregateReportTests {
    static func record(_ month: String, _ result: String, domains: [String] = ["none"], sectors: [String] = ["not_answered"],
                       age: String = "adult", referrals: [String] = ["none"]) -> ReportRecord {
        ReportRecord(month: month, result: result, domains: domains, sectors: sectors, ageBand: age, referrals: referrals)
    }

    /// 12 sessions: 7 in November, 5 in December (two tables' worth of suppression).
    static let records: [ReportRecord] =
        (0..<6).map { _ in record("2026-11", "likely", domains: ["coercion", "debt_bondage"], sectors: ["domestic"], referrals: ["shelter_housing"]) }
        + [record("2026-11", "possible", domains: ["coercion"], sectors: ["domestic", "agriculture"], age: "under_18")]
        + (0..<5).map { _ in record("2026-12", "no_indicators", sectors: ["agriculture"]) }

    @Test func countsByEveryDimension() {
        let order: [ReportDimension: [String]] = [
            .result: ["no_indicators", "concerns", "possible", "likely"],
            .ageBand: ["under_18", "adult", "not_answered"],
        ]
        let c = AggregateReport.counts(Self.records, order: order)
        #expect(c[.month]!.map(\.0) == ["2026-11", "2026-12"])
        #expect(c[.month]!.map(\.1) == [7, 5])
        #expect(c[.result]!.map(\.0) == ["no_indicators", "concerns", "possible", "likely"])
        #expect(c[.result]!.map(\.1) == [5, 0, 1, 6])
        #expect(c[.domain]!.map(\.0) == ["coercion", "debt_bondage", "none"])
        #expect(c[.domain]!.map(\.1) == [7, 6, 5])
        #expect(c[.sector]!.map(\.0) == ["agriculture", "domestic"])
        #expect(c[.sector]!.map(\.1) == [6, 7])
        #expect(c[.ageBand]!.map(\.1) == [1, 11, 0])
        #expect(c[.referral]!.map(\.0) == ["none", "shelter_housing"])
        #expect(c[.referral]!.map(\.1) == [6, 6])
    }

    @Test func theCSVWithSuppression() {
        let order: [ReportDimension: [String]] = [
            .result: ["no_indicators", "concerns", "possible", "likely"],
            .ageBand: ["under_18", "adult", "not_answered"],
        ]
        let csv = ReportRenderer.csv(AggregateReport.tables(Self.records, order: order))
        #expect(csv == """
            dimension,category,sessions
            month,total,12
            month,2026-11,7
            month,2026-12,5
            result,total,12
            result,no_indicators,*
            result,concerns,0
            result,possible,*
            result,likely,*
            domain,total,12
            domain,coercion,7
            domain,debt_bondage,6
            domain,none,5
            sector,total,12
            sector,agriculture,6
            sector,domestic,7
            age_band,total,12
            age_band,under_18,<5
            age_band,adult,*
            age_band,not_answered,0
            referral,total,12
            referral,none,6
            referral,shelter_housing,6

            """)
    }

    @Test func theMarkdownNamesTheRule() {
        let md = ReportRenderer.markdown(AggregateReport.tables([Self.record("2026-11", "likely")]), sessions: 1)
        #expect(md.hasPrefix("# Screening report\n\nSessions: <5. Counts from 1 to 4 are shown as <5"))
        #expect(md.contains("## Sessions by result\n\n| result | sessions |\n| --- | ---: |\n| likely | <5 |\n| **total sessions** | <5 |\n"))
    }

    @Test func aMonthIsTheUTCMonth() {
        // 2026-11-30T23:30:00Z, and 30 minutes later.
        #expect(ReportRecord.month(of: Date(timeIntervalSince1970: 1_796_081_400)) == "2026-11")
        #expect(ReportRecord.month(of: Date(timeIntervalSince1970: 1_796_083_200)) == "2026-12")
    }

    @Test func aPersonaInterviewGivesItsCategories() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        var iv = Interview(questionnaire: q, intervieweeLanguage: "en", advocateLanguage: "en")
        for (id, v) in [("consent", AnswerValue.choice("yes")), ("age_group", .choice("under_18")),
                        ("sectors", .choices(["domestic", "restaurant"]))] {
            iv.apply(.answered(question: id, value: v), at: Date(timeIntervalSince1970: 0))
        }
        let r = ReportRecord(interview: iv, began: Date(timeIntervalSince1970: 1_796_081_400))
        #expect(r.month == "2026-11")
        #expect(r.ageBand == "under_18")
        #expect(r.sectors == ["domestic", "restaurant"])
        let cats = ReportRecord.categories(of: q)
        #expect(cats[.ageBand] == ["under_18", "adult", "not_answered"])
        #expect(cats[.sector]?.first == "domestic")
        #expect(cats[.result] == ["no_indicators", "concerns", "possible", "likely"])
    }
}
