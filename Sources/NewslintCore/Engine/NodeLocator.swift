import NewslintDOM

/// Finds the exact line and column of DOM nodes in the post's body text.
///
/// libxml2 records only a line per node (for text nodes, the line where the text ends). The column is
/// found by matching, on that line, the k-th `<tag` (or `<!--`) token to the k-th node of that kind
/// starting on the line, in document order.
final class NodeLocator {
    private let body: SourceText
    private let bodyFirstLine: Int
    private let root: Node
    private lazy var columns: [Node: Int] = computeColumns()

    init(body: String, bodyFirstLine: Int, root: Node) {
        self.body = SourceText(body)
        self.bodyFirstLine = bodyFirstLine
        self.root = root
    }

    /// The location of a node in the file.
    func location(of node: Node) -> Location {
        let line = startLine(of: node)
        guard line > 0 else { return Location(line: bodyFirstLine, column: 1) }
        let column = columns[node] ?? firstNonSpaceColumn(line: line)
        return Location(line: bodyFirstLine + line - 1, column: column)
    }

    /// The location of the first `needle` at or after the start of `node`; the node's location when absent.
    func location(of needle: String, from node: Node) -> Location {
        let start = location(of: node)
        let bodyLine = start.line - bodyFirstLine + 1
        let startOffset = body.utf8Offset(line: bodyLine, column: start.column)
        let utf8 = Array(body.text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, startOffset < utf8.count else { return start }
        var offset = startOffset
        while offset + pattern.count <= utf8.count {
            if utf8[offset] == pattern[0], Array(utf8[offset..<(offset + pattern.count)]) == pattern {
                let position = body.position(ofUTF8Offset: offset)
                return Location(line: bodyFirstLine + position.line - 1, column: position.column)
            }
            offset += 1
        }
        return start
    }

    /// The body's first line.
    var bodyStart: Location { Location(line: bodyFirstLine, column: 1) }
}

private extension NodeLocator {
    func startLine(of node: Node) -> Int {
        if node.isText {
            let newlines = node.text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            return max(node.line - newlines, 0)
        }
        if node.line > 0 { return node.line }
        return node.parent.map(startLine(of:)) ?? 0
    }

    func token(for node: Node) -> String? {
        if node.isElement { return "<" + node.name }
        if node.isComment { return "<!--" }
        return nil
    }

    func computeColumns() -> [Node: Int] {
        var result: [Node: Int] = [:]
        var seen: [String: Int] = [:]
        for node in root.descendants {
            guard let token = token(for: node), node.line > 0 else { continue }
            let key = "\(node.line)|\(token)"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            if let column = column(ofOccurrence: occurrence, of: token, line: node.line) {
                result[node] = column
            }
        }
        return result
    }

    func column(ofOccurrence occurrence: Int, of token: String, line: Int) -> Int? {
        let text = Array(body.line(line).lowercased().unicodeScalars)
        let pattern = Array(token.unicodeScalars)
        var found = 0
        var index = 0
        while index + pattern.count <= text.count {
            if Array(text[index..<(index + pattern.count)]) == pattern, isTokenEnd(text, index + pattern.count, token) {
                if found == occurrence { return index + 1 }
                found += 1
            }
            index += 1
        }
        return nil
    }

    func isTokenEnd(_ text: [Unicode.Scalar], _ index: Int, _ token: String) -> Bool {
        guard token != "<!--", index < text.count else { return true }
        let next = text[index]
        return !(next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "-" || next == "_")
    }

    func firstNonSpaceColumn(line: Int) -> Int {
        let text = body.line(line)
        return (text.unicodeScalars.firstIndex { !$0.properties.isWhitespace }
            .map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) } ?? 0) + 1
    }
}
