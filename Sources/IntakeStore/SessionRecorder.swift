import Foundation

/// Something events can be appended to. `SessionStore` is one; tests and
/// the program can inject others (e.g. one that fails like a full disk).
public protocol EventSink: AnyObject {
    /// Appends and commits one event; returns its seq.
    func append(session: SessionID, payload: Data, at: Date) throws -> Int
}

extension SessionStore: EventSink {}

/// Records a running interview's events without ever losing one.
///
/// `record` tries to append at once. If the store fails (disk full,
/// read-only, I/O error, locked, …) the event is kept in an in-memory queue,
/// `lastError` gets a sentence for the screen, and the next `record` or
/// `retry` flushes the queue first, in order, with the original timestamps.
/// An interview cannot be repeated, so the program should keep going and
/// show `lastError` while `pendingCount > 0`.
///
/// Not thread-safe: use it from the interview loop only.
public final class SessionRecorder {
    /// An event waiting to be saved.
    public struct PendingEvent: Equatable, Sendable {
        public var payload: Data
        public var at: Date
    }

    public let session: SessionID
    /// Where events go. Replaceable, e.g. by a store reopened after the
    /// problem was fixed; the queue is kept.
    public var sink: any EventSink

    /// Events not yet saved, oldest first.
    public private(set) var pending: [PendingEvent] = []
    /// A sentence for the screen while something is unsaved, nil otherwise,
    /// e.g. "Can't save: the disk is full. The interview is kept in memory;
    /// saving will be retried."
    public private(set) var lastError: String?
    /// The error behind `lastError`.
    public private(set) var lastStoreError: StoreError?

    public var pendingCount: Int { pending.count }

    public init(sink: any EventSink, session: SessionID) {
        self.sink = sink
        self.session = session
    }

    /// Queues the event and saves everything pending, in order.
    /// - Returns: true if this event and all earlier ones are saved.
    @discardableResult
    public func record(_ payload: Data, at: Date = Date()) -> Bool {
        pending.append(PendingEvent(payload: payload, at: at))
        return retry()
    }

    /// Saves pending events in order, stopping at the first failure.
    /// - Returns: true if nothing is pending any more.
    @discardableResult
    public func retry() -> Bool {
        while let next = pending.first {
            do {
                _ = try sink.append(session: session, payload: next.payload, at: next.at)
                pending.removeFirst()
            } catch {
                let storeError = error as? StoreError ?? .database(path: "", detail: "unexpected error")
                lastStoreError = storeError
                lastError = "Can't save: \(storeError.saveFailureReason). "
                    + "The interview is kept in memory; saving will be retried."
                return false
            }
        }
        lastError = nil
        lastStoreError = nil
        return true
    }
}
