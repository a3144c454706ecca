import NewslintDOM

/// CommonMark's raw HTML blocks (spec 4.6): which line starts one, and which line ends it.
///
/// Inside an HTML block nothing is Markdown: a backslash is a backslash and a backtick is a backtick, so
/// `<div>\<iframe …>` hands the browser a real `<iframe>`. Blocks inside list items and block quotes are
/// not recognised (the scanner does not track containers).
enum MarkdownHTMLBlock {
    /// How the block ends.
    enum End: Equatable {
        /// At the first line (the start line included) holding one of these lower-case texts; the block
        /// takes that line.
        case lineContaining([String])
        /// Before the next blank line.
        case blankLine
    }

    /// The end condition of the block `line` starts, or nil when it starts none. Only the first six kinds
    /// may interrupt a paragraph, so `afterParagraphLine` rules out the seventh (a lone complete tag).
    static func start(of line: ArraySlice<UInt8>, afterParagraphLine: Bool) -> End? {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3, line.dropFirst(indent).first == UInt8(ascii: "<") else { return nil }
        // Every test but the lone tag's reads no further than `</`, a ten-letter name and `/>`: an ASCII prefix
        // long enough to hold a mark combined with the last character read is lowered, not the whole line, and
        // read as bytes. Outside ASCII the line's first characters are lowered as a string (the Kelvin sign
        // lowers to `k`): more of them than any test reads, so that what lowering the whole line does at the cut
        // is never read.
        let prefix = line.dropFirst(indent).prefix(24)
        let kind = prefix.allSatisfy { $0 < 0x80 }
            ? kindByBytes(prefix.map(\.asciiLowercased))
            : kindByCharacters(String(String(decoding: line.dropFirst(indent), as: UTF8.self).prefix(32)).lowercased())
        if let kind { return kind }
        guard !afterParagraphLine, let name = MarkdownLoneTag.name(in: line.dropFirst(indent)),
              !rawTextElements.contains(name.lowercased()) else { return nil }
        return .blankLine
    }

    /// The block the lower-cased start of a line (`<` first) starts, of the first six kinds, read as characters.
    static func kindByCharacters(_ lower: String) -> End? {
        if let name = rawTextElements.first(where: { lower.hasPrefix("<" + $0) }),
           endsName(lower.dropFirst(name.count + 1), allowingSelfClosing: false) {
            return .lineContaining(rawTextElements.map { "</\($0)>" })
        }
        if lower.hasPrefix("<!--") { return .lineContaining(["-->"]) }
        if lower.hasPrefix("<?") { return .lineContaining(["?>"]) }
        if lower.hasPrefix("<![cdata[") { return .lineContaining(["]]>"]) }
        if lower.hasPrefix("<!"), let first = lower.dropFirst(2).first, first.isASCII, first.isLetter {
            return .lineContaining([">"])
        }
        let afterOpening = lower.dropFirst(lower.hasPrefix("</") ? 2 : 1)
        let name = afterOpening.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if blockElements.contains(String(name)),
           endsName(afterOpening.dropFirst(name.count), allowingSelfClosing: true) {
            return .blankLine
        }
        return nil
    }

    /// `kindByCharacters` for an ASCII start, read as bytes: in ASCII every byte is a character, so each test
    /// answers as it does on characters.
    static func kindByBytes(_ lower: [UInt8]) -> End? {
        func hasPrefix(_ text: String, at offset: Int = 0) -> Bool {
            let bytes = text.utf8
            return lower.count - offset >= bytes.count && zip(lower[offset...], bytes).allSatisfy { $0 == $1 }
        }
        func endsName(at offset: Int, allowingSelfClosing: Bool) -> Bool {
            guard offset < lower.count else { return true }
            let next = lower[offset]
            return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: ">")
                || (allowingSelfClosing && hasPrefix("/>", at: offset))
        }
        if let name = rawTextElements.first(where: { hasPrefix($0, at: 1) }),
           endsName(at: name.utf8.count + 1, allowingSelfClosing: false) {
            return .lineContaining(rawTextElements.map { "</\($0)>" })
        }
        if hasPrefix("<!--") { return .lineContaining(["-->"]) }
        if hasPrefix("<?") { return .lineContaining(["?>"]) }
        if hasPrefix("<![cdata[") { return .lineContaining(["]]>"]) }
        if hasPrefix("<!"), lower.count > 2, lower[2].isASCIILetter { return .lineContaining([">"]) }
        let nameStart = hasPrefix("</") ? 2 : 1
        var nameEnd = nameStart
        while nameEnd < lower.count, lower[nameEnd].isASCIILetter || lower[nameEnd].isASCIIDigit { nameEnd += 1 }
        if blockElements.contains(String(decoding: lower[nameStart..<nameEnd], as: UTF8.self)),
           endsName(at: nameEnd, allowingSelfClosing: true) {
            return .blankLine
        }
        return nil
    }

    /// True when `line` ends a block that ends at a line containing one of `texts`.
    static func ends(_ line: ArraySlice<UInt8>, containing texts: [String]) -> Bool {
        // The texts are ASCII: in an ASCII line, comparing bytes without regard to case finds what lowering it
        // would. Elsewhere characters are compared (a combining mark after `>` makes another character).
        guard line.allSatisfy({ $0 < 0x80 }) else {
            let lower = String(decoding: line, as: UTF8.self).lowercased()
            return texts.contains { lower.contains($0) }
        }
        return texts.contains { text in
            let needle = Array(text.utf8)
            guard needle.count <= line.count else { return false }
            return line.indices.dropLast(needle.count - 1).contains { start in
                needle.indices.allSatisfy { line[start + $0].asciiLowercased == needle[$0] }
            }
        }
    }
}

private extension MarkdownHTMLBlock {
    /// Kind 1: elements whose content is raw text, up to their end tag.
    static let rawTextElements = ["pre", "script", "style", "textarea"]

    /// Kind 6: block-level elements (the spec's list).
    static let blockElements: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
        "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup",
        "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "title", "tr", "track", "ul",
    ]

    /// A tag name ends at the end of the line, whitespace, `>`, or (for kind 6) `/>`.
    static func endsName(_ rest: Substring, allowingSelfClosing: Bool) -> Bool {
        guard let next = rest.first else { return true }
        return next == " " || next == "\t" || next == ">" || (allowingSelfClosing && rest.hasPrefix("/>"))
    }
}
