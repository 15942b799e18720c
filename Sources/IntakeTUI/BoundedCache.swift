import Synchronization

/// Values computed from a key and kept for the next frames: what a frame
/// computes seldom changes from one key to the next (laid-out paragraphs,
/// the title bar and footer as drawn, the footer's items). Bounded, and
/// emptied when full, so a long session's memory stays flat. Each app owns
/// its caches (no global), and a lookup gives what computing would give, so
/// the view stays a function of the model.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    private let table = Mutex<[Key: Value]>([:])

    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, computed by `make` the first time.
    func value(for key: Key, make: () -> Value) -> Value {
        if let hit = table.withLock({ $0[key] }) { return hit }
        let value = make()
        table.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = value
        }
        return value
    }

    var count: Int { table.withLock { $0.count } }
}
