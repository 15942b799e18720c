import Yams

/// Parses YAML text into Yams nodes with guards against hostile input:
/// size, nesting depth, anchors/aliases (alias bombs), tags and node count.
/// Every failure is a `Diagnostic` at a file position; nothing crashes.
public enum YAMLDocument {
    public static let maxBytes = 8 * 1024 * 1024
    public static let maxDepth = 64
    public static let maxNodes = 200_000

    /// Parses `bytes` read from `path`.
    public static func parse(bytes: [UInt8], path: String) -> Result<Node, Diagnostic> {
        if bytes.count > maxBytes { return .failure(tooLarge(bytes.count, path: path)) }
        switch TextDecoding.utf8(bytes, path: path) {
        case .failure(let d): return .failure(d)
        case .success(let text): return parse(text: text, path: path)
        }
    }

    static func tooLarge(_ count: Int, path: String) -> Diagnostic {
        .error(SourceLocation(file: path, line: 1, column: 1), "file is \(count) bytes; the limit is \(maxBytes) bytes (8 MiB)")
    }

    /// Parses already-decoded text.
    public static func parse(text: String, path: String) -> Result<Node, Diagnostic> {
        if let d = scanDepth(text, path: path) { return .failure(d) }
        let node: Node?
        let parser: Parser
        do {
            parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let e as YamlError {
            return .failure(diagnostic(for: e, path: path))
        } catch {
            return .failure(.error(SourceLocation(file: path, line: 1, column: 1), "cannot read YAML: \(error)"))
        }
        guard let root = node else {
            return .failure(.error(SourceLocation(file: path, line: 1, column: 1), "the file is empty"))
        }
        // Yams holds anchors weakly: they can be seen only while the parser lives.
        var count = 0
        let problem = withExtendedLifetime(parser) { checkNodes(root, path: path, count: &count) }
        if let d = problem { return .failure(d) }
        return .success(root)
    }

    /// The position of a node.
    public static func location(_ node: Node, path: String) -> SourceLocation {
        let m = node.mark
        return SourceLocation(file: path, line: m?.line ?? 1, column: m?.column ?? 1)
    }

    private static func checkNodes(_ node: Node, path: String, count: inout Int) -> Diagnostic? {
        count += 1
        if count > maxNodes {
            return .error(location(node, path: path), "the document has more than \(maxNodes) values; refusing to read further")
        }
        if node.anchor != nil {
            return .error(location(node, path: path), "anchors and aliases (&name, *name) are not supported; write the value out")
        }
        switch node {
        case .scalar:
            return nil
        case .alias:
            return .error(location(node, path: path), "anchors and aliases (&name, *name) are not supported; write the value out")
        case .sequence(let seq):
            for child in seq {
                if let d = checkNodes(child, path: path, count: &count) { return d }
            }
        case .mapping(let map):
            for (k, v) in map {
                if let d = checkNodes(k, path: path, count: &count) { return d }
                if let d = checkNodes(v, path: path, count: &count) { return d }
            }
        }
        return nil
    }

    static func diagnostic(for e: YamlError, path: String) -> Diagnostic {
        func loc(_ m: Mark) -> SourceLocation { SourceLocation(file: path, line: max(m.line, 1), column: max(m.column, 1)) }
        switch e {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return .error(loc(mark), "YAML syntax error: \(problem)\(ctx)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(loc(context.mark), "duplicate key '\(duplicates.joined(separator: "', '"))' in the same mapping")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: path, line: 1, column: 1), "cannot read the file: \(problem)")
        default:
            return .error(SourceLocation(file: path, line: 1, column: 1), "cannot read YAML: \(e)")
        }
    }

    /// Estimates nesting depth without recursion, so that a document nested
    /// thousands of levels deep is refused before a recursive parser sees it.
    static func scanDepth(_ text: String, path: String) -> Diagnostic? {
        var text = text
        return text.withUTF8 { scanDepth(bytes: $0, path: path) }
    }

    /// Works on UTF-8 bytes: every character it looks at is ASCII, and a
    /// byte of a multi-byte character is never an ASCII byte.
    private static func scanDepth(bytes b: UnsafeBufferPointer<UInt8>, path: String) -> Diagnostic? {
        let space = UInt8(ascii: " "), hash = UInt8(ascii: "#"), dash = UInt8(ascii: "-"), question = UInt8(ascii: "?")
        let colon = UInt8(ascii: ":"), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
        var flowDepth = 0
        var indentStack: [Int] = []
        var line = 0
        var lineStart = 0
        // Columns count characters, not bytes.
        func tooDeep(at k: Int) -> Diagnostic {
            let column = b[lineStart..<k].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return .error(SourceLocation(file: path, line: line, column: column), "nesting is deeper than \(maxDepth) levels")
        }
        while lineStart <= b.count {
            line += 1
            var end = lineStart
            while end < b.count, b[end] != 0x0A { end += 1 }
            defer { lineStart = end + 1 }
            var i = lineStart
            while i < end, b[i] == space { i += 1 }
            if i == end || b[i] == hash { continue }
            if flowDepth == 0 {
                let indent = i - lineStart
                var indents = [indent]
                // "- - - x" nests a sequence per dash; "? " likewise.
                var j = i
                while j + 1 < end, (b[j] == dash || b[j] == question), b[j + 1] == space {
                    j += 2
                    while j < end, b[j] == space { j += 1 }
                    indents.append(j - lineStart)
                }
                while let top = indentStack.last, top >= indent { indentStack.removeLast() }
                indentStack.append(contentsOf: indents)
                // The line's own indentation is not a level of its own.
                if indentStack.count - 1 > maxDepth { return tooDeep(at: i) }
            }
            // Flow collections: count brackets outside quotes and comments.
            var quote: UInt8? = nil
            var previous = space
            var k = i
            while k < end {
                let c = b[k]
                if let q = quote {
                    if q == dquote && c == backslash { k += 2; continue }
                    if c == q { quote = nil }
                    k += 1
                    continue
                }
                // A bracket or quote opens a node only where a value may start:
                // at the start of the content, after "- ", ": ", or inside a flow collection.
                let valueStart = k == i || flowDepth > 0 || previous == space && k >= lineStart + 2
                    && (b[k - 2] == colon || b[k - 2] == dash || b[k - 2] == question)
                if c == hash && previous == space { break }
                if (c == dquote || c == squote) && valueStart {
                    quote = c
                } else if (c == UInt8(ascii: "[") || c == UInt8(ascii: "{")) && valueStart {
                    flowDepth += 1
                    if flowDepth + indentStack.count - 1 > maxDepth { return tooDeep(at: k) }
                } else if (c == UInt8(ascii: "]") || c == UInt8(ascii: "}")) && flowDepth > 0 {
                    flowDepth -= 1
                }
                previous = c
                k += 1
            }
        }
        return nil
    }
}

/// Decoding of input bytes with a located error for invalid UTF-8.
public enum TextDecoding {
    public static func utf8(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let s = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            if let nul = body.firstIndex(of: 0) {
                let (l, c) = position(of: nul, in: body)
                return .failure(.error(SourceLocation(file: path, line: l, column: c), "the file contains a NUL byte; is it a text file?"))
            }
            return .success(s)
        }
        // Find the first invalid sequence to point at it.
        var it = body.makeIterator()
        var decoder = UTF8()
        var offset = body.startIndex
        var consumed = 0
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                consumed += UTF8.width(s)
            case .emptyInput:
                break loop
            case .error:
                offset = body.startIndex + consumed
                break loop
            }
        }
        let (l, c) = position(of: offset, in: body)
        return .failure(.error(SourceLocation(file: path, line: l, column: c), "the file is not valid UTF-8 text"))
    }

    private static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, col = 1
        var i = bytes.startIndex
        while i < index {
            let b = bytes[i]
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return (line, col)
    }
}
