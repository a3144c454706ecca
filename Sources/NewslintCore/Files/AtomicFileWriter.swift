import Foundation

/// Writes a file so that readers see either the old or the new content, never a mix.
///
/// The new bytes go to a temporary file in the same directory, which is flushed with `fsync` and renamed
/// over the target. The original's permission bits are kept. A symbolic link is written through: its
/// target is replaced, the link stays.
public enum AtomicFileWriter {
    public static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).newslint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let attributes = try? FileManager.default.attributesOfItem(atPath: target)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o644

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw WriteError(path: path, reason: reason)
            }
            written += result
        }
        fchmod(descriptor, mode_t(mode))
        guard fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw WriteError(path: path, reason: reason)
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        succeeded = true
    }

    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write the file: \(reason)" }
    }
}
