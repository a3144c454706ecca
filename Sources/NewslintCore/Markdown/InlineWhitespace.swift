/// HTML whitespace processing for one block's inline tokens.
///
/// Whitespace runs collapse to one space across element boundaries; the space moves outside emphasis and
/// links (`<b> x</b>` → ` **x**`); two or more line breaks in a row, or a blank line in bare text, end a
/// paragraph; whitespace and breaks at the start and end of the block go; a run holding a newline between
/// two CJK characters goes (CSS Text 3). Empty marks are removed.
struct InlineWhitespace {
    /// Headings turn breaks into spaces; table cells hold one line, so a paragraph break is one line break.
    var mode: InlineRenderer.Mode

    struct Result {
        /// Comments before any content, which the caller may write as blocks of their own.
        var leadingComments: [String]
        var tokens: [InlineToken]
    }

    /// The whitespace processing of one block's tokens, taken as they are collected: `finish()` gives the
    /// processed tokens.
    struct Collapser: InlineTokenSink {
        private var collapsing: Collapsing

        /// `capacity` is room for the output tokens; only a capacity, the tokens are the same with any.
        init(whitespace: InlineWhitespace, capacity: Int) {
            collapsing = Collapsing(whitespace: whitespace, capacity: capacity)
        }

        mutating func append(_ token: InlineToken) {
            guard case .text(let text) = token else {
                collapsing.add(token)
                return
            }
            // Text is split into words and whitespace runs as it goes by.
            InlineWhitespace.splitWords(text) { collapsing.add($0) }
        }

        mutating func finish() -> Result {
            collapsing.finish()
        }
    }

    /// The words of `text` joined by one space: whitespace runs collapsed, and none left at either end.
    static func collapsed(_ text: String) -> String {
        var words: [String] = []
        splitWords(text) { token in
            if case .word(let word) = token { words.append(word) }
        }
        return words.joined(separator: " ")
    }

    /// Cuts text into words and whitespace runs; NBSP and U+3000 are not whitespace.
    static func splitWords(_ text: String, _ emit: (InlineToken) -> Void) {
        if canSplitByBytes(text) {
            splitWords(byBytes: text, emit)
        } else {
            splitWords(byCharacters: text, emit)
        }
    }

    /// One pass over a block's tokens: each piece of content goes to the output after the gap before it.
    struct Collapsing {
        let whitespace: InlineWhitespace
        var output: [InlineToken] = []
        var leadingComments: [String] = []
        /// The tokens since the last content are `loneSpace` (when set) followed by `gap`. The common gap, one
        /// space between words, is held in `loneSpace` alone, and `gap` is empty then: a block whose gaps are
        /// all single spaces never fills a buffer.
        var loneSpace: Bool?
        /// The tokens since the last content but a lone space; one buffer, emptied after each piece of content.
        var gap: [InlineToken] = []
        var previousContent: InlineToken?

        init(whitespace: InlineWhitespace, capacity: Int) {
            self.whitespace = whitespace
            output.reserveCapacity(capacity)
        }

        mutating func add(_ token: InlineToken) {
            guard token.isContent else {
                if case .space(let newline) = token, loneSpace == nil, gap.isEmpty {
                    loneSpace = newline
                    return
                }
                moveLoneSpaceIntoGap()
                gap.append(token)
                return
            }
            // An empty gap (content next to content) resolves to nothing; the common gap, one space between
            // words, to the separator alone.
            if let newline = loneSpace {
                if let space = whitespace.spaceSeparator(newline: newline, after: previousContent, before: token) {
                    output.append(space)
                }
                loneSpace = nil
            } else if !gap.isEmpty {
                let comments = whitespace.resolve(gap, after: previousContent, before: token, into: &output)
                if previousContent == nil { leadingComments = comments }
                gap.removeAll(keepingCapacity: true)
            }
            output.append(token)
            previousContent = token
        }

        /// Puts the lone space at the front of `gap`, where the tokens after it go.
        private mutating func moveLoneSpaceIntoGap() {
            guard let newline = loneSpace else { return }
            gap.append(.space(newline: newline))
            loneSpace = nil
        }

        mutating func finish() -> Result {
            moveLoneSpaceIntoGap()
            let comments = whitespace.resolve(gap, after: previousContent, before: nil, into: &output)
            if previousContent == nil { leadingComments = comments }
            return Result(leadingComments: leadingComments, tokens: output)
        }
    }

    /// True when every scalar of `text` is a character of its own, or `\r` (see `splitWords(byBytes:into:)`).
    static func canSplitByBytes(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { UTF8Scalar.allStandAlone($0, allowingCarriageReturn: true) }
            ?? text.unicodeScalars.allSatisfy({ $0.alwaysStandsAlone || $0 == "\r" })
    }

    /// Cuts text into words and whitespace runs (a run remembers whether it held a line break), one character
    /// at a time: whitespace is HTML's, so NBSP, U+3000 and a space that carries a combining mark are not.
    static func splitWords(byCharacters text: String, into result: inout [InlineToken]) {
        splitWords(byCharacters: text) { result.append($0) }
    }

    private static func splitWords(byCharacters text: String, _ emit: (InlineToken) -> Void) {
        var word = ""
        var spaceHasNewline: Bool?
        for character in text {
            if character.isHTMLWhitespace {
                if !word.isEmpty { emit(.word(word)) }
                word = ""
                let newline = character == "\n" || character == "\r" || character == "\r\n"
                spaceHasNewline = (spaceHasNewline ?? false) || newline
            } else {
                if let newline = spaceHasNewline { emit(.space(newline: newline)) }
                spaceHasNewline = nil
                word.append(character)
            }
        }
        if !word.isEmpty { emit(.word(word)) }
        if let newline = spaceHasNewline { emit(.space(newline: newline)) }
    }

    /// `splitWords(byCharacters:)` for text whose every scalar is a character of its own (and `\r`, which is
    /// HTML whitespace alone and in `\r\n`): the whitespace is ASCII, so words are cut where the bytes are.
    static func splitWords(byBytes text: String, into result: inout [InlineToken]) {
        splitWords(byBytes: text) { result.append($0) }
    }

    private static func splitWords(byBytes text: String, _ emit: (InlineToken) -> Void) {
        let utf8 = text.utf8
        // The cuts are at ASCII whitespace, so each word is whole UTF-8: it is copied out of `text`, which
        // `String(decoding:as:)` would have validated again. A text that is one word (Chinese text often is)
        // is that word, and shares its storage.
        func word(_ offsets: Range<Int>) -> String {
            if offsets.lowerBound == 0, offsets.upperBound == utf8.count { return text }
            let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
            return String(Substring(utf8[start..<utf8.index(start, offsetBy: offsets.count)]))
        }
        let split: Void? = utf8.withContiguousStorageIfAvailable { bytes in splitWords(bytes: bytes, word: word, emit) }
        if split == nil { splitWords(bytes: Array(utf8), word: word, emit) }
    }

    /// Cuts `bytes`, the UTF-8 of a text, into words (made by `word` from their offsets) and whitespace runs.
    private static func splitWords<Bytes: RandomAccessCollection<UInt8>>(
        bytes: Bytes, word: (Range<Int>) -> String, _ emit: (InlineToken) -> Void
    ) where Bytes.Index == Int {
        func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        var index = bytes.startIndex
        var spaceHasNewline: Bool?
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isWhitespace(byte) {
                spaceHasNewline = (spaceHasNewline ?? false) || byte == 0x0A || byte == 0x0D
                bytes.formIndex(after: &index)
                continue
            }
            if let newline = spaceHasNewline { emit(.space(newline: newline)) }
            spaceHasNewline = nil
            let start = index
            while index < bytes.endIndex, !isWhitespace(bytes[index]) { bytes.formIndex(after: &index) }
            emit(.word(word((start - bytes.startIndex)..<(index - bytes.startIndex))))
        }
        if let newline = spaceHasNewline { emit(.space(newline: newline)) }
    }

    /// Appends the tokens between two pieces of content to `output`: closing marks, comments, one separator,
    /// opening marks. Returns the gap's comments.
    fileprivate func resolve(
        _ gap: [InlineToken], after previous: InlineToken?, before next: InlineToken?,
        into output: inout [InlineToken]
    ) -> [String] {
        var pending: [InlineToken] = []
        var comments: [String] = []
        var breaks = 0
        var hasParagraphBreak = false
        var hasSpace = false
        var hasNewline = false
        for token in gap {
            switch token {
            case .open:
                pending.append(token)
            case .close(let identifier):
                if case .open(let opened, _) = pending.last, opened == identifier {
                    pending.removeLast()
                } else {
                    pending.append(token)
                }
            case .comment(let text): comments.append(text)
            case .lineBreak: breaks += 1
            case .paragraphBreak: hasParagraphBreak = true
            case .space(let newline):
                hasSpace = true
                hasNewline = hasNewline || newline
            default: break
            }
        }
        var separator: InlineToken?
        if previous != nil, next != nil {
            if hasParagraphBreak || breaks >= 2 {
                separator = paragraphSeparator
            } else if breaks == 1 {
                separator = mode == .heading ? .space(newline: false) : .lineBreak
            } else if hasSpace {
                separator = spaceSeparator(newline: hasNewline, after: previous, before: next)
            }
        }
        for token in pending {
            if case .close = token { output.append(token) }
        }
        if previous != nil {
            for comment in comments { output.append(.comment(comment)) }
        }
        if let separator { output.append(separator) }
        for token in pending {
            if case .open = token { output.append(token) }
        }
        return comments
    }

    /// The separator for a gap of spaces alone: one space between two pieces of content, unless a line break
    /// in the gap falls between two CJK characters.
    fileprivate func spaceSeparator(newline: Bool, after previous: InlineToken?, before next: InlineToken?)
        -> InlineToken?
    {
        guard previous != nil, next != nil, !(newline && joinsCJK(previous, next)) else { return nil }
        return .space(newline: newline)
    }

    private var paragraphSeparator: InlineToken {
        switch mode {
        case .paragraph: .paragraphBreak
        case .heading: .space(newline: false)
        case .tableCell: .lineBreak
        }
    }

    private func joinsCJK(_ previous: InlineToken?, _ next: InlineToken?) -> Bool {
        guard case .word(let before)? = previous, case .word(let after)? = next,
            let last = before.unicodeScalars.last, let first = after.unicodeScalars.first
        else { return false }
        return CJKWhitespace.removesSegmentBreak(between: last, and: first)
    }
}
