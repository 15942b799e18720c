extension StringProtocol {
    /// The text without white space or line breaks (Unicode White_Space) at
    /// either end. Written on scalars rather than with Foundation's
    /// `trimmingCharacters(in:)`, which bridges through NSString and was a
    /// fifth of the questionnaire load in profiles.
    public func trimmingWhitespace() -> String {
        let u = unicodeScalars
        guard let first = u.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !Self.isSpace($0) })!
        // Bounds on scalar boundaries; trimmed scalars never join a character.
        return String(self[first..<u.index(after: last)])
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c == " " || (c.value >= 0x09 && c.value <= 0x0D)) : c.properties.isWhitespace
    }
}
