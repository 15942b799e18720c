import Foundation
import IntakeCore

/// A question answered in words, on one line or several: the field counts
/// the characters from nine tenths of its limit.
struct TextAnswerScreen: TypedAnswerScreen {
    var question: String
    var editor: TextEditor
    var scroll = 0

    static func editor(_ q: Question, text: String) -> TextEditor {
        TextEditor(text: text, multiline: q.multiline, maxLength: InterviewApp.textAnswerLimit)
    }

    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(editor.multiline ? .hintMultiline : .hintText) }

    func parse(_ text: String, _ q: Question) -> Result<AnswerValue, ValidationIssue> { .success(.text(text)) }

    func notes(_ q: Question, _ w: Words, _ b: inout Body) {
        if let max = editor.maxLength, editor.characters.count >= max * 9 / 10 {
            let count = editor.characters.count
            b.para(w.ui(.textLength, ["count": String(count), "max": String(max)]),
                   count >= max ? .warning : .muted, indent: 2)
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let hintMultiline = UIString("screen/hint_multiline", "Ctrl-O starts a new line; Enter confirms.",
                                        note: "Hint for a long text answer.")
    static let hintText = UIString("screen/hint_text", "Type the answer; Enter confirms.", note: "Hint for a text answer.")
    static let textLength = UIString("screen/text_length", "{count} of {max} characters",
                                     note: "Under a long typed answer near its limit. {count} and {max} are numbers.")
}
