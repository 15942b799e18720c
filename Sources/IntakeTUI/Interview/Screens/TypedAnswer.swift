import Foundation
import IntakeCore

/// A question answered by typing: the text field and its editor, shared by
/// TextAnswerScreen and NumberDateScreen, which say how typed text becomes
/// an answer (`parse`) and what is written under the field (`notes`).
protocol TypedAnswerScreen: QuestionScreen {
    /// What is being typed (kept across resizes and overlays).
    var editor: TextEditor { get set }
    /// The field for `q`, holding `text` (its length and lines are the
    /// answer type's).
    static func editor(_ q: Question, text: String) -> TextEditor
    /// The memberwise initializer of the screen's stored state.
    init(question: String, editor: TextEditor, scroll: Int)
    /// Typed text as an answer of the question's type.
    func parse(_ text: String, _ q: Question) -> Result<AnswerValue, ValidationIssue>
    /// Lines under the field: the format, or how much of the limit is used.
    func notes(_ q: Question, _ w: Words, _ b: inout Body)
}

extension TypedAnswerScreen {
    /// The screen of `q`, its field holding `text`.
    init(_ q: Question, text: String) {
        self.init(question: q.id, editor: Self.editor(q, text: text), scroll: 0)
    }

    var keyContext: KeyContext { editor.multiline ? .multilineText : .text }

    /// A new line, in a field of several lines; every editing action besides.
    func answerKeys(_ q: Question, scrolls: Bool) -> [KeyUse] {
        editor.multiline ? [.shown(.edit(.newline))] : []
    }

    func accepts(_ action: Action, keys: [KeyUse]) -> Bool {
        if case .edit = action { return true }
        return keys.contains { $0.action == action }
    }

    func updateAnswer(_ action: Action, _ q: Question, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        guard case .edit(let e) = action else { return [] }
        var next = self
        next.editor.apply(e, width: Frame(size: m.size).body.width)
        m.screen = next
        m.message = nil
        if next.editor.refused > 0, let max = next.editor.maxLength {
            m.message = ScreenMessage(text: Words(m).ui(.textFull, ["max": String(max)]), isError: true)
        }
        return []
    }

    func pending(_ q: Question, current: AnswerValue?) -> Result<PendingAnswer, ValidationIssue> {
        let text = editor.text.trimmingWhitespace()
        if text.isEmpty {
            if let current, current.special == nil { return .success(.clear) }
            return .success(.nothing)
        }
        return parse(text, q).map { .value($0) }
    }

    func emptied() -> Self {
        var e = self
        e.editor.apply(.clear)
        return e
    }

    func answerBody(_ q: Question, _ m: InterviewModel, _ iv: Interview, _ w: Words, _ b: inout Body) {
        let fieldWidth = b.width - 4
        let lines: [String]
        let cursor: Point
        if editor.multiline {
            let v = editor.render(width: fieldWidth, height: 5)
            lines = v.lines.isEmpty ? [""] : v.lines
            cursor = v.cursor
        } else {
            let v = editor.render(width: fieldWidth)
            lines = v.lines
            cursor = v.cursor
        }
        let start = b.lines.count
        for (i, l) in lines.enumerated() {
            let pad = String(repeating: " ", count: max(0, fieldWidth - DisplayWidth.of(l)))
            b.lines.append(BodyLine(text: (i == 0 ? "› " : "  ") + l + pad, style: Style(underline: true), indent: 0))
        }
        b.cursor = Point(row: start + cursor.row, col: 2 + cursor.col)
        notes(q, w, &b)
    }
}

extension InterviewApp {
    /// A confirmed answer as the editor shows it.
    static func editorText(_ a: AnswerValue?) -> String {
        switch a {
        case .number(let n)?: return AnswerValue.format(n)
        case .date(let d)?: return d.description
        case .text(let t)?: return t
        default: return ""
        }
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let textFull = UIString("screen/text_full", "The answer is full ({max} characters at most); the rest was not added.",
                                   note: "Message when typed or pasted text does not fit in an answer. {max} is a number.")
}
