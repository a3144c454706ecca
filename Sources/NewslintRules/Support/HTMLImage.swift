import Foundation

/// Reading and writing `<img>` tags as text, for Markdown bodies.
enum HTMLImage {
    /// `<img src="…" alt="…" referrerpolicy="no-referrer">`, the form the Markdown writer emits.
    static func tag(src: String, alt: String) -> String {
        "<img src=\"\(escape(src))\" alt=\"\(escape(alt))\" referrerpolicy=\"no-referrer\">"
    }

    /// `value` escaped for a double-quoted attribute.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Markdown text helpers.
enum MarkdownText {
    /// Removes backslash escapes before ASCII punctuation.
    static func unescape(_ text: String) -> String {
        // Most destinations hold no backslash: reading them character by character only rebuilt them.
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        return unescapingCharacters(text)
    }

    /// `unescape` read character by character: a backslash is dropped before an ASCII punctuation or symbol
    /// character (one whole character, so not before one that a combining mark extends).
    static func unescapingCharacters(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) {
                    result.append("\\")
                }
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
