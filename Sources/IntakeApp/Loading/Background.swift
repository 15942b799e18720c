import Foundation
import IntakeCore

/// Work started on a worker thread now, whose result is waited for later:
/// what the first screen does not need is loaded beside it.
final class Pending<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: T?  // guarded by `condition`

    init(on queue: DispatchQueue, _ work: @escaping @Sendable () -> T) {
        queue.async {
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

/// Worker queues for loading, one core fewer than the machine has: the
/// thread that draws the first screen keeps a core. Work is spread by lane.
enum LoadingLanes {
    static func queue(_ lane: Int) -> DispatchQueue { lanes[lane % lanes.count] }
    private static let lanes = (0..<max(1, ProcessInfo.processInfo.activeProcessorCount - 1)).map {
        DispatchQueue(label: "intake.loading.\($0)", qos: .userInitiated)
    }
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

/// `transform` applied to every element, spread over the machine's cores,
/// with the results in the original order.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let slots = ResultSlots(base: base)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            (slots.base + i).pointee = transform(items[i])
        }
    }
    return results.map { $0! }
}

/// The result buffer of `parallelMap`: each iteration writes only its own
/// slot, so sharing it between threads is safe.
private struct ResultSlots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R?>
}

/// `transform` applied to every element on `threads` threads, each taking
/// the next element in turn, with the results in the original order. For
/// work that waits on the disk (more threads than cores keep the cores
/// busy), where `parallelMap` would run only as many as there are cores,
/// and for work whose closure is not `Sendable` (the summary batch's
/// caches). The caller makes sure that what `transform` shares is safe to
/// share. `transform` is also given the number of the thread that calls
/// it, from 0 to `threads - 1`: one thread has each number, so a caller
/// can keep what each thread uses apart (the summary batch's caches).
public func concurrentMap<T, R>(_ items: [T], threads: Int, _ transform: @escaping (_ thread: Int, T) -> R) -> [R] {
    // `transform` is escaping: a thread may still hold it for a moment after
    // it has handed over its last result (`withoutActuallyEscaping` would trap).
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let shared = Unchecked((items: items, transform: transform, slots: base, next: Counter()))
        let group = DispatchGroup()
        for thread in 0..<max(1, min(threads, items.count)) {
            group.enter()
            Thread.detachNewThread {
                let s = shared.value
                while true {
                    let i = s.next.take()
                    guard i < s.items.count else { break }
                    (s.slots + i).pointee = s.transform(thread, s.items[i])
                }
                group.leave()
            }
        }
        group.wait()
    }
    return results.map { $0! }
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
