import Foundation
import IntakeCore

/// Writes to standard error, through the sanitizing rule: messages quote
/// file names, arguments and data.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((Sanitize.multiLine(message) + "\n").utf8))
}

/// A failure already reported to the user (on standard error); the command
/// line ends the program with `code` (as an `ExitCode`).
public struct Failure: Error, Equatable {
    public var code: Int32
    public init(code: Int32) { self.code = code }

    /// Errors in the data or the store: exit status 1.
    public static let failed = Failure(code: 1)
    /// A usage error (a name or file that does not exist): exit status 2.
    public static let usage = Failure(code: 2)
}
