import Foundation
import Testing
@testable import NewslintCore
import NewslintRules

/// The SARIF report is written without `JSONEncoder` exactly as the encoder wrote the same log.
@Suite struct SARIFWriterTests {
    // Every ASCII character (all the control characters among them), and what else strings hold.
    private static let pieces = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        + ["中文", "\r\n", "é", "e\u{301}", "🇨🇳", "</script>", "\u{2028}", "\u{FEFF}", "\\u0041", "https://a/b"]

    private func randomText(using generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    private func randomReport(using generator: inout SystemRandomNumberGenerator) -> RunReport {
        let rules = builtInRules.map(\.description)
        let shownRules = Array(rules.prefix(Int.random(in: 0...rules.count, using: &generator)))
        let files = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
            let findings = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                let line = Int.random(in: 1...6, using: &generator)
                let fixable = Bool.random(using: &generator)
                return Finding(
                    ruleID: Bool.random(using: &generator) ? rules.randomElement(using: &generator)!.id
                        : randomText(using: &generator),
                    severity: Bool.random(using: &generator) ? .error : .warning,
                    message: randomText(using: &generator), location: Location(line: line, column: Int.random(in: 1...80, using: &generator)),
                    utf8Offset: Int.random(in: 0...90_000, using: &generator),
                    fixTitle: fixable ? randomText(using: &generator) : nil,
                    fixApplicability: fixable ? [.safe, .unsafe].randomElement(using: &generator) : nil)
            }
            let edits = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                let start = Int.random(in: 1...6, using: &generator)
                return TextEdit(startLine: start, startOffset: Int.random(in: 0...999, using: &generator),
                                endLine: start + Int.random(in: 0...2, using: &generator),
                                endOffset: Int.random(in: 1_000...2_000, using: &generator),
                                content: randomText(using: &generator))
            }
            let outcome = FileOutcome(path: randomText(using: &generator), findings: findings,
                                      error: Int.random(in: 0..<5, using: &generator) == 0 ? randomText(using: &generator) : nil)
            return ReportedFile(outcome, edits: edits)
        }
        let missing = (0..<Int.random(in: 0...1, using: &generator)).map { _ in
            (path: randomText(using: &generator), reason: randomText(using: &generator))
        }
        return RunReport(files: files, rules: shownRules, missing: missing)
    }

    @Test func writesWhatTheEncoderWroteOnRandomReports() {
        var generator = SystemRandomNumberGenerator()
        var withFixes = 0
        for _ in 0..<400 {
            let report = randomReport(using: &generator)
            let expected = EncodedSARIF.render(report)
            if expected.contains("\"artifactChanges\"") { withFixes += 1 }
            #expect(SARIFReporter().render(report) == expected)
        }
        #expect(withFixes > 100, "\(withFixes)")
    }

    @Test func writesWhatTheEncoderWroteForAnEmptyRun() {
        let report = RunReport(files: [], rules: [])
        #expect(SARIFReporter().render(report) == EncodedSARIF.render(report))
    }
}

/// The SARIF reporter as it was, through `JSONEncoder`: the reference the writer is held to.
private enum EncodedSARIF {
    static func render(_ report: RunReport) -> String {
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

    private static func rule(_ description: RuleDescription) -> ReportingDescriptor {
        ReportingDescriptor(
            id: description.id, name: description.id,
            shortDescription: Message(text: description.summary),
            fullDescription: Message(text: description.rationale),
            help: Message(text: "\(description.summary). Fix: \(description.fixAvailability.rawValue). "
                          + "Run `newslint rules \(description.id)` for examples."),
            defaultConfiguration: Configuration(level: level(description.severity)))
    }

    private static func result(_ finding: Finding, in file: ReportedFile, ruleIndex: Int?) -> Result {
        let location = PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: file.path),
            region: Region(startLine: finding.location.line, startColumn: finding.location.column,
                           byteOffset: finding.utf8Offset))
        let edits = file.edits(for: finding)
        let fixes = finding.fixTitle.map { title in
            [SARIFFix(description: Message(text: title), artifactChanges: edits.isEmpty ? [] : [ArtifactChange(
                artifactLocation: ArtifactLocation(uri: file.path),
                replacements: edits.map { edit in
                    Replacement(deletedRegion: DeletedRegion(byteOffset: edit.startOffset,
                                                             byteLength: edit.endOffset - edit.startOffset),
                                insertedContent: Content(text: edit.content))
                })])]
        }
        return Result(ruleId: finding.ruleID, ruleIndex: ruleIndex, level: level(finding.severity),
                      message: Message(text: finding.message),
                      locations: [PhysicalLocationWrapper(physicalLocation: location)],
                      fixes: fixes?.filter { !$0.artifactChanges.isEmpty })
    }

    private static func level(_ severity: Severity) -> String {
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
        let byteOffset: Int
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
        let deletedRegion: DeletedRegion
        let insertedContent: Content
    }

    struct DeletedRegion: Encodable {
        let byteOffset: Int
        let byteLength: Int
    }

    struct Content: Encodable { let text: String }
}
