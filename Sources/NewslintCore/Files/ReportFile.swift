import Foundation

/// A report file named on the command line (`--format json:PATH`, `--output-file`), written in pieces.
///
/// A regular file, new or existing, is written like a post (`AtomicFileWriter.Stream`): into a temporary file
/// renamed over it when the report is complete, so that it is never seen half-written, and an existing one keeps
/// its mode and owner. A FIFO or a character device (`/dev/stdout`, `/dev/null`, a shell's `>(…)`) cannot be
/// replaced, and is written to as it is. Anything else is refused with the writer's reason.
public final class ReportFile {
    private enum Destination {
        case replaced(AtomicFileWriter.Stream)
        case direct(Int32)
    }

    private let path: String
    private var destination: Destination?

    /// Opens the report; creates the folders of a new file.
    public init(path: String) throws {
        self.path = path
        if let descriptor = try ReportFile.openStream(path) {
            destination = .direct(descriptor)
        } else {
            try AtomicFileWriter.createFolder(for: path)
            destination = .replaced(try AtomicFileWriter.Stream(path: path))
        }
    }

    deinit {
        if case .direct(let descriptor) = destination { close(descriptor) }
    }

    public func append(_ text: String) throws {
        switch destination {
        case .replaced(let stream): try stream.append(text)
        case .direct(let descriptor): try AtomicFileWriter.fill(descriptor, with: Array(text.utf8), path: path)
        case nil: break
        }
    }

    /// Puts a regular file in place; closes a stream.
    public func commit() throws {
        switch destination {
        case .replaced(let stream):
            try stream.commit()
        case .direct(let descriptor):
            destination = nil
            guard close(descriptor) == 0 else { throw AtomicFileWriter.failure(path) }
        case nil:
            break
        }
    }

    /// Writes a whole report.
    public static func write(_ text: String, to path: String) throws {
        let file = try ReportFile(path: path)
        try file.append(text)
        try file.commit()
    }

    /// A descriptor open for writing on `path` when it is (or links to) a FIFO or a character device; nil for
    /// anything else, which the atomic writer takes or refuses.
    private static func openStream(_ path: String) throws -> Int32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFIFO || kind == S_IFCHR else { return nil }
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicFileWriter.failure(path) }
        return descriptor
    }
}
