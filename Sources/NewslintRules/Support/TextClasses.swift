import NewslintDOM

/// Character classes the rules share.
enum TextClasses {
    /// Whitespace a reader does not see as content: ASCII whitespace, NBSP, U+3000, zero-width characters.
    /// Decided on the character's scalars: comparing `Character`s normalises both sides, which made this the
    /// hottest function of a run on CJK text.
    static func isBlank(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        // `Character.isWhitespace` is the White_Space property of the first scalar.
        if first.isWhiteSpace { return true }
        return isZeroWidth(first) && scalars.index(after: scalars.startIndex) == scalars.endIndex
    }

    static func isBlank(_ text: String) -> Bool {
        // The first scalar that is neither white space nor zero-width decides when it stands alone: nothing before
        // it joins it, so it starts a character that is not blank. Characters are read only when it does not.
        let first = text.unicodeScalars.first { !$0.isWhiteSpace && !isZeroWidth($0) }
        if let first, first.alwaysStandsAlone { return false }
        return text.allSatisfy(isBlank)
    }

    /// Zero-width characters a reader does not see.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060: true
        default: false
        }
    }

    /// Elements whose text is code or raw text, where markup-looking content is content.
    static let codeContainers: TagNames = ["pre", "code", "textarea", "xmp", "script", "style", "kbd", "samp"]

    /// Elements that start a new line of text in a browser.
    static let blockElements: TagNames = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "ul", "ol",
        "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "table", "tr", "td", "th",
        "pre", "center", "hr", "body",
    ]

    /// Elements that are content even without text.
    static let replacedElements: TagNames = [
        "img", "video", "audio", "iframe", "embed", "object", "svg", "canvas", "hr", "table", "picture", "source",
        "input", "button", "select", "textarea", "math",
    ]

    /// `text` shortened to `limit` characters with an ellipsis, newlines folded, for messages.
    static func snippet(_ text: String, limit: Int = 40) -> String {
        if let scalars = snippetByScalars(text, limit: limit) { return scalars }
        let folded = text.split(whereSeparator: \.isNewline).map { String($0.trimmingSpaces) }
            .joined(separator: " ")
        return folded.count <= limit ? folded : String(folded.prefix(limit)) + "…"
    }

    /// `snippet` for a text of scalars that each stand alone (`Unicode.Scalar.alwaysStandsAlone`), read as bytes:
    /// there, a character is a scalar, the only line breaks are U+000A to U+000C, and the only spaces
    /// `trimmingSpaces` trims are the tab, the space, NBSP and U+3000. Nil for any other text. Reading characters
    /// and their general category cost 26,000 instructions for a 60-character address.
    private static func snippetByScalars(_ text: String, limit: Int) -> String? {
        guard text.unicodeScalars.allSatisfy(\.alwaysStandsAlone) else { return nil }
        let bytes = Array(text.utf8)
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var isFirstLine = true
        for line in bytes.split(whereSeparator: { (0x0A...0x0C).contains($0) }) {
            if !isFirstLine { folded.append(UInt8(ascii: " ")) }
            isFirstLine = false
            var kept = line[...]
            while let space = leadingSpaceLength(kept) { kept = kept.dropFirst(space) }
            while let space = trailingSpaceLength(kept) { kept = kept.dropLast(space) }
            folded.append(contentsOf: kept)
        }
        // A scalar starts at every byte that is not a continuation byte.
        var scalars = 0
        for (offset, byte) in folded.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == limit { return String(decoding: folded[..<offset], as: UTF8.self) + "…" }
            scalars += 1
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The tab, space, NBSP and U+3000 in UTF-8.
    private static let snippetSpaces: [[UInt8]] = [[0x09], [0x20], [0xC2, 0xA0], [0xE3, 0x80, 0x80]]

    private static func leadingSpaceLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        snippetSpaces.first { bytes.starts(with: $0) }?.count
    }

    private static func trailingSpaceLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        snippetSpaces.first { bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0) }?.count
    }

    /// Removes the blank characters at the start and the end of `element`'s text. The blanks may run over
    /// several text nodes (a comment or an empty element between them), so trimming goes on from node to
    /// node until it meets visible text; trimming only the first and last node left a line that was never
    /// trimmed and a fix that never converged.
    static func trimEdges(of element: Node) {
        let texts = element.descendants.filter(\.isText)
        for text in texts {
            let kept = String(text.text.drop(while: isBlank))
            text.setText(kept)
            if !kept.isEmpty { break }
        }
        for text in texts.reversed() {
            var kept = text.text
            while let character = kept.last, isBlank(character) { kept.removeLast() }
            text.setText(kept)
            if !kept.isEmpty { break }
        }
    }
}
