/// `--format github`: GitHub Actions workflow commands, which annotate the pull request's files; a file's
/// commands are written as it completes, those of the files that could not be read at the end.
public struct GitHubReporter: StreamingReporter {
    public init() {}

    public var opening: String? { "" }

    // Bytes appended into one buffer: the escapes are byte for byte, and a string per piece cost more than the
    // rest of the report.
    public func entry(for file: ReportedFile, first: Bool) -> String {
        guard !file.findings.isEmpty else { return "" }
        var output: [UInt8] = []
        var path: [UInt8] = []
        GitHubReporter.appendEscaped(file.path, property: true, to: &path)
        for finding in file.findings {
            GitHubReporter.appendCommand(finding.severity == .error ? "error" : "warning", path: path,
                                         position: ",line=\(finding.location.line),col=\(finding.location.column)",
                                         title: finding.ruleID, message: finding.message, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    public func closing(_ report: RunReport, wroteEntries: Bool) -> String {
        var output: [UInt8] = []
        for failure in report.failedFiles {
            var path: [UInt8] = []
            GitHubReporter.appendEscaped(failure.path, property: true, to: &path)
            GitHubReporter.appendCommand("error", path: path, position: "", title: "newslint", message: failure.reason,
                                         to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `::command file=path<position>,title=title::message` and a line feed; `path` is escaped already (a file's
    /// findings share it), `position` is written as it is.
    private static func appendCommand(_ command: String, path: [UInt8], position: String, title: String,
                                      message: String, to output: inout [UInt8]) {
        append("::\(command) file=", to: &output)
        output.append(contentsOf: path)
        append(position + ",title=", to: &output)
        appendEscaped(title, property: true, to: &output)
        append("::", to: &output)
        appendEscaped(message, property: false, to: &output)
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends `text` escaped as the Actions runner expects: `%`, CR and LF always (the message), and `:` and `,`
    /// too in a `key=value` property. Byte for byte: Foundation's `replacingOccurrences`, used before, left a
    /// line feed followed by a combining mark as it was, and a raw line feed ends the command.
    static func appendEscaped(_ text: String, property: Bool, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "%"): append("%25", to: &output)
            case UInt8(ascii: "\r"): append("%0D", to: &output)
            case UInt8(ascii: "\n"): append("%0A", to: &output)
            case UInt8(ascii: ":") where property: append("%3A", to: &output)
            case UInt8(ascii: ",") where property: append("%2C", to: &output)
            default: output.append(byte)
            }
        }
    }

    private static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }
}
