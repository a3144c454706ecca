import Foundation

/// A progress bar on standard error, shown only on a terminal and only for runs of several hundred files.
final class Progress {
    static let threshold = 300
    private let total: Int
    private let enabled: Bool
    private var done = 0
    private var lastDrawn = -1

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > Progress.threshold && isatty(STDERR_FILENO) == 1
    }

    func advance() {
        done += 1
        guard enabled else { return }
        let percent = done * 100 / max(total, 1)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        draw()
    }

    /// Runs `body` (which prints) with the bar cleared, then redraws it.
    func interrupt(_ body: () -> Void) {
        guard enabled else { return body() }
        clear()
        body()
        draw()
    }

    func finish() {
        if enabled { clear() }
    }

    private func draw() {
        let width = 30
        let filled = done * width / max(total, 1)
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) files".utf8))
    }

    private func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
