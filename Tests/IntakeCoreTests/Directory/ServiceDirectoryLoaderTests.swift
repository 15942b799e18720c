import Foundation
import Testing
@testable import IntakeCore

@Suite struct ServiceDirectoryLoaderTests {
    static let today = (year: 2026, month: 11, day: 30)

    func load(_ text: String) -> (ServiceDirectory?, [String]) {
        let (d, diags) = ServiceDirectory.load(text: text, path: "dir.yaml", today: Self.today)
        return (d, diags.map(\.description))
    }

    @Test func everyFieldIsRead() {
        let text = """
            fictional: true
            services:
              - category: immigration_legal
                name: Riverside Legal Aid
                phone: "+1 (555) 010-0199"
                text: "555-0100"
                address: 12 Main St, Springfield
                languages: [es, tl]
                hours: Mon-Fri 9-5
                eligibility:
                  min_age: 18
                  max_age: 64
                  gender: any
                  no_immigration_status_required: true
                  cost: free
                notes: Walk-ins on Tuesdays.
                source: https://example.org/legal
                checked: 2026-03-01
            """
        let (d, diags) = load(text)
        #expect(diags == [])
        #expect(d == ServiceDirectory(path: "dir.yaml", fictional: true, services: [
            .init(category: "immigration_legal", name: "Riverside Legal Aid", phone: "+1 (555) 010-0199", textLine: "555-0100",
                  address: "12 Main St, Springfield", languages: ["es", "tl"], hours: "Mon-Fri 9-5",
                  eligibility: .init(minAge: 18, maxAge: 64, gender: "any", noImmigrationStatusRequired: true, cost: "free"),
                  notes: "Walk-ins on Tuesdays.", source: "https://example.org/legal", checked: .on(year: 2026, month: 3, day: 1)),
        ]))
    }

    @Test func anUnknownKeyGetsADidYouMean() {
        let (d, diags) = load("services:\n  - category: medical\n    name: Clinic\n    phone: \"911\"\n    langauges: [en]\n    checked: 2026-01-01\n")
        #expect(d == nil)
        #expect(diags == ["dir.yaml:5:5: error: unknown key 'langauges' in service 'Clinic'; did you mean 'languages'?"])
    }

    @Test func aMissingCategoryIsAnErrorAtTheEntry() {
        let (_, diags) = load("services:\n  - name: Clinic\n    phone: \"911\"\n    checked: 2026-01-01\n")
        #expect(diags == ["dir.yaml:2:5: error: service 'Clinic' is missing 'category'"])
    }

    @Test func anUnknownCategoryIsNamedWithTheNearestOne() {
        let (_, diags) = load("services:\n  - category: shelter\n    name: Home\n    phone: \"911\"\n    checked: 2026-01-01\n")
        #expect(diags == ["dir.yaml:2:15: error: unknown category 'shelter'; did you mean 'shelter_housing'?"])
    }

    @Test func aBadPhoneAndABadTagAreErrorsAtTheirColumns() {
        let (_, diags) = load("services:\n  - category: medical\n    name: Clinic\n    phone: call us\n    languages: [en, not a tag]\n    checked: 2026-01-01\n")
        #expect(diags == [
            "dir.yaml:4:12: error: 'call us' is not a phone number (digits, spaces, + - ( ) . only, at least 3 digits)",
            "dir.yaml:5:21: error: 'not a tag' is not a BCP-47 language tag (such as es, zh-Hans, pt-BR)",
        ])
    }

    @Test func aBadDateIsAnErrorAndNeverIsAccepted() {
        let (_, diags) = load("services:\n  - category: hotline\n    name: A\n    phone: \"988\"\n    checked: 2026-13-01\n")
        #expect(diags == ["dir.yaml:5:14: error: 'checked' must be a date (YYYY-MM-DD) or never, not '2026-13-01'"])
    }

    @Test func entriesNotCheckedWithinAYearGetAWarningEach() {
        let text = """
            services:
              - category: hotline
                name: Old
                phone: "988"
                checked: 2025-11-29
              - category: hotline
                name: Recent
                phone: "988"
                checked: 2025-11-30
              - category: emergency
                name: Never
                phone: "911"
                checked: never
              - category: emergency
                name: Unstated
                phone: "911"
            """
        let (d, diags) = load(text)
        #expect(d?.services.count == 4)
        #expect(diags == [
            "dir.yaml:5:14: warning: 'Old' was last checked on 2025-11-29, more than a year ago; check 988 against its source",
            "dir.yaml:13:14: warning: 'Never' has never been checked; check 911 against its source",
            "dir.yaml:14:5: warning: 'Unstated' has no 'checked' date; check 911 against its source",
        ])
    }

    @Test func aFictionalDirectoryHasNothingToCheck() {
        let (_, diags) = load("fictional: true\nservices:\n  - category: hotline\n    name: A\n    phone: \"988\"\n")
        #expect(diags == [])
    }

    @Test func aServiceNeedsAWayToReachIt() {
        let (_, diags) = load("fictional: true\nservices:\n  - category: hotline\n    name: A\n")
        #expect(diags == ["dir.yaml:3:5: error: service 'A' needs a phone, text or address"])
    }

    @Test func controlCharactersAreRemovedFromText() {
        let (d, _) = load("fictional: true\nservices:\n  - category: hotline\n    name: \"A\\e]0;x\\aB\"\n    phone: \"988\"\n")
        #expect(d?.services.first?.name == "A]0;xB")
    }

    @Test func theShippedDirectoriesLoad() throws {
        for name in ["national.yaml", "example-local.yaml"] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("directories/" + name), encoding: .utf8)
            let (d, diags) = ServiceDirectory.load(text: text, path: name, today: Self.today)
            #expect(d != nil, "\(diags)")
            #expect(diags.allSatisfy { $0.severity == .warning }, "\(diags)")
        }
    }
}
