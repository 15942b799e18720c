import ArgumentParser
import IntakeApp
import IntakeCore

/// `--questionnaire`, as `run` and `summary` take it.
struct QuestionnaireOption: ParsableArguments {
    @Option(name: .customLong("questionnaire"),
            help: "Questionnaire id (run: preselected, default the full screening; summary: default named in the answer file, else trafficking-screening).")
    var questionnaireID: String?
}

/// `--language`, as `run`, `summary` and `demo` take it.
struct LanguageOption: ParsableArguments {
    /// Either spelling of a tag (`zh_Hans`, `zh-Hans`) is taken as the canonical one.
    @Option(name: .customLong("language"),
            help: "Language (a translation's tag): run: the interviewee's; summary: the summary's; demo: the screens' (default: the questionnaire's, or the persona's).",
            transform: LocaleFiles.canonical)
    var language: String?
}

/// `--format` of `open` and `sessions export`: a summary's format, or
/// `events`, the whole record.
enum RecordFormat: String, CaseIterable, ExpressibleByArgument {
    /// A summary; `events` the record itself; `fhir` the answers as a FHIR
    /// R4 QuestionnaireResponse.
    case text, markdown, json, html, events, fhir

    /// The summary's format; nil for the record itself.
    var summary: SummaryFormat? { SummaryFormat(rawValue: rawValue) }
}
