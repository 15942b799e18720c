/// A cell as the grid stores it: the cluster's UTF-8 bytes and the style in
/// two words, with no reference to count. A cell of `String` and `Style`
/// made every frame pay a retain or release per cell to fill, compare and
/// free its 1,920 cells: with it, `Array(repeating:)`, the frame diff and
/// freeing the last frame were 40% of a keystroke's instructions (callgrind,
/// bench/README.md "Keystrokes, round 2"). A cluster longer than
/// `inlineCapacity` bytes (an emoji sequence, a long Indic conjunct) is kept
/// in the grid's `long` table and the cell holds its index.
struct PackedCell: Equatable, Sendable {
    /// Bytes 0-7 of the UTF-8, or the index into `long`.
    var a: UInt64
    /// Bytes 8-13 of the UTF-8, then the length (or `longMark`), then the style.
    var b: UInt64

    static let inlineCapacity = 14
    static let longMark: UInt64 = 0xFF

    var length: UInt64 { (b >> 48) & 0xFF }
    var isLong: Bool { length == Self.longMark }
    var isContinuation: Bool { length == 0 }
    var styleBits: UInt8 { UInt8(truncatingIfNeeded: b >> 56) }

    /// A printable ASCII character.
    @inline(__always)
    init(ascii byte: UInt8, style: UInt8) {
        a = UInt64(byte)
        b = (1 << 48) | (UInt64(style) << 56)
    }

    /// One Unicode scalar, encoded here instead of through a `String`.
    @inline(__always)
    init(scalar u: Unicode.Scalar, style: UInt8) {
        let v = UInt64(u.value)
        let bytes: UInt64, n: UInt64
        switch v {
        case ..<0x80: bytes = v; n = 1
        case ..<0x800: bytes = (0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8; n = 2
        case ..<0x10000: bytes = (0xE0 | v >> 12) | (0x80 | v >> 6 & 0x3F) << 8 | (0x80 | v & 0x3F) << 16; n = 3
        default: bytes = (0xF0 | v >> 18) | (0x80 | v >> 12 & 0x3F) << 8 | (0x80 | v >> 6 & 0x3F) << 16 | (0x80 | v & 0x3F) << 24; n = 4
        }
        a = bytes
        b = (n << 48) | (UInt64(style) << 56)
    }

    init(long index: Int, style: UInt8) {
        a = UInt64(index)
        b = (Self.longMark << 48) | (UInt64(style) << 56)
    }

    /// `text` inline, or nil when it is too long to be.
    init?(inline text: String, style: UInt8) {
        var a: UInt64 = 0, b: UInt64 = 0, n = 0
        for byte in text.utf8 {
            if n == Self.inlineCapacity { return nil }
            if n < 8 { a |= UInt64(byte) << (8 * n) } else { b |= UInt64(byte) << (8 * (n - 8)) }
            n += 1
        }
        self.a = a
        self.b = b | (UInt64(n) << 48) | (UInt64(style) << 56)
    }

    func withStyle(_ style: UInt8) -> PackedCell {
        var c = self
        c.b = (b & 0x00FF_FFFF_FFFF_FFFF) | (UInt64(style) << 56)
        return c
    }

    /// The UTF-8 bytes of an inline cell.
    func withInlineBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var words = (a.littleEndian, b.littleEndian)
        let n = Int(length)
        return withUnsafeBytes(of: &words) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
        }
    }
}

extension Style {
    /// The style in one byte: four flags and the colour.
    var packed: UInt8 {
        (bold ? 1 : 0) | (dim ? 2 : 0) | (reverse ? 4 : 0) | (underline ? 8 : 0) | UInt8(color.rawValue) << 4
    }

    init(packed p: UInt8) {
        self.init(bold: p & 1 != 0, dim: p & 2 != 0, reverse: p & 4 != 0, underline: p & 8 != 0,
                  color: SemanticColor(rawValue: Int(p >> 4)) ?? .normal)
    }
}
