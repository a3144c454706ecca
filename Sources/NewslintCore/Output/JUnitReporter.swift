/// `--format junit`: JUnit XML, one test case per finding and one passing case per clean file,
/// the shape ESLint's junit formatter uses and CI test-report parsers read.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        var cases: [String] = []
        var failures = 0
        var errors = 0
        for file in report.files {
            if let error = file.error {
                errors += 1
                cases.append("    <testcase classname=\"\(xml(file.path))\" name=\"read\" time=\"0\">"
                             + "<error message=\"\(xml(error))\"></error></testcase>")
                continue
            }
            if file.findings.isEmpty {
                cases.append("    <testcase classname=\"\(xml(file.path))\" name=\"newslint\" time=\"0\"></testcase>")
            }
            for finding in file.findings {
                failures += 1
                let detail = "\(file.path):\(finding.location.line):\(finding.location.column): "
                    + "\(finding.severity.rawValue): \(finding.message)"
                cases.append("    <testcase classname=\"\(xml(file.path))\" name=\"\(xml(finding.ruleID))\" time=\"0\">"
                             + "<failure message=\"\(xml(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                             + "\(xml(detail))</failure></testcase>")
            }
        }
        for missing in report.missing {
            errors += 1
            cases.append("    <testcase classname=\"\(xml(missing.path))\" name=\"read\" time=\"0\">"
                         + "<error message=\"\(xml(missing.reason))\"></error></testcase>")
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="newslint" \(counts)>
              <testsuite name="newslint" \(counts) time="0">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
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
