import Foundation

/// Padding of every plaintext before it is sealed, so that the size of a
/// sealed value says nothing about what it holds ("yes" and "no", a short
/// and a longer remark, must look the same to someone holding the file).
///
/// The scheme (sealed values of version 2, see `Sealer`):
///
/// - Buckets: 1024 bytes, then the powers of two above it (2048, 4096,
///   8192, …). A plaintext of n bytes goes into the smallest bucket of at
///   least n + 1 bytes: every event of up to 1015 bytes (the 8-byte event
///   time included, see `SessionStore.append`) and every header fills
///   exactly 1024 bytes, so a sealed event is always 1053 bytes (1 version
///   byte + 12 nonce + 1024 + 16 tag). Only values beyond 1023 bytes (long
///   free text, summaries) move up, and then reveal only the power of two.
/// - Padding: ISO/IEC 7816-4 style: the plaintext, one 0x80 byte, then zero
///   bytes up to the bucket size. It is removed by dropping the trailing
///   zeros and the 0x80 before them; a padded value whose length is not a
///   bucket or that has no 0x80 before its trailing zeros is refused.
///
/// The padding is inside the authenticated encryption, so it cannot be
/// changed without the key.
enum Padding {
    /// The smallest bucket, in bytes.
    static let minimumBucket = 1024

    /// The bucket size a plaintext of `count` bytes is padded to.
    static func bucket(for count: Int) -> Int {
        var size = minimumBucket
        while size < count + 1 { size *= 2 }
        return size
    }

    static func isBucket(_ size: Int) -> Bool {
        size >= minimumBucket && size & (size - 1) == 0
    }

    /// `plaintext`, 0x80, then zeros up to its bucket size.
    static func pad(_ plaintext: Data) -> Data {
        var out = Data(capacity: bucket(for: plaintext.count))
        out.append(plaintext)
        out.append(0x80)
        out.append(Data(count: bucket(for: plaintext.count) - plaintext.count - 1))
        return out
    }

    /// The plaintext inside a padded value; nil if the padding is not valid.
    static func unpad(_ padded: Data) -> Data? {
        let padded = Data(padded)  // zero-based indices
        guard isBucket(padded.count) else { return nil }
        guard let marker = padded.lastIndex(where: { $0 != 0 }), padded[marker] == 0x80 else { return nil }
        return padded.prefix(upTo: marker)
    }
}
