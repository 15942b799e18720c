import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes private files (exports) atomically.
public enum SecureFile {
    /// Writes `data` to `url` with mode 0600, atomically: the bytes go to a
    /// 0600 temporary file in the same directory (created with O_EXCL, never
    /// more permissive than 0600 at any moment), which is fsync-ed and then
    /// renamed over `url`; the directory is fsync-ed so the rename survives a
    /// power loss. Readers see the old file or the new one, never a half.
    /// On failure the temporary file is removed and `url` is untouched.
    public static func write(_ data: Data, to url: URL) throws {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        let tempPath = directory + "/." + url.lastPathComponent + ".tmp-" + UUID().uuidString.prefix(8).lowercased()

        let fd = Permissions.withPrivateUmask {
            open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, Permissions.fileMode)
        }
        guard fd >= 0 else { throw failure(path, errno) }
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        do {
            defer { close(fd) }
            guard fchmod(fd, Permissions.fileMode) == 0 else { throw failure(path, errno) }
            do {
                try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: data)
            } catch {
                throw failure(path, errno)
            }
            guard fsync(fd) == 0 else { throw failure(path, errno) }
        }
        guard rename(tempPath, path) == 0 else { throw failure(path, errno) }
        ok = true
        syncDirectory(directory)
    }

    static func syncDirectory(_ path: String) {
        let dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> StoreError {
        switch code {
        case ENOSPC: return .diskFull(path: path)
        case EROFS, EACCES, EPERM: return .readOnly(path: path)
        default: return .fileWrite(path: path, detail: Permissions.errnoText(code))
        }
    }
}
