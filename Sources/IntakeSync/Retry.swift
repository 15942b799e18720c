import Foundation

/// When to try again after the server could not be reached: exponential
/// backoff with full jitter (a random wait between zero and the cap), so a
/// room of devices coming back online do not all knock at the same moment.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var firstDelay: Double
    public var maximumDelay: Double

    public init(attempts: Int = 6, firstDelay: Double = 0.5, maximumDelay: Double = 30) {
        self.attempts = max(1, attempts)
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// The longest wait before try number `attempt` + 1 (attempt counts from 1).
    public func cap(after attempt: Int) -> Double {
        min(maximumDelay, firstDelay * pow(2, Double(attempt - 1)))
    }

    /// Runs `operation` until it succeeds, fails for good, or the attempts
    /// are spent; `random` draws in 0..<1 (seeded in tests).
    public func run<T>(random: () -> Double, sleep: (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1e9)) },
                       _ operation: () async throws(CollectionClient.Failure) -> T) async throws(CollectionClient.Failure) -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                guard error.isRetryable, attempt < attempts else { throw error }
                await sleep(cap(after: attempt) * random())
                attempt += 1
            }
        }
    }
}

/// A small seeded generator (SplitMix64) for reproducible jitter in tests
/// and the load generator.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
