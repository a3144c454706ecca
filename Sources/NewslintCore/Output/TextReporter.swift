/// The plain text report: one line per finding, `path:line:col: severity: message [rule-id]`, then a summary.
public enum TextReporter {
    public static func line(for finding: Finding, path: String) -> String {
        "\(path):\(finding.location.line):\(finding.location.column): \(finding.severity.rawValue): "
            + "\(finding.message) [\(finding.ruleID)]"
    }

    /// `3 findings in 2 files (2 fixable, 1 more with --unsafe-fixes)`; `No findings in 4 files.` when clean.
    public static func summary(findings: [Finding], filesWithFindings: Int, filesChecked: Int) -> String {
        guard !findings.isEmpty else { return "No findings in \(plural(filesChecked, "file"))." }
        let fixable = findings.filter(\.isFixable).count
        let unsafe = findings.filter(\.hasUnsafeFix).count
        var detail = "\(fixable) fixable"
        if unsafe > 0 { detail += ", \(unsafe) more with --unsafe-fixes" }
        return "\(plural(findings.count, "finding")) in \(plural(filesWithFindings, "file")) (\(detail))"
    }

    /// `; 2 files could not be read (see above)`, appended to the summary when files failed.
    public static func unreadableNote(_ count: Int) -> String {
        "; \(plural(count, "file")) could not be read (see above)"
    }

    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
