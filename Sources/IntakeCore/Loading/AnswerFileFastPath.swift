/// A fast path for the common answer file, beside the YAML one: block
/// mappings of plain question ids to plain or simply quoted scalars and
/// one-line lists of option ids, as people and `gen_answers.py` write them.
///
/// Why: in a batch summary, libyaml's events and Yams' nodes were about a
/// third of each file's CPU (bench/README.md, "Issue 19, round 2: batch"),
/// for files that are almost always this simple.
///
/// The rule: the fast path either understands a file entirely, or gives
/// up (nil) and `AnswerFile` reads it with Yams as before. It also gives up
/// on any file that would get an error or a warning, so every message
/// comes from the general path, unchanged. It gives up on anything it does
/// not fully understand: a byte-order mark, tabs, carriage returns, control
/// characters, line or paragraph separators, document markers, directives,
/// comments after a value, anchors, aliases, tags, flow mappings, block
/// sequences, block scalars, multi-line or escaped scalars, empty values,
/// duplicate keys, unusual indentation, a `persona` block. What it accepts
/// it must read exactly as Yams does (text, and each value's line and
/// column); `AnswerFileFastPathTests` compares the two on seeded generated
/// files, hostile ones included.
enum AnswerFileFastPath {
    /// A scalar: its text and where it starts (at the quote, if quoted).
    struct Scalar: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    enum Value: Equatable {
        case scalar(Scalar)
        /// A one-line `[a, b]` list; line and column of the `[`.
        case list([Scalar], line: Int, column: Int)
        case mapping([Entry])

        /// Where a scalar or a list was written; a mapping's place is not kept (0, 0).
        var place: (line: Int, column: Int) {
            switch self {
            case .scalar(let s): return (s.line, s.column)
            case .list(_, let line, let column): return (line, column)
            case .mapping: return (0, 0)
            }
        }
    }

    struct Entry: Equatable {
        var key: String
        var value: Value
    }

    /// The file's top-level mapping, or nil when the fast path gives up.
    static func scan(_ bytes: [UInt8]) -> [Entry]? {
        guard bytes.count <= YAMLDocument.maxBytes, bytes.count > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { b -> [Entry]? in
            guard acceptableText(b) else { return nil }
            var s = Scanner(b: b)
            return s.document()
        }
    }

    /// Valid UTF-8 with nothing that libyaml reads specially or refuses:
    /// no control character but the newline (no tab, no CR), no DEL, no C1
    /// control or NEL, no BOM anywhere, no U+2028/U+2029, no U+FFFE/U+FFFF.
    static func acceptableText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        plainASCII(b) || acceptableTextByByte(b)
    }

    /// Whether every byte is ASCII and none is a control character but the
    /// newline, or DEL: such text is acceptable. Eight bytes at a time, as
    /// nearly every answer file is such text: the check by byte, with its
    /// copy of the file to validate the UTF-8, was 22,000 instructions a
    /// file (bench/README.md, "Issue 19, round 7"). A file it refuses is
    /// checked by byte. `AnswerFileFastPathTests.plainASCIIIsAcceptableText`
    /// compares the two.
    static func plainASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// A byte's high bit set where it is zero (the word is ASCII, so
        /// no sum carries into the next byte).
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x) & high }
        let n = b.count
        var i = 0
        while n &- i >= 8 {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if w & high != 0 { return false }
            // A byte's high bit set where it is at least 0x20: each byte is
            // at least 0x80 before the subtraction, so none borrows.
            let printable = ((w | high) &- 0x2020_2020_2020_2020) & high
            let newline = zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
            let delete = zeroBytes(w ^ low7)
            guard printable | newline == high, delete == 0 else { return false }
            i &+= 8
        }
        while i < n {
            let c = b[i]
            if c >= 0x80 || (c < 0x20 && c != 0x0A) || c == 0x7F { return false }
            i &+= 1
        }
        return true
    }

    /// `acceptableText`, byte by byte.
    static func acceptableTextByByte(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard String(validating: b, as: UTF8.self) != nil else { return false }
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if (c < 0x20 && c != 0x0A) || c == 0x7F { return false }
            } else if c == 0xC2 {
                if i + 1 < n, b[i + 1] < 0xA0 { return false }
            } else if c == 0xE2 {
                if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
            } else if c == 0xEF {
                if i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return false }
                if i + 2 < n, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF { return false }
            }
            i += 1
        }
        return true
    }

    /// The keys of one mapping so far, as spans of the file's bytes, to
    /// refuse a duplicate. Why not a `Set<String>`: hashing each key with
    /// the standard library's seeded hash and growing the set was 15.8 M of
    /// the 44 M instructions that scanning 200 files took (bench/README.md,
    /// "Issue 19, round 6: batch summaries"); this open-addressed table of
    /// spans hashes the key's bytes with FNV-1a as they are read. Keys are
    /// compared byte for byte, so a collision only costs a probe. A hostile
    /// file can make every key collide; the file is at most
    /// `YAMLDocument.maxNodes` nodes, so that costs time, not correctness.
    /// `AnswerFileFastPathTests` covers it (duplicate keys, near and far).
    struct KeySpans {
        private var slots = [Int32](repeating: -1, count: 16)
        private var spans: [(start: Int, end: Int, hash: UInt64)] = []

        /// Adds the key `b[start..<end]`; false if it is there already.
        mutating func insert(_ start: Int, _ end: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
            let h = FNV1a.hash(b, from: start, to: end)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 {
                let s = spans[Int(slots[i])]
                if s.hash == h, s.end - s.start == end - start, same(s.start, start, count: end - start, in: b) { return false }
                i = (i + 1) & mask
            }
            slots[i] = Int32(spans.count)
            spans.append((start, end, h))
            if spans.count * 2 > slots.count { grow() }
            return true
        }

        private func same(_ x: Int, _ y: Int, count: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
            for k in 0..<count where b[x + k] != b[y + k] { return false }
            return true
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (n, s) in spans.enumerated() {
                var i = Int(truncatingIfNeeded: s.hash) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(n)
            }
        }
    }

    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        /// Start of the current line, and its number (1-based).
        var pos = 0
        var line = 0
        /// Nodes read, against `YAMLDocument.maxNodes`.
        var nodes = 0
        /// The last `peekContent` and the `pos` it looked from: a mapping
        /// looks at the line after a value (is it more indented?), then
        /// reads it as its next key; scanned twice, lines were 5 M of the
        /// 31 M instructions that scanning 200 files took (bench/README.md,
        /// "Issue 19, round 6: batch summaries").
        var peeked: (from: Int, line: Line?)?

        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        /// One content line: its start, indent and end (before the newline).
        struct Line { var start: Int; var indent: Int; var end: Int; var number: Int }

        /// The next line that is neither blank nor a whole-line comment,
        /// without consuming it.
        mutating func peekContent() -> Line? {
            if let peeked, peeked.from == pos { return peeked.line }
            let next = scanContent()
            peeked = (pos, next)
            return next
        }

        private func scanContent() -> Line? {
            var p = pos, number = line
            while p < b.count {
                number += 1
                var end = p
                while end < b.count, b[end] != 0x0A { end += 1 }
                var i = p
                while i < end, b[i] == 0x20 { i += 1 }
                if i < end, b[i] != 0x23 { return Line(start: p, indent: i - p, end: end, number: number) }
                p = end + 1
            }
            return nil
        }

        mutating func consume(_ l: Line) {
            pos = l.end + 1
            line = l.number
        }

        mutating func document() -> [Entry]? {
            guard let first = peekContent(), first.indent == 0 else { return nil }
            // Document markers and directives.
            if b[first.start] == 0x25 { return nil }
            guard let entries = mapping(indent: 0, depth: 1) else { return nil }
            // Anything left would be less indented than 0: impossible, so
            // `mapping` stopped on something it did not understand.
            if peekContent() != nil { return nil }
            return entries
        }

        /// A block mapping whose keys are at `indent`.
        mutating func mapping(indent: Int, depth: Int) -> [Entry]? {
            guard depth <= 4 else { return nil }
            var entries: [Entry] = []
            var keys = KeySpans()
            while let l = peekContent() {
                if l.indent < indent { break }
                if l.indent > indent { return nil }
                consume(l)
                nodes += 2
                if nodes > YAMLDocument.maxNodes { return nil }
                // key: [A-Za-z0-9_][A-Za-z0-9_-]* followed by ':' and a space or the end.
                var i = l.start + l.indent
                guard isKeyStart(b[i]) else { return nil }
                let keyStart = i
                while i < l.end, isKeyByte(b[i]) { i += 1 }
                guard i < l.end, b[i] == 0x3A else { return nil }
                guard keys.insert(keyStart, i, in: b) else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: b[keyStart..<i]), as: UTF8.self)
                i += 1
                if i < l.end, b[i] != 0x20 { return nil }
                while i < l.end, b[i] == 0x20 { i += 1 }
                let value: Value
                if i == l.end {
                    // A nested mapping on the lines below, more indented.
                    guard let next = peekContent(), next.indent > indent,
                          let m = mapping(indent: next.indent, depth: depth + 1), !m.isEmpty else { return nil }
                    value = .mapping(m)
                } else {
                    guard let v = inlineValue(from: i, to: l.end, line: l.number, lineStart: l.start) else { return nil }
                    // A more indented line after it would continue it (or be an error).
                    if let next = peekContent(), next.indent > indent { return nil }
                    value = v
                }
                entries.append(Entry(key: key, value: value))
            }
            return entries
        }

        /// A value on the key's line, from `i` to the line's `end`.
        mutating func inlineValue(from i: Int, to end: Int, line: Int, lineStart: Int) -> Value? {
            let column = i - lineStart + 1  // ASCII up to here: indent, key, ':' and spaces
            switch b[i] {
            case 0x5B:  // [
                return list(from: i, to: end, line: line, column: column)
            case 0x22:  // "
                var j = i + 1
                while j < end, b[j] != 0x22 {
                    if b[j] == 0x5C { return nil }  // escapes: leave them to libyaml
                    j += 1
                }
                guard j < end, onlySpaces(j + 1, end) else { return nil }
                return .scalar(Scalar(text: text(i + 1, j), line: line, column: column))
            case 0x27:  // '
                var j = i + 1
                var bytes: [UInt8] = []
                while true {
                    guard j < end else { return nil }
                    if b[j] == 0x27 {
                        if j + 1 < end, b[j + 1] == 0x27 { bytes.append(0x27); j += 2; continue }
                        break
                    }
                    bytes.append(b[j])
                    j += 1
                }
                guard onlySpaces(j + 1, end) else { return nil }
                return .scalar(Scalar(text: String(decoding: bytes, as: UTF8.self), line: line, column: column))
            default:
                guard let t = plain(from: i, to: end) else { return nil }
                return .scalar(Scalar(text: t, line: line, column: column))
            }
        }

        /// A one-line flow list of plain option ids: `[a, b_c, d-1]`, or `[]`.
        mutating func list(from i: Int, to end: Int, line: Int, column: Int) -> Value? {
            var items: [Scalar] = []
            var j = i + 1
            while true {
                while j < end, b[j] == 0x20 { j += 1 }
                guard j < end else { return nil }
                if b[j] == 0x5D, items.isEmpty { j += 1; break }  // ]
                let start = j
                guard isKeyStart(b[j]) else { return nil }
                while j < end, isKeyByte(b[j]) { j += 1 }
                items.append(Scalar(text: text(start, j), line: line, column: column + (start - i)))
                nodes += 1
                while j < end, b[j] == 0x20 { j += 1 }
                guard j < end else { return nil }
                if b[j] == 0x2C { j += 1; continue }  // ,
                guard b[j] == 0x5D else { return nil }
                j += 1
                break
            }
            guard onlySpaces(j, end) else { return nil }
            return .list(items, line: line, column: column)
        }

        /// A one-line plain scalar, trailing spaces dropped; nil for
        /// anything YAML would read as more than text.
        func plain(from i: Int, to end: Int) -> String? {
            let first = b[i]
            switch first {
            // Indicators that cannot start a plain scalar, or change its meaning.
            case 0x2C, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x25, 0x40, 0x60, 0x3F, 0x3A, 0x5C:
                return nil
            case 0x2D:  // '-': only as a negative number's sign
                guard i + 1 < end, b[i + 1] >= 0x30 && b[i + 1] <= 0x39 else { return nil }
            default:
                break
            }
            var last = i
            var j = i
            while j < end {
                let c = b[j]
                switch c {
                case 0x23:  // '#' after a space starts a comment
                    if b[j - 1] == 0x20 { return nil }
                case 0x3A:  // ': ' or a final ':' would make a mapping
                    if j + 1 == end || b[j + 1] == 0x20 { return nil }
                case 0x5B, 0x5D, 0x7B, 0x7D:
                    return nil
                default:
                    break
                }
                if c != 0x20 { last = j }
                j += 1
            }
            return text(i, last + 1)
        }

        func onlySpaces(_ from: Int, _ end: Int) -> Bool {
            var k = from
            while k < end { if b[k] != 0x20 { return false }; k += 1 }
            return true
        }

        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        }

        func isKeyStart(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }

        func isKeyByte(_ c: UInt8) -> Bool { isKeyStart(c) || c == 0x2D }
    }
}

extension AnswerFile {
    /// The fast path's reading of a scanned file against `questionnaire`,
    /// or nil when the general path must read it: on anything that would
    /// be an error or a warning there, and on a `persona` block.
    static func loadFast(_ entries: [AnswerFileFastPath.Entry], path: String, questionnaire: Questionnaire) -> AnswerFile? {
        var file = AnswerFile(path: path, answers: [:], remarks: [:], written: .listed([]))
        var answerEntries = entries
        if entries.contains(where: { $0.key == "answers" }) {
            answerEntries = []
            for e in entries {
                switch (e.key, e.value) {
                case ("questionnaire", .scalar(let s)):
                    guard s.text == questionnaire.id else { return nil }
                    file.questionnaireID = s.text
                case ("language", .scalar(let s)):
                    guard LanguageTag.isValid(s.text) else { return nil }
                    file.language = s.text
                case ("remarks", .mapping(let m)):
                    for r in m {
                        guard case .scalar(let s) = r.value else { return nil }
                        if r.key != interviewRemarkKey {
                            guard questionnaire.currentPosition(r.key) != nil else { return nil }
                        }
                        file.remarks[r.key] = s.text
                    }
                case ("answers", .mapping(let m)):
                    answerEntries = m
                default:
                    return nil
                }
            }
        }
        var written: [(id: String, line: Int, column: Int)] = []
        written.reserveCapacity(answerEntries.count)
        // The answers whose question has a constraint, found here where the
        // question is at hand: looking each answer's question up again to
        // learn that was 30,000 instructions a file (bench/README.md, "Issue
        // 19, round 6: batch summaries"); few questions have one.
        var constrained: [String] = []
        // The questions in order, read by the position the answer's slot uses.
        let questions = questionnaire.questions
        var slots = [AnswerValue?](repeating: nil, count: questions.count)
        for e in answerEntries {
            // One lookup.
            guard let position = questionnaire.currentPosition(e.key) else { return nil }
            guard let value = fastAnswer(e.value, question: questions[position]) else { return nil }
            let (line, column) = e.value.place
            written.append((e.key, line, column))
            if questions[position].hasConstraint, value.special == nil { constrained.append(e.key) }
            slots[position] = value
        }
        file.byPosition = AnswerSlots(questionnaire: questionnaire, values: slots)
        file.written = .listed(written)
        var diags = DiagnosticBag()
        checkConstraints(file, questionnaire: questionnaire, of: constrained, diags: &diags)
        if !diags.sorted.isEmpty { return nil }
        return file
    }

    /// `parseAnswer` for the fast path's values; nil where it would report.
    /// Not with its place: an optional tuple of the answer and its line and
    /// column was copied through the tuple type's run-time metadata, 430
    /// instructions an answer (bench/README.md, "Issue 19, round 7").
    private static func fastAnswer(_ v: AnswerFileFastPath.Value, question q: Question) -> AnswerValue? {
        if q.type == .note { return nil }
        let value: AnswerValue
        switch v {
        case .scalar(let s):
            if let special = SpecialAnswer.named(s.text) {
                value = .special(special)
            } else {
                switch q.type {
                case .multiple: value = .choices([s.text])
                case .yesNo, .single: value = .choice(s.text)
                case .number:
                    guard let n = Double(s.text) else { return nil }
                    value = .number(n)
                case .date, .monthYear:
                    guard let d = CalendarDate(parsing: s.text) else { return nil }
                    value = .date(d)
                case .text: value = .text(s.text)
                case .note: return nil
                }
            }
        case .list(let items, _, _):
            guard q.type == .multiple else { return nil }
            value = .choices(items.map(\.text))
        case .mapping:
            return nil
        }
        if Interview.checkForm(value, for: q) != nil { return nil }
        return value
    }
}
