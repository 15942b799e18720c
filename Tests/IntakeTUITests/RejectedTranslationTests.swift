import Foundation
import IntakeCore
@testable import IntakeTUI
import Testing

/// A translation that `intake locales check` rejects never reaches the
/// screen: the interview shows the English in its place, marked `°` like
/// any other fallback (issue 16).
@Suite struct RejectedTranslationTests {
    static let french = """
    msgid ""
    msgstr ""
    "Language: fr\\n"
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Plural-Forms: nplurals=2; plural=(n > 1);\\n"
    "X-Intake-Status: draft\\n"

    #, python-brace-format
    msgctxt "ui/screen/start_questionnaire"
    msgid "Questionnaire: {title}"
    msgstr "Questionnaire : {titre}"

    msgctxt "ui/screen/start_new"
    msgid "Start a new interview"
    msgstr "Commencer un nouvel entretien"

    """

    @Test func theStartScreenShowsTheEnglishMarkedInstead() throws {
        let (file, diagnostics) = POFile.parse(Self.french, file: "fr.po")
        #expect(diagnostics.isEmpty)
        let catalog = Catalog(try #require(file))
        let r = makeRunner(languages: [SourceLanguage(), catalog], interviewee: "fr", advocate: "fr")
        #expect(!r.screen.contains("{titre}"))
        #expect(!r.screen.contains("Questionnaire :"))
        #expect(r.screen.contains("Questionnaire: "))
        let line = try #require(r.screen.split(separator: "\n").first { $0.contains("Questionnaire: ") })
        #expect(line.contains("°"), "\(line)")
        // The good translation beside it is shown, unmarked.
        #expect(r.screen.contains("Commencer un nouvel entretien") && !r.screen.contains("Commencer un nouvel entretien°"))
    }
}
