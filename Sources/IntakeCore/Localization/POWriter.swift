extension POFile {
    /// The file as gettext writes it: entries separated by blank lines,
    /// strings escaped and wrapped at 79 columns (after spaces and after
    /// `\n`), `#~` before obsolete entries. A string read from a file and
    /// not changed since keeps the lines it had there (see `POEntryLayout`),
    /// so a file saved by Poedit or `msgcat` is written back as it was. `msgfmt -c` accepts it and
    /// `parse` reads back an equal value.
    public func serialized() -> String {
        var blocks: [String] = []
        if let header { blocks.append(POWriter.entry(header)) }
        for entry in entries { blocks.append(POWriter.entry(entry)) }
        return blocks.joined(separator: "\n")
    }
}

enum POWriter {
    static let width = 79

    static func entry(_ e: POEntry) -> String {
        var out = ""
        func line(_ s: String) { out += s; out += "\n" }
        for c in e.translatorComments { line(c.isEmpty ? "#" : "# " + oneLine(c)) }
        for c in e.extractedComments { line(c.isEmpty ? "#." : "#. " + oneLine(c)) }
        if !e.references.isEmpty {
            var current = "#:"
            for ref in e.references.map(oneLine) {
                if current != "#:" && DisplayWidth.of(current) + 1 + DisplayWidth.of(ref) > width {
                    line(current)
                    current = "#:"
                }
                current += " " + ref
            }
            line(current)
        }
        if !e.flags.isEmpty { line("#, " + e.flags.map(oneLine).joined(separator: ", ")) }
        let prevPrefix = e.isObsolete ? "#~| " : "#| "
        let layout = e.layout
        // gettext's grammar has no '#| msgctxt' or '#| msgid_plural'
        // without a '#| msgid', so they are written only with one.
        if let id = e.previousID {
            if let p = e.previousContext { field(prevPrefix, "msgctxt", p, layout, into: &out) }
            field(prevPrefix, "msgid", id, layout, into: &out)
            if let p = e.previousIDPlural { field(prevPrefix, "msgid_plural", p, layout, into: &out) }
        }
        let prefix = e.isObsolete ? "#~ " : ""
        if let c = e.context { field(prefix, "msgctxt", c, layout, into: &out) }
        field(prefix, "msgid", e.id, layout, into: &out)
        if let p = e.idPlural {
            field(prefix, "msgid_plural", p, layout, into: &out)
            for (i, s) in e.translations.enumerated() { field(prefix, "msgstr[\(i)]", s, layout, into: &out) }
        } else {
            field(prefix, "msgstr", e.translation, layout, into: &out)
        }
        return out
    }

    /// A field as it was read when it still holds the same value (see
    /// `POEntryLayout`), else as `field` lays it out.
    static func field(_ prefix: String, _ keyword: String, _ value: String, _ layout: POEntryLayout, into out: inout String) {
        if !layout.fields.isEmpty, let lines = layout.lines(prefix + keyword, value: value) {
            out += lines
            out += "\n"
        } else {
            field(prefix, keyword, value, into: &out)
        }
    }

    /// Comments cannot hold a line break (LF, or CR that a reader could
    /// take for CRLF); one inside is written as a space. Other characters,
    /// including form feed and vertical tab, are kept.
    private static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(u == "\n" || u == "\r" ? " " : u) }
        return String(out)
    }

    /// Escapes a string for a PO literal, as gettext does.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    // Octal keeps other C0 controls visible and readable back.
                    let v = scalar.value
                    out += "\\" + String(v >> 6) + String((v >> 3) & 7) + String(v & 7)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Writes `keyword "value"`, on one line if it fits and has no inner
    /// line break, else as `keyword ""` followed by wrapped pieces.
    static func field(_ prefix: String, _ keyword: String, _ value: String, into out: inout String) {
        let segments = splitAfterNewlines(value)
        let head = prefix + keyword + " "
        if segments.count <= 1 {
            let escaped = escape(value)
            if DisplayWidth.of(head) + DisplayWidth.of(escaped) + 2 <= width {
                out += head + "\"" + escaped + "\"\n"
                return
            }
        }
        out += head + "\"\"\n"
        let room = width - DisplayWidth.of(prefix) - 2
        for segment in segments {
            for piece in wrap(escape(segment), room: room) {
                out += prefix + "\"" + piece + "\"\n"
            }
        }
    }

    /// Splits after every `\n`, keeping it at the end of its piece.
    static func splitAfterNewlines(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for scalar in s.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty || parts.isEmpty { parts.append(current) }
        return parts
    }

    /// Breaks escaped text after spaces so each piece fits `room` columns;
    /// a run without spaces longer than `room` stays whole.
    static func wrap(_ escaped: String, room: Int) -> [String] {
        let chars = Array(escaped)
        var pieces: [String] = []
        var start = 0
        var width = 0
        var lastBreak: Int? // index just after the last space in this piece
        var i = 0
        while i < chars.count {
            let w = DisplayWidth.of(chars[i])
            if width + w > room, let brk = lastBreak, brk > start {
                pieces.append(String(chars[start..<brk]))
                start = brk
                lastBreak = nil
                width = 0
                i = start
                continue
            }
            width += w
            if chars[i] == " " { lastBreak = i + 1 }
            i += 1
        }
        if start < chars.count || pieces.isEmpty { pieces.append(String(chars[start...])) }
        return pieces
    }
}
