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

/// Where `InlineRenderer` puts a paragraph's pieces as it makes them.
protocol InlinePieceSink {
    mutating func append(_ piece: InlinePiece)
}

extension Array: InlinePieceSink where Element == InlinePiece {}

/// The text of pieces without delimiters, joined as they come: what `EmphasisResolver.resolve` writes for
/// them, without an array of pieces.
struct PlainInlineText: InlinePieceSink {
    private(set) var text = ""

    init(capacity: Int) {
        if capacity > 0 { text.reserveCapacity(capacity) }
    }

    /// Room for the text of `tokens`: their words' bytes and a byte for each other token. None for a single
    /// token, whose text is then the word's own (shared, not copied). Only a capacity: the text is the same
    /// with any.
    static func capacity(for tokens: [InlineToken]) -> Int {
        guard tokens.count > 1 else { return 0 }
        var capacity = tokens.count
        for case .word(let word) in tokens { capacity += word.utf8.count }
        return capacity
    }

    mutating func append(_ piece: InlinePiece) {
        switch piece {
        case .literal(let literal), .linkEnd(let literal): text += literal
        case .linkStart: text += "["
        case .delimiter: preconditionFailure("a paragraph with emphasis is written by EmphasisResolver")
        }
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
        guard pieces.contains(where: \.isDelimiter) else { return written(pieces, htmlPairs: []) }
        var htmlPairs: Set<Int> = []
        for segment in segments(pieces) where segment.count < pieces.count {
            settle(pieces[segment], htmlPairs: &htmlPairs)
        }
        settle(pieces[...], htmlPairs: &htmlPairs)
        return written(pieces, htmlPairs: htmlPairs)
    }

    /// The text of `pieces`, with the pairs in `htmlPairs` written as HTML.
    ///
    /// The pieces' texts are appended one after the other into one string reserved for them all: the same
    /// characters `map(text(of:)).joined()` gave, without the array of strings between.
    private static func written(_ pieces: [InlinePiece], htmlPairs: Set<Int>) -> String {
        var length = 0
        for piece in pieces { length += text(of: piece, htmlPairs: htmlPairs).utf8.count }
        var result = ""
        result.reserveCapacity(length)
        for piece in pieces { result += text(of: piece, htmlPairs: htmlPairs) }
        return result
    }

    private static func text(of piece: InlinePiece, htmlPairs: Set<Int>) -> String {
        switch piece {
        case .literal(let literal), .linkEnd(let literal): literal
        case .linkStart: "["
        case .delimiter(let pair, let strong, let opening) where htmlPairs.contains(pair):
            switch (strong, opening) {
            case (true, true): "<strong>"
            case (true, false): "</strong>"
            case (false, true): "<em>"
            case (false, false): "</em>"
            }
        case .delimiter(_, let strong, _): strong ? "**" : "*"
        }
    }

    /// Adds pairs to `htmlPairs` until every pair left in Markdown is matched as intended.
    private static func settle(_ pieces: ArraySlice<InlinePiece>, htmlPairs: inout Set<Int>) {
        // Most segments are text between pairs: without a delimiter left in Markdown their items hold no run,
        // and the simulation finds nothing to pair, so the items are not made.
        guard pieces.contains(where: { piece in
            if case .delimiter(let pair, _, _) = piece { !htmlPairs.contains(pair) } else { false }
        }) else { return }
        while true {
            let failed = EmphasisSimulation.mismatchedPairs(items(pieces, htmlPairs: htmlPairs))
            if failed.isEmpty { return }
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
                      EmphasisSimulation.TextEdges(text).first != nil else { continue }
                segments.append(start..<(index + 1))
                start = index
            }
        }
        segments.append(start..<pieces.count)
        return segments
    }

    /// What the simulation reads of the written form: texts (including HTML fallbacks) by their edges,
    /// maximal runs of Markdown delimiters, link scopes.
    static func items(_ pieces: ArraySlice<InlinePiece>, htmlPairs: Set<Int>) -> [EmphasisSimulation.Item] {
        var items: [EmphasisSimulation.Item] = []
        var textEdges: EmphasisSimulation.TextEdges?
        var run: [EmphasisSimulation.Delimiter] = []
        func flush() {
            if let edges = textEdges {
                items.append(.text(edges))
                textEdges = nil
            }
            if !run.isEmpty {
                items.append(.run(run))
                run = []
            }
        }
        func appendText(_ piece: String) {
            guard !piece.isEmpty else { return }
            if !run.isEmpty { flush() }
            let edges = EmphasisSimulation.TextEdges(piece)
            if textEdges == nil { textEdges = edges } else { textEdges!.append(edges) }
        }
        for piece in pieces {
            switch piece {
            case .linkStart:
                flush()
                items.append(.scopeStart)
            case .linkEnd:
                flush()
                items.append(.scopeEnd)
            case .delimiter(let pair, let strong, let opening) where !htmlPairs.contains(pair):
                if textEdges != nil { flush() }
                run.append(EmphasisSimulation.Delimiter(pair: pair, strong: strong, opening: opening))
                continue
            default:
                break
            }
            appendText(text(of: piece, htmlPairs: htmlPairs))
        }
        flush()
        return items
    }
}
