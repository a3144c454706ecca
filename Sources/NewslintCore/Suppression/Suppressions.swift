import Foundation

/// Applies a post's suppressions to its findings, and reports suppressions that name unknown rules or
/// suppress nothing.
public enum Suppressions {
    public static let unusedID = "unused-suppression"
    public static let unknownID = "unknown-suppression"

    /// `findings` without the suppressed ones, plus findings about the suppressions themselves.
    /// `knownRules` are all rule ids; `activeRules` those that ran (a suppression of a rule that did not
    /// run is not unused).
    static func apply(to findings: [Finding], post: Post, knownRules: Set<String>, activeRules: Set<String>) -> [Finding] {
        guard let directives = SuppressionDirectives.of(post) else { return findings }
        var used = Set<SuppressionDirectives.Suppressor>()
        var kept: [Finding] = []
        for finding in findings {
            if let suppressor = directives.suppressor(of: finding) {
                used.insert(suppressor)
            } else {
                kept.append(finding)
            }
        }
        for (index, directive) in directives.directives.enumerated() where directive.kind != .enable {
            let unknown = directive.rules.filter { !knownRules.contains($0) }
            if !unknown.isEmpty {
                kept.append(Finding(ruleID: unknownID, severity: .error,
                                    message: "suppression names unknown rule\(unknown.count == 1 ? "" : "s") "
                                        + unknown.map { "'\($0)'" }.joined(separator: ", "),
                                    location: directive.location, utf8Offset: directive.utf8Offset))
                continue
            }
            let relevant = directive.rules.isEmpty || directive.rules.contains(where: activeRules.contains)
            if relevant, !used.contains(.comment(index)) {
                kept.append(Finding(ruleID: unusedID, severity: .warning,
                                    message: "'\(directive.text)' suppresses nothing",
                                    location: directive.location, utf8Offset: directive.utf8Offset,
                                    fixTitle: "remove the suppression comment", fixApplicability: .safe))
            }
        }
        for (index, entry) in directives.fileWide.enumerated() {
            if !knownRules.contains(entry.rule) {
                kept.append(Finding(ruleID: unknownID, severity: .error,
                                    message: "front-matter suppression names unknown rule '\(entry.rule)'",
                                    location: entry.location))
            } else if activeRules.contains(entry.rule), !used.contains(.frontMatter(index)) {
                kept.append(Finding(ruleID: unusedID, severity: .warning,
                                    message: "front-matter suppression of '\(entry.rule)' suppresses nothing",
                                    location: entry.location))
            }
        }
        return kept.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
    }

    /// `text` without the unused suppression comments that `findings` report (the fix of `unused-suppression`).
    /// `text` is the file with LF line breaks (its byte order mark included); the findings' offsets count a
    /// carriage return before each line break when the file is written with CRLF.
    static func removingUnused(_ findings: [Finding], from text: String, usesCRLF: Bool) -> String {
        let offsets = Set(findings.filter { $0.ruleID == unusedID && $0.isFixable }.map(\.utf8Offset))
        guard !offsets.isEmpty else { return text }
        var bytes = Array(text.utf8)
        let matches = SuppressionDirectives.pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            guard let range = Range(match.range, in: text) else { continue }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let carriageReturns = usesCRLF ? bytes[..<start].count { $0 == UInt8(ascii: "\n") } : 0
            guard offsets.contains(start + carriageReturns) else { continue }
            let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            let removal = lineAwareRange(start..<end, in: bytes)
            bytes.removeSubrange(removal)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Widens a removal that stands alone on its line to the line and one following blank line.
    private static func lineAwareRange(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        let newline = UInt8(ascii: "\n")
        var start = range.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
        guard (start == 0 || bytes[start - 1] == newline), end == bytes.count || bytes[end] == newline else { return range }
        if end < bytes.count { end += 1 }
        if (start == 0 || (start >= 2 && bytes[start - 2] == newline)), end < bytes.count, bytes[end] == newline { end += 1 }
        return start..<end
    }
}
