/// Inline Markdown before emphasis is resolved: literal text and `*`/`**` delimiters whose form
/// (Markdown or raw HTML) depends on the characters finally written around them.
enum InlinePiece {
    case literal(String)
    case delimiter(pair: Int, strong: Bool, opening: Bool)
}

/// Chooses, for each emphasis pair, between `*`/`**` and `<em>`/`<strong>`.
///
/// A pair stays Markdown when its opening run is left-flanking and its closing run right-flanking given the
/// characters actually written next to them; otherwise it falls back to raw HTML. Spaces are never inserted
/// to make emphasis work. A run that would close one pair and open another (`**a***b*`) is ambiguous, so the
/// pairs it opens fall back too. Falling back only puts `<` and `>` next to other runs, so a few rounds settle.
enum EmphasisResolver {
    static func resolve(_ pieces: [InlinePiece]) -> String {
        var htmlPairs: Set<Int> = []
        while true {
            let invalid = invalidPairs(pieces, htmlPairs: htmlPairs)
            if invalid.isEmpty { break }
            htmlPairs.formUnion(invalid)
        }
        var result = ""
        for item in items(pieces, htmlPairs: htmlPairs) {
            switch item {
            case .text(let text): result += text
            case .run(let delimiters): result += delimiters.map { $0.strong ? "**" : "*" }.joined()
            }
        }
        return result
    }

    private struct Delimiter {
        var pair: Int
        var strong: Bool
        var opening: Bool
    }

    private enum Item {
        case text(String)
        case run([Delimiter])
    }

    /// The written form: text (including HTML fallbacks) and maximal runs of Markdown delimiters.
    private static func items(_ pieces: [InlinePiece], htmlPairs: Set<Int>) -> [Item] {
        var items: [Item] = []
        func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = items.last {
                items[items.count - 1] = .text(previous + text)
            } else {
                items.append(.text(text))
            }
        }
        for piece in pieces {
            switch piece {
            case .literal(let text):
                appendText(text)
            case .delimiter(let pair, let strong, let opening) where htmlPairs.contains(pair):
                let name = strong ? "strong" : "em"
                appendText(opening ? "<\(name)>" : "</\(name)>")
            case .delimiter(let pair, let strong, let opening):
                let delimiter = Delimiter(pair: pair, strong: strong, opening: opening)
                if case .run(let run)? = items.last {
                    items[items.count - 1] = .run(run + [delimiter])
                } else {
                    items.append(.run([delimiter]))
                }
            }
        }
        return items
    }

    private static func invalidPairs(_ pieces: [InlinePiece], htmlPairs: Set<Int>) -> Set<Int> {
        let items = items(pieces, htmlPairs: htmlPairs)
        var invalid: Set<Int> = []
        for (index, item) in items.enumerated() {
            guard case .run(let run) = item else { continue }
            var before: Unicode.Scalar?
            var after: Unicode.Scalar?
            if index > 0, case .text(let text) = items[index - 1] { before = text.unicodeScalars.last }
            if index + 1 < items.count, case .text(let text) = items[index + 1] { after = text.unicodeScalars.first }
            let closesSomething = run.contains { !$0.opening }
            for delimiter in run {
                let valid = delimiter.opening
                    ? !closesSomething && EmphasisFlanking.canOpen(before: before, after: after)
                    : EmphasisFlanking.canClose(before: before, after: after)
                if !valid { invalid.insert(delimiter.pair) }
            }
        }
        return invalid
    }
}
