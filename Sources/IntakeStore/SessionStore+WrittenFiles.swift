import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files written outside the database for a session (exports, sealed
/// copies), so that deleting the session can remove them too. The list is
/// an artifact of kind `written-files` (a sealed JSON array of absolute
/// paths); only that kind name is in the clear. It stays on this computer:
/// it is left out of `export(session:)` and so of sealed exports.
extension SessionStore {
    public static let writtenFilesKind = "written-files"

    /// Adds `urls` to the session's list of written files.
    public func recordWrittenFiles(session id: SessionID, _ urls: [URL]) throws {
        var paths = try writtenFiles(session: id)
        for url in urls {
            let path = url.standardizedFileURL.path
            if !paths.contains(path) { paths.append(path) }
        }
        let data = try JSONEncoder().encode(paths)
        try putArtifact(session: id, kind: Self.writtenFilesKind, data: data)
    }

    /// The absolute paths of the files written for the session, in the order first written.
    public func writtenFiles(session id: SessionID) throws -> [String] {
        guard let data = try artifact(session: id, kind: Self.writtenFilesKind) else { return [] }
        guard let paths = try? JSONDecoder().decode([String].self, from: data) else {
            throw StoreError.tampered(what: "artifact \(Self.writtenFilesKind) of session \(id)")
        }
        return paths
    }

    /// What became of the files written for a session when it was deleted.
    public struct RemovedFiles: Equatable, Sendable {
        /// Removed now.
        public var removed: [String] = []
        /// Already gone (moved or deleted by someone).
        public var missing: [String] = []
        /// Still there: path and why it could not be removed.
        public var kept: [Kept] = []

        public struct Kept: Equatable, Sendable {
            public var path: String
            public var reason: String
        }
    }

    /// Removes the files written for the session (it does not delete the
    /// session: call `delete(session:)` after, so a failure here leaves the
    /// list in place to try again). Files are unlinked; on an SSD their
    /// blocks may survive until reused, which is why plaintext exports are
    /// opt-in.
    public func removeWrittenFiles(session id: SessionID) throws -> RemovedFiles {
        var result = RemovedFiles()
        for path in try writtenFiles(session: id) {
            if unlink(path) == 0 {
                result.removed.append(path)
            } else if errno == ENOENT {
                result.missing.append(path)
            } else {
                result.kept.append(.init(path: path, reason: Permissions.errnoText(errno)))
            }
        }
        return result
    }
}
