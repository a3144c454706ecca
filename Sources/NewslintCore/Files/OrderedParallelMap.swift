import Dispatch
import Foundation

/// Processes items on several threads and hands the results to `sink` in input order.
///
/// Items are taken in windows of `jobs × 16`: a window is processed concurrently, then its results are
/// passed on in order and dropped, so memory holds one window of results however many items there are,
/// and the output is identical to a serial run.
public enum OrderedParallelMap {
    public static func run<Item, Result>(
        _ items: [Item], jobs: Int, transform: @escaping @Sendable (Item) -> Result, sink: (Result) -> Void
    ) where Item: Sendable, Result: Sendable {
        let jobs = max(1, jobs)
        guard jobs > 1, items.count > 1 else {
            for item in items { sink(transform(item)) }
            return
        }
        let windowSize = jobs * 16
        var start = 0
        while start < items.count {
            let window = Array(items[start..<min(start + windowSize, items.count)])
            let results = ResultSlots<Result>(count: window.count)
            DispatchQueue.concurrentPerform(iterations: min(jobs, window.count)) { worker in
                var index = worker
                while index < window.count {
                    results.set(index, transform(window[index]))
                    index += jobs
                }
            }
            for result in results.values { sink(result) }
            start += windowSize
        }
    }

    /// The number of cores this process may use.
    public static var availableCores: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Result slots written by distinct indices from several threads; each slot is written once.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { storage[index] = value }
    }

    var values: [Value] { storage.map { $0! } }
}
