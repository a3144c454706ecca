import Foundation

/// Reading and writing `<img>` tags as text, for Markdown bodies.
enum HTMLImage {
    /// `<img src="…" alt="…" referrerpolicy="no-referrer">`, the form the Markdown writer emits.
    static func tag(src: String, alt: String) -> String {
        "<img src=\"\(escape(src))\" alt=\"\(escape(alt))\" referrerpolicy=\"no-referrer\">"
    }

    /// The value of `name` in a tag's text, entity-decoded for `&amp;` and `&quot;`.
    static func attribute(_ name: String, in tag: String) -> String? {
        let pattern = #"\s"# + NSRegularExpression.escapedPattern(for: name) + #"\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let match = expression.firstMatch(in: tag, range: NSRange(tag.startIndex..., in: tag)) else { return nil }
        for group in 1...3 {
            if let range = Range(match.range(at: group), in: tag) {
                return String(tag[range]).replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
        }
        return nil
    }

    /// The tag with its `referrerpolicy` set to `no-referrer`.
    static func settingNoReferrer(in tag: String) -> String {
        let existing = try? NSRegularExpression(
            pattern: #"\sreferrerpolicy\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)"#, options: [.caseInsensitive])
        let withoutPolicy = existing?.stringByReplacingMatches(
            in: tag, range: NSRange(tag.startIndex..., in: tag), withTemplate: "") ?? tag
        let closing = withoutPolicy.hasSuffix("/>") ? "/>" : ">"
        let head = withoutPolicy.dropLast(closing.count).trimmingCharacters(in: .whitespaces)
        return head + " referrerpolicy=\"no-referrer\"" + (closing == "/>" ? " />" : ">")
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Markdown text helpers.
enum MarkdownText {
    /// Removes backslash escapes before ASCII punctuation.
    static func unescape(_ text: String) -> String {
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
