import Dispatch
import Foundation

/// Processes items on several threads and hands the results to `sink` in input order.
///
/// `jobs` threads each claim the next unprocessed item as soon as they finish one, so a slow file holds up
/// one thread, not a batch. With `callerTransforms` (the default) the calling thread is one of them: between
/// items it runs `sink` on every result that is done with every result before it. A thread that only waited
/// for results would wake for each of them and share the cores with the workers. A sink that writes files
/// waits in the file system instead, so it passes false: then `jobs` workers transform and the calling
/// thread only runs the sink.
///
/// No thread runs more than `jobs × 16` items ahead of the sink, so memory holds at most that many results
/// however many items there are, and the output is identical to a serial run.
public enum OrderedParallelMap {
    public static func run<Item, Result>(
        _ items: [Item], jobs: Int, callerTransforms: Bool = true, transform: @escaping @Sendable (Item) -> Result,
        sink: (Result) -> Void
    ) where Item: Sendable, Result: Sendable {
        let jobs = max(1, jobs)
        guard jobs > 1, items.count > 1 else {
            for item in items { sink(transform(item)) }
            return
        }
        let pipeline = OrderedPipeline<Result>(count: items.count, window: jobs * 16)
        let workers = DispatchGroup()
        for _ in 0..<min(callerTransforms ? jobs - 1 : jobs, items.count) {
            DispatchQueue.global().async(group: workers) {
                while let index = pipeline.claim() {
                    pipeline.store(transform(items[index]), at: index)
                }
            }
        }
        var next = 0
        while next < items.count {
            if let ready = pipeline.takeIfReady(next) {
                sink(ready)
                next += 1
            } else if callerTransforms, let index = pipeline.claimIfOpen() {
                pipeline.store(transform(items[index]), at: index)
            } else {
                // The next result is a worker's, and there is nothing this thread may claim: wait for it.
                sink(pipeline.take(next))
                next += 1
            }
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

    /// The next item when one is left and the window has room; nil at once otherwise (never waits).
    func claimIfOpen() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToClaim < count, nextToClaim < nextToTake + window else { return nil }
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
        return removeResult(index)
    }

    /// The result of item `index` when it is done, else nil at once.
    func takeIfReady(_ index: Int) -> Value? {
        condition.lock()
        defer { condition.unlock() }
        return slots[index % window] == nil ? nil : removeResult(index)
    }

    /// Empties the slot of item `index`, done, and lets workers claim one item further. Called locked.
    private func removeResult(_ index: Int) -> Value {
        let value = slots[index % window]!
        slots[index % window] = nil
        nextToTake = index + 1
        condition.broadcast()
        return value
    }
}
