import IntakeTestSupport
import Testing
@testable import IntakeCore

/// `ScoringContext` counts the raised indicators once, when they are raised
/// (`raise`), instead of filtering the raised list at every rule that
/// counts. Against that filtering, written out here as it was: on the
/// bundled and seeded generated questionnaires, with the indicators that
/// seeded generated answers raise and with lists drawn at random from each
/// questionnaire's indicators (repeats, concern domains and odd weights
/// included, so that the order of the sums shows).
@Suite struct ScoringTallyTests {
    /// The raised indicators in `domain`, or in every indicator domain.
    static func scope(_ raised: [RaisedIndicator], _ domain: String?, concern: Set<String>) -> [RaisedIndicator] {
        raised.filter { r in
            if let domain { return r.indicator.domain == domain }
            return !concern.contains(r.indicator.domain)
        }
    }

    /// Each raised indicator's domain's position, found by a search here.
    static func domainPositions(_ raised: [RaisedIndicator], _ q: Questionnaire) -> [Int] {
        raised.map { r in q.domains.firstIndex { $0.id == r.indicator.domain } ?? -1 }
    }

    @Test func countsKeptAsRaisedAreCountsByFiltering() throws {
        var g = SplitMix64(seed: 19_400)
        let weights = [1.0, 0.1, 0.7, 1.0 / 3.0, 2.5, 0.0, 1e-17, 0.3]
        var checked = 0
        for (k, q) in try IndexedConditionTests.questionnaires().enumerated() {
            let concern = Set(q.domains.filter { $0.kind == .concern }.map(\.id))
            var lists = DeclinedPropertyTests.generate(q, seed: 19_400 + UInt64(k), count: 6).map {
                Scorer.score(q, answers: $0, language: "en").indicators
            }
            for _ in 0..<6 where !q.indicators.isEmpty {
                lists.append((0..<Int.random(in: 0...12, using: &g)).map { _ in
                    var ind = q.indicators.randomElement(using: &g)!
                    ind.weight = weights.randomElement(using: &g)!
                    if Bool.random(using: &g), let d = q.domains.randomElement(using: &g) { ind.domain = d.id }
                    return RaisedIndicator(indicator: ind, evidence: [Evidence(questionID: "q\(checked)", answer: .choice("yes"))])
                })
            }
            for raised in lists {
                var ctx = ScoringContext(base: AnswerContext(answers: [:], questionnaire: q, language: "en"), questionnaire: q)
                ctx.raise(raised, inDomains: Self.domainPositions(raised, q))
                for domain in [nil] + q.domains.map(\.id) + ["no-such-domain"] {
                    let scope = Self.scope(raised, domain, concern: concern)
                    for s in Strength.allCases {
                        #expect(ctx.strengthCount(s, domain: domain) == scope.filter { $0.indicator.strength == s }.count)
                    }
                    #expect(ctx.indicatorCount(domain: domain) == scope.count)
                    let weight = scope.reduce(0) { $0 + $1.indicator.weight }
                    #expect(ctx.weight(domain: domain).bitPattern == weight.bitPattern, "\(q.id) \(domain ?? "all")")
                    if let domain, let position = q.domains.firstIndex(where: { $0.id == domain }) {
                        #expect(ctx.raised(inDomain: position).map(\.id) == scope.map(\.id))
                        #expect(ctx.indicatorCount(inDomain: position) == scope.count)
                        #expect(ctx.strengths(inDomain: position) == StrengthTally(
                            strong: scope.filter { $0.indicator.strength == .strong }.count,
                            medium: scope.filter { $0.indicator.strength == .medium }.count,
                            weak: scope.filter { $0.indicator.strength == .weak }.count))
                    }
                }
                for id in q.indicators.map(\.id) + ["no-such-indicator"] {
                    let first = raised.first { $0.indicator.id == id }
                    #expect(ctx.indicatorRaised(id) == (first != nil))
                    #expect(ctx.raisedIndicator(id)?.indicator == first?.indicator)
                    #expect(ctx.raisedIndicator(id)?.evidence.map(\.questionID) == first?.evidence.map(\.questionID))
                }
                checked += 1
            }
        }
        #expect(checked == 26 * 12)
    }

    /// Written out: two strong and a weak in `force`, a medium in the
    /// concern domain `labour_concerns`.
    @Test func aSmallCaseWrittenOut() throws {
        let q = try bundledQuestionnaire("trafficking-screening")
        func raised(_ id: String, _ domain: String, _ strength: Strength, _ weight: Double) -> RaisedIndicator {
            var ind = q.indicators[0]
            (ind.id, ind.domain, ind.strength, ind.weight) = (id, domain, strength, weight)
            return RaisedIndicator(indicator: ind, evidence: [])
        }
        var ctx = ScoringContext(base: AnswerContext(answers: [:], questionnaire: q, language: "en"), questionnaire: q)
        // Domain positions in the bundled questionnaire: force 0, labour_concerns 11.
        ctx.raise([raised("a", "force", .strong, 1), raised("b", "labour_concerns", .medium, 0.5),
                   raised("c", "force", .weak, 0.25), raised("d", "force", .strong, 2)], inDomains: [0, 11, 0, 0])
        #expect(ctx.strengthCount(.strong, domain: "force") == 2)
        #expect(ctx.strengthCount(.weak, domain: nil) == 1)
        #expect(ctx.strengthCount(.medium, domain: nil) == 0)
        #expect(ctx.strengthCount(.medium, domain: "labour_concerns") == 1)
        #expect(ctx.indicatorCount(domain: nil) == 3)
        #expect(ctx.indicatorCount(domain: "labour_concerns") == 1)
        #expect(ctx.indicatorCount(domain: "fraud") == 0)
        #expect(ctx.weight(domain: nil) == 3.25)
        #expect(ctx.weight(domain: "labour_concerns") == 0.5)
        #expect(ctx.raised(inDomain: 0).map(\.id) == ["a", "c", "d"])
        #expect(ctx.raised(inDomain: 11).map(\.id) == ["b"])
        #expect(ctx.strengths(inDomain: 0) == StrengthTally(strong: 2, medium: 0, weak: 1))
        #expect(ctx.indicatorRaised("b"))
        #expect(!ctx.indicatorRaised("e"))
    }
}
