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

/// `--format` of `open` and `sessions export` (see `RecordFormat`).
extension RecordFormat: ExpressibleByArgument {}
