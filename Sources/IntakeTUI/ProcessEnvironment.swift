import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's environment variables, read one by one with `getenv`.
///
/// Foundation's `ProcessInfo.processInfo.environment` builds a dictionary of
/// the whole environment at every call; `intake run` asked it six times
/// before its first frame (the cache folder, the data folder, the
/// organisation config, the store folder, the terminal, `INTAKE_BIDI`), 2.1 M instructions
/// under callgrind, 9% of the first frame (bench/README.md, "Issue 19,
/// round 3"). The functions that take an `environment` dictionary (so that
/// tests can give their own) get one here with only the variables they read.
/// It lives in IntakeTUI, the lowest layer that may do I/O and that both
/// IntakeApp and the command line use; IntakeCore stays free of it.
public enum ProcessEnvironment {
    /// The variable's value, nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variables among `names` that are set, with their values.
    public static func variables(_ names: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for name in names { if let v = value(name) { out[name] = v } }
        return out
    }
}
