/// Bare URLs in text. GFM's autolink extension (Hexo's marked, GitHub) links `https://…` up to the next space,
/// so a URL followed directly by Chinese text takes that text into the link. Such a URL is written as an
/// autolink, `<https://…>`, which ends at `>`; the visible text stays the same.
enum BareURL {
    enum Segment: Equatable {
        case text(String)
        case autolink(String)
    }

    /// False when `word` holds no `://`, so that `segments(of:)` gives it back whole.
    static func mayHoldURL(_ word: String) -> Bool {
        // Most words hold no colon: one pass over the bytes rules them out.
        word.containsByte(UInt8(ascii: ":")) && word.containsBytes("://")
    }

    /// `word` (text without whitespace) cut around the URLs that must be written as autolinks.
    static func segments(of word: String) -> [Segment] {
        guard mayHoldURL(word) else { return word.isEmpty ? [] : [.text(word)] }
        let scalars = Array(word.unicodeScalars)
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        while index < scalars.count {
            guard let end = urlEnd(in: scalars, from: index) else {
                index += 1
                continue
            }
            let url = string(scalars[index..<end])
            if gfmEnd(in: scalars, from: index) > end, LinkSyntax.isAutolinkable(url) {
                if textStart < index { segments.append(.text(string(scalars[textStart..<index]))) }
                segments.append(.autolink(url))
                textStart = end
            }
            index = end
        }
        if textStart < scalars.count { segments.append(.text(string(scalars[textStart...]))) }
        return segments
    }

    /// Where a URL starting at `start` ends: `http://` or `https://` (not preceded by a letter, which would
    /// make another scheme), then URL characters, without the trailing punctuation GFM leaves out too.
    private static func urlEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard scalars[start] == "h" || scalars[start] == "H" else { return nil }
        if start > 0, isASCIILetter(scalars[start - 1]) { return nil }
        let prefix = String(string(scalars[start...].prefix(8)).lowercased())
        let schemeLength: Int
        if prefix.hasPrefix("https://") {
            schemeLength = 8
        } else if prefix.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        var end = start + schemeLength
        while end < scalars.count, isURLCharacter(scalars[end]) { end += 1 }
        end = trimmingTrailingPunctuation(scalars, start: start, end: end)
        return end > start + schemeLength ? end : nil
    }

    /// Where GFM's autolink starting at `start` ends within the word: at `<`, less trailing punctuation.
    private static func gfmEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let end = scalars[start...].firstIndex(of: "<") ?? scalars.count
        return trimmingTrailingPunctuation(scalars, start: start, end: end)
    }

    /// cmark-gfm's `autolink_delim`: trailing `?!.,:*_~'"`, an unbalanced `)`, and an entity-like `&x;` go.
    private static func trimmingTrailingPunctuation(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = scalars[end - 1]
            if "?!.,:*_~'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" {
                let link = scalars[start..<end]
                guard link.filter({ $0 == ")" }).count > link.filter({ $0 == "(" }).count else { break }
                end -= 1
            } else if last == ";" {
                var nameStart = end - 1
                while nameStart > start, isASCIIAlphanumeric(scalars[nameStart - 1]) { nameStart -= 1 }
                let isEntity = nameStart < end - 1 && nameStart > start && scalars[nameStart - 1] == "&"
                end = isEntity ? nameStart - 1 : end - 1
            } else {
                break
            }
        }
        return end
    }

    private static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar)
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
