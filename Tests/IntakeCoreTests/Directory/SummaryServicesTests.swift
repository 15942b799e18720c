import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeCore

/// Services from a directory under each referral of a summary of example.yaml
/// (referrals: immigration_legal and housing; urgent, since danger_now is yes).
@Suite struct SummaryServicesTests {
    let b = SummaryBench()

    static let directory = ServiceDirectory(path: "local.yaml", fictional: true, services: [
        .init(category: "immigration_legal", name: "North Legal", phone: "555-0101", languages: ["en"]),
        .init(category: "hotline", name: "Hotline", phone: "1-888-373-7888", textLine: "233733", languages: ["en", "es"]),
        .init(category: "immigration_legal", name: "Bayanihan Legal", phone: "555-0102", languages: ["tl", "en"]),
        .init(category: "medical", name: "Clinic", phone: "555-0103", languages: ["es"]),
        .init(category: "immigration_legal", name: "Clínica Latina", phone: "555-0104", address: "1 Elm St", languages: ["es-419"],
              hours: "Mon-Fri 9-5",
              eligibility: .init(minAge: 18, noImmigrationStatusRequired: true, cost: "free"), notes: "Walk-ins on Tuesdays."),
        .init(category: "immigration_legal", name: "Korean Legal", phone: "555-0105", languages: ["ko"]),
        .init(category: "emergency", name: "Emergency", phone: "911"),
    ])

    func summary(interviewee: String = "es", languagesAnswer: String? = "Tagalog (preferred), some English") -> Summary {
        var s = b.summary()
        s.intervieweeLanguage = interviewee
        return s.withServices(from: Self.directory, languagesAnswer: languagesAnswer)
    }

    @Test func servicesThatSpeakThePersonsLanguageComeFirst() {
        let s = summary(languagesAnswer: "Tagalog (preferred)")
        let legal = s.referrals.first { $0.id == "immigration_legal" }?.services
        #expect(legal?.map(\.name) == ["Bayanihan Legal", "Clínica Latina", "North Legal", "Korean Legal"])
        #expect(legal?.map(\.speaksPersonsLanguage) == [true, true, false, false])
    }

    @Test func languagesAreMatchedByTheirNamesInTheAnswer() {
        let s = summary(interviewee: "en", languagesAnswer: "한국어, a little Spanish")
        let legal = s.referrals.first { $0.id == "immigration_legal" }?.services
        #expect(legal?.map(\.name) == ["North Legal", "Bayanihan Legal", "Clínica Latina", "Korean Legal"])
        #expect(legal?.map(\.speaksPersonsLanguage) == [true, true, true, true])
        let none = summary(interviewee: "fa", languagesAnswer: nil).referrals.first { $0.id == "immigration_legal" }?.services
        #expect(none?.map(\.name) == ["North Legal", "Bayanihan Legal", "Clínica Latina", "Korean Legal"])
        #expect(none?.map(\.speaksPersonsLanguage) == [false, false, false, false])
    }

    @Test func aReferralWithoutALocalServiceSaysSo() {
        let s = summary()
        #expect(s.referrals.map(\.id) == ["immigration_legal", "housing"])
        #expect(s.referrals[1].services == [])
        let text = b.render(s, .text)
        #expect(text.contains("""
            • Shelter and housing: The person needs a safe place to stay.
                Raised by:
                  What would help you most now?
                  → A safe place to stay
                  Are you in danger right now?
                  → Yes
                No local service listed for this referral.
            """))
        #expect(b.render(s, .markdown).contains("""
            - **Shelter and housing**: The person needs a safe place to stay.
              - What would help you most now?: A safe place to stay
              - Are you in danger right now?: Yes
              - _No local service listed for this referral._
            """))
    }

    /// Two directories (the organisation's, then the national one): within
    /// a category the services keep that order, those that speak the
    /// person's language first, each marked fictional as its own directory
    /// is; one index serves summaries in different languages.
    @Test func servicesOfSeveralDirectoriesKeepTheirOrder() {
        let national = ServiceDirectory(path: "national.yaml", fictional: false, services: [
            .init(category: "immigration_legal", name: "National Legal Line", phone: "555-0201", languages: ["es", "en"]),
            .init(category: "emergency", name: "National Emergency", phone: "112"),
            .init(category: "immigration_legal", name: "National Korean Desk", phone: "555-0202", languages: ["ko"]),
        ])
        let index = ServiceIndex([Self.directory, national])
        var spanish = b.summary()
        spanish.intervieweeLanguage = "es"
        let es = spanish.withServices(from: index, languagesAnswer: nil)
        let legal = es.referrals.first { $0.id == "immigration_legal" }?.services
        #expect(legal?.map(\.name) == ["Clínica Latina", "National Legal Line", "North Legal", "Bayanihan Legal", "Korean Legal",
                                        "National Korean Desk"])
        #expect(legal?.map(\.speaksPersonsLanguage) == [true, true, false, false, false, false])
        #expect(legal?.map(\.fictional) == [true, false, true, true, true, false])
        #expect(es.emergencyServices?.map(\.name) == ["Emergency", "National Emergency", "Hotline"])
        var korean = b.summary()
        korean.intervieweeLanguage = "ko"
        let ko = korean.withServices(from: index, languagesAnswer: nil)
        let koreanLegal = ko.referrals.first { $0.id == "immigration_legal" }?.services?.map(\.name)
        #expect(koreanLegal == ["Korean Legal", "National Korean Desk", "North Legal", "Bayanihan Legal", "Clínica Latina", "National Legal Line"])
        // The same as from the directories themselves.
        #expect(korean.withServices(from: [Self.directory, national], languagesAnswer: nil) == ko)
    }

    @Test func servicesAreListedUnderTheirReferral() {
        let text = b.render(summary(), .text)
        #expect(text.contains("""
                ◦ Clínica Latina (fictional example)
                  Phone: 555-0104; 1 Elm St; Hours: Mon-Fri 9-5; Languages: es-419
                  Ages 18+; No immigration status required; free
                  Walk-ins on Tuesdays.
            """))
        #expect(b.render(summary(), .markdown).contains("""
              - Clínica Latina (fictional example)
                - Phone: 555-0104; 1 Elm St; Hours: Mon-Fri 9-5; Languages: es-419
            """))
    }

    @Test func urgentSummariesListEmergencyNumbersUnderTheUrgentSection() {
        let s = summary()
        #expect(s.urgent)
        #expect(s.emergencyServices?.map(\.name) == ["Emergency", "Hotline"])
        let text = b.render(s, .text)
        let urgent = text.range(of: "!! URGENT")!.lowerBound
        let numbers = text.range(of: "Emergency numbers and hotlines:\n◦ Emergency (fictional example)\n  Phone: 911\n◦ Hotline (fictional example)\n  Phone: 1-888-373-7888; Text: 233733; Languages: en, es\n")
        let result = text.range(of: "SCREENING RESULT")!.lowerBound
        #expect(numbers != nil)
        if let numbers { #expect(urgent < numbers.lowerBound && numbers.upperBound < result) }
        #expect(b.render(s, .markdown).contains("**Emergency numbers and hotlines**\n\n- Emergency (fictional example)\n  - Phone: 911\n"))
    }

    @Test func aSummaryThatIsNotUrgentHasNoEmergencyList() {
        var answers = SummaryBench.answers
        answers["danger_now"] = .choice("no")
        let s = b.summary(answers: answers).withServices(from: Self.directory, languagesAnswer: nil)
        #expect(!s.urgent)
        #expect(s.emergencyServices == nil)
    }

    @Test func withoutADirectoryNothingChanges() {
        let s = b.summary()
        #expect(s.referrals.allSatisfy { $0.services == nil })
        #expect(!b.render(s, .text).contains("No local service"))
        #expect(!s.jsonString().contains("services"))
    }

    @Test func jsonCarriesTheServices() throws {
        let json = summary().jsonString()
        #expect(json.contains("\"emergency_services\""))
        #expect(json.contains("\"speaks_persons_language\" : true"))
        #expect(json.contains("\"no_immigration_status_required\" : true"))
        let back = try JSONDecoder().decode(Summary.self, from: Data(json.utf8))
        #expect(back == summary())
    }

    /// The words of an ASCII languages answer, read byte by byte, are the
    /// words the general split by `Character` gives: written out, then on
    /// 3,000 seeded texts of letters, digits, punctuation, spaces, tabs,
    /// line ends (CR LF is one `Character`) and control characters.
    @Test func asciiWordsAreTheGeneralWords() {
        #expect(ServiceLanguageMatch.asciiWords("Tagalog (preferred), some ENGLISH") == ["tagalog", "preferred", "some", "english"])
        #expect(ServiceLanguageMatch.asciiWords("") == [])
        #expect(ServiceLanguageMatch.asciiWords("한국어") == nil)
        #expect(ServiceLanguageMatch.asciiWords("Español") == nil)
        let pieces = ["a", "Z", "m", "Q", "1", "0", " ", "  ", ",", "(", ")", "-", "'", "\t", "\r\n", "\n", "\r", "\u{1}", "\u{7F}",
                      "Tagalog", "ENGLISH", "spanish", "_", "@", "[", "`", "{", "~"]
        var rng = SplitMix64(seed: 19_600)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(ServiceLanguageMatch.asciiWords(text) == ServiceLanguageMatch.generalWords(text), "\(text.debugDescription)")
        }
    }

    /// A tag's names are worked out once a run and kept: what is kept is
    /// what working them out again gives, for valid and invalid tags.
    @Test func aTagsNamesAreKeptAsWorkedOut() {
        for tag in ["en", "es-419", "tl", "ko", "zh-Hans", "fa", "not a tag", "", "x-private"] {
            let first = ServiceLanguageMatch.names(tag)
            #expect(first == ServiceLanguageMatch.workOutNames(tag), "\(tag)")
            #expect(ServiceLanguageMatch.names(tag) == first, "\(tag)")
        }
        #expect(ServiceLanguageMatch.names("ko")?.names.contains(["한국어"]) == true)
        #expect(ServiceLanguageMatch.names("not a tag") == nil)
    }
}
