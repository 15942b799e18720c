import IntakeCore
import IntakeTUI

/// Every interface string of the program, for the PO template. Each module
/// declares its own strings beside the code that shows them and lists them
/// in template order; this is the one place that sees every module, so the
/// template is composed here: Core's (answers, result levels, the summary,
/// the practice comparison), the interview screens' (IntakeTUI), then the
/// session replay's (this module). The order is the order of the PO files.
public enum InterfaceStrings {
    public static let all: [UIString] = UIString.core + InterviewStrings.all + UIString.narration

    /// The translation template for these questionnaires.
    public static func template(questionnaires: [Questionnaire]) -> [TemplateEntry] {
        TranslationTemplate.entries(interface: all, questionnaires: questionnaires)
    }
}
