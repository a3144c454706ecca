import Foundation
import NewslintDOM

/// The text a reader sees, block by block: what `fix --diff` compares before and after the fixes.
public enum VisibleText {
    static let blockNames: TagNames = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "pre", "tr", "table", "ul", "ol", "dl",
        "center", "hr", "br",
    ]
    static let invisible: TagNames = ["style", "script", "template"]

    /// Blocks of an HTML body: whitespace-collapsed text, with images as `[image: src]`.
    public static func blocks(of body: Node) -> [String] {
        var blocks: [String] = []
        var current = ""
        func flush() {
            let text = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            if !text.isEmpty { blocks.append(text) }
            current = ""
        }
        for node in body.descendants {
            if node.isElement {
                if blockNames.contains(node.name) { flush() }
                if node.name == "img", let src = node.attribute("src") { current += " [image: \(src)] " }
                continue
            }
            guard node.isText, !node.hasAncestor(named: invisible) else { continue }
            current += node.text
        }
        flush()
        return blocks
    }

    /// Blocks of a Markdown body: paragraphs, with comments and `<style>`/`<script>` outside code removed and
    /// images shown as `[image: src]`.
    public static func blocks(ofMarkdown text: String) -> [String] {
        let body = MarkdownBody(text: text)
        for match in body.matches(of: leftovers) { body.replace(match.range, with: "") }
        for match in body.matches(of: images) {
            body.replace(match.range, with: "[image: \(match.groups[1] ?? match.groups[2] ?? "")]")
        }
        body.commitEdits()
        return body.text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    private static let leftovers = try! NSRegularExpression(
        pattern: #"<!--[\s\S]*?-->|<(style|script)\b[^>]*>[\s\S]*?</\1\s*>"#, options: [.caseInsensitive])
    private static let images = try! NSRegularExpression(
        pattern: #"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)[^)]*\)|<img\b[^>]*?\ssrc="([^"]*)"[^>]*>"#,
        options: [.caseInsensitive])
}
