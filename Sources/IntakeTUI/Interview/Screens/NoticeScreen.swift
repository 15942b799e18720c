import IntakeCore

/// A resumed session whose questionnaire changed since it began: what
/// changed, before the interview goes on.
struct NoticeScreen: InterviewScreen {
    var notice: ResumeNotice
    var scroll = 0

    func keys(_ m: InterviewModel, scrolls: Bool) -> [KeyUse] {
        [.shown(.next)] + SharedKeys.scrolling(scrolls) + SharedKeys.common + SharedKeys.settings
    }

    func update(_ action: Action, _ m: inout InterviewModel, _ app: InterviewApp) -> [InterviewEffect] {
        switch action {
        case .next: app.leaveNotice(&m)
        case .moveUp: m.screen = NoticeScreen(notice: notice, scroll: max(0, scroll - 1))
        case .moveDown: m.screen = NoticeScreen(notice: notice, scroll: min(scroll + 1, app.maxScroll(m)))
        default: break
        }
        return []
    }

    func title(_ m: InterviewModel, _ w: Words) -> String { w.ui(.changedTitle) }
    func hint(_ m: InterviewModel, _ w: Words) -> String? { w.ui(.changedHint) }

    func body(_ m: InterviewModel, _ w: Words, _ b: inout Body) {
        let n = notice
        b.para(w.ui(.changedText, ["old": n.oldVersion, "new": n.newVersion, "carried": String(n.carriedOver)]))
        if !n.dropped.isEmpty {
            b.blank()
            b.para(w.ui(.changedDropped, ["list": n.dropped.joined(separator: ", ")]), .warning)
        }
    }
}
