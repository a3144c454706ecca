/// Character classes the rules share.
enum TextClasses {
    /// Whitespace a reader does not see as content: ASCII whitespace, NBSP, U+3000, zero-width characters.
    static func isBlank(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{200B}" || character == "\u{200C}" || character == "\u{200D}"
            || character == "\u{FEFF}" || character == "\u{2060}"
    }

    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(isBlank)
    }

    /// Elements whose text is code or raw text, where markup-looking content is content.
    static let codeContainers: Set<String> = ["pre", "code", "textarea", "xmp", "script", "style", "kbd", "samp"]

    /// Elements that start a new line of text in a browser.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "ul", "ol",
        "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "table", "tr", "td", "th",
        "pre", "center", "hr", "body",
    ]

    /// Elements that are content even without text.
    static let replacedElements: Set<String> = [
        "img", "video", "audio", "iframe", "embed", "object", "svg", "canvas", "hr", "table", "picture", "source",
        "input", "button", "select", "textarea", "math",
    ]

    /// `text` shortened to `limit` characters with an ellipsis, newlines folded, for messages.
    static func snippet(_ text: String, limit: Int = 40) -> String {
        let folded = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return folded.count <= limit ? folded : String(folded.prefix(limit)) + "…"
    }
}
