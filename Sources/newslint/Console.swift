import Foundation
import NewslintCore

/// Writes to standard output and standard error without buffering surprises between the two.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func outRaw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `path: error: reason`, the form every per-file error takes.
    static func fileError(_ path: String, _ reason: String) {
        error("\(path): error: \(reason)")
    }

    /// Names a report file that could not be written, and why.
    static func reportNotWritten(_ path: String, _ error: Error) {
        let reason = (error as? AtomicFileWriter.WriteError)?.reason ?? error.localizedDescription
        fileError(path, "cannot write the report: \(reason)")
    }
}

/// Exit statuses shared by every command.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let failure: Int32 = 2
}
