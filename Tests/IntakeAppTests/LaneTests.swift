import Foundation
import Testing
@testable import IntakeApp

/// The loading lanes and the worker threads of `concurrentMap` are threads of
/// the program's own (not Dispatch's, whose pool, once started, wakes the
/// process every second for good).
@Suite struct LaneTests {
    /// Work given to one lane runs in the order given, one piece at a time,
    /// and work given after the lane went quiet still runs.
    @Test func aLaneRunsItsWorkInTurnAndStartsAgainWhenGivenMore() {
        let lane = Lane()
        let log = Log()
        let pending = (0..<50).map { i in
            Pending(on: lane) { () -> Int in
                log.enter(i)
                usleep(100)
                log.leave()
                return i * 2
            }
        }
        #expect(pending.map { $0.wait() } == (0..<50).map { $0 * 2 })
        #expect(log.order == Array(0..<50))
        #expect(log.overlaps == 0)
        // The lane's thread has ended or is ending; more work starts one again.
        usleep(20_000)
        #expect(Pending(on: lane) { 7 }.wait() == 7)
    }

    /// `concurrentMap` runs thread 0's share on the calling thread, and the
    /// other numbers on threads of their own.
    @Test func theCallingThreadIsThreadZero() {
        let caller = pthread_self()
        let seen = ThreadsSeen()
        _ = concurrentMap(Array(0..<200), threads: 3) { thread, i -> Int in
            seen.add(thread: thread, onCaller: pthread_equal(pthread_self(), caller) != 0)
            usleep(50)
            return i
        }
        #expect(seen.zeroOnCaller)
        #expect(seen.othersOnCaller == 0)
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var order: [Int] = []
        private(set) var overlaps = 0
        func enter(_ i: Int) { lock.lock(); running += 1; if running > 1 { overlaps += 1 }; order.append(i); lock.unlock() }
        func leave() { lock.lock(); running -= 1; lock.unlock() }
    }

    final class ThreadsSeen: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var zeroOnCaller = true
        private(set) var othersOnCaller = 0
        func add(thread: Int, onCaller: Bool) {
            lock.lock(); defer { lock.unlock() }
            if thread == 0, !onCaller { zeroOnCaller = false }
            if thread != 0, onCaller { othersOnCaller += 1 }
        }
    }
}
