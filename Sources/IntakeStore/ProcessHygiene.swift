import CProcessHygiene
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Process settings that keep decrypted records out of files the program
/// does not control. Call `apply()` first thing in `main`.
public enum ProcessHygiene {
    /// - No core dumps: RLIMIT_CORE 0 (soft and hard), and on Linux
    ///   prctl(PR_SET_DUMPABLE, 0), which also covers a core_pattern pipe
    ///   (systemd-coredump, apport ignore RLIMIT_CORE) and keeps other
    ///   processes of the same user from attaching or reading its memory.
    /// - SIGXFSZ ignored: a write beyond the file-size limit then fails with
    ///   EFBIG, which the store reports as a save failure (the interview stays
    ///   in memory), instead of the signal killing the program and dumping
    ///   core.
    public static func apply() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        #if canImport(Glibc)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        #else
        _ = setrlimit(RLIMIT_CORE, &none)
        #endif
        _ = intake_set_not_dumpable()
        _ = signal(SIGXFSZ, SIG_IGN)
    }
}
