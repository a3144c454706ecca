import Foundation
import Testing
@testable import NewslintCore

@Suite struct OrderedParallelMapTests {
    /// Items that finish out of order still reach the sink in input order, each once.
    @Test(arguments: [1, 2, 3, 8])
    func deliversInInputOrder(jobs: Int) {
        let items = Array(0..<300)
        var delivered: [Int] = []
        OrderedParallelMap.run(items, jobs: jobs, transform: { item in
            if item % 7 == 0 { usleep(UInt32(200 + (item % 3) * 300)) }
            return item * 2
        }, sink: { delivered.append($0) })
        #expect(delivered == items.map { $0 * 2 })
    }

    /// `jobs` threads do the work, the calling thread among them: no thread only waits for results.
    @Test(arguments: [2, 3])
    func theCallingThreadIsOneOfTheJobs(jobs: Int) {
        let threads = ThreadNames()
        let caller = ThreadNames.current
        var sinkThreads = Set<String>()
        OrderedParallelMap.run(Array(0..<400), jobs: jobs, transform: { item in
            threads.insert(ThreadNames.current)
            usleep(50)
            return item
        }, sink: { _ in sinkThreads.insert(ThreadNames.current) })
        #expect(threads.count <= jobs)
        #expect(threads.contains(caller))
        #expect(sinkThreads == [caller])
    }

    /// A sink that waits on the disk keeps its thread: then only the workers transform, still in order.
    @Test func aSinkThatWritesLeavesTheItemsToTheWorkers() {
        let threads = ThreadNames()
        let caller = ThreadNames.current
        var delivered: [Int] = []
        OrderedParallelMap.run(Array(0..<300), jobs: 2, callerTransforms: false, transform: { item in
            threads.insert(ThreadNames.current)
            if item % 5 == 0 { usleep(200) }
            return item
        }, sink: { delivered.append($0) })
        #expect(delivered == Array(0..<300))
        #expect(!threads.contains(caller))
        #expect(threads.count <= 2)
    }

    /// Workers stay within a window of the sink: a slow sink does not let results pile up.
    @Test func workersStayWithinAWindowOfTheSink() {
        let jobs = 2
        let started = Counter()
        var taken = 0
        var largestLead = 0
        OrderedParallelMap.run(Array(0..<200), jobs: jobs, transform: { item in
            started.increment()
            return item
        }, sink: { _ in
            taken += 1
            usleep(100)
            largestLead = max(largestLead, started.value - taken)
        })
        #expect(taken == 200)
        #expect(largestLead <= jobs * 16)
    }

    /// A lazy sequence is read only as items are claimed: never more than a window ahead of the sink, and to
    /// its end exactly once, whatever its length (0, 1 and 2 items take the serial path).
    @Test(arguments: [(0, 2), (1, 2), (2, 2), (3, 2), (500, 2), (500, 3), (500, 1)])
    func lazySequencesAreReadAsTheyAreClaimed(count: Int, jobs: Int) {
        let pulled = Counter()
        let items = (0..<count).lazy.map { item -> Int in
            pulled.increment()
            return item
        }
        var delivered: [Int] = []
        var largestLead = 0
        OrderedParallelMap.run(items, jobs: jobs, transform: { $0 + 1 }, sink: { result in
            delivered.append(result)
            largestLead = max(largestLead, pulled.value - delivered.count)
            if result % 50 == 0 { usleep(500) }
        })
        #expect(delivered == (0..<count).map { $0 + 1 })
        #expect(pulled.value == count)
        #expect(largestLead <= jobs * 16 + 2)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// The threads that ran something, by a name unique to each live thread.
private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names = Set<String>()

    static var current: String { "\(pthread_self())" }

    var count: Int { lock.withLock { names.count } }
    func insert(_ name: String) { _ = lock.withLock { names.insert(name) } }
    func contains(_ name: String) -> Bool { lock.withLock { names.contains(name) } }
}
