import Testing
@testable import NewslintCore

/// The last line of `check`, for every combination of findings, files checked and files that failed.
@Suite struct TextReporterSummaryTests {
    static let finding = Finding(ruleID: "ad-comment", severity: .warning, message: "m",
                                 location: Location(line: 1, column: 1), fixTitle: "remove", fixApplicability: .safe)

    @Test(arguments: [
        (0, 0, 0, "No files checked."),
        (0, 0, 1, "No files checked; 1 file could not be read (see above)."),
        (0, 0, 2, "No files checked; 2 files could not be read (see above)."),
        (0, 1, 0, "No findings in 1 file."),
        (0, 3, 2, "No findings in 3 files; 2 files could not be read (see above)."),
        (1, 1, 0, "1 finding in 1 file (1 fixable)"),
        (2, 3, 1, "2 findings in 1 file (2 fixable); 1 file could not be read (see above)"),
    ])
    func summaryLine(_ findings: Int, _ checked: Int, _ failed: Int, _ expected: String) {
        var tally = FindingTally()
        tally.add(findingsOfOneFile: Array(repeating: Self.finding, count: findings))
        let line = TextReporter.summaryLine(tally, filesChecked: checked, filesFailed: failed)
        #expect(line == expected)
    }
}
