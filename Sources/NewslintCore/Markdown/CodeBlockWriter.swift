import NewslintDOM

/// The text of preformatted content: every text node below, with `<br>` as a newline.
enum CodeText {
    static func text(of node: Node) -> String {
        var result = ""
        append(node, to: &result)
        return result
    }

    private static func append(_ node: Node, to result: inout String) {
        for child in node.children {
            if child.isText {
                result += child.text
            } else if child.isElement {
                if child.name == "br" {
                    result += "\n"
                } else {
                    append(child, to: &result)
                }
            }
        }
    }
}

/// Writes `<pre>` (and multi-line `<code>`) as fenced code blocks.
enum CodeBlockWriter {
    static func block(for node: Node) -> MarkdownBlock? {
        var content = CodeText.text(of: node)
        content = content.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        // Browsers drop a newline that directly follows the <pre> start tag.
        if node.name != "code", let first = node.firstChild, first.isText, content.hasPrefix("\n") {
            content.removeFirst()
        }
        if content.hasSuffix("\n") { content.removeLast() }
        guard !content.isEmpty else { return nil }
        let language = self.language(of: node)
        let useTildes = language.contains("`")
        let fenceCharacter: Character = useTildes ? "~" : "`"
        let fence = String(repeating: fenceCharacter, count: max(3, longestRun(of: fenceCharacter, in: content) + 1))
        var lines = [fence + language]
        lines += content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append(fence)
        return .leaf(.code, lines)
    }

    /// The info string: the first word of a `language-x`/`lang-x` class on the element or its `<code>`
    /// child, or of a `lang` attribute. Only the first word survives a round trip through a renderer.
    static func language(of node: Node) -> String {
        var candidates = [node]
        if node.name != "code", let code = node.elementChildren.first(where: { $0.name == "code" }) {
            candidates.append(code)
        }
        for candidate in candidates {
            for className in candidate.classes {
                for prefix in ["language-", "lang-"] where className.hasPrefix(prefix) {
                    let language = String(className.dropFirst(prefix.count))
                    if !language.isEmpty { return language }
                }
            }
        }
        for candidate in candidates where candidate.name == "code" {
            let words = (candidate.attribute("lang") ?? "").split(whereSeparator: { $0.isWhitespace })
            if let first = words.first { return String(first) }
        }
        return ""
    }

    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if Character(scalar) == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}
