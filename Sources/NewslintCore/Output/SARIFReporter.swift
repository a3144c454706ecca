/// `--format sarif`: SARIF 2.1.0, with each rule's help text and each result's fix, written as files complete.
///
/// Written by `PrettyJSONWriter` as `JSONEncoder` writes JSON (pretty-printed, slashes unescaped), with the keys
/// of every object sorted but the run's: its `results` come before `invocations` and `tool`, since the
/// invocation says whether every file could be read, which only the end of the run knows. A test holds the
/// text to the encoder's for the same log.
public struct SARIFReporter: StreamingReporter {
    /// The rules described in the log, which results point at by index.
    private let rules: [RuleDescription]
    private let ruleIndex: [String: Int]

    public init(rules: [RuleDescription]) {
        self.rules = rules
        ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    }

    /// The log up to the first result: `{"$schema", "runs": [{"columnKind", "results": [`.
    public var opening: String? {
        var writer = PrettyJSONWriter()
        writer.open()
        writer.key("$schema", level: 1, first: true)
        writer.string("https://json.schemastore.org/sarif-2.1.0.json")
        writer.key("runs", level: 1)
        writer.openArray()
        writer.startItem(level: 1, first: true)
        writer.open()
        writer.key("columnKind", level: 3, first: true)
        writer.string("unicodeCodePoints")
        writer.key("results", level: 3)
        writer.openArray()
        return writer.text
    }

    /// The results of a file's findings.
    public func entry(for file: ReportedFile, first: Bool) -> String {
        var writer = PrettyJSONWriter()
        for (index, finding) in file.findings.enumerated() {
            writer.startItem(level: 3, first: first && index == 0)
            writer.sarifResult(finding, in: file, ruleIndex: ruleIndex[finding.ruleID], level: 4)
        }
        return writer.text
    }

    /// The end of the results, the invocation (the files that could not be read are its notifications), the
    /// tool with its rules, and the version.
    public func closing(_ report: RunReport, wroteEntries: Bool) -> String {
        var writer = PrettyJSONWriter()
        writer.closeArray(level: 3, empty: !wroteEntries)
        writer.key("invocations", level: 3)
        writer.array(CollectionOfOne(report.failedFiles), level: 3) { $0.sarifInvocation(failures: $1, level: $2) }
        writer.key("tool", level: 3)
        writer.open()
        writer.key("driver", level: 4, first: true)
        writer.open()
        writer.key("informationUri", level: 5, first: true)
        writer.string("https://github.com/newslint/newslint")
        writer.key("name", level: 5)
        writer.string("newslint")
        writer.key("rules", level: 5)
        writer.array(rules, level: 5) { $0.sarifRule($1, level: $2) }
        writer.key("version", level: 5)
        writer.string(NewslintVersion.number)
        writer.close(level: 4)
        writer.close(level: 3)
        writer.close(level: 2)
        writer.closeArray(level: 1, empty: false)
        writer.key("version", level: 1)
        writer.string("2.1.0")
        writer.close(level: 0)
        return writer.text + "\n"
    }
}

/// The log's objects, each written from its `{` on a line at `level`, with its keys in sorted order.
extension PrettyJSONWriter {
    fileprivate mutating func sarifInvocation(failures: [(path: String, reason: String)], level: Int) {
        open()
        key("executionSuccessful", level: level + 1, first: true)
        boolean(failures.isEmpty)
        key("toolExecutionNotifications", level: level + 1)
        array(failures, level: level + 1) { writer, failure, level in
            writer.open()
            writer.key("level", level: level + 1, first: true)
            writer.string("error")
            writer.key("locations", level: level + 1)
            writer.array(CollectionOfOne(failure.path), level: level + 1) { $0.sarifLocation(uri: $1, region: nil, level: $2) }
            writer.key("message", level: level + 1)
            writer.sarifMessage(failure.reason, level: level + 1)
            writer.close(level: level)
        }
        close(level: level)
    }

    fileprivate mutating func sarifRule(_ description: RuleDescription, level: Int) {
        open()
        key("defaultConfiguration", level: level + 1, first: true)
        object("level", string: SARIFReporter.level(description.severity), level: level + 1)
        key("fullDescription", level: level + 1)
        sarifMessage(description.rationale, level: level + 1)
        key("help", level: level + 1)
        sarifMessage("\(description.summary). Fix: \(description.fixAvailability.rawValue). "
                     + "Run `newslint rules \(description.id)` for examples.", level: level + 1)
        key("id", level: level + 1)
        string(description.id)
        key("name", level: level + 1)
        string(description.id)
        key("shortDescription", level: level + 1)
        sarifMessage(description.summary, level: level + 1)
        close(level: level)
    }

    /// A result. A finding with a fix has `fixes`: the fix with its edits, or none when the fix has no edits
    /// (it was not applied); one without a fix has no `fixes`.
    fileprivate mutating func sarifResult(_ finding: Finding, in file: ReportedFile, ruleIndex: Int?, level: Int) {
        open()
        if finding.fixTitle != nil {
            key("fixes", level: level + 1, first: true)
            let edits = file.edits(for: finding)
            array(edits.isEmpty ? [] : [edits], level: level + 1) { writer, edits, level in
                writer.sarifFix(finding.fixTitle ?? "", edits: edits, uri: file.path, level: level)
            }
        }
        key("level", level: level + 1, first: finding.fixTitle == nil)
        string(SARIFReporter.level(finding.severity))
        key("locations", level: level + 1)
        array(CollectionOfOne(finding), level: level + 1) { writer, finding, level in
            writer.sarifLocation(uri: file.path, region: (finding.location.line, finding.location.column,
                                                          finding.utf8Offset), level: level)
        }
        key("message", level: level + 1)
        sarifMessage(finding.message, level: level + 1)
        key("ruleId", level: level + 1)
        string(finding.ruleID)
        if let ruleIndex {
            key("ruleIndex", level: level + 1)
            integer(ruleIndex)
        }
        close(level: level)
    }

    private mutating func sarifFix(_ title: String, edits: [TextEdit], uri: String, level: Int) {
        open()
        key("artifactChanges", level: level + 1, first: true)
        array(CollectionOfOne(edits), level: level + 1) { writer, edits, level in
            writer.open()
            writer.key("artifactLocation", level: level + 1, first: true)
            writer.sarifArtifact(uri: uri, level: level + 1)
            writer.key("replacements", level: level + 1)
            writer.array(edits, level: level + 1) { $0.sarifReplacement($1, level: $2) }
            writer.close(level: level)
        }
        key("description", level: level + 1)
        sarifMessage(title, level: level + 1)
        close(level: level)
    }

    private mutating func sarifReplacement(_ edit: TextEdit, level: Int) {
        open()
        key("deletedRegion", level: level + 1, first: true)
        open()
        key("byteLength", level: level + 2, first: true)
        integer(edit.endOffset - edit.startOffset)
        key("byteOffset", level: level + 2)
        integer(edit.startOffset)
        close(level: level + 1)
        key("insertedContent", level: level + 1)
        object("text", string: edit.content, level: level + 1)
        close(level: level)
    }

    /// `{"physicalLocation": {"artifactLocation": …, "region": …}}`, without `region` when it is nil.
    private mutating func sarifLocation(uri: String, region: (line: Int, column: Int, byteOffset: Int)?,
                                        level: Int) {
        open()
        key("physicalLocation", level: level + 1, first: true)
        open()
        key("artifactLocation", level: level + 2, first: true)
        sarifArtifact(uri: uri, level: level + 2)
        if let region {
            key("region", level: level + 2)
            open()
            key("byteOffset", level: level + 3, first: true)
            integer(region.byteOffset)
            key("startColumn", level: level + 3)
            integer(region.column)
            key("startLine", level: level + 3)
            integer(region.line)
            close(level: level + 2)
        }
        close(level: level + 1)
        close(level: level)
    }

    private mutating func sarifArtifact(uri: String, level: Int) {
        object("uri", string: uri, level: level)
    }

    private mutating func sarifMessage(_ text: String, level: Int) {
        object("text", string: text, level: level)
    }
}

extension SARIFReporter {
    static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }
}
