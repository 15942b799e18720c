import Foundation
import IntakeCore

/// Steps through a recorded session's events, one at a time, for
/// supervision and teaching: the timeline above (the current step
/// highlighted, with its time), and below it what the interview looked like
/// after that step. Read-only, on the alternate screen, hideable.
public struct ReplayApp: PlainApp {
    /// One event of the timeline and the state after it.
    public struct Step: Sendable, Equatable {
        public var line: String
        public var detail: [String]
        public init(line: String, detail: [String]) {
            self.line = line
            self.detail = detail
        }
    }

    public struct Model {
        public var title: String
        public var steps: [Step]
        public var index = 0
        public var concealment: Concealment
        public var size = Size(width: 80, height: 24)

        /// `now`: the time it is shown (then the clock's ticks).
        public init(title: String, steps: [Step], now: Date) {
            self.concealment = Concealment(now: now)
            self.title = title
            self.steps = steps
        }
    }

    public enum Effect { case quit }

    /// Rows kept for the state below the timeline.
    static let detailHeight = 7

    public init() {}

    public func keyContext(_ model: Model) -> KeyContext { model.concealment.isHidden ? .hidden : .screen }

    public func update(_ model: inout Model, _ event: AppEvent<Never>) -> [Effect] {
        switch event {
        case .resize(let s):
            model.size = s
        case .signal:
            return [.quit]
        case .tick(let date):
            model.concealment.tick(date)
        case .report:
            break
        case .key(let key, let action):
            if model.concealment.handle(key, action) { return [] }
            let last = max(0, model.steps.count - 1)
            switch action {
            case .quit:
                return [.quit]
            case .next, .moveDown: model.index = min(last, model.index + 1)
            case .back, .moveUp: model.index = max(0, model.index - 1)
            default:
                if case .char("q") = key { return [.quit] }
            }
        }
        return []
    }

    public func view(_ model: Model, size: Size) -> Grid {
        if model.concealment.isHidden { return model.concealment.screen(size: size) }
        let status = model.steps.isEmpty ? "" : "step \(model.index + 1) / \(model.steps.count)"
        let footer = [FooterItem(keys: "Enter ↓", label: "Next step", action: .next),
                      FooterItem(keys: "PgUp ↑", label: "Previous", action: .back),
                      FooterItem(keys: "q F10", label: "Close", action: .quit),
                      FooterItem(keys: "Esc", label: "Hide", action: .quickHide)]
        return Frame.screen(size: size, title: model.title, status: status, footer: footer) { grid, rect in
            let listHeight = max(1, rect.height - Self.detailHeight - 1)
            // Keep the current step in view, a little below the top.
            let top = max(0, min(model.index - listHeight / 3, model.steps.count - listHeight))
            for (row, i) in (top..<min(model.steps.count, top + listHeight)).enumerated() {
                let current = i == model.index
                grid.put((current ? "› " : "  ") + Sanitize.singleLine(model.steps[i].line),
                         in: Rect(row: rect.row + row, col: rect.col, width: rect.width, height: 1),
                         style: current ? Style(bold: true, reverse: true) : .plain)
            }
            let ruleRow = rect.row + listHeight
            grid.horizontalRule(row: ruleRow, style: .muted)
            guard model.steps.indices.contains(model.index) else { return }
            var row = ruleRow + 1
            for text in model.steps[model.index].detail {
                for line in Wrap.lines(Sanitize.singleLine(text), width: max(10, rect.width - 2)) where row < rect.bottom {
                    grid.put(line, in: Rect(row: row, col: rect.col + 2, width: rect.width - 2, height: 1))
                    row += 1
                }
            }
        }
    }

    /// Shows the steps until the reader closes them.
    public static func show(title: String, steps: [Step]) throws {
        try Concealment.show(ReplayApp(), Model(title: title, steps: steps, now: Date()), resize: { $0.size = $1 }, isQuit: { _ in true })
    }
}
