import Foundation
import Testing
@testable import IntakeStore

/// Two first runs at once on a store that does not exist yet (two
/// terminals, or a double-click): both must end with the same usable store.
@Suite struct FirstRunRaceTests {
    @Test func twoFirstOpensAtOnceBothSucceed() throws {
        // Real scrypt parameters: the key derivation is the window in which
        // both saw no key material yet.
        for _ in 0..<3 {
            let tmp = try TempDir()
            defer { tmp.remove() }
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            let results = Results()
            for _ in 0..<2 {
                DispatchQueue.global().async(group: group) {
                    start.wait()
                    do {
                        let store = try SessionStore.open(directory: tmp.store, passphrase: testPassphrase, create: true)
                        _ = try store.createSession(questionnaireID: "q", version: "1", hash: "h", header: json("{}"))
                        try store.close()
                        results.add(nil)
                    } catch {
                        results.add(String(describing: error))
                    }
                }
            }
            start.signal()
            start.signal()
            group.wait()
            #expect(results.all == [nil, nil])
            let store = try SessionStore.open(directory: tmp.store, passphrase: testPassphrase, create: false)
            #expect(try store.list().count == 2)
        }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String?] = []
        func add(_ v: String?) { lock.lock(); values.append(v); lock.unlock() }
        var all: [String?] { lock.lock(); defer { lock.unlock() }; return values }
    }
}
