import Foundation

/// Threads kept for the whole process to run blocking calls side by side (the `fsync`s of a batch of fixed
/// files, see `AtomicFileWriter.write(_:)`).
///
/// A batch used to start a thread per file and join it: 10,000 fixed files made 10,000 threads, each with a
/// stack to map and unmap, half of `fix --out`'s system time when writing to tmpfs (1.18 s against 0.62 s over
/// 10,000 posts). These threads are started on first need, at most `capacity`, and then wait for the next batch.
final class WaitingThreads: @unchecked Sendable {
    /// The threads every batch of fixed files shares.
    static let shared = WaitingThreads(capacity: 16)

    /// How many jobs run at once at most (the threads this keeps).
    let capacity: Int

    private let condition = NSCondition()
    /// Jobs not yet taken by a thread.
    private var pending: [() -> Void] = []
    /// Jobs of the running batch not yet finished.
    private var unfinished = 0
    private var threads = 0
    /// One batch at a time: a second caller waits for the first batch to end.
    private let batchLock = NSLock()

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// How many threads have been started so far.
    var startedThreads: Int {
        condition.lock()
        defer { condition.unlock() }
        return threads
    }

    /// Runs every job, each on one of the kept threads, and returns when all have returned. A job that no
    /// thread can take (the process is at its thread limit and none was ever started) runs on the calling
    /// thread. What a job wrote is visible to the caller afterwards: the lock orders it.
    func runAll(_ jobs: [() -> Void]) {
        guard jobs.count > 1 else {
            jobs.first?()
            return
        }
        batchLock.lock()
        defer { batchLock.unlock() }
        condition.lock()
        while threads < min(jobs.count, capacity), startThread() { threads += 1 }
        guard threads > 0 else {
            condition.unlock()
            for job in jobs { job() }
            return
        }
        pending = jobs
        unfinished = jobs.count
        condition.broadcast()
        while unfinished > 0 { condition.wait() }
        condition.unlock()
    }

    /// Starts one more waiting thread; false when the system refuses it.
    private func startThread() -> Bool {
        let retained = Unmanaged.passRetained(self)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<WaitingThreads>.fromOpaque(argument).takeRetainedValue().serve()
        }, retained.toOpaque())
        guard started == 0 else {
            retained.release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// A kept thread's life: take a job, run it, report it done, forever.
    private func serve() -> Never {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let job = pending.removeLast()
            condition.unlock()
            job()
            condition.lock()
            unfinished -= 1
            if unfinished == 0 { condition.broadcast() }
            condition.unlock()
        }
    }
}
