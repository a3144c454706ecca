/// Text with a line index, for turning offsets into 1-based line and column numbers.
///
/// Columns count Unicode scalars from the start of the line, starting at 1, the way editors and
/// `path:line:col` consumers expect for non-ASCII text.
///
/// A post's text is not byte for byte its file: a UTF-8 byte order mark is set aside and CRLF is read as LF.
/// `fileOffset` maps back to the file, for the byte offsets reports give.
public struct SourceText: Sendable {
    public let text: String
    /// UTF-8 offset of the first byte of each line.
    private let lineStarts: [Int]
    /// The offset in the file of each line's first byte; nil when the file is the text.
    private let fileLineStarts: [Int]?
    /// The text's UTF-8 bytes.
    let utf8: [UInt8]

    /// `leadingBytes` stand before the text in the file (3 for a byte order mark); `carriageReturns[i]` is the
    /// number of carriage returns dropped from the file before line `i + 1` (one entry per line; empty: none).
    public init(_ text: String, leadingBytes: Int = 0, carriageReturns: [Int] = []) {
        self.text = text
        utf8 = Array(text.utf8)
        var starts = [0]
        utf8.withUnsafeBufferPointer { bytes in
            while let feed = ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: bytes, from: starts[starts.count - 1]) {
                starts.append(feed + 1)
            }
        }
        lineStarts = starts
        if leadingBytes == 0, carriageReturns.allSatisfy({ $0 == 0 }) {
            fileLineStarts = nil
        } else {
            fileLineStarts = starts.enumerated().map { line, start in
                start + leadingBytes + (line < carriageReturns.count ? carriageReturns[line] : 0)
            }
        }
    }

    /// The byte offset in the file of 1-based `line` and `column`.
    public func fileOffset(line: Int, column: Int) -> Int {
        fileOffset(ofUTF8Offset: utf8Offset(line: line, column: column))
    }

    /// The byte offset in the file of a UTF-8 offset in `text`.
    public func fileOffset(ofUTF8Offset offset: Int) -> Int {
        guard let fileLineStarts else { return offset }
        let line = lineIndex(of: offset)
        return fileLineStarts[line] + offset - lineStarts[line]
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based line `number`, without its newline; empty when out of range.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The UTF-8 byte range of 1-based line `number`, without its newline.
    func byteRange(ofLine number: Int) -> Range<Int> {
        guard number >= 1, number <= lineStarts.count else { return utf8.count..<utf8.count }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        return start..<max(start, end)
    }

    /// The 1-based line and column of a UTF-8 offset.
    public func position(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, utf8.count))
        let low = lineIndex(of: clamped)
        let lineStart = lineStarts[low]
        let column = 1 + utf8.withUnsafeBufferPointer { ScalarStarts.count(in: $0, from: lineStart, to: clamped) }
        return (low + 1, column)
    }

    /// The UTF-8 offset of 1-based `line` and `column`.
    public func utf8Offset(line: Int, column: Int) -> Int {
        utf8Position(line: line, column: column).offset
    }

    /// The UTF-8 offset of 1-based `line` and `column`, with the column found there: `column`, or the column just
    /// past the line's last scalar when the line is shorter (nil for a line outside the text).
    func utf8Position(line: Int, column: Int) -> (offset: Int, column: Int?) {
        guard line >= 1, line <= lineStarts.count else { return (utf8.count, nil) }
        var range = byteRange(ofLine: line)
        if range.upperBound > range.lowerBound, utf8[range.upperBound - 1] == UInt8(ascii: "\r") {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        // Walks `column - 1` scalars: a scalar starts at every byte that is not a UTF-8 continuation byte.
        let wanted = max(0, column - 1)
        return utf8.withUnsafeBufferPointer { bytes in
            // A word whose starts keep the count at most `wanted` holds no start with `wanted` starts before it
            // (those have fewer), so stepping over it skips nothing the byte walk below returns at.
            var (offset, scalars) = ScalarStarts.skipWords(in: bytes, from: range.lowerBound, to: range.upperBound,
                                                           counted: 0, atMost: wanted)
            while offset < range.upperBound {
                if ScalarStarts.isStart(bytes[offset]) {
                    if scalars == wanted { return (offset, scalars + 1) }
                    scalars += 1
                }
                offset += 1
            }
            return (range.upperBound, scalars + 1)
        }
    }

    /// `position(ofUTF8Offset:)` for an offset at or after `base`, whose position is known: on the same line, only
    /// the bytes between the two are counted, instead of the line from its start (a body is often one long line).
    func position(ofUTF8Offset offset: Int, after base: Int, at basePosition: (line: Int, column: Int))
        -> (line: Int, column: Int) {
        guard base >= 0, base <= offset, offset <= utf8.count else { return position(ofUTF8Offset: offset) }
        var column = basePosition.column
        for byte in utf8[base..<offset] {
            if byte == UInt8(ascii: "\n") { return position(ofUTF8Offset: offset) }
            if ScalarStarts.isStart(byte) { column += 1 }
        }
        return (basePosition.line, column)
    }

    /// The 0-based index of the line holding a UTF-8 offset.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
