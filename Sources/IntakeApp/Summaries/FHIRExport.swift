import Foundation
import IntakeCore

/// What `intake export-fhir` does: a questionnaire as a FHIR R4
/// Questionnaire (JSON) with its translations.
public enum FHIRExport {
    /// Writes the questionnaire `id` of the data folder, with the
    /// translations of `languages` (every locale file when empty), to
    /// `output` or standard output.
    public static func run(location loc: DataLocation, questionnaireID id: String, languages: [String], output: String?) throws {
        let json = try Self.json(location: loc, questionnaireID: id, languages: languages)
        if let output {
            try OutputFile.write(json, to: URL(fileURLWithPath: output))
        } else {
            print(json, terminator: "")
        }
    }

    static func json(location loc: DataLocation, questionnaireID id: String, languages: [String]) throws -> String {
        let q = try loc.questionnaire(id: id)
        let catalogs = CatalogCache(locales: loc.locales)
        let wanted = languages.isEmpty ? catalogs.availableLanguages.sorted() : languages
        let translations = try wanted.map { try catalogs.translator($0, source: q.language) }
        return FHIRQuestionnaire.json(q, translations: translations)
    }
}
