import Foundation

/// `--format json`: the report as one JSON document (shape documented in the README), written as files complete.
public struct JSONReporter: StreamingReporter {
    public init() {}

    /// The start of the document, up to the first entry of `files`.
    public var opening: String? { "{\n  \"files\" : [\n" }

    /// One file's entry of `files`.
    public func entry(for file: ReportedFile, first: Bool) -> String {
        let entry = FileEntry(path: file.path, error: file.error, findings: file.findings.map { finding in
            FindingEntry(
                rule: finding.ruleID, severity: finding.severity.rawValue, message: finding.message,
                location: LocationEntry(line: finding.location.line, column: finding.location.column,
                                        offset: finding.utf8Offset),
                fix: finding.fixTitle.map { title in
                    FixEntry(applicability: finding.fixApplicability?.rawValue ?? "safe", title: title,
                             edits: file.edits(for: finding).map(EditEntry.init))
                })
        })
        return (first ? "" : ",\n") + JSONEntryWriter.text(of: entry, indent: "    ")
    }

    /// The end of the document: the entries of the paths that could not be read, and the summary.
    /// `wroteEntries` says whether any file entry came before.
    public func closing(_ report: RunReport, wroteEntries: Bool) -> String {
        var output = ""
        for (index, missing) in report.missing.enumerated() {
            let entry = FileEntry(path: missing.path, error: missing.reason, findings: [])
            output += (wroteEntries || index > 0 ? ",\n" : "") + JSONEntryWriter.text(of: entry, indent: "    ")
        }
        output += "\n  ],\n  \"summary\" : " + JSONReporter.encoded(SummaryEntry(report), indent: "  ").dropFirst(2)
        return output + ",\n  \"version\" : " + JSONReporter.encoded(NewslintVersion.number, indent: "") + "\n}\n"
    }

    /// `value` as pretty-printed JSON with every line but the empty ones indented. The file entries are written by
    /// `JSONEntryWriter`, which a test holds to this.
    ///
    /// The lines are cut at the line feed bytes. A line feed is always a character of its own, but after a
    /// carriage return, and the encoder escapes carriage returns; splitting the text into characters to find
    /// them was half of a `--format json` run.
    static func encoded<Value: Encodable>(_ value: Value, indent: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(value)) ?? Data("null".utf8)
        let indentBytes = Array(indent.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(json.count + json.count / 4)
        // Read in place: `Data`'s iterator is not inlined, some 50 instructions a byte.
        json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var atLineStart = true
            for byte in bytes {
                if atLineStart, byte != UInt8(ascii: "\n") { output.append(contentsOf: indentBytes) }
                output.append(byte)
                atLineStart = byte == UInt8(ascii: "\n")
            }
        }
        return String(decoding: output, as: UTF8.self)
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
