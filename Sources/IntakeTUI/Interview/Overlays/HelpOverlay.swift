import IntakeCore

/// Every key of the screen under it, with what it does.
struct HelpOverlay: OverlayScreen {
    var scroll = 0

    static let opener: Action? = .help
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? {
        m.overlay = HelpOverlay()
        return []
    }

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        [.shown(.next), .unlisted(.back), .unlisted(.help), .unlisted(.quit)] + SharedKeys.scrolling(scrolls)
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.helpTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.fallbackLegend) }

    /// The help lines of the screen under it: every key of every action the
    /// screen accepts now (the same list its footer is made from), and the
    /// keys that work everywhere.
    static func entries(under m: InterviewModel, keyMap: KeyMap = .standard) -> [HelpEntry] {
        let screen = m.screen
        let keys = screen.keys(m, scrolls: InterviewApp().maxScroll(m, of: screen) > 0)
        return keyMap.help(for: screen.keyContext).filter { e in
            SharedKeys.app.contains(e.action) || screen.accepts(e.action, keys: keys)
        }
    }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        let entries = Self.entries(under: m)
        let keys = entries.map { $0.keys.joined(separator: ", ") }
        let column = min(34, (keys.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        for (k, e) in zip(keys, entries) {
            b.hanging(k + String(repeating: " ", count: max(1, column - DisplayWidth.of(k))), w.helpText(e.action))
        }
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .moveUp: m.overlay = HelpOverlay(scroll: max(0, scroll - 1))
        case .moveDown: m.overlay = HelpOverlay(scroll: min(scroll + 1, app.maxScroll(m)))
        case .quit:
            m.overlay = QuitOverlay()
            return app.saveDraft(&m)
        default: m.overlay = nil
        }
        return []
    }
}


// The interface strings this file shows (key, English, translator note);
// `InterviewStrings.all` lists them for the PO template.
extension UIString {
    static let helpTitle = UIString("screen/help_title", "Help: keys", note: "Title of the help screen.")
}
