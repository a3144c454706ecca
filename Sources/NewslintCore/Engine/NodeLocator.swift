import NewslintDOM

/// Finds the exact line and column of DOM nodes in the post's body text.
///
/// libxml2 records only a line per node (for text nodes, the line where the text ends). The column is
/// found by matching, on that line, the k-th `<tag` (or `<!--`) token to the k-th node of that kind
/// starting on the line, in document order.
///
/// The body's elements and comments are listed by line once, when the first location is asked for; a
/// line's tokens are read, byte by byte, only when a node on it is located. Reading every line up front
/// was 5% of a check, for the few lines that hold a finding.
final class NodeLocator {
    private let body: SourceText
    private let bodyFirstLine: Int
    private let root: Node
    /// The elements and comments of the body as they were at the first location, by line, in document
    /// order within a line.
    private lazy var tokenNodes: [TokenNode] = listTokenNodes()
    /// Per line located so far: the column of each of its nodes that was matched to a token.
    private var columnsByLine: [Int: LineColumns] = [:]

    init(body: String, bodyFirstLine: Int, root: Node) {
        self.body = SourceText(body)
        self.bodyFirstLine = bodyFirstLine
        self.root = root
    }

    /// The location of a node in the file.
    func location(of node: Node) -> Location {
        let line = startLine(of: node)
        guard line > 0 else { return Location(line: bodyFirstLine, column: 1) }
        let column = (node.line > 0 ? column(of: node, onLine: node.line) : nil) ?? firstNonSpaceColumn(line: line)
        return Location(line: bodyFirstLine + line - 1, column: column)
    }

    /// The location of the first `needle` at or after the start of `node`; the node's location when absent.
    func location(of needle: String, from node: Node) -> Location {
        let start = location(of: node)
        let bodyLine = start.line - bodyFirstLine + 1
        let (startOffset, startColumn) = body.utf8Position(line: bodyLine, column: start.column)
        let utf8 = body.utf8
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, startOffset < utf8.count else { return start }
        let found = utf8.withUnsafeBufferPointer { bytes in
            ByteSearch.firstOffset(of: pattern, in: UnsafeBufferPointer(rebasing: bytes[startOffset...]))
        }
        guard let found else { return start }
        let position = startColumn.map { column in
            body.position(ofUTF8Offset: startOffset + found, after: startOffset, at: (bodyLine, column))
        } ?? body.position(ofUTF8Offset: startOffset + found)
        return Location(line: bodyFirstLine + position.line - 1, column: position.column)
    }

    /// The body's first line.
    var bodyStart: Location { Location(line: bodyFirstLine, column: 1) }
}

private extension NodeLocator {
    func startLine(of node: Node) -> Int {
        if node.isText {
            let newlines = node.text.lineFeedCount
            return max(node.line - newlines, 0)
        }
        if node.line > 0 { return node.line }
        return node.parent.map(startLine(of:)) ?? 0
    }

    /// What follows the `<` of the node's start tag: its name, or `!--` for a comment.
    func token(for node: Node) -> String? {
        if node.isElement { return node.name }
        if node.isComment { return "!--" }
        return nil
    }

    /// An element or comment, with what its start tag begins with and the line libxml2 recorded for it.
    struct TokenNode {
        let line: Int
        let token: String
        let node: Node
    }

    func listTokenNodes() -> [TokenNode] {
        var list: [TokenNode] = []
        for node in root.descendants {
            let line = node.line
            guard line > 0, let token = token(for: node) else { continue }
            list.append(TokenNode(line: line, token: token, node: node))
        }
        // The standard library's sort is stable, so document order is kept within each line.
        list.sort { $0.line < $1.line }
        return list
    }

    /// The columns of a line's nodes: `columns[i]` is the column of `tokenNodes[entries.lowerBound + i]`, nil when
    /// no token on the line was matched to it.
    struct LineColumns {
        let entries: Range<Int>
        let columns: [Int?]
    }

    /// Finds the columns of the nodes listed on `line`, and keeps them for the next node located there.
    func columns(onLine line: Int) -> LineColumns {
        let start = tokenNodes.partitioningIndex { $0.line >= line }
        var end = start
        while end < tokenNodes.count, tokenNodes[end].line == line { end += 1 }
        var result = [Int?](repeating: nil, count: end - start)
        if start < end {
            // The tokens of this line's nodes, each once (a line holds a few kinds of tag), and the index of each
            // node's token among them.
            var tokens: [String] = []
            let tokenIndices = tokenNodes[start..<end].map { entry in
                if let index = tokens.firstIndex(of: entry.token) { return index }
                tokens.append(entry.token)
                return tokens.count - 1
            }
            let columns = self.columns(of: tokens, onLine: line)
            var seen = [Int](repeating: 0, count: tokens.count)
            for (offset, tokenIndex) in tokenIndices.enumerated() {
                let occurrence = seen[tokenIndex]
                seen[tokenIndex] = occurrence + 1
                if occurrence < columns[tokenIndex].count { result[offset] = columns[tokenIndex][occurrence] }
            }
        }
        let found = LineColumns(entries: start..<end, columns: result)
        columnsByLine[line] = found
        return found
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    func firstNonSpaceColumn(line: Int) -> Int {
        let text = body.line(line)
        return (text.unicodeScalars.firstIndex { !$0.properties.isWhitespace }
            .map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) } ?? 0) + 1
    }
}

extension NodeLocator {
    /// The column of `node` among the nodes listed on `line`, or nil when it is not listed there or was matched
    /// to no token.
    ///
    /// The line's columns are kept in the order of its entries, and the node is found by comparing it with them:
    /// a node is listed once, so the entry holding it gives the column a table keyed by node gave (the way columns
    /// were kept before; `NodeLocatorColumnTableTests` holds the two equal). Filling that table for every node
    /// of a line, when a body is often one line of hundreds of nodes, cost more than the rest of locating.
    func column(of node: Node, onLine line: Int) -> Int? {
        let known = columnsByLine[line] ?? columns(onLine: line)
        let list = tokenNodes
        for (offset, index) in known.entries.enumerated() where list[index].node == node {
            return known.columns[offset]
        }
        return nil
    }

    /// The 1-based scalar columns of each of `tokens` (a lower-case tag name, or `!--`) on the line, in order:
    /// where `<name` (in either case, followed by a byte that cannot continue a name) or `<!--` starts.
    /// Tags whose name is not among `tokens` are only counted over.
    func columns(of tokens: [String], onLine line: Int) -> [[Int]] {
        let range = body.byteRange(ofLine: line)
        var result = [[Int]](repeating: [], count: tokens.count)
        let comment = tokens.firstIndex(of: "!--")
        let names = tokens.map { Array($0.utf8) }
        // A long line is searched for `<` with `memchr`; the bytes between two are only counted for the column.
        body.utf8.withUnsafeBufferPointer { bytes in
            let line = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
            var column = 1
            var index = range.lowerBound
            while let found = ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: line, from: index) {
                // A column counts Unicode scalars: the continuation bytes of a multi-byte character are not counted.
                column += ScalarStarts.count(in: line, from: index, to: found)
                if found + 3 < range.upperBound, line[found + 1] == UInt8(ascii: "!"),
                   line[found + 2] == UInt8(ascii: "-"), line[found + 3] == UInt8(ascii: "-") {
                    if let comment { result[comment].append(column) }
                } else {
                    var end = found + 1
                    while end < range.upperBound, NodeLocator.isNameByte(line[end]) { end += 1 }
                    let name = line[(found + 1)..<end]
                    if !name.isEmpty, let token = names.firstIndex(where: { token in
                        token.count == name.count && zip(token, name).allSatisfy { $0 == $1.asciiLowercased }
                    }) {
                        result[token].append(column)
                    }
                }
                column += 1
                index = found + 1
            }
        }
        return result
    }
}
