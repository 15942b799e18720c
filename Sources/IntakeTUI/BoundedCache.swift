import Synchronization

/// Values computed from a key and kept for the next frames: what a frame
/// computes seldom changes from one key to the next (laid-out paragraphs,
/// the title bar and footer as drawn, the footer's items). Bounded, and
/// emptied when full, so a long session's memory stays flat. Each app owns
/// its caches (no global), and a lookup gives what computing would give, so
/// the view stays a function of the model.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    private let table = Mutex<Table>(Table())

    private struct Table {
        var entries: [Key: Value] = [:]
        /// The entries looked up last, the newest at `next - 1`. A frame
        /// mostly asks what the last frame asked (the same title bar and
        /// footer, the same options), and an equal key is found by `==`,
        /// which for arrays that share their storage (the footer's items,
        /// handed out by a cache) is one compare of pointers, where the
        /// table hashed every item's strings: hashing the title's and the
        /// footer's keys was an eighth of a frame's view (bench/README.md,
        /// "Issue 19, round 6: keystrokes"). A few, not one: the title bar
        /// and the footer share a cache, and one entry would alternate
        /// between them. Checked against the table alone on seeded lookups
        /// (`BoundedCacheTests`).
        var recent: [(key: Key, value: Value)] = []
        var next = 0

        mutating func remember(_ key: Key, _ value: Value) {
            if recent.count < BoundedCache.recentCount {
                recent.append((key, value))
            } else {
                recent[next] = (key, value)
            }
            next = (next + 1) % BoundedCache.recentCount
        }
    }

    /// How many of the last entries looked up are compared before hashing.
    static var recentCount: Int { 4 }

    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, computed by `make` the first time.
    func value(for key: Key, make: () -> Value) -> Value {
        let hit = table.withLock { t -> Value? in
            for entry in t.recent where entry.key == key { return entry.value }
            guard let found = t.entries[key] else { return nil }
            t.remember(key, found)
            return found
        }
        if let hit { return hit }
        let value = make()
        table.withLock {
            if $0.entries.count >= capacity {
                $0.entries.removeAll(keepingCapacity: true)
                $0.recent.removeAll(keepingCapacity: true)  // every one remembered is in the table
            }
            $0.entries[key] = value
            $0.remember(key, value)
        }
        return value
    }

    var count: Int { table.withLock { $0.entries.count } }
}
