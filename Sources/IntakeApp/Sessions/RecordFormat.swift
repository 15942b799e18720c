import IntakeCore

/// `--format` of `open` and `sessions export`: a summary's format, the
/// whole record (`events`), or the answers as a FHIR R4
/// QuestionnaireResponse (`fhir`).
public enum RecordFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html, events, fhir

    /// The summary's format; nil for the record itself and for FHIR.
    public var summary: SummaryFormat? { SummaryFormat(rawValue: rawValue) }
}
