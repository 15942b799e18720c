import Foundation
import IntakeCore
import IntakeStore
import IntakeTUI

/// Opening the session store.
public enum StoreAccess {
    /// The store folder: `given` (--store), else the default
    /// ($XDG_DATA_HOME/intake or ~/.local/share/intake).
    public static func directory(_ given: String?,
                                 environment: [String: String] = ProcessEnvironment.variables(["XDG_DATA_HOME", "HOME"])) -> URL {
        if let given { return URL(fileURLWithPath: given) }
        return SessionStore.defaultDirectory(environment: environment)
    }

    /// Opens the store in `dir`, asking for the passphrase on the terminal
    /// unless INTAKE_PASSPHRASE_FILE names a file. `create`: make a new
    /// store if none exists (the passphrase is asked twice).
    /// `readingOnly`: a command that only reads (list, show) still works on
    /// a store that cannot be written (read-only disk, folder or file): it
    /// is then opened read-only.
    public static func open(_ dir: URL, create: Bool, readingOnly: Bool = false) throws -> SessionStore {
        let exists = SessionStore.exists(at: dir)
        if !exists && !create {
            printError("intake: there is no session store at \(dir.path) yet; it is created by the first interview.")
            throw Failure.failed
        }
        do {
            let passphrase = try Passphrase.obtain(creating: !exists)
            do {
                return try SessionStore.open(directory: dir, passphrase: passphrase, create: !exists)
            } catch StoreError.readOnly where readingOnly && exists {
                return try SessionStore.open(directory: dir, passphrase: passphrase, create: false, mode: .readOnly)
            }
        } catch let e as StoreError {
            printError("intake: \(e.description)")
            throw Failure.failed
        }
    }
}

/// Asking for the store passphrase.
public enum Passphrase {
    public static func obtain(creating: Bool) throws -> String {
        if let source = PassphraseSource.fromEnvironment(ProcessInfo.processInfo.environment) {
            return try source.resolve()
        }
        guard let tty = TerminalPrompt() else {
            printError("intake: a passphrase is needed but there is no terminal to ask on; set \(PassphraseSource.fileEnvironmentVariable) to a file (mode 600) holding it.")
            throw Failure.failed
        }
        if creating {
            tty.say("This is the first interview on this computer. Choose a passphrase for the encrypted session store.\nKeep it safe: without it, saved sessions cannot be read.")
            return tty.askNewPassphrase()
        }
        let p = tty.ask("Passphrase for the session store: ")
        guard !p.isEmpty else { throw StoreError.emptyPassphrase }
        return p
    }
}

/// Reads a line from /dev/tty with echo off, so nothing typed stays on screen.
public struct TerminalPrompt {
    let fd: Int32

    public init?() {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    public func say(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// A new passphrase, typed twice, with the rule of
    /// `PassphraseSource.minimumNewLength` (SessionStore checks it too, for
    /// a passphrase file).
    public func askNewPassphrase() -> String {
        while true {
            let first = ask("New passphrase: ")
            if first.count < PassphraseSource.minimumNewLength {
                say("Please use at least \(PassphraseSource.minimumNewLength) characters.")
                continue
            }
            let again = ask("Repeat it: ")
            if first == again { return first }
            say("The two did not match. Please try again.")
        }
    }

    public func ask(_ prompt: String) -> String {
        var old = termios()
        let hasTermios = tcgetattr(fd, &old) == 0
        if hasTermios {
            var quiet = old
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        // The prompt only once echo is off and earlier input flushed, so
        // what is typed after it appears is neither echoed nor discarded.
        let p = Array(prompt.utf8)
        _ = p.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        defer {
            if hasTermios { tcsetattr(fd, TCSAFLUSH, &old) }
            say("")
        }
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        while Glibc.read(fd, &c, 1) == 1, c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r") {
            bytes.append(c)
            if bytes.count > 4096 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
