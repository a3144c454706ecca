/// Joins blocks into lines: blank lines between blocks, list markers, indentation and quote prefixes.
enum BlockAssembler {
    static func lines(for blocks: [MarkdownBlock]) -> [String] {
        var lines: [String] = []
        var previousList: (ordered: Bool, marker: Character)?
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            switch block {
            case .leaf(_, let blockLines):
                lines += blockLines
                previousList = nil
            case .quote(let inner):
                lines += quoted(self.lines(for: inner))
                previousList = nil
            case .list(let list):
                // Two lists in a row with the same marker would merge into one: alternate the marker.
                let marker = nextMarker(for: list, after: previousList)
                lines += listLines(list, marker: marker)
                previousList = (list.ordered, marker)
            }
        }
        return lines
    }

    private static func quoted(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? ">" : "> " + $0 }
    }

    private static func nextMarker(for list: MarkdownList, after previous: (ordered: Bool, marker: Character)?)
        -> Character
    {
        let (first, second): (Character, Character) = list.ordered ? (".", ")") : ("-", "*")
        guard let previous, previous.ordered == list.ordered else { return first }
        return previous.marker == first ? second : first
    }

    private static func listLines(_ list: MarkdownList, marker: Character) -> [String] {
        var lines: [String] = []
        let start = min(max(list.start, 0), 999_999_999 - list.items.count)
        for (index, item) in list.items.enumerated() {
            let label = list.ordered ? "\(start + index)\(marker)" : String(marker)
            let content = itemLines(item, bullet: list.ordered ? nil : marker)
            guard let first = content.first else {
                lines.append(label)
                continue
            }
            let indent = String(repeating: " ", count: label.count + 1)
            lines.append(label + " " + first)
            lines += content.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
        }
        return lines
    }

    /// The lines of one item. A paragraph followed by a nested list stays tight, as in `<li>text<ul>…`.
    private static func itemLines(_ blocks: [MarkdownBlock], bullet: Character?) -> [String] {
        var lines: [String] = []
        var previousList: (ordered: Bool, marker: Character)?
        var previous: MarkdownBlock?
        for (index, block) in blocks.enumerated() {
            if let previous, !joinsTightly(previous, block) { lines.append("") }
            switch block {
            case .leaf(.rule, _) where index == 0 && bullet == "-":
                // "- ---" would be read as one thematic break.
                lines.append("***")
                previousList = nil
            case .leaf(_, let blockLines):
                lines += blockLines
                previousList = nil
            case .quote(let inner):
                lines += quoted(self.lines(for: inner))
                previousList = nil
            case .list(let list):
                let marker = nextMarker(for: list, after: previousList)
                lines += listLines(list, marker: marker)
                previousList = (list.ordered, marker)
            }
            previous = block
        }
        return lines
    }

    private static func joinsTightly(_ previous: MarkdownBlock, _ next: MarkdownBlock) -> Bool {
        guard case .leaf(.paragraph, let lines) = previous, case .list(let list) = next else { return false }
        // A paragraph starting with a tag may be an HTML block, which would swallow the list.
        guard lines.first?.hasPrefix("<") == false else { return false }
        return list.canInterruptParagraph
    }
}
