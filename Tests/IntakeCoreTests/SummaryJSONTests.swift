import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

/// The hand-written JSON summary (`SummaryJSON`) against the reference it
/// replaced: Foundation's `JSONEncoder` over `Summary`'s `Codable`
/// conformance, compared byte for byte.
@Suite struct SummaryJSONTests {
    /// What `Summary.jsonString()` wrote before `SummaryJSON`.
    static func reference(_ s: Summary) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(s)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Strings a summary may carry: hostile ones (quotes, backslashes, every
    /// control character, DEL, C1, slashes, right-to-left marks and text,
    /// emoji with joiners and modifiers, combining marks, the BOM,
    /// U+2028/2029, a non-BMP character) and ordinary ones, empty included.
    static let texts: [String] = {
        var t = ["", "a", "yes", "Has your passport been taken?", "\"", "\\", "\\\"", "/", "http://x/y", "a\"b\\c/d",
                 "\u{7F}", "\u{80}\u{9B}31m", "\u{200F}\u{202E}txt.exe\u{202C}", "مرحبا بالعالم", "שלום \u{200E}abc",
                 "👩🏽‍⚕️ 🇪🇸 🧑‍🤝‍🧑", "e\u{301}", "\u{FEFF}bom", "line\u{2028}sep\u{2029}para", "𝄞 \u{10FFFF}",
                 "ナニー", "नेपाली", "ภาษาไทย", "tab\tnew\nret\rback\u{8}feed\u{C}", "\u{1B}]52;c;cm0=\u{07}",
                 "  leading and trailing  ", "{\"json\": [1, 2]}", "null", "true", "0", "-1.5e3"]
        for c in 0..<0x20 { t.append("c\(c)\(String(UnicodeScalar(UInt8(c))))x") }
        t.append((0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined())
        return t
    }()

    struct Gen {
        var rng: SplitMix64
        mutating func text() -> String {
            // Sometimes two texts glued together, so escapes meet other bytes.
            let a = SummaryJSONTests.texts.randomElement(using: &rng)!
            return Bool.random(using: &rng) ? a : a + SummaryJSONTests.texts.randomElement(using: &rng)!
        }
        mutating func maybe<T>(_ make: (inout Gen) -> T) -> T? { Bool.random(using: &rng) ? make(&self) : nil }
        mutating func list<T>(_ most: Int, _ make: (inout Gen) -> T) -> [T] {
            (0..<Int.random(in: 0...most, using: &rng)).map { _ in make(&self) }
        }
        mutating func bool() -> Bool { Bool.random(using: &rng) }
        mutating func pick<T: CaseIterable>(_: T.Type) -> T { T.allCases.randomElement(using: &rng)! }

        mutating func evidence() -> Summary.EvidenceItem {
            Summary.EvidenceItem(question: text(), questionText: text(), answer: text())
        }
        mutating func choice() -> Summary.ChoiceItem {
            Summary.ChoiceItem(question: text(), answer: maybe { $0.text() }, text: text())
        }
        mutating func unanswered() -> Summary.UnansweredItem {
            Summary.UnansweredItem(question: text(), questionText: text(), reason: pick(UnansweredReason.self))
        }
        mutating func service() -> Summary.ServiceItem {
            Summary.ServiceItem(category: text(), name: text(), phone: maybe { $0.text() }, text: maybe { $0.text() },
                                address: maybe { $0.text() }, languages: list(3) { $0.text() }, hours: maybe { $0.text() },
                                eligibility: maybe { g in
                                    Summary.EligibilityItem(minAge: g.maybe { Int.random(in: -5...120, using: &$0.rng) },
                                                            maxAge: g.maybe { Int.random(in: 0...Int.max, using: &$0.rng) },
                                                            gender: g.maybe { $0.text() },
                                                            noImmigrationStatusRequired: g.maybe { $0.bool() },
                                                            cost: g.maybe { $0.text() })
                                },
                                notes: maybe { $0.text() }, fictional: bool(), speaksPersonsLanguage: bool())
        }
        mutating func summary() -> Summary {
            var domains: [String: Summary.DomainItem] = [:]
            // Domain ids that sort differently by bytes than by other orders:
            // "_" before letters, upper case before lower, prefixes first.
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let id = ["debt", "debt_bondage", "debtB", "Debt", "a_b", "ab", "a", "z9", "é", "x" + text()].randomElement(using: &rng)!
                domains[id] = Summary.DomainItem(
                    title: text(), core: bool(), kind: pick(DomainKind.self), positive: bool(),
                    indicators: list(3) { g in
                        Summary.IndicatorItem(id: g.text(), strength: g.pick(Strength.self), phase: g.pick(Phase.self),
                                              why: g.maybe { $0.text() }, evidence: g.list(2) { $0.evidence() })
                    })
            }
            let header = Summary.Header(
                interviewDate: maybe { $0.text() }, organisation: maybe { $0.text() }, setting: maybe { $0.text() },
                screener: maybe { $0.text() }, questionnaireHash: text(), intervieweeLanguageDraft: bool(), languageDraft: bool(),
                interpreter: maybe { $0.choice() }, interpreterLanguage: maybe { $0.text() },
                preferredLanguages: maybe { $0.text() }, endedAt: maybe { $0.evidence() })
            var s = Summary(
                questionnaire: Summary.QuestionnaireRef(id: text(), version: text(), title: text()), header: header,
                language: text(), intervieweeLanguage: text(), result: pick(ResultLevel.self), resultText: text(), urgent: bool(),
                urgentReasons: list(3) { $0.text() }, safety: [.urgent, .notEstablished, .noConcernReported].randomElement(using: &rng)!,
                safetyUnanswered: list(2) { $0.unanswered() }, domainOrder: list(4) { $0.text() }, domains: domains,
                overrides: list(2) { g in Summary.OverrideItem(id: g.text(), reason: g.text(), evidence: g.list(2) { $0.evidence() }) },
                referrals: list(3) { g in
                    Summary.ReferralItem(id: g.text(), title: g.text(), reason: g.text(), evidence: g.list(2) { $0.evidence() },
                                         timeCritical: g.bool(), agreed: g.maybe { $0.bool() },
                                         services: g.maybe { $0.list(2) { $0.service() } },
                                         details: g.maybe { $0.list(2) { $0.evidence() } })
                },
                needs: list(3) { $0.text() }, lawEnforcementPreference: maybe { $0.choice() }, advocateConcern: maybe { $0.choice() },
                situation: maybe { $0.choice() }, situationEnded: maybe { $0.choice() }, dependants: list(2) { $0.evidence() },
                safeContact: list(2) { $0.evidence() }, shareLimits: maybe { $0.text() }, unanswered: list(3) { $0.unanswered() },
                remarks: list(3) { g in Summary.RemarkItem(question: g.maybe { $0.text() }, questionText: g.maybe { $0.text() }, text: g.text()) },
                endedEarly: bool(), disclaimer: text(), usesFallbackText: bool(),
                emergencyServices: maybe { $0.list(2) { $0.service() } })
            if Int.random(in: 0..<4, using: &rng) == 0 { s.schemaVersion = Int.random(in: Int.min...Int.max, using: &rng) }
            return s
        }
    }

    @Test func handWrittenJSONIsByteForByteWhatJSONEncoderWrites() {
        var g = Gen(rng: SplitMix64(seed: 20261206))
        for i in 0..<2_000 {
            let s = g.summary()
            // The bytes a batch writes, and the string the other callers read.
            let ours = s.renderedUTF8(.json, in: SourceLanguage(language: "en")), theirs = Array(Self.reference(s).utf8)
            #expect(ours == theirs, "summary \(i)")
            #expect(Array(s.jsonString().utf8) == theirs, "summary \(i)")
            // The buffer started small, so it grows (and copies) many times.
            let grown = SummaryJSON.render(s, capacity: 1)
            #expect(grown == theirs, "summary \(i), grown")
            if ours != theirs || grown != theirs { return }
        }
    }

    @Test func emptyListsAndObjectsAreLaidOutAsJSONEncoderDoes() {
        let s = Summary(questionnaire: .init(id: "q", version: "1", title: "T"), header: .init(questionnaireHash: "h"),
                        language: "en", intervieweeLanguage: "en", result: .noIndicators, resultText: "", urgent: false,
                        urgentReasons: [], safety: .noConcernReported, safetyUnanswered: [], domainOrder: [], domains: [:],
                        overrides: [], referrals: [], needs: [], dependants: [], safeContact: [], unanswered: [], remarks: [],
                        endedEarly: false, disclaimer: "", usesFallbackText: false)
        // Written out: JSONEncoder's layout of empty containers ("[", two newlines, indent, "]").
        let expected = """
        {
          "dependants" : [

          ],
          "disclaimer" : "",
          "domain_order" : [

          ],
          "domains" : {

          },
          "ended_early" : false,
          "header" : {
            "interviewee_language_draft" : false,
            "language_draft" : false,
            "questionnaire_hash" : "h"
          },
          "interviewee_language" : "en",
          "language" : "en",
          "needs" : [

          ],
          "overrides" : [

          ],
          "questionnaire" : {
            "id" : "q",
            "title" : "T",
            "version" : "1"
          },
          "referrals" : [

          ],
          "remarks" : [

          ],
          "result" : "no_indicators",
          "result_text" : "",
          "safe_contact" : [

          ],
          "safety" : "no_concern_reported",
          "safety_unanswered" : [

          ],
          "schema_version" : 4,
          "unanswered" : [

          ],
          "urgent" : false,
          "urgent_reasons" : [

          ],
          "uses_fallback_text" : false
        }

        """
        #expect(s.jsonString() == expected)
        #expect(Self.reference(s) == expected)
    }

    @Test func escapesAreWrittenOut() {
        var out = JSONOut()
        out.string("a\"b\\c/d\u{0}\u{1F}\u{8}\u{C}\n\r\t\u{7F}é😀\u{200F}")
        #expect(String(decoding: out.bytes, as: UTF8.self) == "\"a\\\"b\\\\c/d\\u0000\\u001f\\b\\f\\n\\r\\t\u{7F}é😀\u{200F}\"")
    }
}
