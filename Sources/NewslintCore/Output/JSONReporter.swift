import Foundation

/// `--format json`: the report as one JSON document (shape documented in the README).
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        let document = Document(
            version: NewslintVersion.number,
            files: report.files.map { file in
                FileEntry(path: file.path, error: file.error, findings: file.findings.map { finding in
                    FindingEntry(
                        rule: finding.ruleID, severity: finding.severity.rawValue, message: finding.message,
                        location: LocationEntry(line: finding.location.line, column: finding.location.column,
                                                offset: finding.utf8Offset),
                        fix: finding.fixTitle.map { title in
                            FixEntry(applicability: finding.fixApplicability?.rawValue ?? "safe", title: title,
                                     edits: file.edits(for: finding).map(EditEntry.init))
                        })
                })
            } + report.missing.map { FileEntry(path: $0.path, error: $0.reason, findings: []) },
            summary: SummaryEntry(report))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let version: String
        let files: [FileEntry]
        let summary: SummaryEntry
    }

    struct FileEntry: Encodable {
        let path: String
        let error: String?
        let findings: [FindingEntry]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(error, forKey: .error)
            try container.encode(findings, forKey: .findings)
        }

        enum CodingKeys: String, CodingKey { case path, error, findings }
    }

    struct FindingEntry: Encodable {
        let rule: String
        let severity: String
        let message: String
        let location: LocationEntry
        let fix: FixEntry?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(location, forKey: .location)
            try container.encode(fix, forKey: .fix)
        }

        enum CodingKeys: String, CodingKey { case rule, severity, message, location, fix }
    }

    struct LocationEntry: Encodable {
        let line: Int
        let column: Int
        let offset: Int
    }

    struct FixEntry: Encodable {
        let applicability: String
        let title: String
        let edits: [EditEntry]
    }

    struct EditEntry: Encodable {
        let start: PositionEntry
        let end: PositionEntry
        let content: String

        init(_ edit: TextEdit) {
            start = PositionEntry(line: edit.startLine, offset: edit.startOffset)
            end = PositionEntry(line: edit.endLine, offset: edit.endOffset)
            content = edit.content
        }
    }

    struct PositionEntry: Encodable {
        let line: Int
        let offset: Int
    }

    struct SummaryEntry: Encodable {
        let files: Int
        let filesWithFindings: Int
        let findings: Int
        let fixable: Int
        let unsafeFixable: Int
        let errors: Int

        init(_ report: RunReport) {
            files = report.checkedFiles
            filesWithFindings = report.filesWithFindings
            findings = report.tally.findings
            fixable = report.tally.fixable
            unsafeFixable = report.tally.unsafeFixable
            errors = report.failedFiles.count
        }

        enum CodingKeys: String, CodingKey {
            case files, findings, fixable, errors
            case filesWithFindings = "files_with_findings", unsafeFixable = "unsafe_fixable"
        }
    }
}
