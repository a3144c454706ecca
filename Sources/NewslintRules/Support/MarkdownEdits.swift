import Foundation
import NewslintCore
import NewslintDOM

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

/// A byte prefilter for case-insensitive patterns that need an exact ASCII marker followed by one of a few words,
/// so that a body that cannot match is not copied to UTF-16 for the regex.
enum CaseInsensitivePrefilter {
    /// False only when no `marker` (matched byte for byte) in `text` is followed by one of `words` as a
    /// case-insensitive regex matches them. An ASCII character folds only to itself and its other case, one
    /// character each, so when the bytes after a marker, as many as the word has, are ASCII, they must be the word
    /// in ASCII letters of either case. A non-ASCII byte among them keeps the text a candidate (`ſ` folds to `s`,
    /// `ﬆ` to `st`, the Kelvin sign to `k`), as does any word that is not ASCII.
    static func mayHold(_ marker: String, followedByOneOf words: [String], in text: String) -> Bool {
        guard words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return true }
        let lowered = words.map { $0.utf8.map(\.asciiLowercased) }
        let markerBytes = Array(marker.utf8)
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while let found = ByteSearch.firstOffset(of: markerBytes, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
                let after = start + found + markerBytes.count
                if lowered.contains(where: { mayStartWith($0, bytes[after...]) }) { return true }
                start += found + 1
            }
            return false
        }
    }

    /// True when `bytes` may start with `word` (lowercase ASCII) under case folding: a non-ASCII byte within the
    /// word's length, or the word in ASCII letters of either case.
    private static func mayStartWith(_ word: [UInt8], _ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let window = bytes.prefix(word.count)
        return window.contains { $0 >= 0x80 } || (window.count == word.count
            && zip(window, word).allSatisfy { $0.asciiLowercased == $1 })
    }
}
