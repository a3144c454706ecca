/// `--format github`: GitHub Actions workflow commands, which annotate the pull request's files.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        var output = ""
        for file in report.files {
            for finding in file.findings {
                let level = finding.severity == .error ? "error" : "warning"
                output += "::\(level) file=\(property(file.path)),line=\(finding.location.line),"
                    + "col=\(finding.location.column),title=\(property(finding.ruleID))::\(data(finding.message))\n"
            }
        }
        for failure in report.failedFiles {
            output += "::error file=\(property(failure.path)),title=newslint::\(data(failure.reason))\n"
        }
        return output
    }

    /// Escaping for the message, as the Actions runner expects.
    private func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for `key=value` properties, which also reserve `:` and `,`.
    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
