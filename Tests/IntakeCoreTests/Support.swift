import Foundation
@testable import IntakeCore

/// The committed fixtures folder.
let fixturesURL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

func fixtureText(_ name: String) -> String {
    try! String(contentsOf: fixturesURL.appendingPathComponent(name), encoding: .utf8)
}

/// Loads a fixture questionnaire, failing loudly with its diagnostics.
func loadFixture(_ name: String) -> Questionnaire {
    let outcome = QuestionnaireLoader.load(text: fixtureText(name), path: name)
    guard let q = outcome.questionnaire else {
        fatalError("fixture \(name) did not load:\n" + outcome.diagnostics.map(\.description).joined(separator: "\n"))
    }
    return q
}

/// Loads YAML text and returns its diagnostics as strings.
func diagnostics(_ text: String, path: String = "t.yaml") -> [String] {
    QuestionnaireLoader.load(text: text, path: path).diagnostics.map(\.description)
}
