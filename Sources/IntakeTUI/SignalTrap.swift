#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last signal caught, 0 for none. Written by the handler, read by the
/// run loop; a lock-free atomic store is async-signal-safe.
private let pendingSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the run loop polls, so the
/// app gets a `.signal` event, saves, and the terminal is restored, instead
/// of the process dying with the screen in raw mode.
public enum SignalTrap {
    /// Installs the handlers (they only store the signal number).
    public static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
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
        case SIGINT: return .interrupt
        case SIGTERM: return .terminate
        case SIGHUP: return .hangup
        default: return nil
        }
    }

    /// Sets the flag as a handler would (for tests).
    static func simulate(_ sig: Int32) { pendingSignal.store(sig, ordering: .relaxed) }
}
