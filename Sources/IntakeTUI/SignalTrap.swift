#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The SIGWINCH handler curses installed, called by the one that replaces
/// it (`SignalTrap.chainResize`); set once, before that handler is installed.
nonisolated(unsafe) private var cursesResize: (@convention(c) (Int32) -> Void)?

/// The last signal caught, 0 for none. Written by the handler, read by the
/// run loop; a lock-free atomic store is async-signal-safe.
private let pendingSignal = Atomic<Int32>(0)

/// The write end of the wake pipe, -1 until it is made; read by the handler
/// with an atomic load, so the handler never runs the pipe's lazy set-up.
private let wakeWriteEnd = Atomic<Int32>(-1)

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

    /// Installs the handlers (they store the signal number and wake the
    /// run loop's wait; see `wakeDescriptor`).
    public static func install() {
        _ = wakeDescriptor  // the pipe exists before any handler can write to it
        for sig in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { SignalTrap.caught($0) }
            #else
            action.__sigaction_u.__sa_handler = { SignalTrap.caught($0) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns early
            sigaction(sig, &action, nil)
        }
    }

    /// What a handler does: only an atomic store and a write(2), both
    /// async-signal-safe, with errno kept for the code the signal interrupted.
    private static func caught(_ sig: Int32) {
        pendingSignal.store(sig, ordering: .relaxed)
        wake()
    }

    /// Writes a byte to the wake pipe (a full pipe is already awake).
    static func wake() {
        let fd = wakeWriteEnd.load(ordering: .relaxed)
        guard fd >= 0 else { return }
        let saved = errno
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
        errno = saved
    }

    /// The read end of a pipe that every caught signal writes a byte to, for
    /// the run loop to wait on beside the keyboard: its wait for a key has
    /// no time limit while nothing on screen changes with time, and a signal
    /// caught after the loop last looked, and before the wait began, still
    /// ends the wait at once, whichever thread the kernel gave it to. Made
    /// once, non-blocking, closed on exec; -1 if it cannot be made (the
    /// wait then has a limit: see `Runner`).
    public static let wakeDescriptor: Int32 = {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }  // pipe2 is not in Swift's Glibc module
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeWriteEnd.store(fds[1], ordering: .relaxed)
        return fds[0]
    }()

    /// Empties the wake pipe (before the loop looks for signals again).
    public static func drainWake() {
        guard wakeDescriptor >= 0 else { return }
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &buffer, { read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Chains the handler curses installed for SIGWINCH (it notes the new
    /// size for the next key read) with a write to the wake pipe, so that a
    /// resize ends a wait with no time limit even when the kernel gave the
    /// signal to a thread other than the one waiting. Called after curses
    /// has started; does nothing when curses installed no plain handler.
    public static func chainResize() {
        _ = wakeDescriptor
        var current = sigaction()
        guard sigaction(SIGWINCH, nil, &current) == 0, current.sa_flags & SA_SIGINFO == 0 else { return }
        #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
        #else
        let handler = current.__sigaction_u.__sa_handler
        #endif
        guard let handler, unsafeBitCast(handler, to: Int.self) > 1 else { return }  // not SIG_DFL (0) or SIG_IGN (1)
        cursesResize = handler
        #if canImport(Glibc)
        current.__sigaction_handler.sa_handler = { sig in cursesResize?(sig); SignalTrap.wake() }
        #else
        current.__sigaction_u.__sa_handler = { sig in cursesResize?(sig); SignalTrap.wake() }
        #endif
        sigaction(SIGWINCH, &current, nil)
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

    /// Does what a handler does (for tests).
    static func simulate(_ sig: Int32) {
        _ = wakeDescriptor
        caught(sig)
    }
}
