/// Finds what in Markdown text is literal rather than markup: fenced code blocks, inline code spans, and
/// characters escaped with a backslash (`\<style>` is text, not a tag).
///
/// CommonMark rules, simplified: indented code blocks are not recognised because list continuation makes
/// them ambiguous, and containers (lists, block quotes) are not tracked. Raw HTML blocks are recognised
/// (`MarkdownHTMLBlock`) because Markdown stops inside them: they hold neither code spans nor escapes.
enum MarkdownCodeScanner {
    struct Literals {
        /// UTF-8 ranges of fenced code blocks and inline code spans.
        var code: [Range<Int>] = []
        /// UTF-8 offsets of the characters that a backslash escapes, outside code and HTML blocks.
        var escaped: Set<Int> = []
    }

    static func literals(in text: String) -> Literals {
        let bytes = Array(text.utf8)
        var literals = Literals()
        var lineStart = 0
        var openFence: (character: UInt8, length: Int, start: Int)?
        var openHTMLBlock: MarkdownHTMLBlock.End?
        var afterParagraphLine = false
        var proseStart = 0
        /// Ends the prose before `end`: its code spans and escapes are found.
        func closeProse(before end: Int) {
            guard proseStart < end else { return }
            scanProse(bytes, proseStart..<end, into: &literals)
        }
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            let isBlank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if let fence = openFence {
                if let closing = fenceRun(line), closing.character == fence.character, closing.length >= fence.length,
                   closing.infoIsEmpty {
                    literals.code.append(fence.start..<lineEnd)
                    openFence = nil
                    proseStart = lineEnd + 1
                }
            } else if let end = openHTMLBlock {
                switch end {
                case .blankLine where isBlank:
                    openHTMLBlock = nil
                    proseStart = lineStart
                case .lineContaining(let texts) where MarkdownHTMLBlock.ends(line, containing: texts):
                    openHTMLBlock = nil
                    proseStart = lineEnd + 1
                default:
                    break
                }
                afterParagraphLine = false
            } else if let opening = fenceRun(line) {
                closeProse(before: lineStart)
                openFence = (opening.character, opening.length, lineStart)
                afterParagraphLine = false
            } else if let end = MarkdownHTMLBlock.start(of: line, afterParagraphLine: afterParagraphLine) {
                closeProse(before: lineStart)
                if case .lineContaining(let texts) = end, MarkdownHTMLBlock.ends(line, containing: texts) {
                    proseStart = lineEnd + 1
                } else {
                    openHTMLBlock = end
                }
                afterParagraphLine = false
            } else {
                afterParagraphLine = !isBlank
            }
            lineStart = lineEnd + 1
        }
        if let fence = openFence {
            literals.code.append(fence.start..<bytes.count)
        } else if openHTMLBlock == nil {
            closeProse(before: bytes.count)
        }
        literals.code.sort { $0.lowerBound < $1.lowerBound }
        return literals
    }

    /// A fence line: up to three spaces, then three or more backticks or tildes.
    private static func fenceRun(_ line: ArraySlice<UInt8>) -> (character: UInt8, length: Int, infoIsEmpty: Bool)? {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = rest.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length)
        if first == UInt8(ascii: "`"), info.contains(UInt8(ascii: "`")) { return nil }
        return (first, length, info.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    }

    /// The code spans of prose, then the escaped characters outside them.
    private static func scanProse(_ bytes: [UInt8], _ range: Range<Int>, into literals: inout Literals) {
        let spans = inlineCodeSpans(bytes, in: range)
        literals.code += spans
        var index = range.lowerBound
        var nextSpan = 0
        // Only a backslash outside the code spans matters: the bytes between are passed over with `memchr`.
        bytes.withUnsafeBufferPointer { buffer in
            let prose = UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])
            while let backslash = ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: prose, from: index) {
                while nextSpan < spans.count, spans[nextSpan].upperBound <= backslash { nextSpan += 1 }
                if nextSpan < spans.count, spans[nextSpan].contains(backslash) {
                    index = spans[nextSpan].upperBound
                    nextSpan += 1
                    continue
                }
                if backslash + 1 < range.upperBound, isASCIIPunctuation(prose[backslash + 1]),
                   !spans.contains(where: { $0.contains(backslash + 1) }) {
                    literals.escaped.insert(backslash + 1)
                    index = backslash + 2
                } else {
                    index = backslash + 1
                }
            }
        }
    }

    /// Backtick code spans: a run of N backticks, not escaped, closed by the next run of exactly N.
    private static func inlineCodeSpans(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        let backtick = UInt8(ascii: "`")
        while index < range.upperBound {
            guard bytes[index] == backtick else { index += 1; continue }
            let openLength = bytes[index..<range.upperBound].prefix { $0 == backtick }.count
            if isEscaped(bytes, at: index, from: range.lowerBound) {
                // `\`` is a literal backtick; the rest of the run may still open a span.
                index += 1
                continue
            }
            var search = index + openLength
            var closed = false
            while search < range.upperBound {
                guard bytes[search] == backtick else { search += 1; continue }
                let runLength = bytes[search..<range.upperBound].prefix { $0 == backtick }.count
                if runLength == openLength {
                    spans.append(index..<(search + runLength))
                    index = search + runLength
                    closed = true
                    break
                }
                search += runLength
            }
            if !closed { index += openLength }
        }
        return spans
    }

    /// True when an odd run of backslashes stands right before `index` (an even run escapes itself).
    private static func isEscaped(_ bytes: [UInt8], at index: Int, from start: Int) -> Bool {
        var backslashes = 0
        var position = index - 1
        while position >= start, bytes[position] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
