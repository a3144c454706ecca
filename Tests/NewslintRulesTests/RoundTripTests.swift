import Foundation
import NewslintCore
import NewslintDOM
import Testing

/// The round-trip proof: for every example and corpus post, newslint's fixed Markdown rendered by cmark-gfm
/// shows the article of the cleaned DOM it was written from, block by block: the same text, headings, list
/// items, quotes, table cells, code (byte for byte), link targets and image sources.
@Suite struct RoundTripTests {
    @Test(.enabled(if: Repository.corpusDirectory != nil,
                   "../shared/corpus/posts is not beside this checkout; the round trip covers the examples only"))
    func corpusIsPresent() {
        #expect(!Repository.corpusPosts.isEmpty)
    }

    @Test(.enabled(if: RoundTripTools.cmark.shouldRun, RoundTripTools.cmark.skipMessage),
          arguments: RoundTripPost.urls)
    func renderedMarkdownShowsTheCleanedArticle(_ url: URL) throws {
        guard case .html(let post) = try RoundTripPost.read(url) else { return }
        let cleaned = try post.cleanedDocument()
        // The cleaned DOM stands for the fixer's only if it gives the same Markdown.
        let rewritten = MarkdownWriter().markdown(for: cleaned.body)
        if let line = Self.firstDifferingLine(rewritten, String(post.markdown.drop { $0 == "\n" })) {
            Issue.record("\(post.name): the reparsed cleaned DOM writes other Markdown than the fixer did: \(line)")
            return
        }

        let rendered = try HTMLDocument(html: RoundTripTools.renderCommonMark(post.markdown))
        let difference = ArticleComparison.firstDifference(
            expected: ArticleReader.blocks(of: cleaned.body), actual: ArticleReader.blocks(of: rendered.body))
        #expect(difference == nil, "\(post.name): \(difference ?? "")")
    }

    /// The hard cases of the writer, which the corpus holds few of, through the same comparison.
    @Test(.enabled(if: RoundTripTools.cmark.shouldRun, RoundTripTools.cmark.skipMessage),
          arguments: RoundTripSamples.bodies.map(\.name))
    func hardCasesRenderAsTheirDOM(_ name: String) throws {
        let html = try #require(RoundTripSamples.bodies.first { $0.name == name }).html
        let document = try HTMLBody.parse(html)
        let markdown = MarkdownWriter().markdown(for: document.body)
        let rendered = try HTMLDocument(html: RoundTripTools.renderCommonMark(markdown))
        let difference = ArticleComparison.firstDifference(
            expected: ArticleReader.blocks(of: document.body), actual: ArticleReader.blocks(of: rendered.body))
        #expect(difference == nil, "\(name): \(difference ?? "")\nMarkdown:\n\(markdown)")
    }

    /// With GFM autolinks (Hexo's marked, GitHub), a bare URL must not take the text after it into the link.
    @Test(.enabled(if: RoundTripTools.cmark.shouldRun, RoundTripTools.cmark.skipMessage),
          arguments: RoundTripPost.urls)
    func autolinksEndWhereTheURLEnds(_ url: URL) throws {
        guard case .html(let post) = try RoundTripPost.read(url) else { return }
        let plain = try HTMLDocument(html: RoundTripTools.renderCommonMark(post.markdown))
        let autolinked = try HTMLDocument(
            html: RoundTripTools.renderCommonMark(post.markdown, extensions: ["table", "autolink"]))
        let written = Set(plain.body.descendants.filter { $0.name == "a" }.map(\.textContent))
        let swallowing = autolinked.body.descendants.filter { $0.name == "a" }.map(\.textContent).filter { text in
            !written.contains(text) && !text.allSatisfy(\.isASCII)
        }
        #expect(swallowing.isEmpty, "\(post.name): autolinks take in text: \(swallowing)")
    }
}

private extension RoundTripTests {
    static func firstDifferingLine(_ rewritten: String, _ fixed: String) -> String? {
        let rewrittenLines = rewritten.split(separator: "\n", omittingEmptySubsequences: false)
        let fixedLines = fixed.split(separator: "\n", omittingEmptySubsequences: false)
        guard rewrittenLines != fixedLines else { return nil }
        let index = zip(rewrittenLines, fixedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(rewrittenLines.count, fixedLines.count)
        func line(_ lines: [Substring]) -> String { index < lines.count ? String(lines[index]) : "(end)" }
        return "line \(index + 1), fixer «\(line(fixedLines))», rewritten «\(line(rewrittenLines))»"
    }
}
