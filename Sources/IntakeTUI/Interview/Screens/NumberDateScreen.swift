import Foundation
import IntakeCore

/// A question answered with a number, a date, or a month and year: typed,
/// checked when confirmed, with the expected format under the field.
struct NumberDateScreen: TypedAnswerScreen {
    var question: String
    var editor: TextEditor
    var scroll = 0

    static func editor(_ q: Question, text: String) -> TextEditor {
        TextEditor(text: text, multiline: false, maxLength: 40)
    }

    func parse(_ text: String, _ q: Question) -> Result<AnswerValue, ValidationIssue> {
        switch q.type {
        case .number:
            guard let n = Double(text.replacingOccurrences(of: ",", with: ".")), n.isFinite else { return .failure(.notANumber) }
            return .success(.number(n))
        default:
            guard let d = CalendarDate(parsing: text), (d.day == nil) == (q.type == .monthYear) else { return .failure(.invalidDate) }
            return .success(.date(d))
        }
    }

    func notes(_ q: Question, _ w: Words, _ b: inout Body) {
        let format: String
        switch q.type {
        case .date: format = w.ui(.hintDate)
        case .monthYear: format = w.ui(.hintMonth)
        default:
            if let lo = q.min, let hi = q.max { format = w.ui(.hintNumberRange, ["min": AnswerValue.format(lo), "max": AnswerValue.format(hi)]) }
            else { format = w.ui(.hintNumber) }
        }
        b.para(format, .muted, indent: 2)
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let hintDate = UIString("screen/hint_date", "Date as YYYY-MM-DD, for example 2024-03-15",
                                   note: "Format hint for a date answer. Keep YYYY-MM-DD as it is typed.")
    static let hintMonth = UIString("screen/hint_month", "Month as YYYY-MM, for example 2024-03",
                                    note: "Format hint for a month/year answer. Keep YYYY-MM as it is typed.")
    static let hintNumber = UIString("screen/hint_number", "A number", note: "Hint for a number answer.")
    static let hintNumberRange = UIString("screen/hint_number_range", "A number from {min} to {max}",
                                          note: "Hint for a number answer with limits.")
}
