import Dispatch
import Foundation

/// Processes items on several threads and hands the results to `sink` in input order.
///
/// `jobs` workers each claim the next unprocessed item as soon as they finish one, so a slow file holds up
/// one worker, not a batch. The calling thread runs `sink` on each result as soon as it and every result
/// before it are done, while the workers go on. A worker does not run more than `jobs × 16` items ahead of
/// the sink, so memory holds at most that many results however many items there are, and the output is
/// identical to a serial run.
public enum OrderedParallelMap {
    public static func run<Item, Result>(
        _ items: [Item], jobs: Int, transform: @escaping @Sendable (Item) -> Result, sink: (Result) -> Void
    ) where Item: Sendable, Result: Sendable {
        let jobs = max(1, jobs)
        guard jobs > 1, items.count > 1 else {
            for item in items { sink(transform(item)) }
            return
        }
        let pipeline = OrderedPipeline<Result>(count: items.count, window: jobs * 16)
        let workers = DispatchGroup()
        for _ in 0..<min(jobs, items.count) {
            DispatchQueue.global().async(group: workers) {
                while let index = pipeline.claim() {
                    pipeline.store(transform(items[index]), at: index)
                }
            }
        }
        for index in items.indices {
            sink(pipeline.take(index))
        }
        workers.wait()
    }

    /// The number of cores this process may use.
    public static var availableCores: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// The shared state of a run: the next item to claim, and a ring of result slots the sink empties in order.
private final class OrderedPipeline<Value>: @unchecked Sendable {
    private let count: Int
    private let window: Int
    private var slots: [Value?]
    private var nextToClaim = 0
    private var nextToTake = 0
    private let condition = NSCondition()

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// The next item for a worker, waiting while the workers are a full window ahead of the sink; nil when
    /// every item is claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextToClaim < count, nextToClaim >= nextToTake + window { condition.wait() }
        guard nextToClaim < count else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    func store(_ value: Value, at index: Int) {
        condition.lock()
        slots[index % window] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The result of item `index`, once it is done; frees its slot for a worker.
    func take(_ index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while slots[index % window] == nil { condition.wait() }
        let value = slots[index % window]!
        slots[index % window] = nil
        nextToTake = index + 1
        condition.broadcast()
        return value
    }
}
