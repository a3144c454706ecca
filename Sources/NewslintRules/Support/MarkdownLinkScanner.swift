import NewslintCore
import NewslintDOM

/// Finds the links, images, link reference definitions and autolinks of a Markdown text by reading its bytes,
/// with the results of `MarkdownURLs`' `image`, `link`, `definition` and `autolink` patterns (which stay as the
/// reference, and as the path for texts this scanner declines). Matches come as ICU finds them: leftmost first,
/// the next search starting where the last match ended.
///
/// Read greedily from left to right, the bytes give what the patterns' backtracking gives:
/// - In a bracketed text, a title and a destination, every item of a loop is decided by its first character: a
///   backslash starts an escape (`\\.`, not before a line terminator), `[` or `(` a nested group, anything else is
///   one character. A loop reads its items one way only, and stopping it earlier leaves the first character of an
///   item, never the `]`, quote or `)` that the pattern wants next. Counted loops (` {0,3}`, the scheme's `{1,31}`)
///   and the runs of white space before what cannot be white space are settled the same way.
/// - The destination `\(\s*(?:<…>|bare)(?:\s+title)?\s*\)` is the one place where the regex goes back. It
///   tries `<…>` with what follows; then the bare destination read whole with what follows (a shorter one leaves a
///   character that is neither white space nor `)`); and then, when there is white space after `(`, an empty bare
///   destination before the last white space character, so that the white space leads a title: in
///   `[a]( "a title")` the bare destination would have run into the title's first word.
///
/// `\s` is Unicode's White_Space property, as in ICU; `.` stops at ICU's line terminators (`\n`, `\v`, `\f`, `\r`,
/// U+0085, U+2028, U+2029), after which `^` also matches.
///
/// ICU keeps a backtracking state for each item a loop reads, and past its 8 MB stack limit (measured: some 77,000
/// states for `definition`, 83,000 for `link`) a match attempt fails and ends the whole search. An attempt that
/// reads more than `LeftmostSearch.readLimit` bytes is left to the patterns: `matches(of:in:)` returns nil. Real
/// posts never come near it; a lone `[` before 32 KiB without brackets does.
enum MarkdownLinkScanner {
    enum Pattern {
        case image, link, definition, autolink
    }

    /// A match as UTF-8 ranges: the whole match and the pattern's capture groups from group 1 on, nil for a group
    /// that took no part. A bound may fall inside a character (before a combining mark); `MarkdownURLs` drops such
    /// a match or group, as `Range(_:in:)` does on the regex path.
    struct Match: Equatable {
        let range: Range<Int>
        let groups: [Range<Int>?]
    }

    /// Every match of `pattern` in `text`, in order; nil when an attempt reads more than
    /// `LeftmostSearch.readLimit` bytes.
    static func matches(of pattern: Pattern, in text: String) -> [Match]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, pattern: pattern)
            return reader.allMatches()
        }
    }

    private struct Reader: LeftmostScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let pattern: Pattern
        var reach = 0

        init(bytes: UnsafeBufferPointer<UInt8>, pattern: Pattern) {
            self.bytes = bytes
            self.pattern = pattern
        }

        mutating func attempt(at start: Int) -> (found: Match, end: Int)? {
            match(at: start).map { ($0, $0.range.upperBound) }
        }

        // MARK: Candidates

        /// The first offset from `position` where a match of the pattern can start: its first character, with the
        /// look-behind and the line start checked.
        func candidate(from position: Int) -> Int? {
            switch pattern {
            case .image:
                firstIndex(of: UInt8(ascii: "!"), from: position) { index in
                    index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "[") && !follows(.backslash, index)
                }
            case .link:
                firstIndex(of: UInt8(ascii: "["), from: position) { index in
                    !follows(UInt8(ascii: "!"), index) && !follows(.backslash, index)
                }
            case .definition:
                definitionCandidate(from: position)
            case .autolink:
                firstIndex(of: UInt8(ascii: "<"), from: position) { _ in true }
            }
        }

        /// The first line start from `position` that up to three spaces separate from a `[`.
        private func definitionCandidate(from position: Int) -> Int? {
            var index = position
            while let bracket = firstIndex(of: UInt8(ascii: "["), from: index, where: { _ in true }) {
                var start = bracket
                while start > 0, bracket - start < 3, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
                if start >= position, isLineStart(start) { return start }
                index = bracket + 1
            }
            return nil
        }

        /// The first offset from `position` that holds `byte` and that `accepts` takes.
        private func firstIndex(of byte: UInt8, from position: Int, where accepts: (Int) -> Bool) -> Int? {
            var index = position
            while let offset = ByteSearch.firstOffset(of: byte, in: bytes, from: index) {
                if accepts(offset) { return offset }
                index = offset + 1
            }
            return nil
        }

        /// True when the byte before `index` is `byte`.
        private func follows(_ byte: UInt8, _ index: Int) -> Bool {
            index > 0 && bytes[index - 1] == byte
        }

        /// True at the start of the text and after a line terminator, where `^` matches in ICU's multi-line mode.
        private func isLineStart(_ index: Int) -> Bool {
            if index == 0 || (0x0A...0x0D).contains(bytes[index - 1]) { return true }
            if index >= 2, bytes[index - 2] == 0xC2, bytes[index - 1] == 0x85 { return true }
            return index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80
                && (bytes[index - 1] == 0xA8 || bytes[index - 1] == 0xA9)
        }

        // MARK: Patterns

        private mutating func match(at start: Int) -> Match? {
            switch pattern {
            case .image: image(at: start)
            case .link: link(at: start)
            case .definition: definition(at: start)
            case .autolink: autolink(at: start)
            }
        }

        /// `![alt](destination)` at the `!` at `start`; groups: the alt, the `<…>` destination, the bare one.
        private mutating func image(at start: Int) -> Match? {
            guard let close = labelEnd(from: start + 2, nested: false), let destination = destination(at: close + 1)
            else { return nil }
            return Match(range: start..<destination.end,
                         groups: [start + 2..<close, destination.angle, destination.bare])
        }

        /// `[text](destination)` at the `[` at `start`, the text holding bracketed pieces one level deep; groups
        /// as for an image.
        private mutating func link(at start: Int) -> Match? {
            guard let close = labelEnd(from: start + 1, nested: true), let destination = destination(at: close + 1)
            else { return nil }
            return Match(range: start..<destination.end,
                         groups: [start + 1..<close, destination.angle, destination.bare])
        }

        /// `[label]: destination` at the line start at `start`, after up to three spaces; groups: the label, the
        /// `<…>` destination, the destination up to white space.
        private mutating func definition(at start: Int) -> Match? {
            var bracket = start
            while bytes[bracket] == UInt8(ascii: " ") { bracket += 1 } // `definitionCandidate` saw the `[`
            guard let close = labelEnd(from: bracket + 1, nested: false), close > bracket + 1,
                  close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":") else { return nil }
            let label = bracket + 1..<close
            var index = close + 2
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            }
            if let end = angleEnd(at: index) {
                return Match(range: start..<end + 1, groups: [label, index + 1..<end, nil])
            }
            var end = index
            while end < bytes.count, bytes.whiteSpaceLength(at: end) == 0 { end += 1 }
            note(end)
            return end > index ? Match(range: start..<end, groups: [label, nil, index..<end]) : nil
        }

        /// `<scheme:address>` at the `<` at `start`: a letter and 1 to 31 scheme characters, then anything but
        /// white space and angle brackets; group: what the brackets hold.
        private func autolink(at start: Int) -> Match? {
            guard start + 1 < bytes.count, bytes[start + 1].isASCIILetter else { return nil }
            let schemeRest = start + 2
            var index = schemeRest
            while index < bytes.count, isSchemeByte(bytes[index]) { index += 1 }
            // `{1,31}` then `:`: a longer run leaves a scheme character where `:` should be.
            guard (1...31).contains(index - schemeRest), index < bytes.count, bytes[index] == UInt8(ascii: ":")
            else { return nil }
            index += 1
            while index < bytes.count, bytes.whiteSpaceLength(at: index) == 0, bytes[index] != UInt8(ascii: "<"),
                  bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
            return Match(range: start..<index + 1, groups: [start + 1..<index])
        }

        // MARK: Pieces

        private struct Destination {
            /// The offset after the closing `)`.
            let end: Int
            let angle: Range<Int>?
            let bare: Range<Int>?
        }

        /// `(destination "title")` at `open`, with the destination's range inside `<…>` or as written bare.
        private mutating func destination(at open: Int) -> Destination? {
            guard open < bytes.count, bytes[open] == UInt8(ascii: "(") else { return nil }
            let contentStart = afterSpace(open + 1)
            if let close = angleEnd(at: contentStart), let end = closingEnd(after: close + 1) {
                return Destination(end: end, angle: contentStart + 1..<close, bare: nil)
            }
            let bareEnd = bareDestinationEnd(from: contentStart)
            if let end = closingEnd(after: bareEnd) {
                return Destination(end: end, angle: nil, bare: contentStart..<bareEnd)
            }
            // The regex gives back the last white space character after `(`: an empty destination before it, and
            // the white space then leads a title.
            guard contentStart > open + 1 else { return nil }
            var lastSpace = contentStart - 1
            while bytes[lastSpace] & 0xC0 == 0x80 { lastSpace -= 1 }
            guard let end = closingEnd(after: lastSpace) else { return nil }
            return Destination(end: end, angle: nil, bare: lastSpace..<lastSpace)
        }

        /// The offset after `(?:\s+title)?\s*\)` read from `start`, nil when that does not follow. The title is
        /// optional, but skipping a title that is there leaves its opening character where `)` should be.
        private mutating func closingEnd(after start: Int) -> Int? {
            var index = afterSpace(start)
            if index > start, let end = titleEnd(at: index) { index = afterSpace(end) }
            note(index)
            return index < bytes.count && bytes[index] == UInt8(ascii: ")") ? index + 1 : nil
        }

        /// The offset after a `"…"`, `'…'` or `(…)` title at `start` (no unescaped `(` inside the last).
        private mutating func titleEnd(at start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            let opening = bytes[start]
            let closing = opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : opening
            guard opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") || opening == UInt8(ascii: "(")
            else { return nil }
            var index = start + 1
            while index < bytes.count, bytes[index] != closing {
                if bytes[index] == .backslash {
                    guard let next = afterEscape(index) else { break }
                    index = next
                } else if bytes[index] == UInt8(ascii: "("), opening == UInt8(ascii: "(") {
                    break
                } else {
                    index += 1
                }
            }
            note(index)
            return index < bytes.count && bytes[index] == closing ? index + 1 : nil
        }

        /// The offset of the `>` of `<…>` at `start` (no `<` nor line feed inside), nil when none is there.
        private mutating func angleEnd(at start: Int) -> Int? {
            guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return nil }
            var index = start + 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "\n") {
                index += 1
            }
            note(index)
            return index < bytes.count && bytes[index] == UInt8(ascii: ">") ? index : nil
        }

        /// The offset of the `]` that ends the text from `start` (after its `[`): characters, escapes and, when
        /// `nested`, `[…]` pieces without brackets inside. Nil when an unescaped `[` that opens no piece, an
        /// escape of a line terminator or the end of the text comes first.
        private mutating func labelEnd(from start: Int, nested: Bool) -> Int? {
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "]"):
                    note(index)
                    return index
                case .backslash:
                    guard let next = afterEscape(index) else { return failed(at: index) }
                    index = next
                case UInt8(ascii: "["):
                    guard nested, let close = labelEnd(from: index + 1, nested: false) else { return failed(at: index) }
                    index = close + 1
                default:
                    index += 1
                }
            }
            return failed(at: index)
        }

        /// The end of a bare destination from `start`: characters other than white space and parentheses, escapes,
        /// and `(…)` pieces of the same without parentheses inside.
        private mutating func bareDestinationEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes.whiteSpaceLength(at: index) == 0, bytes[index] != UInt8(ascii: ")") {
                if bytes[index] == .backslash {
                    guard let next = afterEscape(index) else { break }
                    index = next
                } else if bytes[index] == UInt8(ascii: "(") {
                    guard let close = parenthesizedEnd(from: index + 1) else { break }
                    index = close + 1
                } else {
                    index += 1
                }
            }
            note(index)
            return index
        }

        /// The offset of the `)` that closes a piece of a bare destination from `start` (after its `(`).
        private mutating func parenthesizedEnd(from start: Int) -> Int? {
            var index = start
            while index < bytes.count, bytes.whiteSpaceLength(at: index) == 0, bytes[index] != UInt8(ascii: "("),
                  bytes[index] != UInt8(ascii: ")") {
                if bytes[index] == .backslash {
                    guard let next = afterEscape(index) else { break }
                    index = next
                } else {
                    index += 1
                }
            }
            note(index)
            return index < bytes.count && bytes[index] == UInt8(ascii: ")") ? index : nil
        }

        /// The offset after the escape `\\.` at the backslash at `index`; nil when a line terminator or the end of
        /// the text follows the backslash, which `.` does not match.
        private func afterEscape(_ index: Int) -> Int? {
            let next = index + 1
            guard next < bytes.count, !isLineTerminator(at: next) else { return nil }
            return next + UTF8Scalar.width(ofLead: bytes[next])
        }

        private func isLineTerminator(at index: Int) -> Bool {
            switch bytes[index] {
            case 0x0A...0x0D: true
            case 0xC2: index + 1 < bytes.count && bytes[index + 1] == 0x85
            case 0xE2: index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
            default: false
            }
        }

        /// The offset after the white space starting at `start`.
        private func afterSpace(_ start: Int) -> Int {
            var index = start
            while index < bytes.count {
                let length = bytes.whiteSpaceLength(at: index)
                guard length > 0 else { break }
                index += length
            }
            return index
        }

        /// A byte an autolink's scheme may hold after its first letter.
        private func isSchemeByte(_ byte: UInt8) -> Bool {
            byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
        }

        private mutating func failed(at index: Int) -> Int? {
            note(index)
            return nil
        }
    }
}

private extension UInt8 {
    static let backslash = UInt8(ascii: "\\")
}
