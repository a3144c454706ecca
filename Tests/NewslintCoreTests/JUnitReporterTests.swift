import Testing
@testable import NewslintCore

/// The JUnit report written in pieces (its counts at the end) is the document it was when written whole.
@Suite struct JUnitReporterTests {
    private static let pieces = ["a", "中文", "&", "<", ">", "\"", "'", "\n", "\t", "\u{1}", "e\u{301}", " "]

    private func text(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...5, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func piecesMakeTheDocumentAsItWasWrittenWhole() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let files = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                let failed = Int.random(in: 0..<4, using: &generator) == 0
                let findings = failed ? [] : (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    Finding(ruleID: text(&generator), severity: Bool.random(using: &generator) ? .error : .warning,
                            message: text(&generator),
                            location: Location(line: Int.random(in: 1...99, using: &generator), column: 1))
                }
                return ReportedFile(FileOutcome(path: text(&generator), findings: findings,
                                                error: failed ? text(&generator) : nil))
            }
            let missing = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                (path: text(&generator), reason: text(&generator))
            }
            let report = RunReport(files: files, rules: [], missing: missing)
            let expected = WholeJUnit.render(report)
            #expect(JUnitReporter().render(report) == expected)
            // As a run streams it: entries as files complete, the counts from the run's tally at the end.
            let reporter = JUnitReporter()
            var entries = ""
            var wrote = false
            for file in files {
                let entry = reporter.entry(for: file, first: !wrote)
                entries += entry
                wrote = wrote || !entry.isEmpty
            }
            let kept = RunReport(files: files.filter { $0.error != nil }, tally: report.tally, rules: [],
                                 missing: missing)
            #expect(reporter.opening(for: kept) + entries + reporter.closing(kept, wroteEntries: wrote) == expected)
        }
    }
}

/// The JUnit reporter as it was, writing the whole document from every file: the reference.
private enum WholeJUnit {
    static func render(_ report: RunReport) -> String {
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

    private static func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case _ where scalar.value < 0x20 && scalar != "\t": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
