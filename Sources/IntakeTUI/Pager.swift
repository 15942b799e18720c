import Foundation
import IntakeCore

/// A full-screen, read-only view of sensitive text (a session, a replay, a
/// summary). It lives on the terminal's alternate screen and is cleared on
/// exit, so nothing stays in the scrollback. The hide key works here too.
public struct PagerApp: PlainApp {
    public struct Model {
        public var title: String
        public var lines: [String]
        public var top = 0
        public var concealment: Concealment
        public var size = Size(width: 80, height: 24)

        /// `now`: the time it is shown (then the clock's ticks).
        public init(title: String, text: String, now: Date) {
            self.concealment = Concealment(now: now)
            self.title = title
            self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    public enum Effect { case quit }

    public init() {}

    public func keyContext(_ model: Model) -> KeyContext { model.concealment.isHidden ? .hidden : .screen }

    /// The text wrapped to the body width.
    func wrapped(_ model: Model, width: Int) -> [String] {
        model.lines.flatMap { Wrap.lines(Sanitize.singleLine($0), width: max(width, 10)) }
    }

    func bodyHeight(_ size: Size) -> Int { max(1, Frame(size: size).body.height) }

    public func update(_ model: inout Model, _ event: AppEvent<Never>) -> [Effect] {
        switch event {
        case .resize(let s):
            model.size = s
            return []
        case .signal:
            return [.quit]
        case .tick(let date):
            model.concealment.tick(date)
            return []
        case .report:
            return []
        case .key(let key, let action):
            if model.concealment.handle(key, action) { return [] }
            let total = wrapped(model, width: Frame(size: model.size).body.width).count
            let page = bodyHeight(model.size)
            let maxTop = max(0, total - page)
            switch action {
            case .quit:
                return [.quit]
            case .moveDown: model.top = min(maxTop, model.top + 1)
            case .moveUp: model.top = max(0, model.top - 1)
            case .next: model.top = min(maxTop, model.top + page)
            case .back: model.top = max(0, model.top - page)
            default:
                if case .char("q") = key { return [.quit] }
            }
            return []
        }
    }

    public func view(_ model: Model, size: Size) -> Grid {
        if model.concealment.isHidden { return model.concealment.screen(size: size) }
        let frame = Frame(size: size)
        let lines = wrapped(model, width: frame.body.width)
        let page = bodyHeight(size)
        let top = min(model.top, max(0, lines.count - page))
        let end = min(lines.count, top + page)
        let status = lines.isEmpty ? "" : "\(top + 1)-\(end) / \(lines.count)"
        let footer = [FooterItem(keys: "↑↓ PgUp PgDn", label: "Scroll", action: .moveDown),
                      FooterItem(keys: "q F10", label: "Close", action: .quit),
                      FooterItem(keys: "Esc", label: "Hide", action: .quickHide)]
        return Frame.screen(size: size, title: model.title, status: status, footer: footer) { grid, rect in
            for (i, line) in lines[top..<end].enumerated() {
                grid.put(line, in: Rect(row: rect.row + i, col: rect.col, width: rect.width, height: 1))
            }
        }
    }

    /// Shows `text` until the reader closes it.
    public static func show(title: String, text: String) throws {
        try Concealment.show(PagerApp(), Model(title: title, text: text, now: Date()), resize: { $0.size = $1 }, isQuit: { _ in true })
    }
}
