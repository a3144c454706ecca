/// HTML whitespace processing for one block's inline tokens.
///
/// Whitespace runs collapse to one space across element boundaries; the space moves outside emphasis and
/// links (`<b> x</b>` → ` **x**`); consecutive line breaks collapse to one; whitespace and breaks at the
/// start and end of the block go; a run holding a newline between two CJK characters goes (CSS Text 3).
/// Empty marks are removed, and adjacent equal marks are merged (`<b>a</b><b>b</b>` → `**ab**`).
struct InlineWhitespace {
    /// In headings a line break becomes a space.
    var breaksBecomeSpaces: Bool

    struct Result {
        /// Comments before any content, which the caller may write as blocks of their own.
        var leadingComments: [String]
        var tokens: [InlineToken]
    }

    func process(_ input: [InlineToken]) -> Result {
        let split = splitWords(input)
        var marks: [Int: InlineMark] = [:]
        for case .open(let identifier, let mark) in input { marks[identifier] = mark }
        var output: [InlineToken] = []
        var leadingComments: [String] = []
        var gap: [InlineToken] = []
        var previousContent: InlineToken?
        var renamed: [Int: Int] = [:]
        for token in split {
            switch token {
            case .open(let identifier, let mark):
                gap.append(.open(renamed[identifier] ?? identifier, mark))
            case .close(let identifier):
                gap.append(.close(renamed[identifier] ?? identifier))
            case _ where token.isContent:
                let resolved = resolve(gap, after: previousContent, before: token, marks: marks, renamed: &renamed)
                if previousContent == nil { leadingComments = resolved.comments }
                output += resolved.tokens
                output.append(token)
                previousContent = token
                gap = []
            default:
                gap.append(token)
            }
        }
        let resolved = resolve(gap, after: previousContent, before: nil, marks: marks, renamed: &renamed)
        if previousContent == nil { leadingComments = resolved.comments }
        output += resolved.tokens
        return Result(leadingComments: leadingComments, tokens: mergingWords(output))
    }

    /// Splits text into words and whitespace runs; NBSP and U+3000 are not whitespace.
    private func splitWords(_ tokens: [InlineToken]) -> [InlineToken] {
        var result: [InlineToken] = []
        for token in tokens {
            guard case .text(let text) = token else {
                result.append(token)
                continue
            }
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
        return result
    }

    private struct Gap {
        var tokens: [InlineToken]
        var comments: [String]
    }

    /// The tokens between two pieces of content: closing marks, comments, one separator, opening marks.
    private func resolve(
        _ gap: [InlineToken], after previous: InlineToken?, before next: InlineToken?,
        marks openedMarks: [Int: InlineMark], renamed: inout [Int: Int]
    ) -> Gap {
        var pending: [InlineToken] = []
        var comments: [String] = []
        var hasBreak = false
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
            case .lineBreak: hasBreak = true
            case .space(let newline):
                hasSpace = true
                hasNewline = hasNewline || newline
            default: break
            }
        }
        var closes = pending.filter { if case .close = $0 { true } else { false } }
        var opens = pending.filter { if case .open = $0 { true } else { false } }
        var separator: InlineToken?
        if previous != nil, next != nil {
            if hasBreak {
                separator = breaksBecomeSpaces ? .space(newline: false) : .lineBreak
            } else if hasSpace, !(hasNewline && joinsCJK(previous, next)) {
                separator = .space(newline: hasNewline)
            }
        }
        if separator == nil, comments.isEmpty {
            mergeAdjacentMarks(closes: &closes, opens: &opens, marks: openedMarks, renamed: &renamed)
        }
        var tokens = closes
        if previous != nil { tokens += comments.map { .comment($0) } }
        if let separator { tokens.append(separator) }
        tokens += opens
        return Gap(tokens: tokens, comments: comments)
    }

    /// `</b><b>` with nothing between: the second mark continues the first.
    private func mergeAdjacentMarks(
        closes: inout [InlineToken], opens: inout [InlineToken], marks: [Int: InlineMark], renamed: inout [Int: Int]
    ) {
        while case .close(let closed)? = closes.last, case .open(let opened, let mark)? = opens.first,
            mark == marks[closed]
        {
            renamed[opened] = closed
            closes.removeLast()
            opens.removeFirst()
        }
    }

    private func joinsCJK(_ previous: InlineToken?, _ next: InlineToken?) -> Bool {
        guard case .word(let before)? = previous, case .word(let after)? = next,
            let last = before.unicodeScalars.last, let first = after.unicodeScalars.first
        else { return false }
        return CJKWhitespace.removesSegmentBreak(between: last, and: first)
    }

    /// Joins adjacent words, and adjacent code spans, whose backtick fences would otherwise run together.
    private func mergingWords(_ tokens: [InlineToken]) -> [InlineToken] {
        var result: [InlineToken] = []
        for token in tokens {
            switch (result.last, token) {
            case (.word(let previous)?, .word(let word)):
                result[result.count - 1] = .word(previous + word)
            case (.atom(.code(let previous))?, .atom(.code(let code))):
                result[result.count - 1] = .atom(.code(previous + code))
            default:
                result.append(token)
            }
        }
        return result
    }
}
