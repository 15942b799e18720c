import Foundation
import IntakeCore

/// The screen's words: questionnaire text in the interviewee's language,
/// everything else in the advocate's. Text that fell back to the source
/// language gets a `°` after it, so nobody mistakes it for a translation.
struct Words {
    /// The mark after text shown in the source language.
    static let fallbackMark = "°"

    let interviewee: any Translating
    let advocate: any Translating

    init(_ m: InterviewModel) {
        interviewee = m.intervieweeTranslator
        advocate = m.advocateTranslator
    }

    private static func marked(_ t: Translated) -> String {
        t.isFallback ? t.text + fallbackMark : t.text
    }

    /// Questionnaire text for the person being screened.
    func q(_ s: SourceText) -> String { Self.marked(interviewee.translate(key: s.key, source: s.text)) }
    /// Questionnaire text for the advocate (guidance, review, the second language).
    func a(_ s: SourceText) -> String { Self.marked(advocate.translate(key: s.key, source: s.text)) }

    /// An interface string in the advocate's language.
    func ui(_ s: UIString, _ values: [String: String] = [:]) -> String {
        var t = advocate.translate(key: s.key, source: s.source)
        guard !values.isEmpty else { return Self.marked(t) }
        // A sentence shown in the source language is marked once as a whole,
        // so the values inside it need no marks of their own.
        let filled = t.isFallback ? values.mapValues(Self.unmarked) : values
        t.text = Placeholders.substitute(t.text, filled)
        return Self.marked(t)
    }

    /// Text without its fallback marks, to compare two languages' texts.
    static func unmarked(_ text: String) -> String {
        isMarked(text) ? text.filter { $0 != Character(fallbackMark) } : text
    }

    /// Whether text carries a fallback mark. Every screen line is asked, so
    /// this looks for the mark's UTF-8 bytes rather than searching text.
    static func isMarked(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC2 && byte == 0xB0 { return true }  // "°" is C2 B0
            previous = byte
        }
        return false
    }

    /// An option's text in the interviewee's (or advocate's) language.
    func option(_ id: String, of q: Question, advocateSide: Bool = false) -> String {
        let tr = advocateSide ? advocate : interviewee
        if q.type == .yesNo {
            let s: UIString = id == "yes" ? .yes : .no
            return Self.marked(tr.translate(key: s.key, source: s.source))
        }
        guard let o = q.option(id) else { return id }
        return Self.marked(tr.translate(key: o.text.key, source: o.text.text))
    }

    /// An answer in the advocate's language.
    func answer(_ value: AnswerValue, of q: Question) -> String {
        switch value {
        case .choice(let c): return option(c, of: q, advocateSide: true)
        case .choices(let cs): return cs.map { option($0, of: q, advocateSide: true) }.joined(separator: "; ")
        case .special(.dontKnow): return ui(.dontKnow)
        case .special(.declined): return ui(.declined)
        default: return advocate.answer(value, of: q)
        }
    }

    /// A validation problem as a sentence for the advocate.
    func issue(_ issue: ValidationIssue, _ q: Question?) -> String {
        switch issue {
        case .required: return ui(.validationRequired)
        case .notANumber: return ui(.validationNotANumber)
        case .notAWholeNumber: return ui(.validationNotAWholeNumber)
        case .belowMinimum(let v): return ui(.validationBelowMinimum, ["min": AnswerValue.format(v)])
        case .aboveMaximum(let v): return ui(.validationAboveMaximum, ["max": AnswerValue.format(v)])
        case .invalidDate: return ui(q?.type == .monthYear ? .validationInvalidMonth : .validationInvalidDate)
        case .unknownOption: return ui(.validationUnknownOption)
        case .specialNotOffered: return ui(.validationSpecialNotOffered)
        case .wrongKind: return ui(.validationWrongKind)
        case .constraint(let message): return message.map(a) ?? ui(.validationConstraint)
        case .empty: return ui(.validationEmpty)
        }
    }

    /// The footer label of an action.
    func label(_ action: Action) -> String? {
        let s: UIString
        switch action {
        case .next: s = .keyNext
        case .back: s = .keyBack
        case .dontKnow: s = .keyDontKnow
        case .declined: s = .keyDeclined
        case .help: s = .keyHelp
        case .quickHide: s = .keyHide
        case .moveUp, .moveDown: s = .keyMove
        case .toggle: s = .keyCheck
        case .export: s = .keyExport
        case .pause: s = .keyPause
        case .remark: s = .keyRemark
        case .review: s = .keyReview
        case .switchLanguage: s = .keyLanguage
        case .toggleGuidance: s = .keyGuidance
        case .quit: s = .keyQuit
        case .edit(.newline): s = .keyNewline
        case .explain: s = .keyExplain
        case .askPersona: s = .keyAskPersona
        default: return nil
        }
        return ui(s)
    }

    /// The help screen's description of an action.
    func helpText(_ action: Action) -> String {
        let s: UIString
        switch action {
        case .next: s = .helpNext
        case .back: s = .helpBack
        case .help: s = .helpHelp
        case .quickHide: s = .helpHide
        case .unhide: s = .helpUnhide
        case .pause: s = .helpPause
        case .remark: s = .helpRemark
        case .switchLanguage: s = .helpLanguage
        case .toggleGuidance: s = .helpGuidance
        case .toggleDualLanguage: s = .helpDual
        case .dontKnow: s = .helpDontKnow
        case .declined: s = .helpDeclined
        case .review: s = .helpReview
        case .select: s = .helpSelect
        case .moveUp: s = .helpMoveUp
        case .moveDown: s = .helpMoveDown
        case .toggle: s = .helpToggle
        case .quit: s = .helpQuit
        case .export: s = .helpExport
        case .redraw: s = .helpRedraw
        case .edit(.newline): s = .helpNewline
        case .edit: s = .helpEdit
        case .explain: s = .helpExplain
        case .askPersona: s = .helpAskPersona
        }
        return ui(s)
    }

}
