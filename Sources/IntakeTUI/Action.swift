/// What a key means, independent of which key it was.
public enum Action: Hashable, Sendable {
    /// Go on: confirm the answer, open the highlighted item.
    case next
    /// Go to the previous question or screen. Always possible.
    case back
    case help
    /// Replace the screen at once with a neutral one (see `HideScreen`).
    case quickHide
    /// First step of leaving the hidden screen (see `HideLock`).
    case unhide
    case pause
    /// Add an advocate's remark to the current question.
    case remark
    case switchLanguage
    case toggleGuidance
    case toggleDualLanguage
    /// Answer "don't know".
    case dontKnow
    /// Answer "prefers not to answer".
    case declined
    /// Go to the review of all answers.
    case review
    /// Choose option number `index` (1-based, as shown on screen).
    case select(Int)
    case moveUp
    case moveDown
    /// Check or uncheck the highlighted option (multiple choice).
    case toggle
    case quit
    case export
    /// Repaint the whole terminal (after another program scribbled on it).
    case redraw
    case edit(EditorAction)
    /// Training modes only: show which indicators the answer raises.
    case explain
    /// Practice mode only: the persona answers the question shown.
    case askPersona
}

/// The kind of screen that has the keyboard; bindings differ per context.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    /// Information, consent, section introductions, help, summary.
    case screen
    /// A question answered by picking options.
    case choice
    /// A question answered with one line of text.
    case text
    /// A question or remark answered with several lines of text.
    case multilineText
    /// The list of all answers before finishing.
    case review
    /// The neutral screen shown after a quick hide.
    case hidden

    /// Whether printable keys type text here.
    public var typesText: Bool { self == .text || self == .multilineText }

    /// The actions a screen of this context can expect to receive. The key
    /// map must make every one reachable, and reachable without function keys.
    public var actions: [Action] {
        let common: [Action] = [.next, .back, .help, .quickHide, .pause, .remark, .switchLanguage,
                                .toggleGuidance, .toggleDualLanguage, .review, .quit, .redraw]
        let answer: [Action] = [.dontKnow, .declined]
        let edit: [Action] = [.left, .right, .home, .end, .backspace, .delete, .wordLeft, .wordRight]
            .map { .edit($0) }
        switch self {
        case .screen: return common + [.moveUp, .moveDown, .explain]
        case .choice: return common + answer + [.moveUp, .moveDown, .toggle, .explain, .askPersona] + (1...9).map { .select($0) }
        case .text: return common + answer + edit + [.askPersona]
        case .multilineText: return common + answer + edit + [.edit(.up), .edit(.down), .edit(.newline), .askPersona]
        case .review: return common + [.moveUp, .moveDown, .export, .explain]
        case .hidden: return [.quickHide, .unhide, .redraw]
        }
    }
}
