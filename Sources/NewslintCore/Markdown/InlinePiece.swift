/// Inline Markdown before emphasis is resolved: literal text, link brackets (which scope emphasis), and
/// `*`/`**` delimiters whose form (Markdown or raw HTML) depends on the characters finally written around them.
enum InlinePiece {
    case literal(String)
    case delimiter(pair: Int, strong: Bool, opening: Bool)
    /// The `[` of a link: emphasis inside the link text is matched on its own.
    case linkStart
    /// The `](destination)` of a link.
    case linkEnd(String)

    var isDelimiter: Bool {
        if case .delimiter = self { true } else { false }
    }
}

/// Chooses, for each emphasis pair, between `*`/`**` and `<em>`/`<strong>`.
///
/// A pair stays Markdown only when a CommonMark parser reading the written text would pair exactly these
/// delimiters (see `EmphasisSimulation`); otherwise it falls back to raw HTML. Spaces are never inserted to
/// make emphasis work. A fallback only puts `<` and `>` next to other runs, so a few rounds settle.
///
/// A simulation round blames only the first wrong match, so a paragraph with many pairs that need HTML took
/// a round per pair over the whole paragraph. The rounds run per segment instead: the paragraph is cut at
/// text outside every pair and link, where a parser that matched everything before as intended has no
/// delimiter left to pair across. A last round over the whole paragraph confirms the choice.
enum EmphasisResolver {
    static func resolve(_ pieces: [InlinePiece]) -> String {
        // Without emphasis there is nothing to pair: the pieces are written as they are, without the simulation.
        guard pieces.contains(where: \.isDelimiter) else { return written(items(pieces[...], htmlPairs: [])) }
        var htmlPairs: Set<Int> = []
        for segment in segments(pieces) where segment.count < pieces.count {
            settle(pieces[segment], htmlPairs: &htmlPairs)
        }
        return written(settle(pieces[...], htmlPairs: &htmlPairs))
    }

    private static func written(_ items: [EmphasisSimulation.Item]) -> String {
        var result = ""
        for item in items {
            switch item {
            case .text(let text): result += text
            case .run(let delimiters): for delimiter in delimiters { result += delimiter.strong ? "**" : "*" }
            case .scopeStart, .scopeEnd: break
            }
        }
        return result
    }

    /// Adds pairs to `htmlPairs` until every pair left in Markdown is matched as intended; returns the items.
    @discardableResult
    private static func settle(_ pieces: ArraySlice<InlinePiece>, htmlPairs: inout Set<Int>)
        -> [EmphasisSimulation.Item] {
        while true {
            let items = items(pieces, htmlPairs: htmlPairs)
            let failed = EmphasisSimulation.mismatchedPairs(items)
            if failed.isEmpty { return items }
            htmlPairs.formUnion(failed)
        }
    }

    /// Ranges of pieces that settle on their own: each ends at a literal outside every pair and link scope,
    /// which the next one starts with, so both see the characters around their outer delimiters.
    private static func segments(_ pieces: [InlinePiece]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        var depth = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .delimiter(_, _, let opening): depth += opening ? 1 : -1
            case .linkStart: depth += 1
            case .linkEnd: depth -= 1
            case .literal(let text):
                guard depth == 0, index > start,
                      text.unicodeScalars.contains(where: { !TemplateProtection.isVerbatimMark($0) }) else { continue }
                segments.append(start..<(index + 1))
                start = index
            }
        }
        segments.append(start..<pieces.count)
        return segments
    }

    /// The written form: text (including HTML fallbacks), maximal runs of Markdown delimiters, link scopes.
    ///
    /// Adjacent texts and delimiters are gathered before they become one item, so the cost is linear in the
    /// paragraph: joining each piece onto the item so far copied the whole text again every time (a 1.8 MB
    /// paragraph took 15 s).
    private static func items(_ pieces: ArraySlice<InlinePiece>, htmlPairs: Set<Int>) -> [EmphasisSimulation.Item] {
        var items: [EmphasisSimulation.Item] = []
        var text = ""
        var run: [EmphasisSimulation.Delimiter] = []
        func flush() {
            if !text.isEmpty {
                items.append(.text(text))
                text = ""
            }
            if !run.isEmpty {
                items.append(.run(run))
                run = []
            }
        }
        func appendText(_ piece: String) {
            guard !piece.isEmpty else { return }
            if !run.isEmpty { flush() }
            text += piece
        }
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                appendText(literal)
            case .linkStart:
                flush()
                items.append(.scopeStart)
                appendText("[")
            case .linkEnd(let literal):
                flush()
                items.append(.scopeEnd)
                appendText(literal)
            case .delimiter(let pair, let strong, let opening) where htmlPairs.contains(pair):
                let name = strong ? "strong" : "em"
                appendText(opening ? "<\(name)>" : "</\(name)>")
            case .delimiter(let pair, let strong, let opening):
                if !text.isEmpty { flush() }
                run.append(EmphasisSimulation.Delimiter(pair: pair, strong: strong, opening: opening))
            }
        }
        flush()
        return items
    }
}
