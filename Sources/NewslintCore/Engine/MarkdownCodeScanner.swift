/// Finds the code in Markdown text: fenced code blocks and inline code spans (CommonMark rules, simplified:
/// indented code blocks are not recognised because list continuation makes them ambiguous).
enum MarkdownCodeScanner {
    static func codeRanges(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var openFence: (character: UInt8, length: Int, start: Int)?
        var proseStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if let fence = openFence {
                if let closing = fenceRun(line), closing.character == fence.character, closing.length >= fence.length,
                   closing.infoIsEmpty {
                    ranges.append(fence.start..<lineEnd)
                    openFence = nil
                    proseStart = lineEnd + 1
                }
            } else if let opening = fenceRun(line) {
                ranges += inlineCodeSpans(bytes, in: proseStart..<lineStart)
                openFence = (opening.character, opening.length, lineStart)
            }
            lineStart = lineEnd + 1
        }
        if let fence = openFence {
            ranges.append(fence.start..<bytes.count)
        } else if proseStart < bytes.count {
            ranges += inlineCodeSpans(bytes, in: proseStart..<bytes.count)
        }
        return ranges
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

    /// Backtick code spans: a run of N backticks closed by the next run of exactly N.
    private static func inlineCodeSpans(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = range.lowerBound
        let backtick = UInt8(ascii: "`")
        while index < range.upperBound {
            guard bytes[index] == backtick else { index += 1; continue }
            if index > range.lowerBound, bytes[index - 1] == UInt8(ascii: "\\") { index += 1; continue }
            let openLength = bytes[index..<range.upperBound].prefix { $0 == backtick }.count
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
}
