/// The engine's guard against fixes that lose article content. It is not a rule a user selects: it runs
/// whenever `fix` would write a file, and its findings say which rule's fix would have lost what.
public enum ContentLoss {
    public static let id = "content-loss"

    public static let description = RuleDescription(
        id: id,
        summary: "A fix would remove article text, a link or an image that no rule declared as boilerplate",
        rationale: """
            Converters lose content silently: dropped table cells, truncated articles, placeholders instead of \
            tables. newslint compares the article's visible text, link targets and image sources before and \
            after the fixes. Rules that remove boilerplate (promo widgets, empty wrappers) declare what they \
            remove; anything else that disappears is a bug or an over-eager site profile, so the file is left \
            untouched and this finding names the lost content and the rule whose fix removed it.
            """,
        kind: .content,
        fixAvailability: .none,
        severity: .error,
        formats: [.html],
        triggering: [
            RuleExample("<div><p>↓正文第一段。</p><p>正文第二段。</p></div>"),
            RuleExample("---\ntitle: x\n---\n<div>\n<p>↓这一行的第一段被误删。</p>\n</div>\n"),
        ],
        nonTriggering: [
            RuleExample(#"<div><p>正文。</p><div class="support-author"><button>赞赏</button></div></div>"#),
        ],
        corrections: []
    )
}
