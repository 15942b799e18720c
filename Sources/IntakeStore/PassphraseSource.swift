import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the store passphrase comes from. The caller decides how to ask
/// (prompt without echo, a file for unattended use); the store only reads.
public enum PassphraseSource: Sendable, Equatable {
    /// The passphrase itself.
    case value(String)
    /// A file whose first line is the passphrase (trailing newline and
    /// carriage return stripped). Refused if group or world can read it.
    case file(String)

    /// The fewest characters (Swift `Character`s) a new store's passphrase
    /// may have, whether typed at the prompt or read from a file.
    public static let minimumNewLength = 8

    /// The environment variable naming a passphrase file.
    public static let fileEnvironmentVariable = "INTAKE_PASSPHRASE_FILE"

    /// `.file(path)` if `INTAKE_PASSPHRASE_FILE` is set and non-empty.
    public static func fromEnvironment(_ environment: [String: String]) -> PassphraseSource? {
        guard let path = environment[fileEnvironmentVariable], !path.isEmpty else { return nil }
        return .file(path)
    }

    /// Reads the passphrase. Throws `StoreError.passphraseFile` or
    /// `StoreError.emptyPassphrase`; the error never contains the secret.
    public func resolve() throws -> String {
        switch self {
        case let .value(value):
            guard !value.isEmpty else { throw StoreError.emptyPassphrase }
            return value
        case let .file(path):
            return try Self.read(path: path)
        }
    }

    private static func read(path: String) throws -> String {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw StoreError.passphraseFile(path: path, problem: Permissions.errnoText().lowercased())
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.passphraseFile(path: path, problem: "it is not a regular file")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw StoreError.passphraseFile(
                path: path,
                problem: "other users can access it (mode \(Permissions.octal(st.st_mode & 0o777))); run chmod 600 on it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.passphraseFile(path: path, problem: "it cannot be read")
        }
        // Bytes, not Characters: "\r\n" is a single Character in Swift.
        var line = data.prefix { $0 != UInt8(ascii: "\n") }
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard let text = String(data: Data(line), encoding: .utf8) else {
            throw StoreError.passphraseFile(path: path, problem: "it is not UTF-8 text")
        }
        guard !text.isEmpty else {
            throw StoreError.passphraseFile(path: path, problem: "its first line is empty")
        }
        return text
    }
}
