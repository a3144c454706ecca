import NewslintDOM

/// Walks block-level content and turns each block into a `MarkdownBlock`.
///
/// Inline runs between block children become paragraphs of their own, so `<div>text<p>x</p></div>` gives
/// two paragraphs. Containers (`div`, `section` …, and unknown or inline elements holding blocks) add no
/// markup.
struct BlockRenderer {
    var target = PublishingTarget.commonmark

    func blocks(inside node: Node, context: BlockContext) -> [MarkdownBlock] {
        blocks(for: node.children, context: context)
    }

    func blocks(for nodes: [Node], context: BlockContext) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var run: [Node] = []
        for node in nodes {
            guard node.isElement || node.isText || node.isComment else { continue }
            if node.isElement, HTMLElementKinds.isDropped(node) { continue }
            if isInline(node) {
                run.append(node)
                continue
            }
            blocks += paragraph(run, context: context)
            run = []
            blocks += self.blocks(forBlockElement: node, context: context)
        }
        blocks += paragraph(run, context: context)
        return blocks
    }

    private func isInline(_ node: Node) -> Bool {
        guard node.isElement else { return true }
        return !HTMLElementKinds.isBlockLevel(node) && !HTMLElementKinds.containsBlock(node)
    }

    /// A run of inline nodes as a paragraph, after any comments that start it.
    private func paragraph(_ run: [Node], context: BlockContext) -> [MarkdownBlock] {
        guard !run.isEmpty else { return [] }
        let output = InlineRenderer(mode: .paragraph, target: target).render(run, wrappers: context.wrappers)
        var blocks = output.leadingComments.map { MarkdownBlock.leaf(.html, commentLines($0)) }
        blocks += output.paragraphs.map { .leaf(.paragraph, $0) }
        return blocks
    }

    private func commentLines(_ text: String) -> [String] {
        let comment = TemplateProtection(target: target).text("<!--\(text)-->")
        return comment.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func blocks(forBlockElement node: Node, context: BlockContext) -> [MarkdownBlock] {
        let name = node.name
        switch name {
        case _ where HTMLElementKinds.headings.contains(name):
            return heading(node, level: Int(String(name.dropFirst()))!, context: context)
        case _ where HTMLElementKinds.lists.contains(name):
            return ListWriter(renderer: self).blocks(for: node, context: context)
        case "blockquote":
            let inner = blocks(inside: node, context: context)
            return inner.isEmpty ? [] : [.quote(inner)]
        case _ where HTMLElementKinds.preformatted.contains(name), "code":
            return CodeBlockWriter.block(for: node).map { [$0] } ?? []
        case "hr":
            return [.leaf(.rule, ["---"])]
        case "table":
            return TableWriter(renderer: self).blocks(for: node, context: context)
        case "embed":
            // libxml2 2.9 nests the content after `<embed>` inside it.
            return [.leaf(.html, [RawHTMLWriter(policy: .all, target: target).startTag(for: node)])]
                + blocks(inside: node, context: context)
        case _ where HTMLElementKinds.embedded.contains(name):
            return [.leaf(.html, EmbeddedHTML.lines(for: node, target: target))]
        case _ where HTMLElementKinds.containers.contains(name):
            return blocks(inside: node, context: context)
        default:
            // An inline or unknown element holding blocks: its formatting applies to every block inside.
            var inner = context
            inner.wrappers.append(node)
            return blocks(inside: node, context: inner)
        }
    }

    private func heading(_ node: Node, level: Int, context: BlockContext) -> [MarkdownBlock] {
        let output = InlineRenderer(mode: .heading, target: target).render(node.children, wrappers: context.wrappers)
        guard let content = output.lines.first else { return [] }
        return [.leaf(.heading, [String(repeating: "#", count: level) + " " + content])]
    }
}
