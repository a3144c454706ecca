/// `--format junit`: JUnit XML, one test case per finding and one passing case per clean file,
/// the shape ESLint's junit formatter uses and CI test-report parsers read.
///
/// The document opens with the counts of the whole run, so a run writing it as files complete keeps the test
/// cases aside until the end (its `opening` is nil); they are the same text as `render` writes.
public struct JUnitReporter: StreamingReporter {
    public init() {}

    /// The counts of the whole run open the document (`opening(for:)`).
    public var opening: String? { nil }

    /// The XML declaration and the opening tags, with the counts of every test case of the run.
    public func opening(for report: RunReport) -> String {
        let errors = report.failedFiles.count
        let failures = report.tally.findings
        let cleanFiles = report.tally.checkedFiles - report.tally.filesWithFindings
        let counts = "tests=\"\(errors + cleanFiles + failures)\" failures=\"\(failures)\" errors=\"\(errors)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="newslint" \(counts)>
              <testsuite name="newslint" \(counts) time="0">

            """
    }

    /// A file's test cases, a line each: its read error, a passing case, or a failing case per finding.
    public func entry(for file: ReportedFile, first: Bool) -> String {
        var cases = ""
        if let error = file.error {
            return "    <testcase classname=\"\(xml(file.path))\" name=\"read\" time=\"0\">"
                + "<error message=\"\(xml(error))\"></error></testcase>\n"
        }
        if file.findings.isEmpty {
            cases += "    <testcase classname=\"\(xml(file.path))\" name=\"newslint\" time=\"0\"></testcase>\n"
        }
        for finding in file.findings {
            let detail = "\(file.path):\(finding.location.line):\(finding.location.column): "
                + "\(finding.severity.rawValue): \(finding.message)"
            cases += "    <testcase classname=\"\(xml(file.path))\" name=\"\(xml(finding.ruleID))\" time=\"0\">"
                + "<failure message=\"\(xml(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                + "\(xml(detail))</failure></testcase>\n"
        }
        return cases
    }

    /// The cases of the paths that could not be listed, and the closing tags.
    public func closing(_ report: RunReport, wroteEntries: Bool) -> String {
        var cases = ""
        for missing in report.missing {
            cases += "    <testcase classname=\"\(xml(missing.path))\" name=\"read\" time=\"0\">"
                + "<error message=\"\(xml(missing.reason))\"></error></testcase>\n"
        }
        // Without any case, the line that would hold them stays, empty.
        return (wroteEntries || !cases.isEmpty ? cases : "\n") + "  </testsuite>\n</testsuites>\n"
    }

    private func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            // XML 1.0 forbids most control characters even as references.
            case _ where scalar.value < 0x20 && scalar != "\t": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
