/// The plain text report: one line per finding, `path:line:col: severity: message [rule-id]`, then a summary.
///
/// On a terminal each finding is followed by its fix title and a source excerpt with a caret, and colour is
/// used; in pipes and CI logs the output is the bare lines, which editors' problem matchers read.
public struct TextReporter: Reporter {
    public var color = false
    public var excerpts = false
    public var statistics = false
    public var quiet = false

    public init(color: Bool = false, excerpts: Bool = false, statistics: Bool = false, quiet: Bool = false) {
        self.color = color
        self.excerpts = excerpts
        self.statistics = statistics
        self.quiet = quiet
    }

    public func render(_ report: RunReport) -> String {
        var output = ""
        if statistics {
            output += Statistics.table(report.tally, rules: report.rules)
        } else {
            for file in report.files { output += findings(of: file) }
        }
        if !quiet { output += summaryLine(report) + "\n" }
        return output
    }

    /// The lines for one file's findings, so a caller can stream them as files complete.
    public func findings(of file: ReportedFile) -> String {
        guard color || excerpts else {
            // The bare lines of pipes and CI logs go into one buffer of bytes, made a string once: appending
            // each line and its line feed to a string checked for a character across every join.
            var bytes: [UInt8] = []
            for finding in file.findings {
                TextReporter.appendLine(for: finding, path: file.path, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var output = ""
        for finding in file.findings {
            output += styledLine(for: finding, path: file.path)
            output += "\n"
            guard excerpts else { continue }
            if let title = finding.fixTitle {
                let prefix = finding.isFixable ? "fix" : "fix (unsafe)"
                output += "  " + paint("\(prefix): \(title)", .cyan) + "\n"
            }
            if let line = file.lines[finding.location.line] {
                output += Excerpt.render(line: line, number: finding.location.line, column: finding.location.column,
                                         paint: { paint($0, .red) })
            }
        }
        return output
    }

    public func summaryLine(_ report: RunReport) -> String {
        TextReporter.summaryLine(report.tally, filesChecked: report.checkedFiles, filesFailed: report.failedFiles.count)
    }

    /// The last line of a check, for every combination of findings, files checked and files that failed:
    /// `3 findings in 2 files (2 fixable)`, `No findings in 4 files.`, `No files checked.`, each with
    /// `; 2 files could not be read (see above)` before any final period when files failed.
    public static func summaryLine(_ tally: FindingTally, filesChecked: Int, filesFailed: Int) -> String {
        let failures = filesFailed == 0 ? "" : "; \(plural(filesFailed, "file")) could not be read (see above)"
        guard tally.findings == 0 else { return summary(tally, filesChecked: filesChecked) + failures }
        let clean = filesChecked == 0 ? "No files checked" : "No findings in \(plural(filesChecked, "file"))"
        return clean + failures + "."
    }

    public static func line(for finding: Finding, path: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + finding.message.utf8.count + finding.ruleID.utf8.count + 40)
        appendLine(for: finding, path: path, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `line(for:path:)` as bytes, piece by piece: interpolating the seven pieces, or appending them as
    /// strings (each append checks for a character across the join), cost five times as much, a tenth of
    /// re-checking posts served from the cache; an array of the pieces cost an allocation and a copy each.
    static func appendLine(for finding: Finding, path: String, to bytes: inout [UInt8]) {
        // Each text is copied from its contiguous bytes: appending a `String.UTF8View` went through the
        // generic sequence path, some 300 instructions a piece.
        func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        append(path)
        bytes.append(UInt8(ascii: ":"))
        append(String(finding.location.line))
        bytes.append(UInt8(ascii: ":"))
        append(String(finding.location.column))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        append(finding.severity.rawValue)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        append(finding.message)
        bytes.append(UInt8(ascii: " "))
        bytes.append(UInt8(ascii: "["))
        append(finding.ruleID)
        bytes.append(UInt8(ascii: "]"))
    }

    /// `3 findings in 2 files (2 fixable, 1 more with --unsafe-fixes)`; `No findings in 4 files.` when clean,
    /// `No files checked.` when there was nothing to check.
    public static func summary(_ tally: FindingTally, filesChecked: Int) -> String {
        guard tally.findings > 0 else { return summaryLine(tally, filesChecked: filesChecked, filesFailed: 0) }
        var detail = "\(tally.fixable) fixable"
        if tally.unsafeFixable > 0 { detail += ", \(tally.unsafeFixable) more with --unsafe-fixes" }
        return "\(plural(tally.findings, "finding")) in \(plural(tally.filesWithFindings, "file")) (\(detail))"
    }

    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private func styledLine(for finding: Finding, path: String) -> String {
        guard color else { return TextReporter.line(for: finding, path: path) }
        let severity = paint(finding.severity.rawValue, finding.severity == .error ? .red : .yellow)
        return paint("\(path):\(finding.location.line):\(finding.location.column):", .bold)
            + " \(severity): \(finding.message) " + paint("[\(finding.ruleID)]", .dim)
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", yellow = "33", cyan = "36"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// A source line with a caret under a column, the way compilers show where a problem is.
enum Excerpt {
    static func render(line: String, number: Int, column: Int, paint: (String) -> String) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        let shown = line.count > 160 ? String(line.prefix(160)) + "…" : line
        // Wide characters take two cells on a terminal and tabs stay tabs: align the caret with what is printed.
        let indent = line.unicodeScalars.prefix(max(0, column - 1)).map { scalar in
            scalar == "\t" ? "\t" : isWide(scalar) ? "  " : " "
        }.joined()
        return "\(pad) |\n\(gutter) | \(shown)\n\(pad) | \(indent)\(paint("^"))\n"
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
