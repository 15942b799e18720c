import Foundation
import IntakeCore
#if canImport(Glibc)
import Glibc
#endif

/// Files read in chunks through one buffer, for work that needs every byte
/// of a file but not the file whole: hashing a translation to find its
/// compiled form, and checking that form's own hash. Reading each into an
/// array of its size touched about 700 KB of new memory a translation at
/// every start (the PO file, the compiled file, and a copy of its payload):
/// 700 of the 2,000 page faults until ready, and 3 to 4 ms of CPU on this
/// machine (bench/README.md, "Issue 19, round 5: start-up"). A 64 KiB
/// buffer, freed and taken again from the same place, is faulted in once.
enum FileChunks {
    static let chunkSize = 64 * 1024

    /// Hands `body` the rest of `fd`, from its current offset, chunk by
    /// chunk until its end; the number of bytes read, or nil when a read
    /// fails or the file goes on past `limit` bytes (then `body` has not
    /// seen the chunk that went past).
    static func read(_ fd: Int32, limit: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Int? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return total }
            total += n
            if total > limit { return nil }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// The SHA-256 of the file at `path`, read in chunks; nil when it
    /// cannot be opened or read, or is longer than `limit` bytes (the
    /// caller then reads it whole, and reports why it cannot).
    static func sha256(atPath path: String, limit: Int = QuestionnaireFiles.maxBytes) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hash = SHA256Digest.Stream()
        guard read(fd, limit: limit, { hash.update($0) }) != nil else { return nil }
        return hash.finalize()
    }
}
