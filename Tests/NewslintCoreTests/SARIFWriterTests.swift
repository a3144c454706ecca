import Foundation
import Testing
@testable import NewslintCore
import NewslintRules

/// The SARIF report is written without `JSONEncoder` exactly as the encoder writes the same log, whole or in
/// pieces as files complete.
@Suite struct SARIFWriterTests {
    // Every ASCII character (all the control characters among them), and what else strings hold.
    private static let pieces = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        + ["中文", "\r\n", "é", "e\u{301}", "🇨🇳", "</script>", "\u{2028}", "\u{FEFF}", "\\u0041", "https://a/b"]

    private func randomText(using generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    /// `text` with the run's `results` moved after its `invocations`, where the encoder's sorted keys put them: the
    /// writer puts them first, to stream them. Each member of the run is a block of lines at its indentation,
    /// ending with a comma, as both are followed by `tool`.
    private func sortingTheRunsKeys(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let results = lines.firstIndex(of: "      \"results\" : ["),
              let invocations = lines.firstIndex(of: "      \"invocations\" : ["),
              let tool = lines.firstIndex(of: "      \"tool\" : {"), results < invocations, invocations < tool else {
            return text
        }
        let resultLines = lines[results..<invocations]
        lines.removeSubrange(results..<invocations)
        lines.insert(contentsOf: resultLines, at: tool - resultLines.count)
        return lines.joined(separator: "\n")
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
            #expect(sortingTheRunsKeys(SARIFReporter(rules: report.rules).render(report)) == expected)
        }
        #expect(withFixes > 100, "\(withFixes)")
    }

    /// The pieces a run streams join into the document, whichever files add nothing.
    @Test func streamedPiecesMakeTheDocument() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let report = randomReport(using: &generator)
            let reporter = SARIFReporter(rules: report.rules)
            var text = try #require(reporter.opening, "SARIF opens before the run ends")
            var wrote = false
            for file in report.files {
                let entry = reporter.entry(for: file, first: !wrote)
                #expect(entry.isEmpty == file.findings.isEmpty)
                text += entry
                wrote = wrote || !entry.isEmpty
            }
            text += reporter.closing(report, wroteEntries: wrote)
            #expect(text == SARIFReporter(rules: report.rules).render(report))
            #expect(sortingTheRunsKeys(text) == EncodedSARIF.render(report))
        }
    }

    @Test func writesWhatTheEncoderWroteForAnEmptyRun() {
        let report = RunReport(files: [], rules: [])
        #expect(sortingTheRunsKeys(SARIFReporter(rules: []).render(report)) == EncodedSARIF.render(report))
    }
}

/// The SARIF reporter as it was, through `JSONEncoder`: the reference the writer is held to, with every object's keys
/// sorted (see `SARIFWriterTests.sortingTheRunsKeys(_:)`).
private enum EncodedSARIF {
    static func render(_ report: RunReport) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.id, $0) })
        let results = report.files.flatMap { file in
            file.findings.map { finding in result(finding, in: file, ruleIndex: ruleIndex[finding.ruleID]) }
        }
        let notifications = report.failedFiles.map { failure in
            Notification(level: "error",
                         locations: [PhysicalLocationWrapper(physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: failure.path), region: nil))],
                         message: Message(text: failure.reason))
        }
        let log = Log(runs: [Run(
            columnKind: "unicodeCodePoints",
            results: results,
            invocations: [Invocation(executionSuccessful: report.failedFiles.isEmpty,
                                     toolExecutionNotifications: notifications)],
            tool: Tool(driver: Driver(
                informationUri: "https://github.com/newslint/newslint", name: "newslint",
                rules: report.rules.map(rule), version: NewslintVersion.number)))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func rule(_ description: RuleDescription) -> ReportingDescriptor {
        ReportingDescriptor(
            defaultConfiguration: Configuration(level: level(description.severity)),
            fullDescription: Message(text: description.rationale),
            help: Message(text: "\(description.summary). Fix: \(description.fixAvailability.rawValue). "
                          + "Run `newslint rules \(description.id)` for examples."),
            id: description.id, name: description.id,
            shortDescription: Message(text: description.summary))
    }

    private static func result(_ finding: Finding, in file: ReportedFile, ruleIndex: Int?) -> Result {
        let location = PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: file.path),
            region: Region(byteOffset: finding.utf8Offset, startColumn: finding.location.column,
                           startLine: finding.location.line))
        let edits = file.edits(for: finding)
        let fixes = finding.fixTitle.map { title in
            [SARIFFix(artifactChanges: edits.isEmpty ? [] : [ArtifactChange(
                artifactLocation: ArtifactLocation(uri: file.path),
                replacements: edits.map { edit in
                    Replacement(deletedRegion: DeletedRegion(byteLength: edit.endOffset - edit.startOffset,
                                                             byteOffset: edit.startOffset),
                                insertedContent: Content(text: edit.content))
                })], description: Message(text: title))]
        }
        return Result(fixes: fixes?.filter { !$0.artifactChanges.isEmpty }, level: level(finding.severity),
                      locations: [PhysicalLocationWrapper(physicalLocation: location)],
                      message: Message(text: finding.message), ruleId: finding.ruleID, ruleIndex: ruleIndex)
    }

    private static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]
        let version = "2.1.0"
        enum CodingKeys: String, CodingKey { case schema = "$schema", runs, version }
    }

    struct Run: Encodable {
        let columnKind: String
        let results: [Result]
        let invocations: [Invocation]
        let tool: Tool
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let informationUri: String
        let name: String
        let rules: [ReportingDescriptor]
        let version: String
    }

    struct ReportingDescriptor: Encodable {
        let defaultConfiguration: Configuration
        let fullDescription: Message
        let help: Message
        let id: String
        let name: String
        let shortDescription: Message
    }

    struct Configuration: Encodable { let level: String }
    struct Message: Encodable { let text: String }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let locations: [PhysicalLocationWrapper]
        let message: Message
    }

    struct Result: Encodable {
        let fixes: [SARIFFix]?
        let level: String
        let locations: [PhysicalLocationWrapper]
        let message: Message
        let ruleId: String
        let ruleIndex: Int?
    }

    struct PhysicalLocationWrapper: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable { let uri: String }

    struct Region: Encodable {
        let byteOffset: Int
        let startColumn: Int
        let startLine: Int
    }

    struct SARIFFix: Encodable {
        let artifactChanges: [ArtifactChange]
        let description: Message
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
        let byteLength: Int
        let byteOffset: Int
    }

    struct Content: Encodable { let text: String }
}
