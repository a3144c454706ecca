/// `--format github`: GitHub Actions workflow commands, which annotate the pull request's files; a file's
/// commands are written as it completes, those of the files that could not be read at the end.
public struct GitHubReporter: StreamingReporter {
    public init() {}

    public var opening: String { "" }

    // Bytes appended into one buffer: the escapes are byte for byte, and a string per piece cost more than the
    // rest of the report.
    public func entry(for file: ReportedFile, first: Bool) -> String {
        guard !file.findings.isEmpty else { return "" }
        var output: [UInt8] = []
        var path: [UInt8] = []
        GitHubReporter.appendEscaped(file.path, property: true, to: &path)
        for finding in file.findings {
            GitHubReporter.append(finding.severity == .error ? "::error file=" : "::warning file=", to: &output)
            output.append(contentsOf: path)
            GitHubReporter.append(",line=\(finding.location.line),col=\(finding.location.column),title=", to: &output)
            GitHubReporter.appendEscaped(finding.ruleID, property: true, to: &output)
            GitHubReporter.append("::", to: &output)
            GitHubReporter.appendEscaped(finding.message, property: false, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
    }

    public func closing(_ report: RunReport, wroteEntries: Bool) -> String {
        var output: [UInt8] = []
        for failure in report.failedFiles {
            GitHubReporter.append("::error file=", to: &output)
            GitHubReporter.appendEscaped(failure.path, property: true, to: &output)
            GitHubReporter.append(",title=newslint::", to: &output)
            GitHubReporter.appendEscaped(failure.reason, property: false, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
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
