import Foundation
import NewslintCore
import NewslintDOM

/// HTML comments left by the source's page templates: ad slots, include markers, empty `<!---->`.
///
/// Check: reports each comment in the body, outside code, that the profile does not keep.
/// Fix (safe): removes the comment.
struct AdCommentRule: Rule {
    let description = RuleDescription(
        id: "ad-comment",
        summary: "HTML comments left by the source's templates (ad slots, include markers, empty comments)",
        rationale: """
            Template comments such as `<!-- 正文下iframe -->` or `<!--article_adlist[…]-->` mark where the source \
            page injected ads, QR codes and statements. They are invisible in a browser but are noise in the \
            post's source, can hide markup (`article_adlist` wraps a whole 举报/反馈 paragraph) and break \
            Markdown rendering when they split a paragraph. Comments inside `<pre>` or `<code>` are content and \
            are left alone, as are comments the profile keeps, such as Hexo's `<!-- more -->` and \
            `newslint-` directives. The option `keep` (a list of comment texts) keeps more, e.g. \
            `rules: {ad-comment: {keep: [toc]}}` in `.newslint.yml`.
            """,
        kind: .boilerplate,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample("<div><p>正文。</p>\n↓<!-- 正文下iframe --></div>", site: "sina-finance"),
            RuleExample(#"<div><p>正文。</p>↓<!--article_adlist[<p>举报/反馈</p>]article_adlist-->↓<!-- news_keyword_pub,stock, --></div>"#),
            RuleExample("<div><p>文章</p>↓<!----></div>"),
            RuleExample("Markdown paragraph.\n\n↓<!-- 总声明-->\n\nNext paragraph.\n"),
        ],
        nonTriggering: [
            RuleExample("<div><pre><code>&lt;template&gt;\n  <!-- 使用按钮 -->\n</code></pre></div>"),
            RuleExample("<div><p>摘要。</p><!-- more --><p>正文。</p></div>"),
            RuleExample("Text with `<!-- inline code -->` in it.\n\n```html\n<!-- a comment in a code block -->\n```\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("<div><p>正文。</p><!-- 正文下iframe --><!-- 总声明--></div>"),
                "<div><p>正文。</p></div>"),
            RuleCorrection(
                RuleExample("First paragraph.\n\n<!-- 文末二维码 start -->\n\nLast paragraph.\n"),
                "First paragraph.\n\nLast paragraph.\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let extraKept = context.option("keep", for: id)?.strings ?? []
        let keeps = { (text: String) in
            context.profile.keepsComment(text) || extraKept.contains(String(text.trimmingWhitespace))
        }
        if let body = context.body {
            return templateComments(in: body, keeps: keeps).map { comment in
                Violation(at: context.location(of: comment), message(for: comment.text, profile: context.profile),
                          fix: Fix("remove the comment") { comment.remove() })
            }
        }
        guard let markdown = context.markdown, markdown.text.containsBytes("<!--") else { return [] }
        return markdown.matches(of: AdCommentRule.commentPattern).compactMap { match in
            let inner = match.groups[1] ?? ""
            guard !keeps(inner) else { return nil }
            let removal = MarkdownEdits.removalRange(for: match.range, in: markdown.text)
            return Violation(at: context.location(ofMarkdownOffset: match.range.lowerBound),
                             message(for: inner, profile: context.profile),
                             fix: Fix("remove the comment") { markdown.replace(removal, with: "") })
        }
    }
}

private extension AdCommentRule {
    static let commentPattern = MarkdownEdits.pattern("<!--([\\s\\S]*?)-->")

    func templateComments(in body: Node, keeps: (String) -> Bool) -> [Node] {
        body.descendants.filter { node in
            node.isComment && !node.hasAncestor(named: TextClasses.codeContainers) && !keeps(node.text)
        }
    }

    func message(for text: String, profile: SiteProfile) -> String {
        let trimmed = String(text.trimmingWhitespace)
        if trimmed.isEmpty { return "empty HTML comment in article body" }
        if let marker = profile.adCommentMarkers.first(where: { trimmed.contains($0) }) {
            return "template comment '\(marker)' left in article body"
        }
        return "HTML comment '\(TextClasses.snippet(trimmed))' left in article body"
    }
}
