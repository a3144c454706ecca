import Foundation

/// Text kept aside in a temporary file rather than in memory, and read back at the end: the test cases of a JUnit
/// report, which opens with the counts of the whole run. The file is removed as soon as it is made, so nothing is
/// left behind however the process ends.
public final class SpilledText {
    private let descriptor: Int32

    /// Makes the file in the temporary folder (`TMPDIR`).
    public init() throws {
        var template = Array((NSTemporaryDirectory() + "/newslint-spill-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw AtomicFileWriter.failure(NSTemporaryDirectory()) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit {
        close(descriptor)
    }

    public func append(_ text: String) throws {
        try AtomicFileWriter.fill(descriptor, with: Array(text.utf8), path: "a temporary file")
    }

    /// Calls `body` with the text kept, in order, a piece at a time. Pieces end at line feeds, so none splits a
    /// character (a line longer than a piece is read on until its end).
    public func readBack(_ body: (String) throws -> Void) throws {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw AtomicFileWriter.failure("a temporary file") }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: SpilledText.pieceSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else {
                if errno == EINTR { continue }
                throw AtomicFileWriter.failure("a temporary file")
            }
            if count == 0 { break }
            pending.append(contentsOf: buffer[..<count])
            if let lastLineFeed = pending.lastIndex(of: UInt8(ascii: "\n")) {
                try body(String(decoding: pending[...lastLineFeed], as: UTF8.self))
                pending.removeSubrange(...lastLineFeed)
            }
        }
        if !pending.isEmpty { try body(String(decoding: pending, as: UTF8.self)) }
    }

    static let pieceSize = 1 << 20
}
