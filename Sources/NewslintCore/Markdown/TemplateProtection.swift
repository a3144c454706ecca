/// Keeps template syntax in the article literal for the target's template engine.
///
/// - Text, link titles, image descriptions and raw HTML: the brace that starts (or, for Nunjucks' `#}`,
///   ends) a tag becomes `&#123;` (`&#125;`), which the Markdown or HTML renderer turns back into the brace.
/// - Code, where an entity would show as written: Nunjucks and Liquid get `{% raw %}`…`{% endraw %}` around
///   the code span or block; Hugo gets its shortcode comment, `{{</* x */>}}`, which it prints as `{{< x >}}`.
///   Code that neither protects (it holds `raw`/`endraw` tags, or a shortcode opener without its closer) is
///   written as HTML `<code>`/`<pre>` with entities.
/// - HTML blocks holding a `<script>` or `<style>` whose text cannot take entities: `{% raw %}`…`{% endraw %}`.
///
/// Raw tags are written on the first and last line of what they protect, not on lines of their own: the
/// engine removes them, and a line left empty would end a list item's first line as `-` alone, which reads
/// as a setext underline.
///
/// Liquid ignores `{#` and `#}`; Jekyll output escapes them anyway, so one article reads the same in both
/// template languages.
struct TemplateProtection {
    var target: PublishingTarget

    /// Marks around code inside inline text: `text(_:)` leaves what is between them as it is and removes them.
    /// A tag may still start just before the code (`{` then `{% raw %}`), so the text around is read together
    /// with it. They are Unicode noncharacters, kept for internal use, which no article holds.
    static let verbatimStart = Unicode.Scalar(0xFDD0)!
    static let verbatimEnd = Unicode.Scalar(0xFDD1)!

    static func isVerbatimMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == verbatimStart || scalar == verbatimEnd
    }

    static func verbatim(_ text: String) -> String {
        String(verbatimStart) + text + String(verbatimEnd)
    }

    /// True when the engine would read part of `text` as template syntax.
    func containsSyntax(_ text: String) -> Bool {
        // Every tag the engines read holds a brace.
        guard target != .commonmark,
              text.containsByte(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return false }
        return !braceIndices(in: Array(text.unicodeScalars)).isEmpty
    }

    /// True when `text` holds a verbatim mark: U+FDD0 or U+FDD1, `EF B7 90` and `EF B7 91` in UTF-8.
    ///
    /// The search goes from one `B7` byte to the next: Chinese text has an `EF` lead byte in every full-width
    /// comma, colon and parenthesis, and far fewer `B7` continuation bytes.
    static func hasVerbatimMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var start = 1
            while let middle = ByteSearch.firstOffset(of: 0xB7, in: bytes, from: start) {
                if middle + 1 < bytes.count, bytes[middle - 1] == 0xEF,
                   bytes[middle + 1] == 0x90 || bytes[middle + 1] == 0x91 { return true }
                start = middle + 1
            }
            return false
        }
    }

    /// `text` without its verbatim marks. UTF-8 is self-synchronising, so `EF B7 90` and `EF B7 91` in the
    /// bytes are always those scalars, and cutting them out leaves the other scalars as they were.
    static func removingVerbatimMarks(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var kept = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xB7,
               bytes[index + 2] == 0x90 || bytes[index + 2] == 0x91 {
                index += 3
                continue
            }
            bytes[kept] = bytes[index]
            kept += 1
            index += 1
        }
        return String(decoding: bytes[..<kept], as: UTF8.self)
    }

    /// `text` with entities for the braces the engine would read, outside verbatim marks; for places where
    /// entities are decoded.
    func text(_ text: String) -> String {
        // Nearly every line has no brace; it loses only its verbatim marks, if it has any.
        if target == .commonmark || !text.containsByte(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
            guard Self.hasVerbatimMark(text) else { return text }
            return Self.removingVerbatimMarks(text)
        }
        var scalars: [Unicode.Scalar] = []
        var isVerbatim: [Bool] = []
        var inVerbatim = false
        for scalar in text.unicodeScalars {
            if scalar == Self.verbatimStart {
                inVerbatim = true
            } else if scalar == Self.verbatimEnd {
                inVerbatim = false
            } else {
                scalars.append(scalar)
                isVerbatim.append(inVerbatim)
            }
        }
        let indices = braceIndices(in: scalars).filter { !isVerbatim[$0] }
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if indices.contains(index) {
                result += scalar == "{" ? "&#123;" : "&#125;"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A code span for `code` (its newlines still in), protected as the target needs.
    func codeSpan(_ code: String) -> String {
        let span = InlineAtomWriter.codeSpan(code)
        guard containsSyntax(code) else { return span }
        switch target {
        case .commonmark:
            return span
        case .hexo, .jekyll:
            if !Self.containsRawTag(code) { return "{% raw %}" + span + "{% endraw %}" }
        case .hugo:
            if let escaped = Self.shortcodeCommented(code) { return InlineAtomWriter.codeSpan(escaped) }
        }
        let flattened = String(code.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        return "<code>" + text(HTMLEscaping.text(flattened)) + "</code>"
    }

    /// The blocks with every code block, and every HTML block that still holds template syntax, protected.
    func blocks(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        guard target != .commonmark else { return blocks }
        return blocks.map { block in
            switch block {
            case .leaf(.code, let lines):
                return .leaf(.code, codeBlock(lines))
            case .leaf(.html, let lines) where target != .hugo && containsSyntax(lines.joined(separator: "\n")):
                return .leaf(.html, Self.containsRawTag(lines.joined(separator: "\n")) ? lines : Self.raw(lines))
            case .leaf:
                return block
            case .list(var list):
                list.items = list.items.map(self.blocks)
                return .list(list)
            case .quote(let inner):
                return .quote(self.blocks(inner))
            }
        }
    }

    /// A fenced code block: its fence line, content lines and closing fence.
    private func codeBlock(_ lines: [String]) -> [String] {
        guard lines.count >= 2 else { return lines }
        let content = lines.dropFirst().dropLast().joined(separator: "\n")
        guard containsSyntax(lines.joined(separator: "\n")) else { return lines }
        switch target {
        case .commonmark:
            return lines
        case .hexo, .jekyll:
            if !Self.containsRawTag(lines.joined(separator: "\n")) { return Self.raw(lines) }
        case .hugo:
            if !containsSyntax(lines[0]), let escaped = Self.shortcodeCommented(content) {
                return [lines[0]] + Self.lines(escaped) + [lines[lines.count - 1]]
            }
        }
        let language = String(lines[0].drop { $0 == "`" || $0 == "~" })
        let attribute = language.isEmpty ? "" : " class=\"language-\(text(HTMLEscaping.attribute(language)))\""
        // An HTML block that starts with `<pre` may hold blank lines; it ends at the line with `</pre>`.
        return Self.lines("<pre><code\(attribute)>" + text(HTMLEscaping.text(content)) + "</code></pre>")
    }

    /// Offsets of the braces the engine would read as part of a tag.
    private func braceIndices(in scalars: [Unicode.Scalar]) -> Set<Int> {
        var indices: Set<Int> = []
        for index in scalars.indices {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let afterNext = index + 2 < scalars.count ? scalars[index + 2] : nil
            switch target {
            case .commonmark:
                return []
            case .hexo, .jekyll:
                if scalars[index] == "{", let next, next == "{" || next == "%" || next == "#" { indices.insert(index) }
                if scalars[index] == "#", next == "}" { indices.insert(index + 1) }
            case .hugo:
                if scalars[index] == "{", next == "{", let afterNext, afterNext == "<" || afterNext == "%" {
                    indices.insert(index)
                }
            }
        }
        return indices
    }

    private static func raw(_ lines: [String]) -> [String] {
        var wrapped = lines
        wrapped[0] = "{% raw %}" + wrapped[0]
        wrapped[wrapped.count - 1] += "{% endraw %}"
        return wrapped
    }

    /// A `raw` or `endraw` tag inside would end or nest the `{% raw %}` block put around the text.
    private static func containsRawTag(_ text: String) -> Bool {
        text.contains(/\{%-?\s*(end)?raw\b/)
    }

    /// Hugo's shortcode comment around each `{{<`…`>}}` and `{{%`…`%}}`; nil when an opener has no closer,
    /// or the text inside would end the comment or open another shortcode.
    static func shortcodeCommented(_ code: String) -> String? {
        var result = ""
        var rest = Substring(code)
        while let opener = rest.firstRange(of: /\{\{[<%]/) {
            let opening = String(rest[opener])
            let closing = opening == "{{<" ? ">}}" : "%}}"
            let after = rest[opener.upperBound...]
            guard let closer = after.firstRange(of: closing) else { return nil }
            let inner = after[..<closer.lowerBound]
            if inner.contains("*/") || inner.contains("/*") || inner.contains(/\{\{[<%]/) { return nil }
            result += rest[..<opener.lowerBound] + opening + "/*" + inner + "*/" + closing
            rest = after[closer.upperBound...]
        }
        return result + rest
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
