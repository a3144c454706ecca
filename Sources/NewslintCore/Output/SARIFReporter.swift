import Foundation

/// `--format sarif`: SARIF 2.1.0, with each rule's help text and each result's fix.
public struct SARIFReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.id, $0) })
        let results = report.files.flatMap { file in
            file.findings.map { finding in result(finding, in: file, ruleIndex: ruleIndex[finding.ruleID]) }
        }
        let notifications = report.failedFiles.map { failure in
            Notification(level: "error", message: Message(text: failure.reason),
                         locations: [PhysicalLocationWrapper(physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: failure.path), region: nil))])
        }
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(
                name: "newslint", version: NewslintVersion.number,
                informationUri: "https://github.com/newslint/newslint",
                rules: report.rules.map(rule))),
            results: results,
            invocations: [Invocation(executionSuccessful: report.failedFiles.isEmpty,
                                     toolExecutionNotifications: notifications)],
            columnKind: "unicodeCodePoints")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func rule(_ description: RuleDescription) -> ReportingDescriptor {
        ReportingDescriptor(
            id: description.id, name: description.id,
            shortDescription: Message(text: description.summary),
            fullDescription: Message(text: description.rationale),
            help: Message(text: "\(description.summary). Fix: \(description.fixAvailability.rawValue). "
                          + "Run `newslint rules \(description.id)` for examples."),
            defaultConfiguration: Configuration(level: level(description.severity)))
    }

    private func result(_ finding: Finding, in file: ReportedFile, ruleIndex: Int?) -> Result {
        let location = PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: file.path),
            region: Region(startLine: finding.location.line, startColumn: finding.location.column,
                           charOffset: nil, byteOffset: finding.utf8Offset, endLine: nil, snippet: nil))
        let edits = file.edits(for: finding)
        let fixes = finding.fixTitle.map { title in
            [SARIFFix(description: Message(text: title), artifactChanges: edits.isEmpty ? [] : [ArtifactChange(
                artifactLocation: ArtifactLocation(uri: file.path),
                replacements: edits.map { edit in
                    Replacement(deletedRegion: Region(startLine: edit.startLine, startColumn: 1, charOffset: nil,
                                                      byteOffset: edit.startOffset, endLine: nil, snippet: nil),
                                insertedContent: Content(text: edit.content), byteLength: edit.endOffset - edit.startOffset)
                })])]
        }
        return Result(ruleId: finding.ruleID, ruleIndex: ruleIndex, level: level(finding.severity),
                      message: Message(text: finding.message),
                      locations: [PhysicalLocationWrapper(physicalLocation: location)],
                      fixes: fixes?.filter { !$0.artifactChanges.isEmpty })
    }

    private func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case version, runs, schema = "$schema" }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let invocations: [Invocation]
        let columnKind: String
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { let level: String }
    struct Message: Encodable { let text: String }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [PhysicalLocationWrapper]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [PhysicalLocationWrapper]
        let fixes: [SARIFFix]?
    }

    struct PhysicalLocationWrapper: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable { let uri: String }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let charOffset: Int?
        let byteOffset: Int?
        let endLine: Int?
        let snippet: Content?
    }

    struct SARIFFix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Content
        let byteLength: Int

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(DeletedRegion(byteOffset: deletedRegion.byteOffset ?? 0, byteLength: byteLength),
                                 forKey: .deletedRegion)
            try container.encode(insertedContent, forKey: .insertedContent)
        }

        enum CodingKeys: String, CodingKey { case deletedRegion, insertedContent }
    }

    struct DeletedRegion: Encodable {
        let byteOffset: Int
        let byteLength: Int
    }

    struct Content: Encodable { let text: String }
}
