import Foundation
import Testing
@testable import IntakeCore

/// Builds summaries of example.yaml in the source language.
struct SummaryBench {
    let q = loadFixture("example.yaml")
    let tr = SourceLanguage()

    static let chinese = String(repeating: "我在工厂每天工作十六个小时，老板拿走了我的护照，我不能离开。", count: 6)
    static let thai = String(repeating: "นายจ้างเก็บหนังสือเดินทางของฉันไว้และไม่จ่ายค่าจ้างที่สัญญาไว้ ", count: 6)
    static let hostile = "Before\u{1B}[2J\u{1B}]0;pwned\u{07}after \u{9B}31m C1 \u{202E}desrever\u{202C} \u{2066}iso\u{2069} del\u{7F} nul-free\u{0} end"

    static let answers: [String: AnswerValue] = [
        "consent": yes, "age": .number(16), "sectors": .choices(["domestic", "sex_trade"]),
        "arrived": .date(CalendarDate(year: 2023, month: 4)), "job_different": yes, "pay_kind": .choice("not_at_all"),
        "owes_debt": yes, "debt_grows": yes, "threatened": yes, "deport_threat": declined, "documents_held": yes,
        "hit": dontKnow, "danger_now": yes, "police_wish": .choice("undecided"), "wants_now": .choices(["housing", "legal"]),
        "concern": .choice("high"), "story": .text(chinese + "\n" + thai + "\n" + hostile),
    ]

    func summary(answers: [String: AnswerValue] = SummaryBench.answers,
                 remarks: [String: String] = ["documents_held": SummaryBench.thai + SummaryBench.hostile,
                                              "hit": SummaryBench.chinese],
                 interviewRemark: String = SummaryBench.chinese + SummaryBench.hostile) -> Summary {
        let score = Scorer.score(q, answers: answers, language: "en")
        return SummaryBuilder.build(questionnaire: q, score: score, answers: answers, remarks: remarks,
                                    interviewRemark: interviewRemark, intervieweeLanguage: "en", endedBy: nil, in: tr)
    }

    func render(_ s: Summary, _ format: SummaryFormat, ascii: Bool = false) -> String {
        s.rendered(format, in: tr, ascii: ascii)
    }
}

/// Scalars that must never reach output: C0 (except newline), DEL, C1, bidi controls.
func forbiddenScalars(_ s: String) -> [String] {
    s.unicodeScalars.filter { $0 != "\n" && Sanitize.isControl($0) }.map { String(format: "U+%04X", $0.value) }
}

@Suite struct SummaryRendererTests {
    let b = SummaryBench()

    @Test func textNeverExceedsEightyColumns() {
        let text = b.render(b.summary(), .text)
        let wide = text.split(separator: "\n", omittingEmptySubsequences: false).filter { DisplayWidth.of(String($0)) > 80 }
        #expect(wide.isEmpty, "lines over 80 columns:\n\(wide.joined(separator: "\n"))")
        // The long free text is all there, wrapped.
        #expect(text.contains("我在工厂每天工作"))
        #expect(text.contains("นายจ้างเก็บ"))
    }

    /// The summary screen lays the text out at its own width (78 at 80×24),
    /// so no line is wrapped twice into a one-word orphan.
    @Test func textFollowsTheWidthItIsGiven() {
        let text = b.summary().rendered(.text, in: b.tr, width: 60)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines.first { DisplayWidth.of($0) > 60 } ?? "")")
        #expect(lines.contains { DisplayWidth.of($0) > 50 })
    }

    @Test func textNeverExceedsEightyColumnsWithLongUnbrokenWords() {
        let long = String(repeating: "x", count: 300) + " " + String(repeating: "中", count: 200) + String(repeating: "กี่", count: 200)
        let s = b.summary(remarks: ["hit": long], interviewRemark: long)
        let text = b.render(s, .text)
        let wide = text.split(separator: "\n").filter { DisplayWidth.of(String($0)) > 80 }
        #expect(wide.isEmpty, "\(wide.first ?? "")")
    }

    @Test func asciiTextNeverExceedsEightyColumns() {
        // Chinese alone folds to one '?' per two columns: narrower, fine.
        let chinese = b.render(b.summary(remarks: ["hit": String(repeating: "中", count: 300)], interviewRemark: ""), .text, ascii: true)
        #expect(chinese.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Thai: "กี่" is one column but three scalars, and each scalar becomes '?'.
        let thai = b.render(b.summary(remarks: ["hit": String(repeating: "กี่", count: 300)], interviewRemark: ""), .text, ascii: true)
        do {
            let wide = thai.split(separator: "\n").filter { $0.count > 80 }
            #expect(wide.isEmpty, "\(wide.count) lines over 80 columns, e.g. \(wide.first?.count ?? 0) wide")
        }
    }

    @Test(arguments: SummaryFormat.allCases)
    func controlCharactersNeverReachOutput(format: SummaryFormat) {
        let out = b.render(b.summary(), format)
        #expect(forbiddenScalars(out) == [])
        #expect(out.contains("desrever"))    // the text around them is kept
        #expect(!out.contains("\u{1B}"))
        if format == .json {
            #expect(!out.contains("\\u001b") && !out.contains("\\u001B") && !out.contains("\\u0007"))
        }
    }

    @Test func summaryModelHoldsNoControlCharacters() throws {
        let s = b.summary()
        let data = try JSONEncoder().encode(s)
        let decoded = try JSONDecoder().decode(Summary.self, from: data)
        var texts = decoded.remarks.map(\.text) + decoded.urgentReasons + decoded.needs
        texts += decoded.domains.values.flatMap { $0.indicators.flatMap { $0.evidence.map(\.answer) } }
        #expect(texts.flatMap(forbiddenScalars) == [])
    }

    @Test func asciiTextIsPureASCII() {
        let out = b.render(b.summary(), .text, ascii: true)
        let nonASCII = out.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "non-ASCII: \(nonASCII.prefix(10).map { String(format: "U+%04X", $0.value) })")
        #expect(forbiddenScalars(out) == [])
        #expect(out.contains("URGENT"))
    }

    @Test func jsonRoundTrips() throws {
        let s = b.summary()
        let json = b.render(s, .json)
        #expect(json.hasSuffix("}\n"))
        let decoded = try JSONDecoder().decode(Summary.self, from: Data(json.utf8))
        #expect(decoded == s)
    }

    @Test func jsonHasTheSchemaKeys() throws {
        let json = b.render(b.summary(), .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["schema_version", "questionnaire", "language", "result", "urgent", "safety", "safety_unanswered",
                    "domains", "referrals", "unanswered", "remarks", "law_enforcement_preference"] {
            #expect(root[key] != nil, "missing key \(key)")
        }
        #expect(root["schema_version"] as? Int == 4)
        #expect(root["safety"] as? String == "urgent")
        let questionnaire = try #require(root["questionnaire"] as? [String: Any])
        #expect(questionnaire["id"] as? String == "example")
        #expect(questionnaire["version"] as? String == "0.1.0")
        #expect(root["language"] as? String == "en")
        #expect(root["result"] as? String == "likely")
        #expect(root["urgent"] as? Bool == true)

        let domains = try #require(root["domains"] as? [String: [String: Any]])
        #expect(Set(domains.keys) == ["force", "fraud", "coercion", "debt_bondage", "document_retention"])
        let fraud = try #require(domains["fraud"])
        #expect(fraud["positive"] as? Bool == true)
        let indicators = try #require(fraud["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ["deceived_about_job"])
        #expect(indicators.first?["strength"] as? String == "strong")
        let evidence = try #require(indicators.first?["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["question"] as? String } == ["job_different"])
        #expect(evidence.first?["answer"] as? String == "Yes")
        let debt = try #require(domains["debt_bondage"])
        #expect(debt["positive"] as? Bool == true)   // growing debt (strong) + wages withheld (medium)
        #expect((debt["indicators"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["wages_withheld", "growing_debt"])

        let referrals = try #require(root["referrals"] as? [[String: Any]])
        #expect(referrals.map { $0["id"] as? String } == ["immigration_legal", "housing"])
        #expect(referrals.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })

        let unanswered = try #require(root["unanswered"] as? [[String: Any]])
        #expect(unanswered.map { "\($0["question"] as? String ?? ""):\($0["reason"] as? String ?? "")" }
                == ["deport_threat:declined", "hit:dont_know"])

        let remarks = try #require(root["remarks"] as? [[String: Any]])
        #expect(remarks.count == 3)
        let le = try #require(root["law_enforcement_preference"] as? [String: Any])
        #expect(le["question"] as? String == "police_wish")
        #expect(le["answer"] as? String == "undecided")
    }

    @Test(arguments: [SummaryFormat.text, .markdown])
    func urgentMattersComeFirst(format: SummaryFormat) throws {
        let out = b.render(b.summary(), format)
        let urgent = try #require(out.range(of: format == .text ? "URGENT: ACT ON SAFETY FIRST" : "URGENT: act on safety first"))
        let result = try #require(out.range(of: format == .text ? "SCREENING RESULT" : "## Screening result"))
        #expect(urgent.lowerBound < result.lowerBound)
        // The answer that made it urgent is named under the urgent heading.
        let reason = try #require(out.range(of: "Are you in danger right now?"))
        #expect(urgent.lowerBound < reason.lowerBound && reason.lowerBound < result.lowerBound)
    }

    @Test(arguments: SummaryFormat.allCases)
    func disclaimerIsPresent(format: SummaryFormat) {
        let out = b.render(b.summary(), format)
        #expect(out.contains("not a legal determination"))
    }

    @Test func notUrgentSaysSo() {
        var a = SummaryBench.answers
        a["danger_now"] = no
        let s = b.summary(answers: a)
        #expect(!s.urgent)
        #expect(s.urgentReasons == [])
        let text = b.render(s, .text)
        #expect(text.contains("No urgent safety concern was reported."))
        #expect(!text.contains("URGENT: ACT ON SAFETY FIRST"))
    }

    @Test func summaryModelContents() {
        let s = b.summary()
        #expect(s.result == .likely)
        // The result was likely by the rules: the advocate's concern changed
        // nothing and is not listed; the minor rule is a flag, always listed.
        #expect(s.overrides.map(\.id) == ["minor_in_sex_trade"])
        #expect(s.urgentReasons == ["Are you in danger right now? → Yes"])
        #expect(s.needs == ["A safe place to stay", "Legal help"])
        #expect(s.lawEnforcementPreference?.text == "Not sure yet")
        #expect(s.advocateConcern?.answer == "high")
        #expect(s.remarks.map(\.question) == [nil, "documents_held", "hit"])
        #expect(s.domainOrder == ["force", "fraud", "coercion", "debt_bondage", "document_retention"])
    }

    @Test func markdownEscapesPunctuationFromAnswers() {
        let s = b.summary(remarks: ["hit": "# not a heading | *not bold* [link](x)"], interviewRemark: "")
        let md = b.render(s, .markdown)
        #expect(md.contains("  > \\# not a heading \\| \\*not bold\\* \\[link\\](x)"))
    }
}

@Suite struct UrgentReasonTests {
    @Test func onlyTheAnswersThatMadeItUrgentAreListed() throws {
        let text = """
        format: 1
        id: u
        version: "1"
        language: en
        title: U
        domains:
          - { id: d, title: D }
        sections:
          - id: s
            title: S
            questions:
              - { id: danger_now, type: yes_no, text: In danger now? }
              - { id: injured, type: yes_no, text: Injured? }
        result:
          possible: indicators() >= 1
          urgent: danger_now == yes or injured == yes
        """
        let q = try #require(QuestionnaireLoader.load(text: text, path: "u.yaml").questionnaire)
        let answers: [String: AnswerValue] = ["danger_now": no, "injured": yes]
        let score = Scorer.score(q, answers: answers, language: "en")
        #expect(score.urgent)
        let s = SummaryBuilder.build(questionnaire: q, score: score, answers: answers, remarks: [:], interviewRemark: "",
                                     intervieweeLanguage: "en", endedBy: nil, in: SourceLanguage())
        #expect(s.urgentReasons.contains("Injured? → Yes"))
        do {
            #expect(s.urgentReasons == ["Injured? → Yes"])
        }
    }
}
