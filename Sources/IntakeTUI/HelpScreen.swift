import Foundation

/// The help screen: every key of the current context, from the key map,
/// in the standard frame. Long lists scroll with Up/Down.
public enum HelpScreen {
    /// The help screen for `context`, its list scrolled down by `scroll` lines.
    public static func view(keyMap: KeyMap = .standard, context: KeyContext, size: Size,
                            title: String = "Help: keys", scroll: Int = 0) -> Grid {
        let lines = keyMap.helpLines(for: context)
        let footer = keyMap.footer(for: .screen) { [.next, .back, .moveUp, .moveDown, .quickHide].contains($0) }
        return Frame.screen(size: size, title: title, footer: footer) { grid, body in
            let top = min(max(0, scroll), max(0, lines.count - body.height))
            for (i, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
                grid.put(line, in: body, line: i)
            }
            if top + body.height < lines.count {
                grid.put("↓", row: body.bottom - 1, col: body.right - 1, style: .muted)
            }
            if top > 0 { grid.put("↑", row: body.row, col: body.right - 1, style: .muted) }
        }
    }
}

extension KeyMap {
    /// The whole table as Markdown, one row per action and description, for
    /// the README (so the documentation is generated, not copied).
    public func markdownTable() -> String {
        struct Row { var keys: [String]; var action: Action; var description: String; var contexts: Set<KeyContext> }
        var rows: [Row] = []
        for b in bindings {
            if let i = rows.firstIndex(where: { $0.action.sharesHelpLine(with: b.action) && $0.description == b.description && $0.contexts == b.contexts }) {
                rows[i].keys.append(b.key.longLabel)
            } else {
                rows.append(Row(keys: [b.key.longLabel], action: b.action, description: b.description, contexts: b.contexts))
            }
        }
        func contexts(_ set: Set<KeyContext>) -> String {
            if set == Set(KeyContext.allCases) { return "everywhere" }
            if set == Set(KeyContext.allCases).subtracting([.hidden]) { return "all but hidden" }
            return KeyContext.allCases.filter(set.contains).map(\.rawValue).joined(separator: ", ")
        }
        var out = "| Keys | Does | Where |\n|---|---|---|\n"
        for r in rows {
            let keys = r.keys.map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: ", ")
            out += "| \(keys) | \(r.description.replacingOccurrences(of: "|", with: "\\|")) | \(contexts(r.contexts)) |\n"
        }
        return out
    }
}
