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
        var content = lineFeedsOnly(CodeText.text(of: node))
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
        lines += content.linesCutAtLineFeeds.map(String.init)
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

    /// The length of the longest run of `character` in `text`. The fences (`` ` `` and `~`) are ASCII, which
    /// no other scalar equals and which is one byte in UTF-8, so their runs are counted in the bytes.
    static func longestRun(of character: Character, in text: String) -> Int {
        guard let target = character.asciiValue else { return longestRun(ofScalarsOf: character, in: text) }
        func count(_ bytes: some Sequence<UInt8>) -> Int {
            var longest = 0
            var current = 0
            for byte in bytes {
                if byte == target {
                    current += 1
                    longest = max(longest, current)
                } else {
                    current = 0
                }
            }
            return longest
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? count(text.utf8)
    }

    private static func longestRun(ofScalarsOf character: Character, in text: String) -> Int {
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

    /// `text` with each `\r\n` and each lone `\r` turned into `\n`. A carriage return is a character of its own
    /// or the start of `\r\n`, so replacing bytes gives what replacing those characters gives.
    static func lineFeedsOnly(_ text: String) -> String {
        guard text.containsByte(where: { $0 == 0x0D }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCarriageReturn = false
        for byte in text.utf8 {
            if byte == 0x0A, afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == 0x0D
            bytes.append(afterCarriageReturn ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
