/// Everything a run found, as the reporters see it.
///
/// A run whose findings were all printed as files completed keeps only the files that failed, with the
/// counts of every file (`tally`), so its memory does not grow with the number of files.
public struct RunReport: Sendable {
    /// The kept files in path order (every file, or only those that failed); outcomes hold no file texts,
    /// only findings, errors and edits.
    public let files: [ReportedFile]
    /// The rules that ran, for formats that describe them (SARIF).
    public let rules: [RuleDescription]
    /// Files named on the command line that do not exist or cannot be listed.
    public let missing: [(path: String, reason: String)]
    /// The counts of every file's findings.
    public let tally: FindingTally

    /// `tally` counts every file of the run; by default, those of `files`.
    public init(files: [ReportedFile], tally: FindingTally? = nil, rules: [RuleDescription],
                missing: [(path: String, reason: String)] = []) {
        self.files = files
        self.rules = rules
        self.missing = missing
        self.tally = tally ?? files.reduce(into: FindingTally()) { $0.add($1) }
    }

    /// The findings of the kept files.
    public var findings: [Finding] { files.flatMap(\.findings) }
    public var filesWithFindings: Int { tally.filesWithFindings }
    public var failedFiles: [(path: String, reason: String)] {
        missing + files.compactMap { file in file.error.map { (file.path, $0) } }
    }
    public var checkedFiles: Int { tally.checkedFiles }
}

/// Counts of findings, added up as files complete.
public struct FindingTally: Sendable, Equatable {
    public private(set) var findings = 0
    public private(set) var fixable = 0
    public private(set) var unsafeFixable = 0
    public private(set) var filesWithFindings = 0
    /// Files read and checked (not those that failed).
    public private(set) var checkedFiles = 0
    /// The findings of each rule, and whether one of them was fixable, for `--statistics`.
    public private(set) var byRule: [String: (findings: Int, fixable: Bool)] = [:]

    public init() {}

    public mutating func add(_ file: ReportedFile) {
        guard file.error == nil else { return }
        checkedFiles += 1
        add(findingsOfOneFile: file.findings)
    }

    /// Counts one file's findings, without counting the file as checked.
    public mutating func add(findingsOfOneFile list: [Finding]) {
        guard !list.isEmpty else { return }
        filesWithFindings += 1
        findings += list.count
        fixable += list.filter(\.isFixable).count
        unsafeFixable += list.filter(\.hasUnsafeFix).count
        for finding in list {
            let known = byRule[finding.ruleID] ?? (0, false)
            byRule[finding.ruleID] = (known.findings + 1, known.fixable || finding.isFixable)
        }
    }

    public static func == (lhs: FindingTally, rhs: FindingTally) -> Bool {
        lhs.findings == rhs.findings && lhs.fixable == rhs.fixable && lhs.unsafeFixable == rhs.unsafeFixable
            && lhs.filesWithFindings == rhs.filesWithFindings && lhs.checkedFiles == rhs.checkedFiles
            && lhs.byRule.count == rhs.byRule.count
            && lhs.byRule.allSatisfy { rule, tally in rhs.byRule[rule].map { $0 == tally } ?? false }
    }
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
