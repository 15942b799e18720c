/// A `Catalog` compiled to bytes, as gettext compiles a PO file to an MO
/// file: what a lookup needs, already parsed and checked, so a program that
/// has seen a translation file before does not parse and check it again.
///
/// The bytes are never trusted on their own. They carry the SHA-256 of the
/// PO file they were compiled from, the language, the format version and a
/// caller's program identity, and a SHA-256 of their own payload; `decode`
/// gives nil (the caller then parses the PO file again) unless every one of
/// these matches and every length and string in the payload is in bounds.
/// The file access (where such bytes are kept) is the caller's: IntakeCore
/// reads and writes no files.
///
/// Layout (integers little-endian):
///
///     "INTKCAT\0"            8 bytes
///     format version         u32  (CompiledCatalog.formatVersion)
///     program identity       string (u32 length + UTF-8)
///     source SHA-256         32 bytes
///     language               string
///     payload length         u64
///     payload SHA-256        32 bytes
///     payload:
///       isDraft              u8
///       reviewedBy           optional string (u8 0/1, then string)
///       plural rule          string (`PluralForms.description`)
///       entry count          u32
///       entries              key, id, optional idPlural, u32 count of
///                            translations and each, u8 flags (1 fuzzy, 2 rejected)
public enum CompiledCatalog {
    /// Bump whenever what `Catalog` keeps of an entry, or how an entry is
    /// judged (`TranslationCheck`), changes, so older compiled catalogs are
    /// rebuilt.
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("INTKCAT\0".utf8)

    /// The compiled form of `catalog`, built from a PO file whose bytes had
    /// SHA-256 `sourceHash`.
    public static func encode(_ catalog: Catalog, sourceHash: [UInt8], program: String) -> [UInt8] {
        let payload = payload(catalog)
        var out = ByteWriter()
        out.raw(magic)
        out.u32(formatVersion)
        out.string(program)
        out.raw(sourceHash)
        out.string(catalog.language)
        out.u64(UInt64(payload.count))
        out.raw(SHA256Digest.digest(payload))
        out.raw(payload)
        return out.bytes
    }

    /// A catalog equal to `catalog` that shares no storage with it, made by
    /// writing its payload and reading it back. A batch gives each thread
    /// its own: threads that share a catalog's arrays and strings move
    /// their reference counts between the cores at every retain
    /// (bench/README.md, "Issue 19, round 8").
    public static func copy(_ catalog: Catalog) -> Catalog? {
        var r = ByteReader(payload(catalog))
        return decodePayload(&r, language: catalog.language)
    }

    /// What `encode` writes after its header.
    private static func payload(_ catalog: Catalog) -> [UInt8] {
        var payload = ByteWriter()
        payload.u8(catalog.isDraft ? 1 : 0)
        payload.optionalString(catalog.reviewedBy)
        payload.string(catalog.pluralForms.description)
        // Sorted, so the same file compiles to the same bytes.
        let entries = catalog.messages.sorted { $0.key < $1.key }
        payload.u32(UInt32(entries.count))
        for (key, m) in entries {
            payload.string(key)
            payload.string(m.id)
            payload.optionalString(m.idPlural)
            payload.u32(UInt32(m.translations.count))
            for t in m.translations { payload.string(t) }
            payload.u8((m.isFuzzy ? 1 : 0) | (m.isRejected ? 2 : 0))
        }
        return payload.bytes
    }

    /// The catalog in `bytes` if they were compiled by this format and
    /// `program` from a file with SHA-256 `sourceHash` for `language`, and
    /// are whole and unchanged; nil otherwise.
    public static func decode(_ bytes: [UInt8], sourceHash: [UInt8], language: String, program: String) -> Catalog? {
        guard let at = payloadOffset(bytes, sourceHash: sourceHash, language: language, program: program) else { return nil }
        var r = ByteReader(bytes)
        _ = r.raw(at)
        return decodePayload(&r, language: language)
    }

    /// Where the payload of `bytes` starts, if they pass `decode`'s checks
    /// of everything but the payload's contents (format, program, source
    /// hash, language, length, and the payload's own hash); nil otherwise.
    /// Cheaper than `decode`: a caller can check a file at start and
    /// decode it when first needed.
    public static func payloadOffset(_ bytes: [UInt8], sourceHash: [UInt8], language: String, program: String) -> Int? {
        guard let h = header(bytes, sourceHash: sourceHash, language: language, program: program),
              h.payloadLength == UInt64(bytes.count - h.payloadOffset)
        else { return nil }
        let digest = bytes.withUnsafeBytes { all in
            SHA256Digest.digest(UnsafeRawBufferPointer(rebasing: all[h.payloadOffset...]))
        }
        return digest == h.payloadDigest ? h.payloadOffset : nil
    }

    /// What the header of compiled bytes says of the payload after it.
    public struct Header: Equatable, Sendable {
        /// Where the payload starts.
        public var payloadOffset: Int
        /// How long the payload says it is, and its SHA-256: the caller
        /// checks both against what follows the header.
        public var payloadLength: UInt64
        public var payloadDigest: [UInt8]
    }

    /// The header at the start of `head` (a compiled file's first bytes, or
    /// all of them) if it is of this format and `program`, for `language`
    /// and compiled from a file with SHA-256 `sourceHash`; nil otherwise,
    /// or when `head` ends before the header does. The payload is not
    /// looked at: a file can be checked in chunks (`CompiledCache`) instead
    /// of read whole, as `payloadOffset` does.
    public static func header(_ head: [UInt8], sourceHash: [UInt8], language: String, program: String) -> Header? {
        var r = ByteReader(head)
        guard r.raw(magic.count) == magic[...],
              r.u32() == formatVersion,
              r.string() == program,
              let hash = r.raw(32), hash.elementsEqual(sourceHash),
              r.string() == language,
              let length = r.u64(), let digest = r.raw(32)
        else { return nil }
        return Header(payloadOffset: r.offset, payloadLength: length, payloadDigest: Array(digest))
    }

    private static func decodePayload(_ r: inout ByteReader, language: String) -> Catalog? {
        guard let draft = r.u8(), draft <= 1,
              let reviewedBy = r.optionalString(),
              let rule = r.string(), let plural = try? PluralForms.parse(rule),
              let count = r.u32(), Int(count) <= r.remaining
        else { return nil }
        var messages: [String: Catalog.Message] = Dictionary(minimumCapacity: Int(count))
        for _ in 0..<count {
            guard let key = r.string(), let id = r.string(), let idPlural = r.optionalString(),
                  let n = r.u32(), Int(n) <= r.remaining
            else { return nil }
            var translations: [String] = []
            translations.reserveCapacity(Int(n))
            for _ in 0..<n {
                guard let t = r.string() else { return nil }
                translations.append(t)
            }
            guard let flags = r.u8(), flags <= 3 else { return nil }
            messages[key] = Catalog.Message(id: id, idPlural: idPlural, translations: translations,
                                            isFuzzy: flags & 1 != 0, isRejected: flags & 2 != 0)
        }
        guard r.remaining == 0, messages.count == Int(count) else { return nil }
        return Catalog(language: language, isDraft: draft == 1, reviewedBy: reviewedBy, pluralForms: plural, messages: messages)
    }
}

/// Appends integers and strings to bytes (little-endian; strings as a u32
/// byte count and UTF-8).
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func raw<S: Sequence>(_ b: S) where S.Element == UInt8 { bytes.append(contentsOf: b) }
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
    mutating func optionalString(_ s: String?) {
        if let s { u8(1); string(s) } else { u8(0) }
    }
}

/// Reads what `ByteWriter` wrote; every read checks its bounds and gives nil
/// past the end, so hostile or cut-off bytes can only fail.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func raw(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, n <= remaining else { return nil }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }
    mutating func u8() -> UInt8? { raw(1)?.first }
    mutating func u32() -> UInt32? { integer() }
    mutating func u64() -> UInt64? { integer() }
    /// A little-endian integer, loaded at once (a compiled questionnaire
    /// reads tens of thousands of them).
    private mutating func integer<I: FixedWidthInteger>() -> I? {
        let n = MemoryLayout<I>.size
        guard n <= remaining else { return nil }
        defer { offset += n }
        return bytes.withUnsafeBytes { I(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: I.self)) }
    }
    /// A string; nil past the end or when its bytes are not UTF-8.
    mutating func string() -> String? {
        guard let n = u32(), let b = raw(Int(n)) else { return nil }
        return b.withUnsafeBufferPointer { TextDecoding.exactUTF8($0) }
    }
    /// An optional string: nil for a bad marker or string (the caller
    /// fails), `.some(nil)` for an absent one.
    mutating func optionalString() -> String?? {
        switch u8() {
        case 0: return .some(nil)
        case 1:
            guard let s = string() else { return nil }
            return Optional(Optional(s))
        default: return nil
        }
    }
}
