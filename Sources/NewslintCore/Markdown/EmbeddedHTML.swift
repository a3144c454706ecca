import NewslintDOM

/// Embedded content (`video`, `iframe`, `svg`, `script` …) as a CommonMark HTML block.
enum EmbeddedHTML {
    /// Names that start an HTML block whatever follows the tag on its line (block types 1 and 6).
    private static let blockStarters: Set<String> = ["script", "style", "iframe", "frame", "frameset"]

    static func lines(for node: Node, target: PublishingTarget) -> [String] {
        let writer = RawHTMLWriter(policy: .all, target: target)
        let html = writer.html(for: node)
        let name = node.name
        let startTag = writer.startTag(for: node)
        guard !blockStarters.contains(name), !RawHTMLWriter.voidElements.contains(name), html.hasPrefix(startTag)
        else {
            return html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        // Other names start an HTML block only when the start tag is alone on its line (block type 7). The
        // newline after it reads back as leading whitespace, which is dropped on both passes.
        let rest = html.dropFirst(startTag.count).drop { $0 == " " }
        return [startTag, String(rest)]
    }
}
