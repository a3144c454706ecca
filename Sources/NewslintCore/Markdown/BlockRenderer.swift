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
        append(nodes, context: context, to: &blocks)
        return blocks
    }

    /// Appends the blocks of `nodes` to `blocks`. Containers append into the array of the level that holds
    /// them, so a post's blocks are not gathered in one array per level and copied into the next.
    private func append(_ nodes: [Node], context: BlockContext, to blocks: inout [MarkdownBlock]) {
        var run: [Node] = []
        for node in nodes {
            guard node.isElement || node.isText || node.isComment else { continue }
            if node.isElement, HTMLElementKinds.isDropped(node) { continue }
            if isInline(node) {
                run.append(node)
                continue
            }
            appendParagraph(run, context: context, to: &blocks)
            run.removeAll(keepingCapacity: true)
            append(blockElement: node, context: context, to: &blocks)
        }
        appendParagraph(run, context: context, to: &blocks)
    }

    func isInline(_ node: Node) -> Bool {
        guard node.isElement else { return true }
        return !HTMLElementKinds.isBlockLevel(node) && !HTMLElementKinds.containsBlock(node)
    }

    /// Appends a run of inline nodes as a paragraph, after any comments that start it.
    private func appendParagraph(_ run: [Node], context: BlockContext, to blocks: inout [MarkdownBlock]) {
        guard !run.isEmpty else { return }
        let output = InlineRenderer(mode: .paragraph, target: target).render(run, wrappers: context.wrappers)
        for comment in output.leadingComments { blocks.append(.leaf(.html, commentLines(comment))) }
        for paragraph in output.paragraphs { blocks.append(.leaf(.paragraph, paragraph)) }
    }

    func commentLines(_ text: String) -> [String] {
        let comment = TemplateProtection(target: target).text("<!--\(text)-->")
        return comment.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func append(blockElement node: Node, context: BlockContext, to blocks: inout [MarkdownBlock]) {
        let name = node.name
        switch BlockElement.kinds[name] {
        case .heading?:
            blocks += heading(node, level: Int(String(name.dropFirst()))!, context: context)
        case .list?:
            blocks += ListWriter(renderer: self).blocks(for: node, context: context)
        case .quote?:
            let inner = self.blocks(inside: node, context: context)
            if !inner.isEmpty { blocks.append(.quote(inner)) }
        case .code?:
            if let block = CodeBlockWriter.block(for: node) { blocks.append(block) }
        case .rule?:
            blocks.append(.leaf(.rule, ["---"]))
        case .table?:
            blocks += TableWriter(renderer: self).blocks(for: node, context: context)
        case .embed?:
            // libxml2 2.9 nests the content after `<embed>` inside it.
            blocks.append(.leaf(.html, [RawHTMLWriter(policy: .all, target: target).startTag(for: node)]))
            append(node.children, context: context, to: &blocks)
        case .embedded?:
            blocks.append(.leaf(.html, EmbeddedHTML.lines(for: node, target: target)))
        case .container?:
            append(node.children, context: context, to: &blocks)
        case nil:
            // An inline or unknown element holding blocks: its formatting applies to every block inside.
            var inner = context
            inner.wrappers.append(node)
            append(node.children, context: inner, to: &blocks)
        }
    }

    func heading(_ node: Node, level: Int, context: BlockContext) -> [MarkdownBlock] {
        let output = InlineRenderer(mode: .heading, target: target).render(node.children, wrappers: context.wrappers)
        guard let content = output.lines.first else { return [] }
        return [.leaf(.heading, [String(repeating: "#", count: level) + " " + content])]
    }
}

/// How `BlockRenderer` writes a block element, by its name.
enum BlockElement {
    case heading, list, quote, code, rule, table, embed, embedded, container

    /// The kind of each name that has one: one lookup per element where the name was tested against each set
    /// in turn. A name in two sets gets the kind that was tested first (`embed` is also embedded content).
    static let kinds: [String: BlockElement] = {
        let byPrecedence: [(names: Set<String>, kind: BlockElement)] = [
            (HTMLElementKinds.headings, .heading), (HTMLElementKinds.lists, .list), (["blockquote"], .quote),
            (HTMLElementKinds.preformatted.union(["code"]), .code), (["hr"], .rule), (["table"], .table),
            (["embed"], .embed), (HTMLElementKinds.embedded, .embedded), (HTMLElementKinds.containers, .container),
        ]
        var kinds: [String: BlockElement] = [:]
        for (names, kind) in byPrecedence {
            for name in names where kinds[name] == nil { kinds[name] = kind }
        }
        return kinds
    }()
}
