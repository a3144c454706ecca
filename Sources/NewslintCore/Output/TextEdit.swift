/// A replacement of whole lines in a file: what a consumer applies to reach the fixed text.
public struct TextEdit: Sendable, Equatable, Codable {
    /// First replaced line (1-based) and its byte offset.
    public let startLine: Int
    public let startOffset: Int
    /// The line after the last replaced one, and its byte offset (end-exclusive; equal to the start for an insertion).
    public let endLine: Int
    public let endOffset: Int
    /// The new text for the range.
    public let content: String

    /// True when the edit replaces `line` or inserts right before it.
    public func touches(line: Int) -> Bool {
        startLine == endLine ? line == startLine : (startLine..<endLine).contains(line)
    }

    /// The line replacements from `old` to `new`, from their shortest line diff.
    public static func edits(from old: String, to new: String) -> [TextEdit] {
        let oldLines = UnifiedDiff.lines(old)
        let newLines = UnifiedDiff.lines(new)
        var lineOffsets = [0]
        for line in oldLines { lineOffsets.append(lineOffsets.last! + line.text.utf8.count + (line.ending == "\n" ? 1 : 0)) }
        var edits: [TextEdit] = []
        var oldIndex = 0
        // The replacement text is gathered as bytes: appending each line to a string checked for a character
        // across every join.
        var pending: (start: Int, content: [UInt8], touched: Bool)?
        func flush(at end: Int) {
            guard let current = pending, current.touched else { pending = nil; return }
            edits.append(TextEdit(startLine: current.start + 1, startOffset: lineOffsets[current.start],
                                  endLine: end + 1, endOffset: lineOffsets[end],
                                  content: String(decoding: current.content, as: UTF8.self)))
            pending = nil
        }
        for edit in UnifiedDiff.script(oldLines, newLines) {
            switch edit {
            case .keep:
                flush(at: oldIndex)
                oldIndex += 1
            case .delete:
                if pending == nil { pending = (oldIndex, [], true) }
                oldIndex += 1
            case .insert(let newIndex):
                if pending == nil { pending = (oldIndex, [], true) }
                let line = newLines[newIndex]
                var text = line.text
                text.withUTF8 { pending?.content.append(contentsOf: $0) }
                if line.ending == "\n" { pending?.content.append(UInt8(ascii: "\n")) }
            }
        }
        flush(at: oldIndex)
        return edits
    }
}
