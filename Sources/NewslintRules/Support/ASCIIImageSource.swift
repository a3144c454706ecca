/// An image address that is all ASCII, read from its bytes as `LazyImageRule` reads an address by characters:
/// trimmed of white space and lower-cased, then cut before its query and fragment.
///
/// Why the bytes give what the characters gave: in ASCII text every byte is a character of its own but `\r\n`,
/// which is white space at either end like its two bytes (`Character.isWhitespace` reads the first scalar), and
/// which no compared word holds, so prefixes, suffixes and `/` separators found in the bytes are found in the
/// characters; an ASCII letter lower-cases to its small letter and nothing else changes.
struct ASCIIImageSource {
    /// The address, trimmed of white space and lower-cased.
    let lowered: [UInt8]

    /// Nil when `src` holds a byte outside ASCII.
    init?(_ src: String) {
        guard let bytes = src.utf8.withContiguousStorageIfAvailable({ bytes -> [UInt8]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let first = bytes.firstIndex(where: { !$0.isASCIIWhiteSpace }),
                  let last = bytes.lastIndex(where: { !$0.isASCIIWhiteSpace }) else { return [] }
            return bytes[first...last].map(\.asciiLowercased)
        }), let bytes else { return nil }
        lowered = bytes
    }

    /// The address before its first `#` or `?`, as `URLRewriting.Parts` cuts off the fragment, then the query.
    var base: ArraySlice<UInt8> {
        lowered[..<(lowered.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? lowered.endIndex)]
    }

    /// The last non-empty `/`-separated part of `base`, as `split(separator: "/").last` gives it ("" for none).
    var lastComponentOfBase: String {
        let base = base
        var end = base.endIndex
        while end > base.startIndex, base[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > base.startIndex, base[start - 1] != UInt8(ascii: "/") { start -= 1 }
        return String(decoding: base[start..<end], as: UTF8.self)
    }

    /// True when the trimmed, lower-cased address is `word`.
    func isEqual(to word: String) -> Bool {
        lowered.elementsEqual(word.utf8)
    }
}

extension ArraySlice<UInt8> {
    /// True when these bytes end with `suffix`'s.
    func hasSuffix(bytesOf suffix: String) -> Bool {
        count >= suffix.utf8.count && self.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}
