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

    func process(_ input: [InlineToken]) -> Result {
        let split = splitWords(input)
        var output: [InlineToken] = []
        var leadingComments: [String] = []
        var gap: [InlineToken] = []
        var previousContent: InlineToken?
        for token in split {
            guard token.isContent else {
                gap.append(token)
                continue
            }
            let resolved = resolve(gap, after: previousContent, before: token)
            if previousContent == nil { leadingComments = resolved.comments }
            output += resolved.tokens
            output.append(token)
            previousContent = token
            gap = []
        }
        let resolved = resolve(gap, after: previousContent, before: nil)
        if previousContent == nil { leadingComments = resolved.comments }
        output += resolved.tokens
        return Result(leadingComments: leadingComments, tokens: output)
    }

    /// Splits text into words and whitespace runs; NBSP and U+3000 are not whitespace.
    private func splitWords(_ tokens: [InlineToken]) -> [InlineToken] {
        var result: [InlineToken] = []
        for token in tokens {
            guard case .text(let text) = token else {
                result.append(token)
                continue
            }
            if text.unicodeScalars.allSatisfy({ $0.alwaysStandsAlone || $0 == "\r" }) {
                InlineWhitespace.splitWords(byBytes: text, into: &result)
            } else {
                InlineWhitespace.splitWords(byCharacters: text, into: &result)
            }
        }
        return result
    }

    /// Cuts text into words and whitespace runs (a run remembers whether it held a line break), one character
    /// at a time: whitespace is HTML's, so NBSP, U+3000 and a space that carries a combining mark are not.
    static func splitWords(byCharacters text: String, into result: inout [InlineToken]) {
        var word = ""
        var spaceHasNewline: Bool?
        for character in text {
            if character.isHTMLWhitespace {
                if !word.isEmpty { result.append(.word(word)) }
                word = ""
                let newline = character == "\n" || character == "\r" || character == "\r\n"
                spaceHasNewline = (spaceHasNewline ?? false) || newline
            } else {
                if let newline = spaceHasNewline { result.append(.space(newline: newline)) }
                spaceHasNewline = nil
                word.append(character)
            }
        }
        if !word.isEmpty { result.append(.word(word)) }
        if let newline = spaceHasNewline { result.append(.space(newline: newline)) }
    }

    /// `splitWords(byCharacters:)` for text whose every scalar is a character of its own (and `\r`, which is
    /// HTML whitespace alone and in `\r\n`): the whitespace is ASCII, so words are cut where the bytes are.
    static func splitWords(byBytes text: String, into result: inout [InlineToken]) {
        let utf8 = text.utf8
        let isWhitespace = { (byte: UInt8) in
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        var index = utf8.startIndex
        var spaceHasNewline: Bool?
        while index < utf8.endIndex {
            if isWhitespace(utf8[index]) {
                spaceHasNewline = (spaceHasNewline ?? false) || utf8[index] == 0x0A || utf8[index] == 0x0D
                index = utf8.index(after: index)
                continue
            }
            if let newline = spaceHasNewline { result.append(.space(newline: newline)) }
            spaceHasNewline = nil
            let start = index
            while index < utf8.endIndex, !isWhitespace(utf8[index]) { index = utf8.index(after: index) }
            result.append(.word(String(text[start..<index])))
        }
        if let newline = spaceHasNewline { result.append(.space(newline: newline)) }
    }

    private struct Gap {
        var tokens: [InlineToken]
        var comments: [String]
    }

    /// The tokens between two pieces of content: closing marks, comments, one separator, opening marks.
    private func resolve(_ gap: [InlineToken], after previous: InlineToken?, before next: InlineToken?) -> Gap {
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
        let closes = pending.filter { if case .close = $0 { true } else { false } }
        let opens = pending.filter { if case .open = $0 { true } else { false } }
        var separator: InlineToken?
        if previous != nil, next != nil {
            if hasParagraphBreak || breaks >= 2 {
                separator = paragraphSeparator
            } else if breaks == 1 {
                separator = mode == .heading ? .space(newline: false) : .lineBreak
            } else if hasSpace, !(hasNewline && joinsCJK(previous, next)) {
                separator = .space(newline: hasNewline)
            }
        }
        var tokens = closes
        if previous != nil { tokens += comments.map { .comment($0) } }
        if let separator { tokens.append(separator) }
        tokens += opens
        return Gap(tokens: tokens, comments: comments)
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
