import Foundation
import NewslintDOM
import NewslintTestSupport
import Testing
@testable import NewslintCore

/// `NodeLocator.column(of:onLine:)` keeps a line's columns in the order of its nodes and finds a node by
/// comparing; before, every node of the line was put in a table keyed by node. The reference below is that
/// table, built as it was; both must give every node the same column.
@Suite struct NodeLocatorColumnTableTests {
    @Test func generatedBodiesGetTheColumnsOfTheTable() throws {
        let pieces = ["<p>", "</p>", "<P class=x>", "<img src=a>", "<IMG/>", "<!-- c -->", "<br>", "<b>", "</b>",
                      "<span>", "</span>", "<div>", "</div>", "<o:p>", "中文", "é", "a", " ", "<", "\n", "\n",
                      "<script>x</script>", "<table><tr><td>", "<li>", "<ul>", "&amp;", "<a href=x>", "</a>"]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<1_500 {
            let html = pieces.randomText(count: 0...40, using: &generator)
            compared += try compare(body: html, bodyFirstLine: Int.random(in: 1...5, using: &generator),
                                    using: &generator)
        }
        #expect(compared > 10_000)
    }

    @Test func repositoryPostsGetTheColumnsOfTheTable() throws {
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for folder in ["../shared/corpus/posts", "Examples", "Tests/Fixtures/hostile", "Fuzz/seeds"] {
            let directory = RepositoryPaths.path(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                guard let data = FileManager.default.contents(atPath: directory + "/" + name),
                      let post = try? PostReader.read(bytes: Array(data), path: directory + "/" + name),
                      post.bodyFormat == .html else { continue }
                compared += try compare(body: post.body, bodyFirstLine: post.bodyFirstLine, using: &generator)
            }
        }
        #expect(compared > 1_000)
    }

    /// Asks a fresh locator for every element and comment, in a random order (the first node asked about on a
    /// line fills that line), and compares each answer with the table's. Returns how many nodes were compared.
    private func compare(body: String, bodyFirstLine: Int, using generator: inout some RandomNumberGenerator) throws -> Int {
        guard let document = try? HTMLBody.parse(body) else { return 0 }
        let locator = NodeLocator(body: body, bodyFirstLine: bodyFirstLine, root: document.body)
        let reference = ReferenceColumnTable(locator: locator, root: document.body)
        let nodes = document.body.descendants.filter { $0.line > 0 }.shuffled(using: &generator)
        for node in nodes {
            #expect(locator.column(of: node, onLine: node.line) == reference.columns(onLine: node.line)[node],
                    "\(body.debugDescription)")
        }
        return nodes.count
    }
}

/// The columns of a line's nodes as `NodeLocator` kept them before: a table keyed by node, filled for every
/// element and comment libxml2 put on the line.
private struct ReferenceColumnTable {
    let locator: NodeLocator
    /// (line, token, node) of every element and comment with a line, sorted by line, in document order within one.
    let tokenNodes: [(line: Int, token: String, node: Node)]

    init(locator: NodeLocator, root: Node) {
        self.locator = locator
        var list: [(line: Int, token: String, node: Node)] = []
        for node in root.descendants {
            let line = node.line
            let token: String? = node.isElement ? node.name : node.isComment ? "!--" : nil
            guard line > 0, let token else { continue }
            list.append((line, token, node))
        }
        list.sort { $0.line < $1.line }
        tokenNodes = list
    }

    func columns(onLine line: Int) -> [Node: Int] {
        let start = tokenNodes.partitioningIndex { $0.line >= line }
        var end = start
        while end < tokenNodes.count, tokenNodes[end].line == line { end += 1 }
        var result: [Node: Int] = [:]
        if start < end {
            var tokens: [String] = []
            let tokenIndices = tokenNodes[start..<end].map { entry in
                if let index = tokens.firstIndex(of: entry.token) { return index }
                tokens.append(entry.token)
                return tokens.count - 1
            }
            let columns = locator.columns(of: tokens, onLine: line)
            var seen = [Int](repeating: 0, count: tokens.count)
            for (entry, tokenIndex) in zip(tokenNodes[start..<end], tokenIndices) {
                let occurrence = seen[tokenIndex]
                seen[tokenIndex] = occurrence + 1
                if occurrence < columns[tokenIndex].count { result[entry.node] = columns[tokenIndex][occurrence] }
            }
        }
        return result
    }
}
