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

    /// Whether text carries a fallback mark. Every screen line is asked at
    /// every frame, so this looks for the mark's UTF-8 bytes (C2 B0) with
    /// `memchr` in the string's own storage, rather than searching text or
    /// walking its bytes one by one (a tenth of a frame's view, bench/README.md,
    /// "Issue 19, round 4: keystrokes"). Checked against a search by scalar
    /// on seeded text (`WordsMarkTests`).
    static func isMarked(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 0xC2, bytes.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 1 < bytes.count, bytes[at + 1] == 0xB0 { return true }
                from = at + 1
            }
            return false
        }) {
            return found
        }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC2 && byte == 0xB0 { return true }
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

    /// The footer label of an action, if the footer can show it.
    func label(_ action: Action) -> String? { Self.strings(action).label.map { ui($0) } }

    /// The help screen's description of an action.
    func helpText(_ action: Action) -> String { ui(Self.strings(action).help) }

    /// An action's footer label and help line, side by side: one table, so
    /// no action can have one without the other being thought of.
    static func strings(_ action: Action) -> (label: UIString?, help: UIString) {
        switch action {
        case .next: return (.keyNext, .helpNext)
        case .back: return (.keyBack, .helpBack)
        case .dontKnow: return (.keyDontKnow, .helpDontKnow)
        case .declined: return (.keyDeclined, .helpDeclined)
        case .help: return (.keyHelp, .helpHelp)
        case .quickHide: return (.keyHide, .helpHide)
        case .unhide: return (nil, .helpUnhide)
        case .moveUp: return (.keyMove, .helpMoveUp)
        case .moveDown: return (.keyMove, .helpMoveDown)
        case .toggle: return (.keyCheck, .helpToggle)
        case .select: return (nil, .helpSelect)
        case .export: return (.keyExport, .helpExport)
        case .pause: return (.keyPause, .helpPause)
        case .remark: return (.keyRemark, .helpRemark)
        case .review: return (.keyReview, .helpReview)
        case .switchLanguage: return (.keyLanguage, .helpLanguage)
        case .toggleGuidance: return (.keyGuidance, .helpGuidance)
        case .toggleDualLanguage: return (nil, .helpDual)
        case .quit: return (.keyQuit, .helpQuit)
        case .redraw: return (nil, .helpRedraw)
        case .edit(.newline): return (.keyNewline, .helpNewline)
        case .edit: return (nil, .helpEdit)
        case .explain: return (.keyExplain, .helpExplain)
        case .askPersona: return (.keyAskPersona, .helpAskPersona)
        }
    }
}

// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let validationRequired = UIString("validation/required", "This question needs an answer before going on.",
                                             note: Note.validationMessage)
    static let validationNotANumber = UIString("validation/not_a_number", "Please type a number.",
                                               note: Note.validationMessage)
    static let validationNotAWholeNumber = UIString("validation/not_a_whole_number", "Please type a whole number.",
                                                    note: Note.validationMessage)
    static let validationBelowMinimum = UIString("validation/below_minimum", "The answer must be at least {min}.",
                                                 note: "Validation message; {min} is a number.")
    static let validationAboveMaximum = UIString("validation/above_maximum", "The answer must be at most {max}.",
                                                 note: "Validation message; {max} is a number.")
    static let validationInvalidDate = UIString("validation/invalid_date", "Please type a real date as YYYY-MM-DD.",
                                                note: Note.validationMessage)
    static let validationInvalidMonth = UIString("validation/invalid_month", "Please type a month as YYYY-MM.",
                                                 note: Note.validationMessage)
    static let validationUnknownOption = UIString("validation/unknown_option", "That option is not offered here.",
                                                  note: Note.validationMessage)
    static let validationSpecialNotOffered = UIString("validation/special_not_offered", "That answer is not offered for this question.",
                                                      note: Note.validationMessage)
    static let validationWrongKind = UIString("validation/wrong_kind", "That kind of answer does not fit this question.",
                                              note: Note.validationMessage)
    static let validationConstraint = UIString("validation/constraint", "This answer is not accepted here.",
                                               note: "Validation message when a question's own rule gives no message.")
    static let validationEmpty = UIString("validation/empty", "Please give an answer first, or choose “Don't know” or “Prefers not to answer”.",
                                          note: Note.validationMessage)
    static let keyNext = UIString("key/next", "Next", note: Note.footerLabel)
    static let keyBack = UIString("key/back", "Back", note: Note.footerLabel)
    static let keyDontKnow = UIString("key/dont_know", "Don't know", note: Note.footerLabel)
    static let keyDeclined = UIString("key/declined", "Skip", note: "Footer key label: prefers not to answer.")
    static let keyHelp = UIString("key/help", "Help", note: Note.footerLabel)
    static let keyHide = UIString("key/hide", "Hide", note: "Footer key label: hide the screen at once.")
    static let keyMove = UIString("key/move", "Move", note: Note.footerLabel)
    static let keyCheck = UIString("key/check", "Check", note: Note.footerLabel)
    static let keyExport = UIString("key/export", "Export", note: Note.footerLabel)
    static let keyPause = UIString("key/pause", "Pause", note: Note.footerLabel)
    static let keyRemark = UIString("key/remark", "Remark", note: Note.footerLabel)
    static let keyReview = UIString("key/review", "Review", note: Note.footerLabel)
    static let keyLanguage = UIString("key/language", "Language", note: Note.footerLabel)
    static let keyGuidance = UIString("key/guidance", "Guidance", note: Note.footerLabel)
    static let keyQuit = UIString("key/quit", "Quit", note: Note.footerLabel)
    static let keyNewline = UIString("key/newline", "New line", note: Note.footerLabel)
    static let keyExplain = UIString("key/explain", "Explain", note: "Footer key label (training modes).")
    static let keyAskPersona = UIString("key/ask_persona", "Ask persona", note: "Footer key label (practice mode).")
    static let helpNext = UIString("help/next", "Next / confirm", note: Note.helpLine)
    static let helpBack = UIString("help/back", "Back to the previous screen", note: Note.helpLine)
    static let helpHelp = UIString("help/help", "Help: all keys", note: Note.helpLine)
    static let helpHide = UIString("help/hide", "Hide the screen at once", note: Note.helpLine)
    static let helpUnhide = UIString("help/unhide", "Then Enter: leave the hidden screen", note: Note.helpLine)
    static let helpPause = UIString("help/pause", "Pause: take a break", note: Note.helpLine)
    static let helpRemark = UIString("help/remark", "Add a remark", note: Note.helpLine)
    static let helpLanguage = UIString("help/language", "Switch language", note: Note.helpLine)
    static let helpGuidance = UIString("help/guidance", "Show or hide advocate guidance", note: Note.helpLine)
    static let helpDual = UIString("help/dual", "Show or hide the advocate's language under the question",
                                   note: Note.helpLine)
    static let helpDontKnow = UIString("help/dont_know", "Answer “don't know”", note: Note.helpLine)
    static let helpDeclined = UIString("help/declined", "Answer “prefers not to answer”", note: Note.helpLine)
    static let helpReview = UIString("help/review", "Review all answers", note: Note.helpLine)
    static let helpSelect = UIString("help/select", "Choose the option with that number", note: Note.helpLine)
    static let helpMoveUp = UIString("help/move_up", "Move up / scroll up", note: Note.helpLine)
    static let helpMoveDown = UIString("help/move_down", "Move down / scroll down", note: Note.helpLine)
    static let helpToggle = UIString("help/toggle", "Check or uncheck the option", note: Note.helpLine)
    static let helpQuit = UIString("help/quit", "Quit (answers are saved)", note: Note.helpLine)
    static let helpExport = UIString("help/export", "Export the summary", note: Note.helpLine)
    static let helpRedraw = UIString("help/redraw", "Redraw the screen", note: Note.helpLine)
    static let helpEdit = UIString("help/edit", "Edit the text (move, delete)", note: Note.helpLine)
    static let helpNewline = UIString("help/newline", "New line", note: Note.helpLine)
    static let helpExplain = UIString("help/explain", "Training: explain which indicators the answer raises",
                                      note: Note.helpLine)
    static let helpAskPersona = UIString("help/ask_persona", "Practice: ask the persona and record the answer",
                                         note: Note.helpLine)
}

/// Notes for translators that several strings above share.
private enum Note {
    static let footerLabel = "Footer key label."
    static let helpLine = "Help screen: what a key does."
    static let validationMessage = "Validation message."
}
