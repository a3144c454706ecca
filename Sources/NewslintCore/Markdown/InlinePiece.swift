/// Inline Markdown before emphasis is resolved: literal text, link brackets (which scope emphasis), and
/// `*`/`**` delimiters whose form (Markdown or raw HTML) depends on the characters finally written around them.
enum InlinePiece {
    case literal(String)
    case delimiter(pair: Int, strong: Bool, opening: Bool)
    /// The `[` of a link: emphasis inside the link text is matched on its own.
    case linkStart
    /// The `](destination)` of a link.
    case linkEnd(String)
}

/// Chooses, for each emphasis pair, between `*`/`**` and `<em>`/`<strong>`.
///
/// A pair stays Markdown only when a CommonMark parser reading the written text would pair exactly these
/// delimiters (see `EmphasisSimulation`); otherwise it falls back to raw HTML. Spaces are never inserted to
/// make emphasis work. A fallback only puts `<` and `>` next to other runs, so a few rounds settle.
enum EmphasisResolver {
    static func resolve(_ pieces: [InlinePiece]) -> String {
        var htmlPairs: Set<Int> = []
        while true {
            let items = items(pieces, htmlPairs: htmlPairs)
            let failed = EmphasisSimulation.mismatchedPairs(items)
            if failed.isEmpty {
                return items.map { item in
                    switch item {
                    case .text(let text): text
                    case .run(let delimiters): delimiters.map { $0.strong ? "**" : "*" }.joined()
                    case .scopeStart, .scopeEnd: ""
                    }
                }.joined()
            }
            htmlPairs.formUnion(failed)
        }
    }

    /// The written form: text (including HTML fallbacks), maximal runs of Markdown delimiters, link scopes.
    private static func items(_ pieces: [InlinePiece], htmlPairs: Set<Int>) -> [EmphasisSimulation.Item] {
        var items: [EmphasisSimulation.Item] = []
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
            case .linkStart:
                items.append(.scopeStart)
                appendText("[")
            case .linkEnd(let text):
                items.append(.scopeEnd)
                appendText(text)
            case .delimiter(let pair, let strong, let opening) where htmlPairs.contains(pair):
                let name = strong ? "strong" : "em"
                appendText(opening ? "<\(name)>" : "</\(name)>")
            case .delimiter(let pair, let strong, let opening):
                let delimiter = EmphasisSimulation.Delimiter(pair: pair, strong: strong, opening: opening)
                if case .run(let run)? = items.last {
                    items[items.count - 1] = .run(run + [delimiter])
                } else {
                    items.append(.run([delimiter]))
                }
            }
        }
        return items
    }
}
