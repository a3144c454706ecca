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
/// Items are taken from the sequence as they are claimed (under the pipeline's lock, one thread at a time),
/// so a lazy sequence such as `FileDiscovery.walk(_:)` is never held whole. No thread runs more than
/// `jobs × 16` items ahead of the sink, so memory holds at most that many results however many items there
/// are, and the output is identical to a serial run.
public enum OrderedParallelMap {
    public static func run<Items: Sequence, Result>(
        _ items: Items, jobs: Int, callerTransforms: Bool = true,
        transform: @escaping @Sendable (Items.Element) -> Result, sink: (Result) -> Void
    ) where Items.Element: Sendable, Result: Sendable {
        let jobs = max(1, jobs)
        var iterator = items.makeIterator()
        // Two items are read first: with fewer, threads would only cost their start (a pre-commit run of one
        // file).
        let first = iterator.next()
        let second = first == nil ? nil : iterator.next()
        guard jobs > 1, let first, let second else {
            if let first { sink(transform(first)) }
            // A sequence that has ended is not asked again.
            guard let second else { return }
            sink(transform(second))
            while let item = iterator.next() { sink(transform(item)) }
            return
        }
        // The pipeline reads the rest through a closure, not as `Items.Iterator`: a thread of its own may not
        // hold a metatype that is not known to be Sendable.
        let pipeline = OrderedPipeline<Items.Element, Result>(
            prefix: [first, second], rest: { iterator.next() }, window: jobs * 16)
        let workers = DispatchGroup()
        for _ in 0..<(callerTransforms ? jobs - 1 : jobs) {
            DispatchQueue.global().async(group: workers) {
                while let (index, item) = pipeline.claim() {
                    pipeline.store(transform(item), at: index)
                }
            }
        }
        var next = 0
        while true {
            if let ready = pipeline.takeIfReady(next) {
                sink(ready)
                next += 1
            } else if callerTransforms, let (index, item) = pipeline.claimIfOpen() {
                pipeline.store(transform(item), at: index)
            } else if let result = pipeline.take(next) {
                // The next result is a worker's, and there is nothing this thread may claim: it waited for it.
                sink(result)
                next += 1
            } else {
                break
            }
        }
        workers.wait()
    }

    /// The number of cores this process may use.
    public static var availableCores: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// The shared state of a run: the items still to claim, and a ring of result slots the sink empties in order.
private final class OrderedPipeline<Element: Sendable, Value>: @unchecked Sendable {
    private var prefix: [Element]
    /// The next item of the sequence; called only with the lock held.
    private let rest: () -> Element?
    private let window: Int
    private var slots: [Value?]
    private var nextToClaim = 0
    private var nextToTake = 0
    /// The number of items, once the sequence has ended.
    private var count: Int?
    private let condition = NSCondition()

    init(prefix: [Element], rest: @escaping () -> Element?, window: Int) {
        self.prefix = prefix.reversed()
        self.rest = rest
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// The next item for a worker with its index, waiting while the workers are a full window ahead of the
    /// sink; nil when every item is claimed.
    func claim() -> (Int, Element)? {
        condition.lock()
        defer { condition.unlock() }
        while count == nil, nextToClaim >= nextToTake + window { condition.wait() }
        return pull()
    }

    /// The next item when one is left and the window has room; nil at once otherwise (never waits).
    func claimIfOpen() -> (Int, Element)? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToClaim < nextToTake + window else { return nil }
        return pull()
    }

    /// Takes the next item from the sequence. Called locked.
    private func pull() -> (Int, Element)? {
        guard count == nil else { return nil }
        guard let item = prefix.popLast() ?? rest() else {
            count = nextToClaim
            // The sink may be waiting for a result that will now never come.
            condition.broadcast()
            return nil
        }
        nextToClaim += 1
        return (nextToClaim - 1, item)
    }

    func store(_ value: Value, at index: Int) {
        condition.lock()
        slots[index % window] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The result of item `index`, once it is done (freeing its slot for a worker); nil when the sequence
    /// ended before `index`.
    func take(_ index: Int) -> Value? {
        condition.lock()
        defer { condition.unlock() }
        // A worker claims item `index` or finds the end of the sequence: there is always one, and it has
        // room, since the results before `index` are taken.
        while slots[index % window] == nil {
            if let count, index >= count { return nil }
            condition.wait()
        }
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
