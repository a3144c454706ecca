import NewslintDOM

/// Converts a cleaned post body into CommonMark with GFM tables.
///
/// The writer renders what the DOM holds and never judges content: removing boilerplate is the rules' job.
/// Output is deterministic, has blocks separated by one blank line, no trailing spaces outside code and raw
/// HTML, and ends with exactly one newline (or is empty). Rendering the output with a CommonMark renderer and
/// converting the result again gives the same Markdown. For a site generator's target, the output is meant
/// for its template engine first: see `PublishingTarget`.
public struct MarkdownWriter: Sendable {
    /// Where the Markdown is published: decides how template syntax in the article is kept literal.
    public var target: PublishingTarget

    public init(target: PublishingTarget = .commonmark) {
        self.target = target
    }

    /// The Markdown for the children of `body`.
    public func markdown(for body: Node) -> String {
        let rendered = BlockRenderer(target: target).blocks(inside: body, context: BlockContext())
        let blocks = TemplateProtection(target: target).blocks(rendered)
        let lines = BlockAssembler.lines(for: blocks)
        guard !lines.isEmpty else { return "" }
        return lines.joined(separator: "\n") + "\n"
    }
}
