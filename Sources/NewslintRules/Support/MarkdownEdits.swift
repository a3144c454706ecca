import Foundation
import NewslintCore

/// Helpers for fixes that remove spans from Markdown bodies without leaving blank-line debris.
enum MarkdownEdits {
    /// Compiles a pattern written in a rule file; the patterns are literals, so failure is a programming error.
    static func pattern(_ source: String, options: NSRegularExpression.Options = []) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: source, options: options)
        } catch {
            preconditionFailure("invalid built-in pattern \(source): \(error)")
        }
    }

    /// Widens a UTF-8 range that is alone on its line(s) to the whole line, plus one following blank line.
    static func removalRange(for range: Range<Int>, in text: String) -> Range<Int> {
        let bytes = Array(text.utf8)
        let newline = UInt8(ascii: "\n")
        var start = range.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        let aloneOnLine = (start == 0 || bytes[start - 1] == newline) && (end == bytes.count || bytes[end] == newline)
        guard aloneOnLine else { return range }
        if end < bytes.count { end += 1 }
        let previousIsBlank = start == 0 || (start >= 2 && bytes[start - 2] == newline)
        if previousIsBlank, end < bytes.count, bytes[end] == newline { end += 1 }
        return start..<end
    }
}
