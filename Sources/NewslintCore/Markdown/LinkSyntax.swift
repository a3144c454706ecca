import NewslintDOM

/// Link and image destinations and titles.
///
/// Renderers decode entities in destinations and titles before backslash escapes, so an entity-like `&x;`
/// is written `&amp;x;` there rather than `\&x;`.
///
/// Destinations are percent-encoded the way CommonMark renderers encode `href` and `src` (cmark's
/// `houdini_escape_href`), so a rendered link converts back to the same destination.
public enum LinkSyntax {
    /// `(destination "title")` without the parentheses.
    static func target(url: String, title: String?) -> String {
        var result = destination(url)
        if let title, !title.isEmpty {
            result += " \"" + escapedTitle(title) + "\""
        }
        return result
    }

    static func destination(_ url: String) -> String {
        // Percent-encoded, the destination is ASCII: it is rewritten byte by byte.
        let encoded = percentEncodedBytes(url)
        let balanced = parenthesesBalance(encoded)
        // Without an `&`, balanced parentheses leave nothing to rewrite.
        if balanced, !encoded.contains(UInt8(ascii: "&")) { return String(decoding: encoded, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(encoded.count + 8)
        for index in encoded.indices {
            let byte = encoded[index]
            if byte == UInt8(ascii: "&"), MarkdownEscaping.startsEntityReference(bytes: encoded[(index + 1)...]) {
                result += "&amp;".utf8
                continue
            }
            if (byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")) && !balanced {
                result.append(UInt8(ascii: "\\"))
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Percent-encodes every byte a renderer would encode; existing `%XX` sequences stay.
    public static func percentEncoded(_ url: String) -> String {
        String(decoding: percentEncodedBytes(url), as: UTF8.self)
    }

    private static func percentEncodedBytes(_ url: String) -> [UInt8] {
        // Most URLs need no encoding: their bytes are copied at once.
        let allSafe = url.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isSafe) } ?? url.utf8.allSatisfy(isSafe)
        if allSafe { return Array(url.utf8) }
        var result: [UInt8] = []
        // Room for every byte encoded, as in a URL with Chinese text in its path.
        result.reserveCapacity(url.utf8.count * 3)
        for byte in url.utf8 {
            if isSafe(byte) {
                result.append(byte)
            } else {
                // Appended one by one: an array literal of the three bytes was an allocation per encoded byte.
                result.append(UInt8(ascii: "%"))
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// True when `<url>` is an autolink that renders back to the same URL and text.
    static func isAutolinkable(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        // The schemes are ASCII without `k` or `i`, the only letters that non-ASCII characters lower to.
        func hasScheme(_ scheme: String) -> Bool {
            bytes.count >= scheme.utf8.count && zip(bytes, scheme.utf8).allSatisfy { $0.asciiLowercased == $1 }
        }
        guard hasScheme("http://") || hasScheme("https://") else { return false }
        // Unchanged by percent-encoding: every byte is one a renderer keeps (so the URL is ASCII).
        guard bytes.allSatisfy(isSafe) else { return false }
        // Autolinks take no escapes: an entity-like `&amp;` would be decoded by the renderer.
        return !bytes.indices.contains {
            bytes[$0] == UInt8(ascii: "&") && MarkdownEscaping.startsEntityReference(bytes: bytes[($0 + 1)...])
        }
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

    private static func parenthesesBalance(_ bytes: [UInt8]) -> Bool {
        var depth = 0
        for byte in bytes {
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    /// Letters, digits and `-_.+!*'(),%#@?=;:/&$~`. A switch rather than a table: a static table is reached
    /// through its lazy initializer on every byte.
    static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"),
             UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","),
             UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="),
             UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "$"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
