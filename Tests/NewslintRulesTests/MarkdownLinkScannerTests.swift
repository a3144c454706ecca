import Foundation
import Testing
@testable import NewslintCore
@testable import NewslintRules

/// The byte scanner finds the links, images, definitions and autolinks that the patterns find.
@Suite struct MarkdownLinkScannerTests {
    /// Texts made of the pieces links are made of, and of the ways they go wrong: the URLs read with the scanner
    /// are those the patterns find, and the scanner reads every one of these short texts.
    @Test func scannerAgreesWithThePatternsOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        var declined = 0
        var found: [String: Int] = [:]
        for _ in 0..<6_000 {
            let text = (0..<Int.random(in: 1...8, using: &generator))
                .map { _ in RandomMarkdown.piece(using: &generator) }.joined()
            if isDeclined(text) { declined += 1 }
            let body = MarkdownBody(text: text)
            let byPattern = MarkdownURLs.allByPattern(in: body, tags: [], comments: []).map(Seen.init)
            for url in byPattern { found[url.kind.name, default: 0] += 1 }
            #expect(MarkdownURLs.all(in: body, tags: [], comments: []).map(Seen.init) == byPattern,
                    "\(text.debugDescription)")
        }
        // The comparison means something only if the texts are read and many hold URLs of every kind.
        #expect(declined == 0)
        #expect(found.count == 4 && found.values.allSatisfy { $0 > 300 }, "\(found)")
    }

    /// The example posts, the snapshots' fixed Markdown and the corpus.
    @Test func scannerAgreesWithThePatternsOnRealPosts() throws {
        let snapshots = Repository.url("Tests/NewslintRulesTests/Snapshots")
        let fixed = try FileManager.default.contentsOfDirectory(atPath: snapshots.path)
            .filter { $0.hasSuffix(".md") }.map { snapshots.appendingPathComponent($0) }
        var urlsFound = 0
        var declined = 0
        let posts = Repository.examplePosts + fixed + Repository.corpusPosts
        for url in posts {
            let text = try String(contentsOf: url, encoding: .utf8)
            if isDeclined(text) { declined += 1 }
            let body = MarkdownBody(text: text)
            let byPattern = MarkdownURLs.allByPattern(in: body, tags: [], comments: []).map(Seen.init)
            urlsFound += byPattern.count
            #expect(MarkdownURLs.all(in: body, tags: [], comments: []).map(Seen.init) == byPattern,
                    "\(url.lastPathComponent)")
        }
        #expect(urlsFound > 0)
        #expect(declined * 20 <= posts.count)
    }

    @Test func readsNestedBracketsParenthesesAndTitles() {
        let text = #"[a [b] \] c](http://x.y/(z) "t \" q") ![i](<s p.png> 't') [e](u (t)) <mailto:x@y>"#
        let urls = MarkdownURLs.all(in: MarkdownBody(text: text), tags: [], comments: [])
        #expect(urls.map(\.kind) == [.link, .image, .link, .autolink])
        #expect(urls.map(\.url) == ["http://x.y/(z)", "s p.png", "u", "mailto:x@y"])
        #expect(urls.map(\.text) == [#"a [b] \] c"#, "i", "e", nil])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[urls[1].urlRange], as: UTF8.self) == "s p.png")
        expectAgreement(text)
    }

    @Test func readsAnImageInsideALink() {
        let text = "[![alt](s.png)](http://x)\n\n  [ref]: <http://d e> \"t\"\n"
        let urls = MarkdownURLs.all(in: MarkdownBody(text: text), tags: [], comments: [])
        #expect(urls.map(\.kind) == [.link, .image, .definition])
        #expect(urls.map(\.url) == ["http://x", "s.png", "http://d e"])
        #expect(urls.first?.text == "![alt](s.png)")
        expectAgreement(text)
    }

    /// Where the bare destination runs into a title's first word, the regex gives back the white space after `(`:
    /// the destination is empty, just before that white space.
    @Test func emptyDestinationBeforeATitle() {
        let text = "[a](\u{3000}\"a title\") [b]( (x y))"
        let urls = MarkdownURLs.all(in: MarkdownBody(text: text), tags: [], comments: [])
        #expect(urls.map(\.url) == ["", ""])
        #expect(urls.map(\.urlRange) == [4..<4, 22..<22])
        expectAgreement(text)
    }

    /// A bound inside a character (a combining mark after `)`, a CR LF split by an empty destination) has no
    /// string index: the regex path drops the match or the group, and so does the scanner's.
    @Test func boundsInsideCharactersAreDropped() {
        for text in ["[a](b)\u{301} [c](d)", "[\u{301}a](b)", "[a](\r\n\"t\")", "\u{600}[a](b)", "<a:b>\u{FE0F}"] {
            expectAgreement(text)
        }
        #expect(MarkdownURLs.all(in: MarkdownBody(text: "[a](b)\u{301} [c](d)"), tags: [], comments: [])
            .map(\.url) == ["d"])
    }

    /// An attempt that reads past `readLimit` is left to the patterns, whose backtracking stack may overflow
    /// there (ICU then ends the search).
    @Test func longAttemptsAreLeftToThePatterns() {
        for count in [LeftmostSearch.readLimit + 10, 100_000] {
            let text = "[" + String(repeating: "a", count: count) + " [x](y) <http://z>"
            #expect(MarkdownLinkScanner.matches(of: .link, in: text) == nil)
            #expect(MarkdownLinkScanner.matches(of: .autolink, in: text) != nil)
            expectAgreement(text)
        }
        let short = "[" + String(repeating: "a", count: 1_000) + " [x](y)"
        #expect(MarkdownLinkScanner.matches(of: .link, in: short)?.count == 1)
    }

    /// True when the scanner declines `text` for one of the patterns.
    private func isDeclined(_ text: String) -> Bool {
        [.image, .link, .definition, .autolink].contains { MarkdownLinkScanner.matches(of: $0, in: text) == nil }
    }

    private func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let body = MarkdownBody(text: text)
        #expect(MarkdownURLs.all(in: body, tags: [], comments: []).map(Seen.init)
                    == MarkdownURLs.allByPattern(in: body, tags: [], comments: []).map(Seen.init),
                "\(text.debugDescription)", sourceLocation: sourceLocation)
    }
}

/// A `MarkdownURL` compared field by field.
private struct Seen: Equatable {
    let kind: MarkdownURL.Kind
    let url: String
    let urlRange: Range<Int>
    let range: Range<Int>
    let text: String?

    init(_ url: MarkdownURL) {
        kind = url.kind
        self.url = url.url
        urlRange = url.urlRange
        range = url.range
        text = url.text
    }
}

private extension MarkdownURL.Kind {
    var name: String { "\(self)" }
}

/// Links, images, definitions and autolinks built from templates, each part now and then broken, between noise.
private enum RandomMarkdown {
    static let noise = [
        "[", "]", "![", "(", ")", "<", ">", "\\", "\"", "'", " ", "\u{3000}", "\u{A0}", "\u{85}", "\n", "\r\n",
        "\u{2028}", "\u{0B}", "a", "中文", "http://a.b/c?d=e&f", "mailto:x@y", "`", "`code [a](b)`", "]:", "\u{301}",
        "\u{FE0F}", "\u{600}", "😀", "&amp;", "\t", "\\[", "\\!", "\r",
    ]
    /// White space, and scalars beside it in UTF-8 that are not.
    static let spaces = [
        "", "", " ", "  ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}", "\u{2009}", "\u{0B}", "\r",
        "\u{1680}", "\u{202F}", "\u{205F}", "\u{200A}", "\u{3001}", "\u{200B}", "\u{2030}", "\u{84}", "\u{1681}",
    ]
    static let textPieces = [
        "a", "中", "\\]", "\\[", "[b]", "[", "]", "\\", "`c`", "![i](u)", "\\\n", "\\\u{2028}", "\\\u{85}",
        "\u{301}", "**b**", " ", "\n", "[\\]]", "[b", "😀", "(", ")",
    ]
    static let destinations = [
        "http://a.b/c?d=e&f", "mailto:x@y", "a(b)c", "(x)", "a(b c)", "<http://x y>", "<a<b>", "<a\nb>", "<a\rb>",
        "<>", "", "\\)", "\\(", "a\\ b", "x)", "中文", "%20", "\\\n", "&amp;", "a\u{301}", "(a(b))", "a\"b",
        "<a>b", "\\\u{3000}", "a\u{3000}b", "\"t", "'t'",
    ]
    static let titles = [
        "\"t\"", "'t'", "(t)", "\"a \\\" b\"", "\"open", "'it''", "(a(b))", "\"x\ny\"", "\"\\\n\"", "(a \\( b)",
        "\"a title\"", "'中 文'", "(a) b", "",
    ]
    static let schemes = ["http", "mailto", "a", "ab", "x+y.z-1", "1a", "a_b", String(repeating: "a", count: 33),
                          String(repeating: "b", count: 32)]
    static let addresses = ["//a.b/c?d=e&f", "x@y", "", "a b", "a<b", "中文", "a\u{3000}b", "\\>"]

    static func piece(using generator: inout some RandomNumberGenerator) -> String {
        func pick(_ list: [String]) -> String { list.randomElement(using: &generator) ?? "" }
        switch Int.random(in: 0..<8, using: &generator) {
        case 0, 1: return pick(noise)
        case 2, 3, 4: return link(using: &generator)
        case 5, 6: return definition(using: &generator)
        default: return "<" + pick(schemes) + pick([":", ":", ""]) + pick(addresses) + pick([">", ">", "", " >"])
        }
    }

    static func link(using generator: inout some RandomNumberGenerator) -> String {
        func pick(_ list: [String]) -> String { list.randomElement(using: &generator) ?? "" }
        let text = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pick(textPieces) }.joined()
        var destination = pick(spaces) + pick(destinations)
        if Bool.random(using: &generator) { destination += pick(spaces.filter { !$0.isEmpty }) + pick(titles) }
        return pick(["", "", "!", "\\", "!\\", "a"]) + "[" + text + pick(["]", "]", "]", "", "] "])
            + pick(["(", "(", "(", ""]) + destination + pick(spaces) + pick([")", ")", ")", "", "))"])
    }

    static func definition(using generator: inout some RandomNumberGenerator) -> String {
        func pick(_ list: [String]) -> String { list.randomElement(using: &generator) ?? "" }
        let label = (1...Int.random(in: 1...2, using: &generator)).map { _ in pick(textPieces) }.joined()
        let destination = pick(["", " ", "\t", "  ", "\n"]) + pick(destinations)
        return pick(["\n", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0C}", "\u{0B}", "\u{1C}", ""])
            + pick(["", " ", "  ", "   ", "    ", "\t"]) + "[" + label + pick(["]:", "]:", "]", "] :"])
            + destination + pick(["", " \"t\"", "\n"])
    }
}
