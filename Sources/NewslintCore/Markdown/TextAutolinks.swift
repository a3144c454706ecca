import NewslintDOM

/// The URLs in an HTML body's text that the Markdown writer writes as autolinks (`<https://…>`, see `BareURL`).
///
/// In the HTML they are text; in the Markdown the body becomes they are links, which the link rules read and
/// rewrite. A rule that rewrites links reads these as well, so that the fix that converts the body already
/// does what fixing its Markdown again would do.
public enum TextAutolinks {
    /// A URL of a text node that becomes an autolink, and where it is in the node's text.
    public struct Match {
        public let url: String
        public let range: Range<String.Index>
    }

    /// The URLs of the text node `node` the writer turns into autolinks: none when the node is not written as
    /// Markdown text (inside a link, in code or in embedded content, which the writer keeps as they are).
    public static func matches(in node: Node) -> [Match] {
        guard node.isText else { return [] }
        let text = node.text
        guard text.containsBytes("://"), isWrittenAsText(node) else { return [] }
        return matches(in: text)
    }

    /// The autolinked URLs of `text`, cut into words at HTML white space as the writer cuts it.
    static func matches(in text: String) -> [Match] {
        matchesByBytes(in: text) ?? matchesByCharacters(in: text)
    }

    /// `matchesByCharacters` for a text whose every scalar is a character of its own, read as bytes; nil for any
    /// other text. There the HTML white-space characters are the bytes of space, tab, line feed and form feed
    /// (a carriage return does not stand alone), and the words between them are the characters' words; only the
    /// few holding `://` are cut into segments. Reading characters one by one cost about 150 instructions each.
    static func matchesByBytes(in text: String) -> [Match]? {
        var bytesOfText = text
        let found = bytesOfText.withUTF8 { bytes -> [(url: String, offset: Int, count: Int)]? in
            guard UTF8Scalar.allStandAlone(bytes) else { return nil }
            var found: [(url: String, offset: Int, count: Int)] = []
            var wordStart = 0
            while wordStart < bytes.count {
                guard !isHTMLWhitespace(bytes[wordStart]) else {
                    wordStart += 1
                    continue
                }
                var wordEnd = wordStart
                while wordEnd < bytes.count, !isHTMLWhitespace(bytes[wordEnd]) { wordEnd += 1 }
                let wordBytes = UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd])
                // Only a word holding `://` is made a string and cut (`BareURL.mayHoldURL`).
                if ByteSearch.firstOffset(of: urlMark, in: wordBytes) != nil {
                    let word = String(decoding: wordBytes, as: UTF8.self)
                    // The segments are the word cut in pieces, in order.
                    var segmentStart = wordStart
                    for segment in BareURL.segments(of: word) {
                        switch segment {
                        case .text(let text):
                            segmentStart += text.utf8.count
                        case .autolink(let url):
                            found.append((url, segmentStart, url.utf8.count))
                            segmentStart += url.utf8.count
                        }
                    }
                }
                wordStart = wordEnd
            }
            return found
        }
        return found?.map { match in
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: match.offset)
            return Match(url: match.url, range: lower..<text.utf8.index(lower, offsetBy: match.count))
        }
    }

    /// `://`, which every URL the writer autolinks holds.
    private static let urlMark = Array("://".utf8)

    /// The bytes of the HTML white space that stands alone: space, tab, line feed and form feed.
    private static func isHTMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C
    }

    /// `matches(in:)` read character by character.
    static func matchesByCharacters(in text: String) -> [Match] {
        var result: [Match] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !text[index].isHTMLWhitespace else {
                index = text.index(after: index)
                continue
            }
            let wordEnd = text[index...].firstIndex(where: \.isHTMLWhitespace) ?? text.endIndex
            var segmentStart = index
            for segment in BareURL.segments(of: String(text[index..<wordEnd])) {
                let content: String
                switch segment {
                case .text(let text): content = text
                case .autolink(let url): content = url
                }
                let segmentEnd = text.unicodeScalars.index(segmentStart, offsetBy: content.unicodeScalars.count)
                if case .autolink(let url) = segment {
                    result.append(Match(url: url, range: segmentStart..<segmentEnd))
                }
                segmentStart = segmentEnd
            }
            index = wordEnd
        }
        return result
    }

    /// Replaces the first autolinked `url` of the text node `node` with `replacement`.
    public static func replace(_ url: String, with replacement: String, in node: Node) {
        var text = node.text
        guard let match = matches(in: text).first(where: { $0.url == url }) else { return }
        text.replaceSubrange(match.range, with: replacement)
        node.setText(text)
    }

    /// False inside a link (a link holds no other), code, and embedded, dropped or preformatted content.
    private static func isWrittenAsText(_ node: Node) -> Bool {
        !node.ancestors.contains { ancestor in
            guard ancestor.isElement else { return false }
            let name = ancestor.name
            return (name == "a" && ancestor.attribute("href") != nil) || name == "code"
                || HTMLElementKinds.preformatted.contains(name) || HTMLElementKinds.embedded.contains(name)
                || HTMLElementKinds.dropped.contains(name)
        }
    }
}
