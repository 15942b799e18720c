// Over 400 lines: one recursive-descent parser for gettext's PO grammar
// (entries, flags, comments, previous strings, plurals, escapes, and error
// recovery); its pieces share the cursor and the diagnostics.

extension POFile {
    /// Reads PO or POT text as gettext's tools write it (CRLF and a leading
    /// BOM are accepted). `file` names the input in diagnostics.
    ///
    /// Returns nil for the file when any error was found; warnings alone
    /// still give a file. Parsing goes on after an error so one run reports
    /// as much as it can, up to `POParser.maxErrors` errors.
    public static func parse(_ text: String, file: String) -> (file: POFile?, diagnostics: [Diagnostic]) {
        var text = text
        var parser = POParser(file: file)
        text.withUTF8 { parser.run($0) }
        let items = parser.diagnostics.items
        if parser.diagnostics.hasErrors { return (nil, items) }
        return (POFile(header: parser.header, entries: parser.entries), items)
    }
}

/// A line-oriented reader of PO text working on UTF-8 bytes, so a 10 MB file
/// or a line of a million characters is read in linear time.
struct POParser {
    static let maxErrors = 50

    let file: String
    var diagnostics = DiagnosticBag()
    var header: POEntry?
    var entries: [POEntry] = []
    var stopped = false

    /// A message's identity, as bytes: gettext compares bytes, and hashing
    /// bytes skips the Unicode normalization that hashing a String does.
    private struct Key: Hashable {
        var obsolete: Bool
        var context: [UInt8]?
        var id: [UInt8]

        /// The bytes in one call each (an array hashes element by element).
        func hash(into hasher: inout Hasher) {
            hasher.combine(obsolete)
            hasher.combine(context?.count ?? -1)
            context?.withUnsafeBytes { hasher.combine(bytes: $0) }
            id.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
    private var seen: [Key: SourceLocation] = [:]

    private enum Field: Equatable { case context, id, idPlural, str(Int), prevContext, prevID, prevIDPlural }

    /// The lines a field was read from (byte offsets of the first line's
    /// start and the last line's end), for `POEntryLayout`.
    private struct Span {
        var field: Field
        var start: Int
        var end: Int
        var lines: Int
    }

    /// The entry being read.
    private struct Pending {
        var started = false
        var obsolete: Bool?
        var context: [UInt8]?
        var id: [UInt8]?
        var idPlural: [UInt8]?
        var strs: [[UInt8]] = []
        var prevContext: [UInt8]?
        var prevID: [UInt8]?
        var prevIDPlural: [UInt8]?
        var entry = POEntry(id: "", translations: [])
        var last: Field?
        var lastPrevious: Field?
        var spans: [Span] = []
    }
    private var cur = Pending()

    // The current line, as byte offsets into the buffer.
    private var lineNumber = 0
    private var lineStart = 0

    init(file: String) { self.file = file }

    mutating func run(_ b: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = b.count
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        // Room for the messages at once (gettext's entries are a few hundred bytes).
        entries.reserveCapacity(n / 256)
        seen.reserveCapacity(n / 256)
        while i < n, !stopped {
            var e = i
            while e < n, b[e] != 0x0A { e += 1 }
            let next = e + 1
            if e > i, b[e - 1] == 0x0D { e -= 1 }
            lineNumber += 1
            lineStart = i
            line(b, i, e)
            i = next
        }
        if !stopped { finishEntry(b) }
    }

    // MARK: Diagnostics

    private func location(_ b: UnsafeBufferPointer<UInt8>, _ offset: Int) -> SourceLocation {
        var column = 1
        var k = lineStart
        while k < offset, k < b.count {
            if b[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourceLocation(file: file, line: lineNumber, column: column)
    }

    private mutating func error(_ loc: SourceLocation, _ message: String) {
        guard !stopped else { return }
        diagnostics.error(loc, message)
        if diagnostics.errors.count >= Self.maxErrors {
            diagnostics.error(loc, "too many errors; stopped reading")
            stopped = true
        }
    }

    private func excerpt(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        let end = min(e, s + 40)
        var text = String(decoding: UnsafeBufferPointer(rebasing: b[s..<end]), as: UTF8.self)
        if end < e { text += "…" }
        return Sanitize.singleLine(text)
    }

    // MARK: Lines

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0B }

    private mutating func line(_ b: UnsafeBufferPointer<UInt8>, _ s0: Int, _ e: Int) {
        var s = s0
        while s < e, Self.isSpace(b[s]) { s += 1 }
        if s == e { return }
        if b[s] != UInt8(ascii: "#") {
            keywordLine(b, s, e, obsolete: false)
            return
        }
        let kind: UInt8 = s + 1 < e ? b[s + 1] : 0
        switch kind {
        case UInt8(ascii: "~"):
            var p = s + 2
            if p < e, b[p] == UInt8(ascii: "|") {
                previousLine(b, p + 1, e, obsolete: true, at: s)
                return
            }
            while p < e, Self.isSpace(b[p]) { p += 1 }
            if p == e { return } // an empty "#~" line carries nothing
            keywordLine(b, p, e, obsolete: true)
        case UInt8(ascii: "|"):
            previousLine(b, s + 2, e, obsolete: false, at: s)
        case UInt8(ascii: ","):
            startComment(b, s)
            // Split on bytes: "," and spaces are never part of a multi-byte character.
            for (p, q) in Self.fields(b, s + 2, e, separatedBy: { $0 == UInt8(ascii: ",") }) {
                var p = p, q = q
                while p < q, Self.isSpace(b[p]) { p += 1 }
                while q > p, Self.isSpace(b[q - 1]) { q -= 1 }
                if p < q { cur.entry.flags.append(String(decoding: UnsafeBufferPointer(rebasing: b[p..<q]), as: UTF8.self)) }
            }
        case UInt8(ascii: "."):
            startComment(b, s)
            cur.entry.extractedComments.append(commentText(b, s + 2, e))
        case UInt8(ascii: ":"):
            startComment(b, s)
            for (p, q) in Self.fields(b, s + 2, e, separatedBy: { $0 == 0x20 || $0 == 0x09 }) where p < q {
                cur.entry.references.append(String(decoding: UnsafeBufferPointer(rebasing: b[p..<q]), as: UTF8.self))
            }
        default:
            startComment(b, s)
            cur.entry.translatorComments.append(commentText(b, s + 1, e))
        }
    }

    /// The byte ranges between separators in `b[s..<e]`, empty ones included.
    private static func fields(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                               separatedBy isSeparator: (UInt8) -> Bool) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var start = min(s, e)
        for i in start..<e where isSeparator(b[i]) {
            out.append((start, i))
            start = i + 1
        }
        out.append((start, e))
        return out
    }

    /// Comment text after its marker, without the one space gettext puts there.
    private func commentText(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        var p = min(s, e)
        if p < e, b[p] == 0x20 { p += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[p..<e]), as: UTF8.self)
    }

    /// A comment after a complete msgid/msgstr begins the next entry.
    private mutating func startComment(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) {
        if cur.id != nil { finishEntry(b) }
        begin(b, s)
    }

    private mutating func begin(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) {
        if !cur.started {
            cur.started = true
            cur.entry.locations.start = location(b, s)
        }
    }

    private mutating func checkObsolete(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ obsolete: Bool) {
        if let o = cur.obsolete, o != obsolete {
            error(location(b, s), obsolete
                  ? "'#~' line inside an entry that is not obsolete"
                  : "line without '#~' inside an obsolete entry")
        }
        cur.obsolete = obsolete
    }

    private enum Keyword { case msgctxt, msgid, msgidPlural, msgstr, msgstrIndex(Int) }

    private mutating func keywordLine(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, obsolete: Bool) {
        if b[s] == UInt8(ascii: "\"") {
            guard let bytes = stringLiteral(b, s, e) else { return }
            guard let field = cur.last else {
                error(location(b, s), "string continuation without msgctxt, msgid or msgstr before it")
                return
            }
            checkObsolete(b, s, obsolete)
            append(bytes, to: field)
            extendSpan(field, e)
            if case .str(let index) = field { noteControls(b, s, e, bytes, msgstr: index) }
            return
        }
        var p = s
        while p < e, Self.isIdentifier(b[p]) { p += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[s..<p]), as: UTF8.self)
        var keyword: Keyword
        switch word {
        case "msgctxt": keyword = .msgctxt
        case "msgid": keyword = .msgid
        case "msgid_plural": keyword = .msgidPlural
        case "msgstr":
            keyword = .msgstr
            if p < e, b[p] == UInt8(ascii: "[") {
                let indexStart = p + 1
                var q = indexStart
                var value = 0
                while q < e, b[q] >= 0x30, b[q] <= 0x39, value < 1_000_000 {
                    value = value * 10 + Int(b[q] - 0x30)
                    q += 1
                }
                guard q > indexStart, q < e, b[q] == UInt8(ascii: "]") else {
                    error(location(b, p), "malformed msgstr index; expected msgstr[N]")
                    return
                }
                keyword = .msgstrIndex(value)
                p = q + 1
            }
        default:
            if word.isEmpty {
                error(location(b, s), "unexpected '\(excerpt(b, s, min(e, s + 1)))'; expected a keyword, a string or a comment")
            } else {
                error(location(b, s), "unknown keyword '\(excerpt(b, s, p))'")
            }
            return
        }
        let keywordLoc = location(b, s)
        var q = p
        while q < e, Self.isSpace(b[q]) { q += 1 }
        guard q < e, b[q] == UInt8(ascii: "\"") else {
            error(location(b, q), "expected a string in double quotes after '\(word)'")
            return
        }
        guard let bytes = stringLiteral(b, q, e) else { return }

        switch keyword {
        case .msgctxt:
            if cur.id != nil { finishEntry(b) }
            begin(b, s)
            if cur.context != nil { error(keywordLoc, "duplicate msgctxt") }
            checkObsolete(b, s, obsolete)
            cur.context = bytes
            cur.entry.locations.msgctxt = keywordLoc
            cur.last = .context
            startSpan(.context, e)
        case .msgid:
            if cur.id != nil { finishEntry(b) }
            begin(b, s)
            checkObsolete(b, s, obsolete)
            cur.id = bytes
            cur.entry.locations.msgid = keywordLoc
            cur.last = .id
            startSpan(.id, e)
        case .msgidPlural:
            checkObsolete(b, s, obsolete)
            if cur.id == nil {
                error(keywordLoc, "msgid_plural without msgid")
            } else if !cur.strs.isEmpty {
                error(keywordLoc, "msgid_plural after msgstr")
            } else if cur.idPlural != nil {
                error(keywordLoc, "duplicate msgid_plural")
            } else {
                cur.idPlural = bytes
                cur.last = .idPlural
                startSpan(.idPlural, e)
            }
        case .msgstr:
            checkObsolete(b, s, obsolete)
            if cur.id == nil {
                error(keywordLoc, "msgstr without msgid")
                return
            }
            if cur.idPlural != nil {
                error(keywordLoc, "entry with msgid_plural needs msgstr[0], msgstr[1], ... instead of msgstr")
                return
            }
            if !cur.strs.isEmpty {
                error(keywordLoc, "duplicate msgstr")
                return
            }
            cur.strs.append(bytes)
            cur.entry.locations.msgstr = keywordLoc
            cur.entry.locations.msgstrs = [keywordLoc]
            cur.last = .str(0)
            startSpan(.str(0), e)
            noteControls(b, q, e, bytes, msgstr: 0)
        case .msgstrIndex(let index):
            checkObsolete(b, s, obsolete)
            if cur.id == nil {
                error(keywordLoc, "msgstr[\(index)] without msgid")
                return
            }
            if cur.idPlural == nil {
                error(keywordLoc, "msgstr[\(index)] in an entry without msgid_plural")
                return
            }
            if index != cur.strs.count {
                error(location(b, s + 7), "msgstr[\(index)] out of order; expected msgstr[\(cur.strs.count)]")
                return
            }
            cur.strs.append(bytes)
            if index == 0 { cur.entry.locations.msgstr = keywordLoc }
            cur.entry.locations.msgstrs.append(keywordLoc)
            cur.last = .str(index)
            startSpan(.str(index), e)
            noteControls(b, q, e, bytes, msgstr: index)
        }
    }

    /// `#| msgctxt "..."`, `#| msgid "..."`, `#| msgid_plural "..."` or `#| "..."`.
    private mutating func previousLine(_ b: UnsafeBufferPointer<UInt8>, _ s0: Int, _ e: Int, obsolete: Bool, at hash: Int) {
        var s = s0
        while s < e, Self.isSpace(b[s]) { s += 1 }
        if s == e { return }
        if b[s] == UInt8(ascii: "\"") {
            guard let bytes = stringLiteral(b, s, e) else { return }
            guard let field = cur.lastPrevious, cur.id == nil else {
                error(location(b, s), "'#|' string continuation without '#| msgid' before it")
                return
            }
            append(bytes, to: field)
            extendSpan(field, e)
            return
        }
        startComment(b, hash)
        var p = s
        while p < e, Self.isIdentifier(b[p]) { p += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[s..<p]), as: UTF8.self)
        let field: Field
        switch word {
        case "msgctxt": field = .prevContext
        case "msgid": field = .prevID
        case "msgid_plural": field = .prevIDPlural
        default:
            error(location(b, s), "unknown keyword '\(excerpt(b, s, max(p, s + 1)))' in '#|' comment; expected msgctxt, msgid or msgid_plural")
            return
        }
        var q = p
        while q < e, Self.isSpace(b[q]) { q += 1 }
        guard q < e, b[q] == UInt8(ascii: "\"") else {
            error(location(b, q), "expected a string in double quotes after '#| \(word)'")
            return
        }
        guard let bytes = stringLiteral(b, q, e) else { return }
        switch field {
        case .prevContext: cur.prevContext = bytes
        case .prevID: cur.prevID = bytes
        default: cur.prevIDPlural = bytes
        }
        cur.lastPrevious = field
        startSpan(field, e)
    }

    private mutating func startSpan(_ field: Field, _ end: Int) {
        cur.spans.append(Span(field: field, start: lineStart, end: end, lines: 1))
    }

    /// A continuation line of `field`; only right after its other lines.
    private mutating func extendSpan(_ field: Field, _ end: Int) {
        guard let k = cur.spans.indices.last, cur.spans[k].field == field else { return }
        cur.spans[k].end = end
        cur.spans[k].lines += 1
    }

    /// The fields' lines as read, for writing them back unchanged.
    private func layout(_ b: UnsafeBufferPointer<UInt8>, _ entry: POEntry) -> POEntryLayout {
        var layout = POEntryLayout()
        let prefix = entry.isObsolete ? "#~ " : ""
        let prevPrefix = entry.isObsolete ? "#~| " : "#| "
        for span in cur.spans {
            let keyword: String, value: String?
            switch span.field {
            case .context: (keyword, value) = (prefix + "msgctxt", entry.context)
            case .id: (keyword, value) = (prefix + "msgid", entry.id)
            case .idPlural: (keyword, value) = (prefix + "msgid_plural", entry.idPlural)
            case .str(let i):
                keyword = prefix + (entry.idPlural != nil ? "msgstr[\(i)]" : "msgstr")
                value = i < entry.translations.count ? entry.translations[i] : nil
            case .prevContext: (keyword, value) = (prevPrefix + "msgctxt", entry.previousContext)
            case .prevID: (keyword, value) = (prevPrefix + "msgid", entry.previousID)
            case .prevIDPlural: (keyword, value) = (prevPrefix + "msgid_plural", entry.previousIDPlural)
            }
            guard let value, span.start < span.end else { continue }
            // Only lines that follow each other (no comment or blank line between).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(span.end - span.start)
            var breaks = 0
            for k in span.start..<span.end {
                let c = b[k]
                if c == 0x0A { breaks += 1 }
                if c == 0x0D, k + 1 < span.end, b[k + 1] == 0x0A { continue }
                bytes.append(c)
            }
            guard breaks == span.lines - 1, !bytes.contains(0x0D) else { continue }
            layout.fields.append(POEntryLayout.Field(keyword: keyword, value: value, lines: String(decoding: bytes, as: UTF8.self)))
        }
        return layout
    }

    private mutating func append(_ bytes: [UInt8], to field: Field) {
        switch field {
        case .context: cur.context?.append(contentsOf: bytes)
        case .id: cur.id?.append(contentsOf: bytes)
        case .idPlural: cur.idPlural?.append(contentsOf: bytes)
        case .str(let i): cur.strs[i].append(contentsOf: bytes)
        case .prevContext: cur.prevContext?.append(contentsOf: bytes)
        case .prevID: cur.prevID?.append(contentsOf: bytes)
        case .prevIDPlural: cur.prevIDPlural?.append(contentsOf: bytes)
        }
    }

    private static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x61...0x66: return Int(c - 0x61 + 10)
        case 0x41...0x46: return Int(c - 0x41 + 10)
        default: return nil
        }
    }

    /// Decodes the C string literal starting at the quote at `s`; reports and
    /// returns nil when it is unterminated or followed by other text.
    /// Records where the literal at `s` (already decoded as `decoded`) holds
    /// characters the sanitizing rule may remove. Most strings hold no byte
    /// that could start one and are passed over at once.
    private mutating func noteControls(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ decoded: [UInt8], msgstr index: Int) {
        guard Self.mayHoldControls(decoded) else { return }
        var traced: [Int]? = []
        guard let bytes = stringLiteral(b, s, e, origins: &traced), let origins = traced, bytes.count == origins.count else { return }
        var found: [(scalar: Unicode.Scalar, location: SourceLocation)] = []
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
            if i + length <= bytes.count {
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            }
            if let scalar = Unicode.Scalar(value), scalar != "\n", scalar != "\t",
               Sanitize.isControl(scalar) || scalar == Sanitize.arabicLetterMark {
                found.append((scalar, location(b, origins[i])))
            }
            i += length
        }
        if !found.isEmpty { cur.entry.locations.msgstrControls[index, default: []] += found }
    }

    /// Whether UTF-8 `bytes` hold a C0 control other than a line break or
    /// tab, DEL, a C1 control, U+061C, a bidi control (U+202A–U+202E,
    /// U+2066–U+206F), U+FEFF or U+FFF9–U+FFFB: a superset of what
    /// `Sanitize.violations` finds, decided on bytes.
    static func mayHoldControls(_ bytes: [UInt8]) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            let c1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            let c2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            switch c {
            case 0x0A, 0x09: break
            case 0..<0x20, 0x7F: return true
            case 0xC2 where c1 >= 0x80 && c1 < 0xA0: return true
            case 0xD8 where c1 == 0x9C: return true
            case 0xE2 where (c1 == 0x80 && (0xAA...0xAE).contains(c2)) || (c1 == 0x81 && (0xA6...0xAF).contains(c2)): return true
            case 0xEF where (c1 == 0xBB && c2 == 0xBF) || (c1 == 0xBF && (0xB9...0xBB).contains(c2)): return true
            default: break
            }
            i += 1
        }
        return false
    }

    private mutating func stringLiteral(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8]? {
        var none: [Int]? = nil
        return stringLiteral(b, s, e, origins: &none)
    }

    /// With `origins`, also the offset in `b` each decoded byte came from
    /// (the backslash, for an escape).
    private mutating func stringLiteral(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, origins: inout [Int]?) -> [UInt8]? {
        var out: [UInt8] = []
        var i = s + 1
        var run = i
        var ok = true
        while true {
            if i >= e {
                error(location(b, s), "unterminated string")
                return nil
            }
            let c = b[i]
            if c == UInt8(ascii: "\"") { break }
            if c != UInt8(ascii: "\\") { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
            origins?.append(contentsOf: run..<i)
            let (before, escapeAt) = (out.count, i)
            defer { if origins != nil { origins!.append(contentsOf: repeatElement(escapeAt, count: out.count - before)) } }
            guard i + 1 < e else {
                error(location(b, s), "unterminated string")
                return nil
            }
            let esc = b[i + 1]
            var next = i + 2
            switch esc {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(esc)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0
                var k = i + 1
                while k < e, k < i + 4, b[k] >= 0x30, b[k] <= 0x37 {
                    value = value * 8 + Int(b[k] - 0x30)
                    k += 1
                }
                out.append(UInt8(value & 0xFF))
                next = k
            case UInt8(ascii: "x"):
                var value = 0
                var k = i + 2
                while k < e, let h = Self.hexValue(b[k]) {
                    value = (value * 16 + h) & 0xFFFF
                    k += 1
                }
                if k == i + 2 {
                    error(location(b, i), "bad escape '\\x' without hexadecimal digits")
                    ok = false
                } else {
                    out.append(UInt8(value & 0xFF))
                }
                next = k
            default:
                error(location(b, i), "bad escape '\\\(excerpt(b, i + 1, i + 2))' in string")
                ok = false
            }
            i = next
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
        origins?.append(contentsOf: run..<i)
        var q = i + 1
        while q < e, Self.isSpace(b[q]) { q += 1 }
        if q < e {
            error(location(b, q), "unexpected text after string: '\(excerpt(b, q, e))'")
            return nil
        }
        // After a bad escape the rest is still used, so one mistake does
        // not cascade into "msgstr without msgid".
        _ = ok
        return out
    }

    // MARK: Entries

    private mutating func finishEntry(_ b: UnsafeBufferPointer<UInt8>) {
        defer { cur = Pending() }
        guard cur.started else { return }
        guard let id = cur.id else {
            if let loc = cur.entry.locations.msgctxt {
                error(loc, "msgctxt without msgid")
            } else if cur.prevID != nil || cur.prevContext != nil || !cur.entry.flags.isEmpty
                        || !cur.entry.translatorComments.isEmpty || !cur.entry.extractedComments.isEmpty
                        || !cur.entry.references.isEmpty, let loc = cur.entry.locations.start {
                diagnostics.warning(loc, "comment not attached to any message")
            }
            return
        }
        guard !cur.strs.isEmpty else {
            error(cur.entry.locations.msgid ?? SourceLocation(file: file, line: lineNumber, column: 1),
                  "msgid without msgstr")
            return
        }
        func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
        var entry = POEntry(id: "", translations: [])
        swap(&entry, &cur.entry)  // `cur` is reset when this returns
        entry.context = text(cur.context)
        entry.id = text(id) ?? ""
        entry.idPlural = text(cur.idPlural)
        entry.translations = cur.strs.map { String(decoding: $0, as: UTF8.self) }
        entry.previousContext = text(cur.prevContext)
        entry.previousID = text(cur.prevID)
        entry.previousIDPlural = text(cur.prevIDPlural)
        entry.isObsolete = cur.obsolete ?? false
        entry.layout = layout(b, entry)

        let loc = entry.locations.msgid ?? entry.locations.start ?? SourceLocation(file: file, line: lineNumber, column: 1)
        if entry.previousID == nil, entry.previousContext != nil || entry.previousIDPlural != nil {
            // gettext's grammar only allows them around a '#| msgid'.
            error(entry.locations.start ?? loc, "'#| msgctxt' or '#| msgid_plural' without '#| msgid'")
            return
        }
        let key = Key(obsolete: entry.isObsolete, context: cur.context, id: id)
        if let first = seen.updateValue(loc, forKey: key) {
            seen[key] = first
            error(loc, "duplicate message definition (first defined at \(first))")
            return
        }
        if entry.isHeader && !entry.isObsolete && header == nil && entries.isEmpty {
            header = entry
        } else {
            entries.append(entry)
        }
    }
}

extension POFile {
    /// Where the first entry of a PO file ends, as a byte offset into
    /// `bytes` (the file's start): at the first blank line after a `msgstr`
    /// that is not followed by more of that string. gettext keeps the header
    /// there, so `parse` of `bytes[..<end]` knows what a file says about
    /// itself (language, plural rule, review status) without reading the
    /// rest of a large file. Nil when `bytes` end before that is decided.
    public static func headerEnd(in bytes: [UInt8]) -> Int? {
        // Called from another module, the generic version below runs
        // unspecialized: about 1,500 instructions a byte (callgrind: 11% of
        // the main thread's work to the first frame). Here it is specialized.
        headerEnd(in: bytes[...])
    }

    /// `headerEnd(in:)` for any collection of bytes.
    public static func headerEnd(in bytes: some Collection<UInt8>) -> Int? {
        var sawMsgstr = false
        var blankAfterMsgstr: Int?
        var lineStart = 0
        var atLineStart = true
        var content: [UInt8] = []  // the first bytes of the line's content
        for (offset, b) in bytes.enumerated() {
            if atLineStart { lineStart = offset; content.removeAll(keepingCapacity: true); atLineStart = false }
            if b == 0x0A {
                atLineStart = true
                if content.isEmpty {
                    if sawMsgstr && blankAfterMsgstr == nil { blankAfterMsgstr = lineStart }
                } else if let cut = blankAfterMsgstr {
                    // A string continuing the msgstr after a blank line still belongs to it.
                    if content[0] != UInt8(ascii: "\"") { return cut }
                    blankAfterMsgstr = nil
                } else if content.starts(with: "msgstr".utf8) {
                    sawMsgstr = true
                }
            } else if content.count < 6 && !(content.isEmpty && (b == 0x20 || b == 0x09 || b == 0x0D)) {
                content.append(b)
            }
        }
        return nil
    }
}
