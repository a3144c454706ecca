import Foundation
import Testing
@testable import NewslintCore

/// The kept threads run every job of a batch exactly once, side by side, return only when all are done,
/// and are started once for the life of the process.
@Suite struct WaitingThreadsTests {
    /// A counter that jobs on several threads can share.
    final class Tally: @unchecked Sendable {
        private let condition = NSCondition()
        private var counts: [Int: Int] = [:]
        private var arrived = 0

        func count(_ key: Int) {
            condition.lock()
            counts[key, default: 0] += 1
            condition.unlock()
        }

        var snapshot: [Int: Int] {
            condition.lock()
            defer { condition.unlock() }
            return counts
        }

        /// Arrives at a barrier of `parties` and waits (up to two seconds) for the others: true when all came.
        /// Jobs run one after the other would each wait out the deadline alone.
        func meet(parties: Int) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            arrived += 1
            condition.broadcast()
            let deadline = Date().addingTimeInterval(2)
            while arrived < parties {
                if !condition.wait(until: deadline) { return arrived >= parties }
            }
            return true
        }
    }

    @Test func theJobsOfABatchRunSideBySide() {
        let threads = WaitingThreads(capacity: 8)
        let tally = Tally()
        let met = Tally()
        threads.runAll((0..<8).map { index in
            {
                tally.count(index)
                if tally.meet(parties: 8) { met.count(0) }
            }
        })
        #expect(tally.snapshot == Dictionary(uniqueKeysWithValues: (0..<8).map { ($0, 1) }))
        #expect(met.snapshot[0] == 8, "some job did not see the others running")
    }

    @Test func moreJobsThanThreadsAllRunOnceBeforeTheCallReturns() {
        let threads = WaitingThreads(capacity: 3)
        for batch in 0..<20 {
            let tally = Tally()
            threads.runAll((0..<10).map { index in
                {
                    usleep(UInt32(index % 3) * 200)
                    tally.count(index)
                }
            })
            #expect(tally.snapshot == Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, 1) }), "batch \(batch)")
        }
        #expect(threads.startedThreads == 3)
    }

    @Test func threadsAreStartedOnceAndKept() {
        let threads = WaitingThreads(capacity: 16)
        #expect(threads.startedThreads == 0)
        threads.runAll([{}])
        #expect(threads.startedThreads == 0, "a single job runs on the calling thread")
        for _ in 0..<50 { threads.runAll(Array(repeating: {}, count: 16)) }
        #expect(threads.startedThreads == 16)
    }

    @Test func callersOnSeveralThreadsEachGetTheirOwnBatchDone() {
        let threads = WaitingThreads(capacity: 4)
        let complete = Tally()
        DispatchQueue.concurrentPerform(iterations: 6) { caller in
            for _ in 0..<10 {
                let tally = Tally()
                threads.runAll((0..<5).map { index in { tally.count(index) } })
                if tally.snapshot.count == 5 && tally.snapshot.values.allSatisfy({ $0 == 1 }) { complete.count(caller) }
            }
        }
        #expect(complete.snapshot == Dictionary(uniqueKeysWithValues: (0..<6).map { ($0, 10) }))
    }
}
