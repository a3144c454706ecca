import NewslintDOM

/// Collects the items of `<ul>`/`<ol>`; `BlockAssembler` writes the markers.
struct ListWriter {
    var renderer: BlockRenderer

    func blocks(for list: Node, context: BlockContext) -> [MarkdownBlock] {
        var items: [[MarkdownBlock]] = []
        var stray: [Node] = []
        func flushStray() {
            guard !stray.isEmpty else { return }
            let blocks = renderer.blocks(for: stray, context: context)
            let onlyComments = stray.allSatisfy { node in
                node.isComment || (node.isText && node.text.allSatisfy(\.isHTMLWhitespace))
            }
            if onlyComments, !items.isEmpty {
                // A comment between items stays with the item before rather than becoming an item of its own.
                items[items.count - 1] += blocks
            } else if !blocks.isEmpty {
                items.append(blocks)
            }
            stray = []
        }
        for child in list.children {
            if child.isElement, child.name == "li" {
                flushStray()
                items.append(renderer.blocks(inside: child, context: context))
            } else if child.isElement, HTMLElementKinds.lists.contains(child.name), stray.isEmpty, !items.isEmpty {
                // `<ul><li>a</li><ul>…</ul></ul>`: a list placed directly in a list belongs to the item before.
                items[items.count - 1] += renderer.blocks(for: [child], context: context)
            } else {
                stray.append(child)
            }
        }
        flushStray()
        guard !items.isEmpty else { return [] }
        let ordered = list.name == "ol"
        let start = ordered ? list.attribute("start").flatMap { Int($0.trimmingHTMLWhitespace()) } ?? 1 : 1
        return [.list(MarkdownList(ordered: ordered, start: start, items: items))]
    }
}
