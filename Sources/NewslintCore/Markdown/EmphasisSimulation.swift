/// Runs CommonMark's "process emphasis" algorithm (spec 0.31, appendix) over the delimiter runs the writer
/// is about to emit, and reports the pairs a parser would not match as intended.
///
/// It runs four times: with punctuation as spec 0.31 defines it and as earlier specs did, and with the
/// `openers_bottom` shortcut as spec 0.31 describes it and as cmark-gfm 0.29 implements it (keyed without
/// "can open", which skips some openers). A pair survives only if every variant pairs it as intended.
enum EmphasisSimulation {
    struct Delimiter {
        var pair: Int
        var strong: Bool
        var opening: Bool
    }

    enum Item {
        /// Text between runs, known by what flanking reads of it.
        case text(TextEdges)
        case run([Delimiter])
        /// Link brackets: emphasis inside a link text is processed when the link closes, apart from the rest.
        case scopeStart
        case scopeEnd
    }

    /// The first and last written scalars of a text, nil when it has none: the marks around verbatim code are
    /// not written, so the code's own characters are a run's neighbours.
    struct TextEdges {
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?

        init(_ text: String) {
            // A byte below 0x80 is a whole ASCII scalar, never a mark: most texts are decided by a byte.
            if let byte = text.utf8.first, byte < 0x80 {
                first = Unicode.Scalar(byte)
            } else {
                first = text.unicodeScalars.first(where: Self.isWritten)
            }
            if let byte = text.utf8.last, byte < 0x80 {
                last = Unicode.Scalar(byte)
            } else {
                last = text.unicodeScalars.last(where: Self.isWritten)
            }
        }

        /// The edges of this text followed by `next`.
        mutating func append(_ next: TextEdges) {
            first = first ?? next.first
            last = next.last ?? last
        }

        private static func isWritten(_ scalar: Unicode.Scalar) -> Bool {
            !TemplateProtection.isVerbatimMark(scalar)
        }
    }

    /// One `*` character of a run: which pair it belongs to, and on which side.
    struct Mark: Equatable {
        var pair: Int
        var opening: Bool
    }

    struct Run: Equatable {
        var marks: [Mark]
        var canOpen: Bool
        var canClose: Bool
        /// Characters not yet used, taken from the end of an opener and the start of a closer.
        var openerEnd: Int
        var closerStart = 0
        var length: Int { marks.count }
        var remaining: Int { openerEnd - closerStart }
    }

    static func mismatchedPairs(_ items: [Item]) -> Set<Int> {
        var pairs: [Int: Bool] = [:]
        for case .run(let run) in items {
            for delimiter in run { pairs[delimiter.pair] = delimiter.strong }
        }
        guard !pairs.isEmpty else { return [] }
        var failed: Set<Int> = []
        for scopes in distinctFlankings(items) {
            // The key differs only for a closer that can also open: without one, both variants are one.
            let canBothOpenAndClose = scopes.contains { $0.contains { $0.canOpen && $0.canClose } }
            for keysOnCanOpen in canBothOpenAndClose ? [true, false] : [true] {
                for scope in scopes {
                    failed.formUnion(simulate(scope, isStrong: pairs, keysOnCanOpen: keysOnCanOpen))
                }
            }
        }
        return failed
    }

    /// The scopes with the flanking of each punctuation definition, once when both give the same flanking
    /// (as they do unless a symbol or non-ASCII punctuation touches a run): the simulation reads nothing else.
    ///
    /// The legacy scopes are built only when a text edge is classed apart by the two definitions: flanking
    /// reads punctuation only in a run's neighbours, which are text edges, a `*` (punctuation in both) or
    /// nothing, so otherwise both definitions give every run the same flanking and the scopes are equal.
    static func distinctFlankings(_ items: [Item]) -> [[[Run]]] {
        let current = scopes(items, isPunctuation: EmphasisFlanking.isPunctuation)
        guard items.contains(where: hasEdgeClassedApart) else { return [current] }
        let legacy = scopes(items, isPunctuation: EmphasisFlanking.isLegacyPunctuation)
        return legacy == current ? [current] : [current, legacy]
    }

    /// True for a text whose first or last scalar is punctuation by one definition and not by the other.
    private static func hasEdgeClassedApart(_ item: Item) -> Bool {
        guard case .text(let edges) = item else { return false }
        func isClassedApart(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return EmphasisFlanking.isPunctuation(scalar) != EmphasisFlanking.isLegacyPunctuation(scalar)
        }
        return isClassedApart(edges.first) || isClassedApart(edges.last)
    }

    /// The runs of each link scope and of the top level, with their flanking.
    static func scopes(_ items: [Item], isPunctuation: (Unicode.Scalar) -> Bool) -> [[Run]] {
        var finished: [[Run]] = []
        var open: [[Run]] = [[]]
        for (index, item) in items.enumerated() {
            switch item {
            case .text: break
            case .scopeStart: open.append([])
            case .scopeEnd: if open.count > 1 { finished.append(open.removeLast()) }
            case .run(let delimiters):
                let before = neighbour(of: index, in: items, step: -1)
                let after = neighbour(of: index, in: items, step: 1)
                let marks = Self.marks(of: delimiters)
                let run = Run(
                    marks: marks,
                    canOpen: EmphasisFlanking.isLeftFlanking(
                        before: before, after: after, isPunctuation: isPunctuation),
                    canClose: EmphasisFlanking.isRightFlanking(
                        before: before, after: after, isPunctuation: isPunctuation),
                    openerEnd: marks.count
                )
                open[open.count - 1].append(run)
            }
        }
        return finished + open
    }

    /// The `*` characters of a run: two for a strong delimiter, one for emphasis.
    private static func marks(of delimiters: [Delimiter]) -> [Mark] {
        var marks: [Mark] = []
        marks.reserveCapacity(delimiters.count * 2)
        for delimiter in delimiters {
            let mark = Mark(pair: delimiter.pair, opening: delimiter.opening)
            marks.append(mark)
            if delimiter.strong { marks.append(mark) }
        }
        return marks
    }

    /// The last (step -1) or first (step 1) character of the text next to item `index`; nil at a line edge.
    private static func neighbour(of index: Int, in items: [Item], step: Int) -> Unicode.Scalar? {
        var position = index + step
        while items.indices.contains(position) {
            if case .text(let edges) = items[position], let scalar = step < 0 ? edges.last : edges.first {
                return scalar
            }
            if case .run = items[position] { return "*" }
            position += step
        }
        return nil
    }

    private static func simulate(_ input: [Run], isStrong: [Int: Bool], keysOnCanOpen: Bool) -> Set<Int> {
        var runs = input
        var matched: Set<Int> = []
        // By key, 0 to 5: the length modulo 3, plus 3 for a closer that can open in the keyed variant.
        var openersBottom = [Int](repeating: -1, count: 6)
        var current = 0
        while current < runs.count {
            let closer = runs[current]
            guard closer.canClose, closer.remaining > 0 else {
                current += 1
                continue
            }
            let key = closer.length % 3 + (keysOnCanOpen && closer.canOpen ? 3 : 0)
            let bottom = openersBottom[key]
            var openerIndex = current - 1
            while openerIndex > bottom {
                let opener = runs[openerIndex]
                if opener.canOpen, opener.remaining > 0 {
                    let bothSides = closer.canOpen || opener.canClose
                    let multipleOfThree = (opener.length + closer.length) % 3 == 0
                    let bothMultiples = opener.length % 3 == 0 && closer.length % 3 == 0
                    if !(bothSides && multipleOfThree && !bothMultiples) { break }
                }
                openerIndex -= 1
            }
            guard openerIndex > bottom else {
                openersBottom[key] = current - 1
                if !closer.canOpen { runs[current].openerEnd = runs[current].closerStart }
                current += 1
                continue
            }
            let opener = runs[openerIndex]
            let used = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1
            let openerMarks = opener.marks[(opener.openerEnd - used)..<opener.openerEnd]
            let closerMarks = closer.marks[closer.closerStart..<(closer.closerStart + used)]
            let pair = openerMarks.first!.pair
            let intended = openerMarks.allSatisfy { $0 == Mark(pair: pair, opening: true) }
                && closerMarks.allSatisfy { $0 == Mark(pair: pair, opening: false) }
                && isStrong[pair] == (used == 2)
            guard intended else {
                // Blame the delimiters that took the wrong role, or else every pair involved. What follows a
                // wrong match is its collateral, so the other pairs get another round instead.
                let wrongRole = closerMarks.filter(\.opening).map(\.pair)
                return Set(wrongRole.isEmpty ? (openerMarks + closerMarks).map(\.pair) : wrongRole)
            }
            matched.insert(pair)
            // Delimiters between the opener and the closer become text.
            for between in (openerIndex + 1)..<current { runs[between].openerEnd = runs[between].closerStart }
            runs[openerIndex].openerEnd -= used
            runs[current].closerStart += used
            if runs[current].remaining == 0 { current += 1 }
        }
        return unmatchedPairs(of: input, matched: matched)
    }

    /// The pairs with a mark in `runs` that are not in `matched`.
    private static func unmatchedPairs(of runs: [Run], matched: Set<Int>) -> Set<Int> {
        var unmatched: Set<Int> = []
        for run in runs {
            for mark in run.marks where !matched.contains(mark.pair) { unmatched.insert(mark.pair) }
        }
        return unmatched
    }
}
