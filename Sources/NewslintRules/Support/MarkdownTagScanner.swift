import NewslintCore
import NewslintDOM

/// Finds the inline HTML start tags of a Markdown text by reading its bytes, with the results of
/// `MarkdownURLs`' tag and attribute patterns (which stay as the reference, and as the path for texts this
/// scanner declines).
///
/// The tag pattern is `<name` `(\s+attribute(\s*=\s*value)?)*` `\s*/?>`, where a line break followed by block
/// quote markers (`\n >`) also counts as white space. Without those markers the pattern never needs to go
/// back: a name, an attribute name or an unquoted value taken whole leaves a character that only a longer one
/// could take, and the character after white space decides between another attribute and the end. Read
/// greedily from left to right, the bytes give the matches the regex gives. `\s` is Unicode's White_Space
/// property, as in ICU.
///
/// A quote marker after a line break inside a tag can be either white space or the tag's `>`, which only
/// backtracking settles: there `tags(in:)` returns nil, and the caller uses the patterns. So it does for an
/// attempt that reads more than `LeftmostSearch.readLimit` bytes, where ICU may give up the search.
///
/// Ranges are UTF-8 offsets, and a bound may fall inside a character (`>` before a combining mark): the caller
/// drops those as the patterns' path does.
enum MarkdownTagScanner {
    struct Attribute: Equatable {
        /// The name as written.
        let name: String
        /// The attribute with its leading white space.
        let range: Range<Int>
        /// The value as written, with its quotes; nil for a bare attribute.
        let valueRange: Range<Int>?
        /// The value without its quotes (entities not decoded).
        let contentRange: Range<Int>?
    }

    struct Tag: Equatable {
        /// The name as written.
        let name: String
        let range: Range<Int>
        let attributes: [Attribute]
    }

    /// Every start tag in `text`, in order, as UTF-8 ranges; nil when a tag candidate holds a block quote
    /// marker after a line break where white space may stand, or reads more than the limit.
    static func tags(in text: String) -> [Tag]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.allMatches()
        }
    }

    private struct Ambiguous: Error {}

    private struct Reader: LeftmostScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var reach = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        func candidate(from position: Int) -> Int? {
            ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: bytes, from: position)
        }

        mutating func attempt(at start: Int) throws -> (found: Tag, end: Int)? {
            try tag(at: start).map { ($0, $0.range.upperBound) }
        }

        /// The tag starting at the `<` at `start`, or nil when none does.
        private mutating func tag(at start: Int) throws -> Tag? {
            var index = start + 1
            guard index < bytes.count, bytes[index].isASCIILetter else { return nil }
            while index < bytes.count, bytes[index].isASCIILetter || bytes[index].isASCIIDigit
                    || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            note(index)
            let name = string(start + 1..<index)
            var attributes: [Attribute] = []
            while let attribute = try attribute(at: index) {
                attributes.append(attribute)
                index = attribute.range.upperBound
            }
            index = try afterSpace(index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            note(index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
            return Tag(name: name, range: start..<index + 1, attributes: attributes)
        }

        /// White space, then an attribute name and an optional value, starting at `start`; nil when no
        /// attribute starts there.
        private mutating func attribute(at start: Int) throws -> Attribute? {
            let nameStart = try afterSpace(start)
            guard nameStart > start, nameStart < bytes.count, isAttributeNameStart(bytes[nameStart]) else { return nil }
            var nameEnd = nameStart + 1
            while nameEnd < bytes.count, isAttributeNameByte(bytes[nameEnd]) { nameEnd += 1 }
            note(nameEnd)
            let name = string(nameStart..<nameEnd)
            let equals = try afterSpace(nameEnd)
            let bare = Attribute(name: name, range: start..<nameEnd, valueRange: nil, contentRange: nil)
            guard equals < bytes.count, bytes[equals] == UInt8(ascii: "=") else { return bare }
            let valueStart = try afterSpace(equals + 1)
            // `=` without a value: the attribute ends at its name, and the tag cannot end after it.
            guard let valueRange = value(at: valueStart) else { return bare }
            let quoted = bytes[valueStart] == UInt8(ascii: "\"") || bytes[valueStart] == UInt8(ascii: "'")
            let content = quoted ? valueRange.lowerBound + 1..<valueRange.upperBound - 1 : valueRange
            return Attribute(name: name, range: start..<valueRange.upperBound, valueRange: valueRange,
                             contentRange: content)
        }

        /// The value starting at `start` with its quotes: `"…"`, `'…'` or a run of bytes that are not white
        /// space nor ``"'=<>` ``; nil when none starts there.
        private mutating func value(at start: Int) -> Range<Int>? {
            guard start < bytes.count else { return nil }
            let first = bytes[start]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard let closing = ByteSearch.firstOffset(of: first, in: bytes, from: start + 1) else {
                    note(bytes.count)
                    return nil
                }
                note(closing)
                return start..<closing + 1
            }
            var end = start
            while end < bytes.count, bytes.whiteSpaceLength(at: end) == 0, !isUnquotedValueStop(bytes[end]) { end += 1 }
            note(end)
            return end > start ? start..<end : nil
        }

        /// The index after the white space starting at `start`.
        private mutating func afterSpace(_ start: Int) throws -> Int {
            var index = start
            while index < bytes.count {
                let length = bytes.whiteSpaceLength(at: index)
                guard length > 0 else { break }
                if bytes[index] == UInt8(ascii: "\n"), startsQuoteMarker(after: index) { throw Ambiguous() }
                index += length
            }
            note(index)
            return index
        }

        /// True when `[ \t]{0,3}>` follows the line feed at `index`.
        private func startsQuoteMarker(after index: Int) -> Bool {
            var probe = index + 1
            while probe < bytes.count, probe - index <= 4 {
                if bytes[probe] == UInt8(ascii: ">") { return true }
                guard bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") else { return false }
                probe += 1
            }
            return false
        }

        private func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        private func isAttributeNameStart(_ byte: UInt8) -> Bool {
            byte.isASCIILetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }

        private func isAttributeNameByte(_ byte: UInt8) -> Bool {
            isAttributeNameStart(byte) || byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }

        private func isUnquotedValueStop(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "`"):
                true
            default:
                false
            }
        }
    }
}
