import Testing
import IntakeTestSupport
@testable import IntakeTUI

/// `BoundedCache` answers a key equal to the last one looked up from that
/// entry, before its table. These hold the two together: on seeded lookups
/// every value is the one `make` gives for the key, and `make` runs exactly
/// when a cache with the table alone would run it.
@Suite struct BoundedCacheTests {
    /// A key like the footer's: an array that is sometimes the very array
    /// looked up before (shared storage) and sometimes an equal one built anew.
    struct Key: Hashable, Sendable {
        var items: [String]
        var width: Int
    }

    static let words = ["Next", "Back", "Hide", "Move", "Skip", "Don't know", "Quit", "中文", "é"]

    /// What `make` computes for a key, written here and not by the cache.
    static func value(_ k: Key) -> String { k.items.joined(separator: "|") + "@\(k.width)" }

    @Test(arguments: [1, 3, 8, 64])
    func everyValueIsTheKeysOwnAndMakeRunsOnlyOnAMiss(capacity: Int) {
        var rng = SplitMix64(seed: 0xCAC4E + UInt64(capacity))
        let cache = BoundedCache<Key, String>(capacity: capacity)
        // The table alone, as the cache kept it before the memo: emptied when full.
        var model: [Key: String] = [:]
        var previous: Key?
        var makes = 0, expectedMakes = 0
        for step in 0..<20_000 {
            let key: Key
            switch rng.next() % 4 {
            case 0 where previous != nil: key = previous!  // the same arrays again
            case 1 where previous != nil: key = Key(items: previous!.items.map { String($0) + "" }, width: previous!.width)  // equal, built anew
            default:
                let n = Int(rng.next() % 3)
                key = Key(items: (0..<n).map { _ in Self.words[Int(rng.next() % UInt64(Self.words.count))] },
                          width: 78 + Int(rng.next() % 3))
            }
            if model[key] == nil {
                expectedMakes += 1
                if model.count >= capacity { model.removeAll() }
                model[key] = Self.value(key)
            }
            let got = cache.value(for: key) {
                makes += 1
                return Self.value(key)
            }
            #expect(got == Self.value(key), "step \(step): \(key)")
            previous = key
        }
        #expect(makes == expectedMakes)
        #expect(cache.count <= capacity)
    }
}
