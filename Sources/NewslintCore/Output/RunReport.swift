/// Everything a run found, as the reporters see it.
public struct RunReport: Sendable {
    /// Files in path order; outcomes hold no file texts, only findings, errors and edits.
    public let files: [ReportedFile]
    /// The rules that ran, for formats that describe them (SARIF).
    public let rules: [RuleDescription]
    /// Files named on the command line that do not exist or cannot be listed.
    public let missing: [(path: String, reason: String)]

    public init(files: [ReportedFile], rules: [RuleDescription], missing: [(path: String, reason: String)] = []) {
        self.files = files
        self.rules = rules
        self.missing = missing
    }

    public var findings: [Finding] { files.flatMap(\.findings) }
    public var filesWithFindings: Int { files.filter { !$0.findings.isEmpty }.count }
    public var failedFiles: [(path: String, reason: String)] {
        missing + files.compactMap { file in file.error.map { (file.path, $0) } }
    }
    public var checkedFiles: Int { files.filter { $0.error == nil }.count }
}

/// One file in a report.
public struct ReportedFile: Sendable {
    public let path: String
    public let findings: [Finding]
    public let error: String?
    /// The replacements `fix` makes (or would make) to the file; empty when not computed or unchanged.
    public let edits: [TextEdit]
    /// Source lines the findings point at.
    public let lines: [Int: String]

    public init(_ outcome: FileOutcome, edits: [TextEdit] = []) {
        path = outcome.path
        findings = outcome.findings
        error = outcome.error
        self.edits = edits
        lines = outcome.lines
    }

    /// The edits that belong to a finding: those that replace its line, when its fix was applied.
    public func edits(for finding: Finding) -> [TextEdit] {
        guard finding.fixApplicability != nil else { return [] }
        return edits.filter { $0.touches(line: finding.location.line) }
    }
}

/// A reporter turns a run's report into one output format.
public protocol Reporter {
    func render(_ report: RunReport) -> String
}
