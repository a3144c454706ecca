/// Markdown for code spans, images and inline comments.
enum InlineAtomWriter {
    /// A code span whose fence is longer than any backtick run inside; newlines become spaces.
    static func codeSpan(_ code: String) -> String {
        let content = spacesForLineBreaks(code)
        let fence = String(repeating: "`", count: CodeBlockWriter.longestRun(of: "`", in: content) + 1)
        // A space character is the space scalar alone: one with a combining mark holds other bytes too.
        let allSpaces = content.utf8.allSatisfy { $0 == UInt8(ascii: " ") }
        let padded = content.hasPrefix("`") || content.hasSuffix("`")
            || (!allSpaces && content.hasPrefix(" ") && content.hasSuffix(" "))
        return padded ? "\(fence) \(content) \(fence)" : fence + content + fence
    }

    /// `code` with one space for each line break (`\n`, `\r` or `\r\n`), which are characters of their own.
    static func spacesForLineBreaks(_ code: String) -> String {
        guard code.containsByte(where: { $0 == 0x0A || $0 == 0x0D }) else { return code }
        var bytes = Array(CodeBlockWriter.lineFeedsOnly(code).utf8)
        for index in bytes.indices where bytes[index] == 0x0A { bytes[index] = UInt8(ascii: " ") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `![alt](src "title")`, or an `<img>` tag when the image needs its `referrerpolicy`.
    ///
    /// With `alone`, the tag is the whole paragraph: on one line it would start an HTML block, which ends
    /// only at a blank line and renders without `<p>`, so a newline goes between two attributes.
    static func image(_ image: InlineImage, alone: Bool = false) -> String {
        let alt = InlineWhitespace.collapsed(image.alt)
        if let policy = image.referrerPolicy {
            var tag = "<img src=\"\(HTMLEscaping.attribute(image.source))\" alt=\"\(HTMLEscaping.attribute(alt))\""
            if let title = image.title { tag += " title=\"\(HTMLEscaping.attribute(title))\"" }
            return tag + (alone ? "\n" : " ") + "referrerpolicy=\"\(HTMLEscaping.attribute(policy))\">"
        }
        let escapedAlt = MarkdownEscaping.text(alt, escapeBrackets: true, followedBy: .other)
        return "![\(escapedAlt)](\(LinkSyntax.target(url: image.source, title: image.title)))"
    }

    /// `<!--text-->` as inline raw HTML, or nil when older renderers would show it as text (spec 0.29 forbids
    /// `--` inside and `>`/`->` at the start). A line inside could start a block, so a whitespace run holding
    /// a newline becomes a space.
    static func inlineComment(_ text: String) -> String? {
        if text.hasPrefix(">") || text.hasPrefix("->") || text.contains("--") || text.hasSuffix("-") { return nil }
        var collapsed = ""
        var run = ""
        for character in text + "x" {
            if character.isHTMLWhitespace {
                run.append(character)
                continue
            }
            let hasNewline = run.contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            collapsed += hasNewline ? " " : run
            run = ""
            collapsed.append(character)
        }
        collapsed.removeLast()
        return "<!--" + collapsed + "-->"
    }
}
