import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX permission helpers. The store keeps its directory at 0700 and every
/// file it writes at 0600.
enum Permissions {
    static let directoryMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    private static let umaskLock = NSLock()

    /// Runs `body` with the process umask at 077, so that anything created in
    /// the meantime (by us or by SQLite) starts private. The umask is
    /// process-wide; a lock keeps concurrent stores from restoring it under
    /// each other, and every file is also chmod-ed explicitly afterwards.
    static func withPrivateUmask<T>(_ body: () throws -> T) rethrows -> T {
        umaskLock.lock()
        let old = umask(0o077)
        defer {
            umask(old)
            umaskLock.unlock()
        }
        return try body()
    }

    struct Status {
        var mode: mode_t
        var owner: uid_t
        var isDirectory: Bool
        var isRegular: Bool
    }

    /// `lstat` of a path; nil if it does not exist.
    static func status(_ path: String) -> Status? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        return Status(mode: st.st_mode & 0o7777, owner: st.st_uid,
                      isDirectory: type == S_IFDIR, isRegular: type == S_IFREG)
    }

    static func exists(_ path: String) -> Bool { status(path) != nil }

    /// Removes group and world access from `path` if it is ours; throws
    /// `insecurePermissions` if others can access it and it belongs to
    /// someone else. The owner's own bits are kept, so a store the user made
    /// read-only stays read-only (and is reported as such).
    static func enforcePrivate(_ path: String) throws {
        guard let st = status(path), st.mode & 0o077 != 0 else { return }
        if st.owner == geteuid() {
            if chmod(path, st.mode & 0o700) != 0 {
                throw StoreError.insecurePermissions(
                    path: path, detail: "mode \(octal(st.mode)) could not be changed: \(errnoText())")
            }
        } else {
            throw StoreError.insecurePermissions(
                path: path, detail: "mode \(octal(st.mode)), owned by user id \(st.owner)")
        }
    }

    /// Creates a directory (and missing parents) with mode 0700.
    static func makeDirectory(_ path: String) throws {
        try withPrivateUmask {
            do {
                try FileManager.default.createDirectory(
                    atPath: path, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: Int(directoryMode)])
            } catch let error as CocoaError
                where error.code == .fileWriteVolumeReadOnly || error.code == .fileWriteNoPermission {
                throw StoreError.readOnly(path: path)
            } catch {
                throw StoreError.fileWrite(path: path, detail: "the directory could not be created")
            }
        }
        chmod(path, directoryMode)
    }

    static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
