import Foundation
import IntakeCore

/// A question answered with a number, a date, or a month and year: typed,
/// checked when confirmed, with the expected format under the field.
struct NumberDateScreen: TypedAnswerScreen {
    var question: String
    var editor: TextEditor
    var scroll = 0

    init(_ q: Question, text: String) {
        question = q.id
        editor = TextEditor(text: text, multiline: false, maxLength: 40)
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
