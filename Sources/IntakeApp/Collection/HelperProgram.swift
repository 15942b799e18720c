import Foundation
import IntakeCore
#if canImport(Glibc)
import Glibc
#endif

/// The programs installed beside `intake` that hold its network side:
/// `intake-server` (the collection service and its admin commands) and
/// `intake-sync` (submitting and pulling). `intake` execs them, so the
/// interview binary itself never links or starts SwiftNIO.
public enum HelperProgram: String, Sendable {
    case server = "intake-server"
    case sync = "intake-sync"

    /// The helper's path: beside the running `intake` (symbolic links followed).
    public var path: String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent(rawValue).path
    }

    /// Replaces this process with the helper; returns only by throwing.
    public func exec(_ arguments: [String]) throws -> Never {
        let path = self.path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            printError("intake: \(rawValue) is not installed beside intake (looked for \(Sanitize.singleLine(path))); build it with 'swift build -c release --product \(rawValue)' and install it in the same folder")
            throw Failure.failed
        }
        fflush(nil)  // every output stream: what was printed before must not be lost
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        printError("intake: could not start \(Sanitize.singleLine(path)): \(String(cString: strerror(errno)))")
        throw Failure.failed
    }
}

/// `intake sessions submit`: where the queue is, where it goes, and with
/// which token, from the organisation config; then `intake-sync submit`.
public enum SubmitRun {
    public static func arguments(organisation: Organisation, storeDirectory: URL, server: String?, tokenFile: String?,
                                 deleteAfterConfirm: Bool, attempts: Int, caFile: String?) throws -> [String] {
        guard let server = server ?? organisation.config.serverURL else {
            printError("intake: no collection server: add server_url to the organisation config (or give --server)")
            throw Failure.usage
        }
        let outbox = organisation.config.sealedDirectory ?? storeDirectory.appendingPathComponent("sealed").path
        var args = ["submit", "--server", server, "--outbox", outbox, "--attempts", String(attempts)]
        // The token file from the option or the config; else intake-sync reads INTAKE_DEVICE_TOKEN.
        if let file = tokenFile ?? organisation.config.deviceTokenFile { args += ["--token-file", file] }
        if let caFile { args += ["--ca-file", caFile] }
        if deleteAfterConfirm { args.append("--delete-after-confirm") }
        return args
    }
}
