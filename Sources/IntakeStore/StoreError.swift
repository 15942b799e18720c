import Foundation

/// Everything that can go wrong in the store, worded for the advocate at the
/// keyboard: each `description` is one plain sentence, with no stack trace and
/// never a sensitive value (no passphrase, no answer, no remark).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The passphrase does not unlock this store.
    case wrongPassphrase
    /// The passphrase is empty.
    case emptyPassphrase
    /// A new passphrase (of a new store, or the one a store is changed to)
    /// is shorter than `minimum` characters.
    case passphraseTooShort(minimum: Int)
    /// The passphrase file could not be used (missing, unreadable, empty or
    /// readable by other users).
    case passphraseFile(path: String, problem: String)
    /// A collection server token file could not be used (missing, not the
    /// user's, readable by others, empty).
    case tokenFile(path: String, problem: String)
    /// No store exists at this path and the caller did not ask to create one.
    case notFound(path: String)
    /// The database file is damaged or is not a store at all. It is left
    /// exactly as it was; nothing is repaired or overwritten.
    case corrupt(path: String, detail: String)
    /// The store (directory or file) cannot be written.
    case readOnly(path: String)
    /// The store directory or a file in it is accessible to other users and
    /// its permissions cannot be fixed (someone else owns it), or it is not
    /// a plain file (e.g. a symbolic link).
    case insecurePermissions(path: String, detail: String)
    /// The disk is full.
    case diskFull(path: String)
    /// The operating system reported an input/output error.
    case ioError(path: String, detail: String)
    /// Another program holds a lock on the store.
    case busy(path: String)
    /// No session with this id exists in the store.
    case sessionNotFound(SessionID)
    /// A stored value failed authentication: it was altered, or copied from
    /// another row or another store.
    case tampered(what: String)
    /// The store was written by a newer version of the program.
    case unsupportedFormat(path: String, detail: String)
    /// The store was written by an earlier version of the program and is
    /// upgraded when it is opened for writing, which this read-only open
    /// cannot do.
    case needsUpgrade(path: String)
    /// The key-derivation parameters are out of range.
    case invalidKDFParameters(String)
    /// An export or other file could not be written.
    case fileWrite(path: String, detail: String)
    /// A sealed export could not be opened: not such a file, damaged, or
    /// sealed to a different key.
    case sealedExport(String)
    /// An organisation key file could not be used: not a key file, damaged,
    /// or the wrong passphrase.
    case keyFile(String)
    /// A public key given to seal an export to is a weak (low-order) X25519
    /// key: the shared secret would be all zero, known to anyone.
    case unsafeRecipientKey
    /// The store's passphrase was changed (by `intake store passphrase`)
    /// after this program opened it; nothing more is written with the old key.
    case passphraseChanged(path: String)
    /// Any other database failure.
    case database(path: String, detail: String)

    public var description: String {
        switch self {
        case .wrongPassphrase:
            return "The passphrase is not correct for this session store; nothing was changed."
        case .emptyPassphrase:
            return "The passphrase is empty; a session store needs a passphrase."
        case let .passphraseTooShort(minimum):
            return "A new passphrase must have at least \(minimum) characters; nothing was changed."
        case let .passphraseFile(path, problem):
            return "Cannot use the passphrase file \(path): \(problem)."
        case let .tokenFile(path, problem):
            return "Cannot use the token file \(path): \(problem)."
        case let .notFound(path):
            return "There is no session store at \(path)."
        case let .corrupt(path, detail):
            return "The session store \(path) is damaged or is not a session store (\(detail)); it was left untouched."
        case let .readOnly(path):
            return "The session store \(path) cannot be written (read-only file, directory or disk)."
        case let .insecurePermissions(path, detail):
            return "Refusing to use \(path) because it is not private to you (\(detail))."
        case let .diskFull(path):
            return "The disk holding the session store \(path) is full."
        case let .ioError(path, detail):
            return "The disk reported an input/output error on the session store \(path) (\(detail))."
        case let .busy(path):
            return "The session store \(path) is locked by another program."
        case let .sessionNotFound(id):
            return "There is no session \(id) in the store."
        case let .tampered(what):
            return "A stored record (\(what)) failed its integrity check: it was altered or copied from elsewhere."
        case let .unsupportedFormat(path, detail):
            return "The session store \(path) was written by a newer or unknown version of intake (\(detail))."
        case let .needsUpgrade(path):
            return "The session store \(path) was written by an earlier version of intake and is upgraded when it is next opened for writing, which a read-only open cannot do."
        case let .invalidKDFParameters(detail):
            return "The key-derivation parameters are not acceptable (\(detail))."
        case let .fileWrite(path, detail):
            return "Could not write the file \(path) (\(detail))."
        case let .sealedExport(detail):
            return "The sealed export cannot be opened (\(detail))."
        case let .keyFile(detail):
            return "The organisation key file cannot be used (\(detail))."
        case .unsafeRecipientKey:
            return "Refusing to seal to this public key: it is a weak (low-order) X25519 key that would let anyone read the export."
        case let .passphraseChanged(path):
            return "The passphrase of the session store \(path) was changed after this program opened it; open it again with the new passphrase."
        case let .database(path, detail):
            return "The session store \(path) reported an error (\(detail))."
        }
    }

    /// The short reason used in "Can't save: <reason>." on the screen.
    public var saveFailureReason: String {
        switch self {
        case .diskFull: return "the disk is full"
        case .readOnly: return "the session store is read-only"
        case .ioError: return "the disk reported an error"
        case .busy: return "the session store is locked by another program"
        case .sessionNotFound: return "the session is missing from the store"
        default: return "the session store reported an error"
        }
    }
}

extension StoreError: LocalizedError {
    /// The same sentence as `description`, so `localizedDescription` works.
    public var errorDescription: String? { description }
}
