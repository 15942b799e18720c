import IntakeCore

/// Every key of the screen under it, with what it does.
struct HelpOverlay: OverlayScreen {
    var scroll = 0

    static let opener: Action? = .help
    static func open(_ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect]? {
        m.overlay = HelpOverlay()
        return []
    }

    let keys: [KeyUse] = [.shown(.next), .shown(.moveUp), .shown(.moveDown),
                          .unlisted(.back), .unlisted(.help), .unlisted(.quit)]

    func title(_ w: Words) -> String { w.ui(.helpTitle) }
    func hint(_ w: Words) -> String? { w.ui(.fallbackLegend) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        var under = m
        under.overlay = nil
        let context = InterviewApp().keyContext(under)
        let entries = InterviewApp().keyMap.help(for: context).filter { e in
            switch e.action {
            case .explain: return m.mode.isTraining
            case .askPersona: if case .practice = m.mode { return true } else { return false }
            default: return true
            }
        }
        let keys = entries.map { $0.keys.joined(separator: ", ") }
        let column = min(34, (keys.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        for (k, e) in zip(keys, entries) {
            b.hanging(k + String(repeating: " ", count: max(1, column - DisplayWidth.of(k))), w.helpText(e.action))
        }
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .moveUp: m.overlay = HelpOverlay(scroll: max(0, scroll - 1))
        case .moveDown: m.overlay = HelpOverlay(scroll: scroll + 1)
        case .quit:
            m.overlay = QuitOverlay()
            return app.saveDraft(&m)
        default: m.overlay = nil
        }
        return []
    }
}
