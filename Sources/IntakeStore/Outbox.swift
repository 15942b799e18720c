import Foundation
import IntakeCore

/// The folder finished sessions are sealed into (`sealed_dir`), seen as a
/// queue for the collection server. A file `NAME.sealed` waits until the
/// server has confirmed it; then either it is deleted, or a receipt
/// `NAME.sealed.sent` (the digest the server confirmed) is written beside
/// it. Counting what waits reads only the folder's names, so the start
/// screen can show it without reading or hashing a file.
public struct Outbox: Sendable {
    public let folder: URL
    public static let sealedExtension = "sealed"
    public static let receiptSuffix = ".sent"

    public init(folder: URL) { self.folder = folder }

    /// Sealed files not yet confirmed by the server, by name.
    public func waiting() -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let set = Set(names)
        return names.filter { $0.hasSuffix("." + Self.sealedExtension) && !set.contains($0 + Self.receiptSuffix) }
            .sorted().map { folder.appendingPathComponent($0) }
    }

    public func waitingCount() -> Int { waiting().count }

    /// Records that the server confirmed `file` with `digest`: deletes it
    /// (`delete`), or writes its receipt (0600).
    public func confirm(_ file: URL, digest: String, delete: Bool) throws {
        if delete {
            try FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(atPath: file.path + Self.receiptSuffix)
        } else {
            try SecureFile.write(Data((digest + "\n").utf8), to: URL(fileURLWithPath: file.path + Self.receiptSuffix))
        }
    }
}

/// A file holding a bearer token for the collection server: its first line.
/// Refused unless it is a regular file of the current user that no one else
/// can read (chmod 600), as a token there is as good as a password.
public enum TokenFile {
    public static func read(_ path: String) throws -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { throw StoreError.tokenFile(path: path, problem: Permissions.errnoText().lowercased()) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw StoreError.tokenFile(path: path, problem: "it is not a regular file") }
        guard st.st_uid == geteuid() else {
            throw StoreError.tokenFile(path: path, problem: "it belongs to another user (id \(st.st_uid))")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw StoreError.tokenFile(path: path, problem: "other users can access it (mode \(Permissions.octal(st.st_mode & 0o777))); run chmod 600 on it")
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)?.split(whereSeparator: \.isNewline).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            throw StoreError.tokenFile(path: path, problem: "its first line holds no token")
        }
        return text
    }
}
