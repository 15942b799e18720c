import Crypto

/// SHA-256, used to fingerprint a questionnaire's content so a resumed
/// session can tell whether the file changed. It needs no secrecy, only a
/// stable digest, but it is swift-crypto's (the same library that encrypts
/// the store), so that no one auditing this program has hand-made crypto to
/// check. The FIPS 180-4 vectors in TextTests hold it to the standard.
public enum SHA256Digest {
    /// Lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String { hexOfDigest(digest(bytes)) }

    /// Lowercase hex of a digest already computed.
    public static func hexOfDigest(_ digest: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var stream = Stream()
        stream.update(bytes)
        return stream.finalize()
    }

    /// The digest of bytes given in pieces, in order (a file read in
    /// chunks, so that hashing it does not hold the whole file).
    public struct Stream {
        private var hasher = SHA256()
        public init() {}
        public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
        public func finalize() -> [UInt8] { Array(hasher.finalize()) }
    }
}
