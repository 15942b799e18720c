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
