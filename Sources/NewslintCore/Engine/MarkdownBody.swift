import Foundation

/// A Markdown body (a post fixed earlier, or written by hand) with the spans that are code.
///
/// Rules on Markdown bodies look only for HTML leftovers outside code, and fix them with text edits
/// so that everything else stays byte-identical. What a reader sees as text is never markup: a match that
/// starts inside code or at a backslash-escaped character (`\<style>`) is not a tag, a comment or a link.
public final class MarkdownBody {
    public private(set) var text: String
    /// UTF-8 ranges of fenced code blocks and inline code spans, in order.
    public private(set) var codeRanges: [Range<Int>] = []
    /// UTF-8 offsets of the characters a backslash escapes, outside code and raw HTML blocks.
    public private(set) var escapedOffsets: Set<Int> = []
    private var pendingEdits: [(range: Range<Int>, replacement: String)] = []
    /// A number that changes with every committed edit: equal revisions mean an unchanged text.
    private(set) var revision = 0
    private var cachedSource: SourceText?
    /// The text's length in UTF-16, which every search by a regular expression is given; counted once per text.
    private var cachedUTF16Count: Int?

    /// The text with its line index, for turning offsets into lines and columns; built once per text.
    public var source: SourceText {
        if let cachedSource { return cachedSource }
        let source = SourceText(text)
        cachedSource = source
        return source
    }

    init(text: String) {
        self.text = text
        scanLiterals()
    }

    /// True when the UTF-8 offset lies inside code.
    public func isInCode(_ offset: Int) -> Bool {
        codeRanges.contains { $0.contains(offset) }
    }

    /// True when the character at the UTF-8 offset is literal text and cannot start markup: it lies inside
    /// code, or a backslash escapes it. Every search for tags, comments and links in a Markdown body starts
    /// only where this is false.
    public func isLiteral(_ offset: Int) -> Bool {
        escapedOffsets.contains(offset) || isInCode(offset)
    }

    /// Every match of `pattern` that does not start at literal text (`isLiteral`), as UTF-8 ranges with the
    /// captured groups.
    public func matches(of pattern: NSRegularExpression) -> [(range: Range<Int>, groups: [String?])] {
        let length = cachedUTF16Count ?? text.utf16.count
        cachedUTF16Count = length
        return pattern.matches(in: text, range: NSRange(location: 0, length: length)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            guard !isLiteral(start) else { return nil }
            let groups: [String?] = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            return (start..<end, groups)
        }
    }

    /// Schedules replacing a UTF-8 range; edits apply together in `commitEdits`.
    public func replace(_ range: Range<Int>, with replacement: String) {
        pendingEdits.append((range, replacement))
    }

    /// Applies scheduled edits that do not overlap an earlier one, and rescans code and escapes.
    func commitEdits() {
        guard !pendingEdits.isEmpty else { return }
        var bytes = Array(text.utf8)
        var applied: [Range<Int>] = []
        for edit in pendingEdits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard !applied.contains(where: { $0.overlaps(edit.range) }) else { continue }
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            applied.append(edit.range)
        }
        pendingEdits.removeAll()
        revision &+= 1
        text = String(decoding: bytes, as: UTF8.self)
        cachedSource = nil
        cachedUTF16Count = nil
        scanLiterals()
    }

    private func scanLiterals() {
        let literals = MarkdownCodeScanner.literals(in: text)
        codeRanges = literals.code
        escapedOffsets = literals.escaped
    }
}
