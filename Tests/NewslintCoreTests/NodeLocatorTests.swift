import NewslintTestSupport
import Testing
import NewslintDOM
@testable import NewslintCore

/// Where `NodeLocator` puts nodes: the k-th `<tag` of a line is the k-th element of that name starting on
/// it, columns count characters, and a line is read only for the nodes asked about.
@Suite struct NodeLocatorTests {
    /// The locator's answer for the first node that `matches`, in document order, as "line:column".
    func located(_ html: String, bodyFirstLine: Int = 10, _ matches: (Node) -> Bool) throws -> [String] {
        let document = try HTMLDocument(html: html)
        let locator = NodeLocator(body: html, bodyFirstLine: bodyFirstLine, root: document.body)
        return document.body.descendants.filter(matches).map { node in
            let location = locator.location(of: node)
            return "\(location.line):\(location.column)"
        }
    }

    @Test func sameNamedElementsOnALineAreTakenInOrder() throws {
        let html = "<div><p>一</p><p>二</p></div>\n<p>三</p> <p>四</p><!-- ad --><p>五</p>\n"
        #expect(try located(html) { $0.isElement(named: "p") } == ["10:6", "10:14", "11:1", "11:10", "11:29"])
        #expect(try located(html) { $0.isComment } == ["11:18"])
        #expect(try located(html) { $0.isElement(named: "div") } == ["10:1"])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let html = "<p>新浪财经<b>要闻</b>，<i>快讯</i></p>\n"
        #expect(try located(html) { $0.isElement(named: "b") || $0.isElement(named: "i") } == ["10:8", "10:18"])
    }

    @Test func upperCaseTagsAreMatched() throws {
        #expect(try located("<DIV><P>a</P></DIV>\n") { $0.isElement(named: "p") } == ["10:6"])
    }

    /// A node moved before others keeps the line it was parsed on, so the nodes are not in line order.
    @Test func nodesOutOfLineOrderKeepTheirOwnLines() throws {
        let html = "<div><p>a</p></div>\n<p>b</p>\n  <p>c</p>\n"
        let document = try HTMLDocument(html: html)
        let paragraphs = document.body.descendants.filter { $0.isElement(named: "p") }
        let div = try #require(document.body.descendants.first { $0.isElement(named: "div") })
        div.insertBefore(paragraphs[2])
        let locator = NodeLocator(body: html, bodyFirstLine: 1, root: document.body)
        #expect(paragraphs.map { locator.location(of: $0).description } == ["1:6", "2:1", "3:3"])
    }

    /// The token scanner finds the columns that reading every tag of the line into a table by lower-cased name
    /// finds (the way columns were found before), for the names asked and for names the line lacks.
    @Test func tokenColumnsAreThoseOfEveryTagOnTheLine() throws {
        let pieces = ["<p>", "<P class=x>", "</p>", "<img src=a>", "<IMG/>", "<!-- c -->", "<!-", "<o:p>", "<br>", "<b",
                      "< p>", "<p-x>", "中文", "é", "a", " ", "<", "<<p>", "<p\u{301}>", "<span>", "<Span>"]
        let asked = ["p", "img", "!--", "o:p", "br", "b", "span", "p-x", "div"]
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<3_000 {
            let lines = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                pieces.randomText(count: 0...10, using: &generator)
            }
            let html = lines.joined(separator: "\n")
            let document = try HTMLDocument(html: "<p>x</p>")
            let locator = NodeLocator(body: html, bodyFirstLine: 1, root: document.body)
            let tokens = asked.shuffled(using: &generator).prefix(Int.random(in: 1...asked.count, using: &generator))
            for (number, line) in lines.enumerated() {
                let expected = Self.everyTag(on: line)
                let columns = locator.columns(of: Array(tokens), onLine: number + 1)
                #expect(columns == tokens.map { expected[$0] ?? [] }, "\(line.debugDescription)")
                found += columns.joined().count
            }
        }
        #expect(found > 3_000)
    }

    /// Every `<name` (as the name, lower-cased) and `<!--` of `line` with its 1-based scalar column.
    static func everyTag(on line: String) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        let scalars = Array(line.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "<" {
            let rest = scalars[(index + 1)...]
            if rest.starts(with: "!--".unicodeScalars) {
                result["!--", default: []].append(index + 1)
                continue
            }
            let name = rest.prefix { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_:".unicodeScalars.contains($0)) }
            if !name.isEmpty { result[String(String.UnicodeScalarView(name)).lowercased(), default: []].append(index + 1) }
        }
        return result
    }

    @Test func locatingOneNodeFirstGivesTheSameAnswers() throws {
        let html = "<p>x</p><p>y</p>\n<div><p>z</p></div><p>w</p>\n"
        let document = try HTMLDocument(html: html)
        let nodes = document.body.descendants.filter { $0.isElement(named: "p") }
        let all = NodeLocator(body: html, bodyFirstLine: 1, root: document.body)
        let expected = nodes.map { all.location(of: $0) }
        for (index, node) in nodes.enumerated().reversed() {
            let fresh = NodeLocator(body: html, bodyFirstLine: 1, root: document.body)
            #expect(fresh.location(of: node) == expected[index])
        }
        #expect(expected.map(\.description) == ["1:1", "1:9", "2:6", "2:20"])
    }
}
