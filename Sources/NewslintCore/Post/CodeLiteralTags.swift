import NewslintDOM

/// Escapes tag-like text inside `<pre>` and `<code>` that is code, not markup, before libxml2 parses it.
///
/// Scrapers often decode `&lt;` in code, so a post holds `$<HTMLElement>(document)`, `<missing>` in
/// `docker history` output, or `<p>…</p>` and `<!-- … -->` in an HTML example, all inside `<code>`.
/// libxml2 would turn those into elements and comments, and the code would lose them. Inside code, only
/// the inline tags that highlighters and editors really use (`<span>`, `<b>`, `<a>`, `<br>` …) stay
/// markup; every other `<` becomes `&lt;`, so the code keeps its text. Line breaks are never changed,
/// so line numbers stay exact.
enum CodeLiteralTags {
    /// Tags that may be markup inside code.
    static let markupInsideCode: Set<String> = [
        "span", "b", "i", "em", "strong", "a", "br", "code", "pre", "font", "u", "s", "sup", "sub", "mark",
        "kbd", "var", "samp", "del", "ins", "small", "big", "tt",
    ]

    static func escape(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard let firstCode = firstCodeOpening(bytes) else { return html }
        var output: [UInt8] = Array(bytes[..<firstCode])
        output.reserveCapacity(bytes.count + 64)
        var index = firstCode
        var depth = 0
        var escaped = false
        while index < bytes.count {
            // The bytes up to the next `<` are copied as they are.
            let next = nextOpening(bytes, from: index)
            output.append(contentsOf: bytes[index..<next])
            index = next
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if depth == 0, startsComment(bytes, at: index) {
                let end = commentEnd(bytes, from: index)
                output.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            let tag = tagName(bytes, at: index)
            if let tag, tag.isCode {
                depth = max(0, depth + (tag.closing ? -1 : 1))
                output.append(byte)
            } else if depth > 0, tag.map({ !markupInsideCode.contains($0.name) }) ?? startsComment(bytes, at: index) {
                output.append(contentsOf: Array("&lt;".utf8))
                escaped = true
            } else {
                output.append(byte)
            }
            index += 1
        }
        // Code without literal tags (most code) is the text as it came.
        return escaped ? String(decoding: output, as: UTF8.self) : html
    }

    private static func firstCodeOpening(_ bytes: [UInt8]) -> Int? {
        var index = nextOpening(bytes, from: 0)
        while index < bytes.count {
            if startsComment(bytes, at: index) {
                index = nextOpening(bytes, from: commentEnd(bytes, from: index))
                continue
            }
            if let tag = tagName(bytes, at: index), !tag.closing, tag.isCode {
                return index
            }
            index = nextOpening(bytes, from: index + 1)
        }
        return nil
    }

    /// The index of the first `<` at or after `start`, or the end.
    private static func nextOpening(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: $0, from: start) ?? $0.count }
    }

    /// A tag's lower-case name; `isCode` when it is `pre` or `code`.
    private struct TagName {
        let bytes: ArraySlice<UInt8>
        let closing: Bool

        var isCode: Bool {
            bytes.count <= 4 && (matches("pre") || matches("code"))
        }

        /// The name as a string, lower case.
        var name: String { String(decoding: bytes.map(\.asciiLowercased), as: UTF8.self) }

        private func matches(_ lowerCase: String) -> Bool {
            bytes.elementsEqual(lowerCase.utf8) { $0.asciiLowercased == $1 }
        }
    }

    /// The name of a tag starting at `index` (`<name` or `</name`), or nil when it is not a tag.
    private static func tagName(_ bytes: [UInt8], at index: Int) -> TagName? {
        var position = index + 1
        let closing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
        if closing { position += 1 }
        let start = position
        while position < bytes.count, isNameByte(bytes[position], first: position == start) { position += 1 }
        guard position > start else { return nil }
        return TagName(bytes: bytes[start..<position], closing: closing)
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        if first { return isLetter }
        return isLetter || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func startsComment(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 3 < bytes.count && bytes[index + 1] == UInt8(ascii: "!") && bytes[index + 2] == UInt8(ascii: "-")
            && bytes[index + 3] == UInt8(ascii: "-")
    }

    private static func commentEnd(_ bytes: [UInt8], from index: Int) -> Int {
        var position = index + 4
        while position + 2 < bytes.count {
            if bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-"),
               bytes[position + 2] == UInt8(ascii: ">") {
                return position + 3
            }
            position += 1
        }
        return bytes.count
    }
}
