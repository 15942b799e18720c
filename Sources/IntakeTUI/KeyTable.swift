import Foundation

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
