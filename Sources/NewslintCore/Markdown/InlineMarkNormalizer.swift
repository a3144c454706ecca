/// Puts marks in the shape a CommonMark renderer gives back, so a round trip converts to the same Markdown.
///
/// - Adjacent equal marks merge: `<b>a</b><b>b</b>` → `**ab**`, which also keeps `*a**b*` from being written.
/// - Strong and emphasis around the same content nest as emphasis outside, strong inside: renderers read
///   `***x***` as `<em><strong>x</strong></em>`.
/// - Adjacent words join, and so do adjacent code spans, whose backtick fences would otherwise run together.
enum InlineMarkNormalizer {
    static func normalized(_ input: [InlineToken]) -> [InlineToken] {
        var tokens = input
        var changed = true
        while changed {
            changed = mergeAdjacentMarks(&tokens)
            changed = nestEmphasisOutside(&tokens) || changed
        }
        return joiningContent(tokens)
    }

    private static func marks(in tokens: [InlineToken]) -> [Int: InlineMark] {
        var marks: [Int: InlineMark] = [:]
        for case .open(let identifier, let mark) in tokens { marks[identifier] = mark }
        return marks
    }

    /// `close(a) open(b)` with equal marks: b continues a.
    private static func mergeAdjacentMarks(_ tokens: inout [InlineToken]) -> Bool {
        // Gathered when a close first meets an open, before any change: most blocks have no such pair.
        var marks: [Int: InlineMark]?
        var index = 0
        var changed = false
        while index + 1 < tokens.count {
            guard case .close(let closed) = tokens[index], case .open(let opened, let mark) = tokens[index + 1] else {
                index += 1
                continue
            }
            if marks == nil { marks = Self.marks(in: tokens) }
            guard marks?[closed] == mark else {
                index += 1
                continue
            }
            tokens.removeSubrange(index...(index + 1))
            if let end = tokens.firstIndex(where: { if case .close(opened) = $0 { true } else { false } }) {
                tokens[end] = .close(closed)
            }
            changed = true
            index = max(index - 1, 0)
        }
        return changed
    }

    /// `open(strong) open(em) … close(em) close(strong)` becomes `open(em) open(strong) … close(strong) close(em)`.
    private static func nestEmphasisOutside(_ tokens: inout [InlineToken]) -> Bool {
        var changed = false
        for index in tokens.indices.dropLast() {
            guard case .open(let outer, .strong) = tokens[index], case .open(let inner, .emphasis) = tokens[index + 1],
                let innerEnd = tokens.firstIndex(where: { if case .close(inner) = $0 { true } else { false } }),
                innerEnd + 1 < tokens.count, case .close(outer) = tokens[innerEnd + 1]
            else { continue }
            tokens.swapAt(index, index + 1)
            tokens.swapAt(innerEnd, innerEnd + 1)
            changed = true
        }
        return changed
    }

    private static func joiningContent(_ tokens: [InlineToken]) -> [InlineToken] {
        guard hasContentToJoin(tokens) else { return tokens }
        var result: [InlineToken] = []
        result.reserveCapacity(tokens.count)
        // What `result.last` is, kept aside so that most tokens are appended without reading it.
        var lastIsWord = false
        var lastIsCode = false
        for token in tokens {
            switch token {
            case .word(let word) where lastIsWord:
                guard case .word(var joined) = result.removeLast() else { preconditionFailure() }
                joined += word
                result.append(.word(joined))
            case .atom(.code(let code)) where lastIsCode:
                guard case .atom(.code(var joined)) = result.removeLast() else { preconditionFailure() }
                joined += code
                result.append(.atom(.code(joined)))
            default:
                result.append(token)
            }
            lastIsWord = if case .word = token { true } else { false }
            lastIsCode = if case .atom(.code) = token { true } else { false }
        }
        return result
    }

    /// True when two words or two code spans follow each other; most blocks have none, and keep their tokens.
    private static func hasContentToJoin(_ tokens: [InlineToken]) -> Bool {
        for index in tokens.indices.dropFirst() {
            switch (tokens[index - 1], tokens[index]) {
            case (.word, .word), (.atom(.code), .atom(.code)): return true
            default: continue
            }
        }
        return false
    }
}
