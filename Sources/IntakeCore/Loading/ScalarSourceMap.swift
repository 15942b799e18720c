import Yams

/// Maps a position inside a YAML scalar's value back to the file, for
/// scalars that span lines (folded or plain multi-line text, block scalars)
/// or contain escapes. YAML folds a line break and the next line's
/// indentation into one space, and an escape like `\"` into one character,
/// so an offset into the value is not a column offset in the file.
struct ScalarSourceMap {
    private let table: LineTable
    let path: String
    /// The file's lines, found only when a position is first asked for:
    /// most scalars of a valid file never need it.
    var lines: LineTable { table }

    init(text: String, path: String) {
        self.table = LineTable(text: text)
        self.path = path
    }

    /// The file's lines (without their `\r\n` or `\n`), by number from 0.
    /// Only where each line starts is kept; a line is sliced when asked for.
    final class LineTable {
        private let text: String
        init(text: String) { self.text = text }

        /// Where each line starts, found on bytes: splitting characters would
        /// cost grapheme breaking and miss "\r\n", which is one character.
        private lazy var starts: [String.Index] = {
            var out = [text.startIndex]
            let u = text.utf8
            var i = u.startIndex
            while let nl = u[i...].firstIndex(of: 0x0A) {
                i = u.index(after: nl)
                out.append(i)
            }
            return out
        }()

        var count: Int { starts.count }

        subscript(n: Int) -> Substring.UnicodeScalarView {
            let end = n + 1 < starts.count ? text.utf8.index(before: starts[n + 1]) : text.endIndex
            var l = text[starts[n]..<end].unicodeScalars
            if l.last == "\r" { l = l.dropLast() }
            return l
        }
    }

    /// Where the value of `node` starts: after an opening quote, or on the
    /// first content line of a block scalar (`|` or `>`).
    func start(of node: Node) -> SourceLocation {
        let loc = YAMLDocument.location(node, path: path)
        guard case .scalar(let s) = node else { return loc }
        switch s.style {
        case .singleQuoted, .doubleQuoted:
            return loc.advanced(by: 1)
        case .literal, .folded:
            // The content begins on the next non-blank line, after its indentation.
            var line = loc.line + 1
            while line <= lines.count, lines[line - 1].allSatisfy({ $0 == " " }) { line += 1 }
            guard line <= lines.count else { return loc }
            let indent = lines[line - 1].prefix { $0 == " " }.count
            return SourceLocation(file: path, line: line, column: indent + 1)
        default:
            return loc
        }
    }

    /// The file position of scalar `offset` (in Unicode scalars) of `value`,
    /// the parsed text of `node`. Falls back to counting columns on the
    /// first line when the two cannot be matched.
    func locate(offset: Int, in value: String, of node: Node) -> SourceLocation {
        let begin = start(of: node)
        let fallback = begin.advanced(by: offset)
        guard case .scalar(let s) = node else { return fallback }
        let doubleQuoted = s.style == .doubleQuoted
        let text = Array(value.unicodeScalars)
        var line = begin.line, col = begin.column
        var k = 0
        func raw() -> Unicode.Scalar? {
            guard line - 1 < lines.count else { return nil }
            let l = lines[line - 1]
            let i = col - 1
            guard i < l.count else { return nil }
            return l[l.index(l.startIndex, offsetBy: i)]
        }
        func nextLine() {
            line += 1
            col = 1
            while let r = raw(), r == " " { col += 1 }
        }
        var guardSteps = 0
        while k < offset {
            guardSteps += 1
            if guardSteps > 1_000_000 || k >= text.count { return fallback }
            let c = text[k]
            guard let r = raw() else {
                // End of a line: a folded break (one space, or a newline in
                // literal text) continues on the next line.
                guard line < lines.count else { return fallback }
                nextLine()
                if c == " " || c == "\n" { k += 1 }
                continue
            }
            if r == c {
                col += 1
                k += 1
            } else if doubleQuoted && r == "\\" {
                // One escape in the file stands for one character of the value.
                col += 1
                let width: [Unicode.Scalar: Int] = ["x": 3, "u": 5, "U": 9]
                col += raw().flatMap { width[$0] } ?? 1
                k += 1
            } else if r == " " {
                col += 1  // trailing spaces before a fold
            } else {
                return fallback
            }
        }
        // Landing on a line break means the character starts the next line.
        if raw() == nil, k < text.count, line < lines.count {
            nextLine()
        }
        return SourceLocation(file: path, line: line, column: col)
    }
}
