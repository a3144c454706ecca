import NewslintCore
import NewslintDOM

/// A post body that is raw HTML rather than Markdown.
///
/// Check: reports an HTML body once, at its first element.
/// Fix (safe): after the other fixes have cleaned the DOM, writes the body as CommonMark.
struct HTMLBodyRule: Rule {
    let description = RuleDescription(
        id: "html-body",
        summary: "The post body is raw HTML copied from the source page",
        rationale: """
            Feed generators paste the source page's HTML into the post. Markdown renderers pass it through \
            untouched, with its wrappers, classes and whitespace, so the post is hard to edit and diff and \
            its look depends on the source site's CSS. The fix writes the cleaned article as CommonMark \
            (GFM tables), keeping every paragraph, heading, list, link, image, table and code block.
            """,
        kind: .format,
        fixAvailability: .safe,
        triggering: [
            RuleExample("↓<div>\n<p>正文</p>\n</div>\n"),
        ],
        nonTriggering: [
            RuleExample("正文\n\n第二段\n"),
        ],
        corrections: []
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let body = context.body else { return [] }
        let start = body.descendants.first { $0.isElement || ($0.isText && !TextClasses.isBlank($0.text)) }
        let location = start.map(context.location(of:)) ?? context.bodyStart
        return [Violation(at: location, "post body is raw HTML", fix: .convertBodyToMarkdown("convert the body to Markdown"))]
    }
}
