import Foundation
import NewslintCore
import NewslintDOM
import Testing

/// Publishing targets, proved with the real engines from Debian: each target's output of every example,
/// corpus post and template sample goes through the site generator's template engine and Markdown renderer
/// in one run per engine, and every page must show the article of the cleaned DOM, block by block.
@Suite struct PublishingTargetTests {
    @Test(.enabled(if: TargetEngines.nunjucksIsInstalled || RoundTripTools.isCI, TargetEngines.nunjucksSkipMessage),
          .enabled(if: RoundTripTools.cmark.shouldRun, RoundTripTools.cmark.skipMessage),
          arguments: TargetEngines.names)
    func hexoOutputRendersThroughNunjucksUnchanged(_ name: String) throws {
        try #require(TargetEngines.nunjucksIsInstalled, "CI=true requires node and node-nunjucks")
        try check(name, in: TargetEngines.nunjucks, engine: "Nunjucks")
    }

    @Test(.enabled(if: RoundTripTools.jekyll.shouldRun, RoundTripTools.jekyll.skipMessage),
          arguments: TargetEngines.names)
    func jekyllBuildsTheJekyllOutputUnchanged(_ name: String) throws {
        _ = try RoundTripTools.jekyll.requiredPath()
        try check(name, in: TargetEngines.jekyll, engine: "jekyll build")
    }

    @Test(.enabled(if: RoundTripTools.hugo.shouldRun, RoundTripTools.hugo.skipMessage),
          arguments: TargetEngines.names)
    func hugoBuildsTheHugoOutputUnchanged(_ name: String) throws {
        _ = try RoundTripTools.hugo.requiredPath()
        try check(name, in: TargetEngines.hugo, engine: "hugo")
    }

    /// An entity in code, or in text where it was escaped, would show as written: the CommonMark output shows
    /// every entity-like text the article shows, and no other.
    @Test(.enabled(if: RoundTripTools.cmark.shouldRun, RoundTripTools.cmark.skipMessage),
          arguments: TargetEngines.names)
    func commonmarkOutputShowsNoEntityLiterally(_ name: String) throws {
        guard let article = TargetEngines.articles[name] else { return }
        let rendered = try HTMLDocument(
            html: RoundTripTools.renderCommonMark(try article.markdown(for: .commonmark)))
        let shown = ArticleReader.blocks(of: rendered.body).flatMap { entities(in: $0.text) }
        #expect(shown == (try article.expectedBlocks()).flatMap { entities(in: $0.text) },
                "\(name): entities shown literally")
        let difference = ArticleComparison.firstDifference(
            expected: try article.expectedBlocks(), actual: ArticleReader.blocks(of: rendered.body))
        #expect(difference == nil, "\(name): \(difference ?? "")")
    }
}

private extension PublishingTargetTests {
    func check(_ name: String, in run: TargetEngines.Run, engine: String) throws {
        guard let article = TargetEngines.articles[name] else { return }
        if let failure = run.failure {
            Issue.record("\(engine) failed for the whole site (\(name) is one of its pages): \(failure)")
            return
        }
        if let error = run.errors[name] {
            Issue.record("\(engine) cannot render \(name): \(error)")
            return
        }
        let page = try #require(run.pages[name], "\(engine) wrote no page for \(name)")
        let difference = ArticleComparison.firstDifference(
            expected: try article.expectedBlocks(), actual: ArticleReader.blocks(of: try HTMLDocument(html: page).body))
        #expect(difference == nil, "\(name) through \(engine): \(difference ?? "")")
    }

    func entities(in text: String) -> [String] {
        text.matches(of: /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/).map { String($0.output.0) }
    }
}
