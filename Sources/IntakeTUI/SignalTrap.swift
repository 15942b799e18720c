#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last signal caught, 0 for none. Written by the handler, read by the
/// run loop; a lock-free atomic store is async-signal-safe.
private let pendingSignal = Atomic<Int32>(0)

/// Turns every catchable signal whose default action would end the program
/// into a flag the run loop polls, so the app gets a `.signal` event, saves,
/// and the terminal is cleared and restored, instead of the process dying
/// with the interview on screen and the terminal in raw mode: SIGINT,
/// SIGTERM, SIGHUP, and SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
/// SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, SIGXCPU, SIGPIPE and the real-time
/// signals. SIGXFSZ is not among them: `ProcessHygiene` ignores it, so a
/// write past the file-size limit is a save failure. SIGKILL and SIGSTOP
/// cannot be caught; crash signals (SIGSEGV, SIGABRT, SIGSYS, …) are
/// `CrashGuard`'s.
public enum SignalTrap {
    /// The signals trapped.
    public static var signals: [Int32] {
        var list = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGPIPE, SIGXCPU]
        #if os(Linux)
        list += [SIGIO, SIGPWR, SIGSTKFLT]
        list += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        #endif
        return list
    }

    /// Installs the handlers (they only store the signal number).
    public static func install() {
        for sig in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            #else
            action.__sigaction_u.__sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns early
            sigaction(sig, &action, nil)
        }
    }

    /// The signal caught since the last call, if any.
    public static func take() -> SignalKind? {
        switch pendingSignal.exchange(0, ordering: .relaxed) {
        case 0: return nil
        case SIGINT: return .interrupt
        case SIGTERM: return .terminate
        case SIGHUP: return .hangup
        case let sig: return .other(sig)
        }
    }

    /// Sets the flag as a handler would (for tests).
    static func simulate(_ sig: Int32) { pendingSignal.store(sig, ordering: .relaxed) }
}
