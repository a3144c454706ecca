#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search and trimming without Foundation, for hot paths.
///
/// Foundation's `contains(_:)` and `range(of:)` bridge the string to `NSString` and compare by canonical
/// equivalence, one composed character at a time; on a post of tens of KiB that made a plain "is this word
/// here" check one of the costliest lines of a run. The needles newslint looks for (`newslint`, `://`,
/// `&#123;`, markup) are the same bytes in every normalisation form, so a byte search finds the same matches.
extension StringProtocol {
    /// The range of the first occurrence of `needle`, compared byte for byte; nil when absent.
    public func byteRange(of needle: String) -> Range<Index>? {
        // The needle's bytes are read in place: copying them to an array was most of the cost of the many
        // searches of short text nodes for `://`.
        var needle = needle
        return needle.withUTF8 { pattern -> Range<Index>? in
            guard !pattern.isEmpty else { return startIndex..<startIndex }
            let offset: Int? = utf8.withContiguousStorageIfAvailable { haystack in
                ByteSearch.firstOffset(of: pattern, in: haystack)
            } ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: pattern, in: $0) }
            guard let offset else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
    }

    /// The text without leading and trailing spaces and tabs (`CharacterSet.whitespaces`: tab and the Unicode
    /// space separators), without bridging to `NSString`.
    public var trimmingSpaces: SubSequence {
        if endsAreASCII(notIn: { $0 == 0x09 || $0 == 0x20 }) { return self[...] }
        return trimming { $0 == "\t" || $0.unicodeScalars.first?.properties.generalCategory == .spaceSeparator }
    }

    /// The text without leading and trailing whitespace, line breaks included (like
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to `NSString`).
    public var trimmingWhitespace: SubSequence {
        if endsAreASCII(notIn: \.isASCIIWhiteSpace) { return self[...] }
        return trimming(\.isWhitespace)
    }

    /// True when the first and the last byte are ASCII and `isTrimmed` rejects both: then the trims above keep the
    /// whole text, and the character search (thousands of instructions for a short value) is not needed.
    /// Both trims test a character by its first scalar. The first character's first scalar is the first byte.
    /// The last character's is the last byte, or a Prepend scalar the byte is joined to (grapheme rule GB9b:
    /// `\u{600}a` is one character); no Prepend scalar is white space or a space separator.
    private func endsAreASCII(notIn isTrimmed: (UInt8) -> Bool) -> Bool {
        let ends: (first: UInt8, last: UInt8)?? = utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            return (first, last)
        }
        guard let (first, last) = ends ?? nil else { return false }
        return first < 0x80 && last < 0x80 && !isTrimmed(first) && !isTrimmed(last)
    }

    /// The text without the characters at either end for which `isTrimmed` is true.
    public func trimming(_ isTrimmed: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// The text cut at its line feeds, as `split(separator: "\n", omittingEmptySubsequences: false)` cuts it.
    /// A line feed is a character of its own unless a carriage return comes before it (`\r\n` is one
    /// character, which that split leaves whole): without a carriage return, the bytes are cut.
    public var linesCutAtLineFeeds: [SubSequence] {
        let offsets: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil else { return nil }
            var feeds: [Int] = []
            var start = 0
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                feeds.append(offset)
                start = offset + 1
            }
            return feeds
        } ?? nil
        guard let offsets else { return split(separator: "\n", omittingEmptySubsequences: false) }
        var lines: [SubSequence] = []
        lines.reserveCapacity(offsets.count + 1)
        var lineStart = startIndex
        for offset in offsets {
            let feed = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(self[lineStart..<feed])
            lineStart = utf8.index(after: feed)
        }
        lines.append(self[lineStart...])
        return lines
    }

    /// How many characters are a line feed alone: the `\n` bytes, but those that end a `\r\n` (one character).
    /// A line feed is never joined to what follows it, so the bytes answer what the characters answer.
    public var lineFeedCount: Int {
        func count(_ bytes: some Sequence<UInt8>) -> Int {
            var count = 0
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { count += 1 }
                previous = byte
            }
            return count
        }
        return utf8.withContiguousStorageIfAvailable(count) ?? count(utf8)
    }

    /// True when `needle` occurs, compared byte for byte.
    public func containsBytes(_ needle: String) -> Bool {
        byteRange(of: needle) != nil
    }

    /// True when a byte of the text's UTF-8 satisfies `test`: a loop over the contiguous bytes, where iterating
    /// the UTF-8 view steps through the string's representation byte by byte.
    public func containsByte(where test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? utf8.contains(where: test)
    }
}

extension Unicode.Scalar {
    /// True for scalars that are always a character of their own, whatever surrounds them: ASCII but the
    /// carriage return (`\r\n` is one character), Latin-1 and Latin Extended letters, general punctuation
    /// (quotes, dashes, ellipses), and the CJK blocks but their combining tone and kana voicing marks. Not
    /// combining marks, joiners, variation selectors or format characters.
    ///
    /// Text made only of these has as many characters as scalars, so it can be read scalar by scalar (or
    /// byte by byte) with the results of reading it character by character, without finding boundaries. No two
    /// of them are canonically equivalent either (none decomposes to others of them), so such texts compare
    /// equal as characters exactly when their scalars are equal.
    public var alwaysStandsAlone: Bool {
        switch value {
        case 0x00...0x0C, 0x0E...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E: true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF: true
        case 0xFF00...0xFF9D, 0xFFA0...0xFFEF: true
        default: false
        }
    }

    /// U+4E00–U+9FFF, the CJK Unified Ideographs: letters (Lo) or unassigned, never punctuation or space, with no
    /// decomposition, and nothing composes with them. Chinese text is mostly these, so they are known by range.
    public var isCJKUnifiedIdeograph: Bool {
        (0x4E00...0x9FFF).contains(value)
    }

    /// The Unicode White_Space property (what `Character.isWhitespace` asks of a first scalar), without a
    /// property lookup: the set is fixed by Unicode's stability policy.
    public var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

/// Scalars read straight from valid UTF-8 (a string's bytes): iterating `unicodeScalars` cost several times the
/// work done with each scalar in the loops that read every character of a post.
public enum UTF8Scalar {
    /// The number of bytes of the scalar whose first byte is `lead`.
    @inlinable
    public static func width(ofLead lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// True when every scalar of valid UTF-8 `bytes` is a character of its own (`Unicode.Scalar.alwaysStandsAlone`),
    /// or, with `allowingCarriageReturn`, a carriage return. The common scalars are known by their lead byte: ASCII
    /// but DEL, and U+4000–U+9FFF (CJK ideographs, lead bytes E4–E9); the others are decoded and tested.
    public static func allStandAlone(_ bytes: UnsafeBufferPointer<UInt8>, allowingCarriageReturn: Bool = false) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            switch lead {
            case ..<0x7F:
                guard lead != 0x0D || allowingCarriageReturn else { return false }
                index += 1
            case 0xE4...0xE9:
                index += 3
            case 0xC0...:
                let (scalar, width) = decode(bytes, at: index)
                guard scalar.alwaysStandsAlone else { return false }
                index += width
            default:
                // DEL (a continuation byte cannot start a scalar).
                return false
            }
        }
        return true
    }

    /// The scalar that starts at `index` of valid UTF-8 `bytes`, and how many bytes it takes.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = bytes[index]
        let width = width(ofLead: lead)
        guard width > 1 else { return (Unicode.Scalar(lead), 1) }
        var value = UInt32(lead) & (0xFF >> (width + 1))
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}

extension String {
    /// True when the UTF-8 holds `byte`: found with `memchr`, which reads many bytes a step where a loop with
    /// a test reads one. Words of Chinese text run to hundreds of bytes.
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: byte, in: $0) != nil }
            ?? utf8.contains(byte)
    }
}

/// The byte search behind `byteRange(of:)`.
public enum ByteSearch {
    /// The offset of the first occurrence of `pattern` in `haystack`: `memchr` to the next candidate first
    /// byte, `memcmp` for the rest.
    public static func firstOffset(of pattern: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        pattern.withUnsafeBufferPointer { firstOffset(of: $0, in: haystack) }
    }

    public static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Int? {
        guard let base = haystack.baseAddress, let needle = pattern.baseAddress, let first = pattern.first,
              pattern.count <= haystack.count else { return nil }
        let lastStart = haystack.count - pattern.count
        var start = 0
        while start <= lastStart {
            guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { return nil }
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(found, needle, pattern.count) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }

    /// The offset of the first `byte` at or after `start` in `haystack` (`memchr`), nil when there is none.
    public static func firstOffset(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, start < haystack.count,
              let found = memchr(base + start, Int32(byte), haystack.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    public static func firstOffset(of pattern: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { firstOffset(of: pattern, in: $0) }
    }
}

extension Substring {
    /// `hasPrefix(prefix)`, compared scalar by scalar when both are made of scalars that stand alone (see
    /// `Unicode.Scalar.alwaysStandsAlone`) as far as the character after the prefix; by characters otherwise.
    public func hasPrefixOfCharacters(_ prefix: String) -> Bool {
        var text = unicodeScalars.makeIterator()
        var expectedScalars = prefix.unicodeScalars.makeIterator()
        var actual = text.next()
        var expected = expectedScalars.next()
        while let wanted = expected {
            guard let found = actual, wanted.alwaysStandsAlone, found.alwaysStandsAlone else {
                return hasPrefix(prefix)
            }
            actual = text.next()
            expected = expectedScalars.next()
            guard found != wanted else { continue }
            // Two different characters of one scalar each, unless a scalar that joins follows either.
            let textCharacterEnds = actual?.alwaysStandsAlone ?? true
            let prefixCharacterEnds = expected?.alwaysStandsAlone ?? true
            return textCharacterEnds && prefixCharacterEnds ? false : hasPrefix(prefix)
        }
        // The text's last character of the prefix must end there too.
        return actual?.alwaysStandsAlone ?? true ? true : hasPrefix(prefix)
    }
}

extension String {
    /// True when both texts are the same UTF-8 bytes. `==` compares canonical equivalence: a text and its
    /// decomposed form are equal under it, though files holding them differ, and a fix that recomposed accents
    /// would count as no change.
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in mine.elementsEqual(theirs) }
        }.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}
