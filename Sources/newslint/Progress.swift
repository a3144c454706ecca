import Foundation

/// A count of the files done on standard error, shown only on a terminal and only once a run has passed a
/// few hundred files. Files are found while they are processed, so the total is not known ahead.
final class Progress {
    static let threshold = 300
    /// Redrawn every this many files: often enough to move, seldom enough to cost nothing.
    static let step = 50
    private let enabled: Bool
    private var done = 0
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func advance() {
        done += 1
        guard enabled, done > Progress.threshold, done % Progress.step == 0 else { return }
        shown = true
        draw()
    }

    /// Runs `body` (which prints) with the count cleared, then redraws it.
    func interrupt(_ body: () -> Void) {
        guard shown else { return body() }
        clear()
        body()
        draw()
    }

    func finish() {
        if shown { clear() }
    }

    private func draw() {
        FileHandle.standardError.write(Data("\r\(done) files".utf8))
    }

    private func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
