import Foundation
import IntakeCore

/// Work started on a worker thread now, whose result is waited for later:
/// what the first screen does not need is loaded beside it.
final class Pending<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: T?  // guarded by `condition`

    init(on lane: Lane, _ work: @escaping @Sendable () -> T) {
        lane.run {
            let r = work()
            self.condition.lock()
            self.result = r
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// The result if the work has finished; nil, without waiting, if not.
    func peek() -> T? {
        condition.lock()
        defer { condition.unlock() }
        return result
    }

    /// The result, waiting for it if the work has not finished.
    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}

/// A worker thread that runs the work given to it in turn: started when work
/// arrives, ended when none is left. Threads of the program's own, not
/// Dispatch queues: once libdispatch on Linux has started a worker thread, it
/// wakes every second for as long as the process lives, to watch its pool
/// (`_dispatch_workq_monitor_pools`, a timer it never stops), so an idle
/// interview was never idle (bench/README.md, "Issue 19, round 13").
final class Lane: @unchecked Sendable {
    private let condition = NSCondition()
    private var work: [@Sendable () -> Void] = []  // guarded by `condition`
    private var running = false                    // guarded: a thread is taking `work`

    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        work.append(job)
        let start = !running
        running = true
        condition.unlock()
        if start { Thread.detachNewThread { self.drain() } }
    }

    private func drain() {
        while true {
            condition.lock()
            guard !work.isEmpty else {
                running = false
                condition.unlock()
                return
            }
            let job = work.removeFirst()
            condition.unlock()
            job()
        }
    }
}

/// Worker lanes for loading, one core fewer than the machine has: the
/// thread that draws the first screen keeps a core. Work is spread by lane.
enum LoadingLanes {
    static func lane(_ n: Int) -> Lane { lanes[n % lanes.count] }
    private static let lanes = (0..<max(1, ProcessInfo.processInfo.activeProcessorCount - 1)).map { _ in Lane() }
}

/// Errors of a data file found while it loaded in the background; the
/// program prints them once the terminal is restored, and exits 1.
public struct LoadFailure: Error {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// A value computed by the first caller that asks for it (callers are on one thread).
final class Once<T> {
    private var work: (() -> T)?
    private var result: T?
    init(_ work: @escaping () -> T) { self.work = work }
    var value: T {
        if let result { return result }
        let r = work!()
        result = r
        work = nil
        return r
    }
}

/// `transform` applied to every element, spread over the machine's cores
/// (the calling thread is one of them), with the results in the original order.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    concurrentMap(items, threads: ProcessInfo.processInfo.activeProcessorCount) { _, item in transform(item) }
}

/// `transform` applied to every element on `threads` threads, each taking
/// the next element in turn, with the results in the original order; the
/// calling thread is one of them (thread 0), and the others are started for
/// the call. For work that waits on the disk (more threads than cores keep
/// the cores busy), and for work whose closure is not `Sendable` (the
/// summary batch's caches). The caller makes sure that what `transform`
/// shares is safe to share. `transform` is also given the number of the
/// thread that calls it, from 0 to `threads - 1`: one thread has each
/// number, so a caller can keep what each thread uses apart (the summary
/// batch's caches).
public func concurrentMap<T, R>(_ items: [T], threads: Int, _ transform: @escaping (_ thread: Int, T) -> R) -> [R] {
    // `transform` is escaping: a thread may still hold it for a moment after
    // it has handed over its last result (`withoutActuallyEscaping` would trap).
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let shared = Unchecked((items: items, transform: transform, slots: base, next: Counter()))
        @Sendable func work(_ thread: Int) {
            let s = shared.value
            while true {
                let i = s.next.take()
                guard i < s.items.count else { break }
                (s.slots + i).pointee = s.transform(thread, s.items[i])
            }
        }
        let helpers = max(1, min(threads, items.count)) - 1
        let finished = Countdown(helpers)
        for thread in 0..<helpers {
            Thread.detachNewThread {
                work(thread + 1)
                finished.done()
            }
        }
        work(0)
        finished.wait()
    }
    return results.map { $0! }
}

/// Waits until `done` has been called as many times as it was made with.
private final class Countdown: @unchecked Sendable {
    private let condition = NSCondition()
    private var left: Int  // guarded by `condition`
    init(_ count: Int) { left = count }
    func done() {
        condition.lock()
        left -= 1
        if left == 0 { condition.broadcast() }
        condition.unlock()
    }
    func wait() {
        condition.lock()
        while left > 0 { condition.wait() }
        condition.unlock()
    }
}

/// The next index to take, shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0  // guarded by `lock`
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}

/// A value handed to other threads by a caller that guarantees it is used
/// safely there (each thread writes only its own result slots).
private struct Unchecked<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
