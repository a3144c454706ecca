/// Link and image destinations and titles.
///
/// Renderers decode entities in destinations and titles before backslash escapes, so an entity-like `&x;`
/// is written `&amp;x;` there rather than `\&x;`.
///
/// Destinations are percent-encoded the way CommonMark renderers encode `href` and `src` (cmark's
/// `houdini_escape_href`), so a rendered link converts back to the same destination.
enum LinkSyntax {
    /// `(destination "title")` without the parentheses.
    static func target(url: String, title: String?) -> String {
        var result = destination(url)
        if let title, !title.isEmpty {
            result += " \"" + escapedTitle(title) + "\""
        }
        return result
    }

    static func destination(_ url: String) -> String {
        let encoded = percentEncoded(url)
        let scalars = Array(encoded.unicodeScalars)
        let balanced = parenthesesBalance(scalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "&", MarkdownEscaping.startsEntityReference(scalars[(index + 1)...]) {
                result += "&amp;".unicodeScalars
                continue
            }
            if (scalar == "(" || scalar == ")") && !balanced { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    /// Percent-encodes every byte a renderer would encode; existing `%XX` sequences stay.
    static func percentEncoded(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            if byte < 0x80, isSafe(UInt8(byte)) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hex(byte)
            }
        }
        return result
    }

    /// True when `<url>` is an autolink that renders back to the same URL and text.
    static func isAutolinkable(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        guard percentEncoded(url) == url else { return false }
        let scalars = Array(url.unicodeScalars)
        // Autolinks take no escapes: an entity-like `&amp;` would be decoded by the renderer.
        return !scalars.indices.contains { scalars[$0] == "&" && MarkdownEscaping.startsEntityReference(
            scalars[($0 + 1)...]) }
    }

    private static func escapedTitle(_ title: String) -> String {
        let collapsed = title.split(whereSeparator: \.isHTMLWhitespace).joined(separator: " ")
        let scalars = Array(collapsed.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "&", MarkdownEscaping.startsEntityReference(scalars[(index + 1)...]) {
                result += "&amp;".unicodeScalars
                continue
            }
            // cmark scans a title for its longest match, so `\"` and a final `\\"` could run on to a later
            // quote; and it decodes entities before escapes, so `&#92;` is safe only at the end.
            switch scalar {
            case "\"": result += "&quot;".unicodeScalars
            case "\\": result += (index == scalars.count - 1 ? "&#92;" : "\\\\").unicodeScalars
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func parenthesesBalance(_ scalars: [Unicode.Scalar]) -> Bool {
        var depth = 0
        for scalar in scalars {
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return safePunctuation.contains(byte)
        }
    }

    private static let safePunctuation: Set<UInt8> = Set("-_.+!*'(),%#@?=;:/&$~".utf8)

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
