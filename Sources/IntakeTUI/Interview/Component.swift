import IntakeCore

/// An action a component acts on, and whether its footer shows it (some
/// are second ways to do something, like pressing Pause again on the break
/// screen, and the footer leaves them out; the help screen lists them all).
struct KeyUse: Sendable, Equatable {
    var action: Action
    var inFooter: Bool

    static func shown(_ action: Action) -> KeyUse { KeyUse(action: action, inFooter: true) }
    static func unlisted(_ action: Action) -> KeyUse { KeyUse(action: action, inFooter: false) }
}

/// One part of the interview's screen, in the manner of bubbletea's
/// components: a screen (start, introduction, a question of one answer
/// type, review, summary; Screens/) or an overlay over it (Overlays/). It
/// is its own state; it says which actions it acts on (`keys`), what it
/// does with them (`update`) and how it looks (`title`, `hint`, `body`).
///
/// The app hands a component only the actions it accepts; the footer shows
/// the accepted actions marked `shown`, and the help overlay lists every
/// accepted action, so neither can offer a key that does nothing.
protocol InterviewComponent: Sendable {
    /// Every action `update` acts on now, in this model. `scrolls` says
    /// whether the body is taller than the screen (↑/↓ scroll only then).
    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse]
    /// Which key bindings apply while it is shown.
    var keyContext: KeyContext { get }
    /// Lines its body is scrolled by.
    var scroll: Int { get }
    /// Whether `update` acts on `action`, given its `keys` now: by
    /// default, whether it is among them.
    func accepts(_ action: Action, keys: [KeyUse]) -> Bool

    func title(_ m: InterviewModel, _ w: Words) -> String
    /// The line under the body when there is no message.
    func hint(_ m: InterviewModel, _ w: Words) -> String?
    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body)
    /// Acts on an accepted action. The component is the model's `screen`
    /// (or `overlay`) when called; to change it, `update` stores the
    /// changed copy there before it asks the app to move or record.
    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]
}

extension InterviewComponent {
    var keyContext: KeyContext { .screen }
    var scroll: Int { 0 }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { nil }

    func accepts(_ action: Action, keys: [KeyUse]) -> Bool {
        keys.contains { $0.action == action }
    }

    /// `accepts`, its keys taken in `m`.
    func accepts(_ action: Action, _ m: InterviewModel, scrolls: Bool) -> Bool {
        accepts(action, keys: keys(m, scrolls: scrolls))
    }
}

/// A screen of the interview (not an overlay): the model's `screen`.
protocol InterviewScreen: InterviewComponent {
    /// The interview position it shows; nil before the interview (start,
    /// the notice of a changed questionnaire).
    var position: InterviewPosition? { get }
}

extension InterviewScreen {
    var position: InterviewPosition? { nil }
}

/// Actions several screens share.
enum SharedKeys {
    /// Hiding and redrawing work on every screen and are the app's.
    static let app: [Action] = [.quickHide, .redraw]

    /// Help and Quit: on every screen.
    static let common: [KeyUse] = [.shown(.help), .shown(.quit)]

    /// ↑/↓, when they scroll the body: only when it is taller than the screen.
    static func scrolling(_ scrolls: Bool) -> [KeyUse] {
        scrolls ? [.shown(.moveUp), .shown(.moveDown)] : []
    }

    /// Settings that show on later screens: guidance and both languages
    /// (the app acts on them, see `InterviewApp.settingKey`).
    static let settings: [KeyUse] = [.unlisted(.toggleGuidance), .unlisted(.toggleDualLanguage)]

    /// What the screens of a running interview offer besides: a break, a
    /// remark, the review, the languages, the guidance; in training the
    /// explain panel.
    static func running(_ m: InterviewModel, review: Bool = true) -> [KeyUse] {
        var out: [KeyUse] = []
        addRunning(m, review: review, to: &out)
        return out
    }

    /// `running`, appended to `out`: a question's keys are gathered into one
    /// array, where joining the lists with `+` made a new array at each
    /// step, every frame (bench/README.md, "Issue 19, round 12").
    static func addRunning(_ m: InterviewModel, review: Bool = true, to out: inout [KeyUse]) {
        out += common
        out += [.shown(.pause), .shown(.remark)]
        if review { out.append(.shown(.review)) }
        out += [.shown(.switchLanguage), .shown(.toggleGuidance), .unlisted(.toggleDualLanguage)]
        if m.mode.isTraining { out.append(.shown(.explain)) }
    }

    /// Back, when there is somewhere to go back to.
    static func back(_ m: InterviewModel) -> [KeyUse] {
        canGoBack(m) ? [.shown(.back)] : []
    }

    /// Read in place: `guard let iv = m.interview` copied the whole
    /// interview (each of its fields retained, then released) to ask this.
    static func canGoBack(_ m: InterviewModel) -> Bool {
        m.interview?.back().isEmpty == false
    }
}
