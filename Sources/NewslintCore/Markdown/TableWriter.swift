import NewslintDOM

/// Writes `<table>` as a GFM table when GFM can hold it, as the blocks of its only cell when it is a layout
/// wrapper, and as raw HTML otherwise.
struct TableWriter {
    var renderer: BlockRenderer

    private static let sections: Set<String> = ["thead", "tbody", "tfoot"]
    /// Cell content that a GFM cell, which holds one line of inline content, cannot express.
    private static let cellBlockers: Set<String> = HTMLElementKinds.headings.union(HTMLElementKinds.lists)
        .union(HTMLElementKinds.preformatted).union(HTMLElementKinds.embedded)
        .union(["table", "blockquote", "hr", "li", "dl", "dt", "dd", "figure", "figcaption"])

    private struct Row {
        var cells: [Node]
        var inHead: Bool
    }

    func blocks(for table: Node, context: BlockContext) -> [MarkdownBlock] {
        guard let rows = rows(of: table) else { return [html(table)] }
        let cellCount = rows.reduce(0) { $0 + $1.cells.count }
        if cellCount == 0 { return [] }
        if cellCount == 1, let cell = rows.first(where: { !$0.cells.isEmpty })?.cells.first {
            return captionBlocks(table, context: context) + renderer.blocks(inside: cell, context: context)
        }
        guard let gfm = gfmLines(rows) else { return [html(table)] }
        return captionBlocks(table, context: context) + [.leaf(.table, gfm)]
    }

    /// The rows in order, or nil when the table holds something other than rows and cells.
    private func rows(of table: Node) -> [Row]? {
        var rows: [Row] = []
        for child in table.children {
            if child.isElement, Self.sections.contains(child.name) {
                for row in child.children {
                    if row.isElement, row.name == "tr" {
                        guard let cells = cells(of: row) else { return nil }
                        rows.append(Row(cells: cells, inHead: child.name == "thead"))
                    } else if !isIgnorable(row) {
                        return nil
                    }
                }
            } else if child.isElement, child.name == "tr" {
                guard let cells = cells(of: child) else { return nil }
                rows.append(Row(cells: cells, inHead: false))
            } else if !isIgnorable(child), !(child.isElement && ["caption", "colgroup", "col"].contains(child.name)) {
                return nil
            }
        }
        return rows
    }

    private func cells(of row: Node) -> [Node]? {
        var cells: [Node] = []
        for child in row.children {
            if child.isElement, child.name == "td" || child.name == "th" {
                cells.append(child)
            } else if !isIgnorable(child) {
                return nil
            }
        }
        return cells
    }

    private func isIgnorable(_ node: Node) -> Bool {
        node.isComment || (node.isText && node.text.allSatisfy(\.isHTMLWhitespace))
    }

    private func gfmLines(_ rows: [Row]) -> [String]? {
        guard let header = rows.first, !header.cells.isEmpty else { return nil }
        guard header.inHead || header.cells.allSatisfy({ $0.name == "th" }) else { return nil }
        let columns = header.cells.count
        for row in rows {
            guard row.cells.count == columns else { return nil }
            for cell in row.cells {
                guard !cell.hasAttribute("colspan"), !cell.hasAttribute("rowspan"), isInlineOnly(cell) else {
                    return nil
                }
            }
        }
        var lines = [line(header.cells.map(cellMarkdown))]
        lines.append(line(header.cells.map(delimiter)))
        lines += rows.dropFirst().map { line($0.cells.map(cellMarkdown)) }
        return lines
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private func cellMarkdown(_ cell: Node) -> String {
        InlineRenderer(mode: .tableCell, target: renderer.target).render(cell.children).lines.first ?? ""
    }

    private func delimiter(for cell: Node) -> String {
        var alignment = cell.attribute("align")?.lowercased()
        if let style = cell.attribute("style")?.lowercased().replacing(" ", with: ""),
            let range = style.firstRange(of: "text-align:")
        {
            alignment = String(style[range.upperBound...].prefix { $0.isLetter })
        }
        switch alignment {
        case "left": return ":---"
        case "center": return ":---:"
        case "right": return "---:"
        default: return "---"
        }
    }

    /// True when the cell holds one run of inline content, possibly inside a single wrapper such as `<p>`.
    private func isInlineOnly(_ node: Node) -> Bool {
        let content = node.children.filter { !isIgnorable($0) }
        for child in content where child.isElement {
            // Code is always a code span in a cell, even when it holds newlines.
            if child.name == "code" { continue }
            if Self.cellBlockers.contains(child.name) { return false }
            if HTMLElementKinds.isBlockLevel(child) {
                guard content.count == 1, isInlineOnly(child) else { return false }
            } else if !isInlineOnly(child) {
                return false
            }
        }
        return true
    }

    private func captionBlocks(_ table: Node, context: BlockContext) -> [MarkdownBlock] {
        guard let caption = table.elementChildren.first(where: { $0.name == "caption" }) else { return [] }
        return renderer.blocks(inside: caption, context: context)
    }

    private func html(_ table: Node) -> MarkdownBlock {
        .leaf(.html, [RawHTMLWriter(policy: .table, target: renderer.target).html(for: table)])
    }
}
