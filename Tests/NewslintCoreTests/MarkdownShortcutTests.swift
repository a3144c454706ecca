import NewslintDOM
import NewslintTestSupport
import Testing
@testable import NewslintCore

/// The Markdown writer answers some questions by bytes or by a shortcut where it read characters or looked up
/// Unicode properties; each shortcut must answer as the reference does.
@Suite struct MarkdownShortcutTests {
    private static let pieces = [
        "a", "Z", "9", "*", "_", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0C}", "，", "正文", "\u{3000}", "\u{00A0}",
        "e\u{301}", " \u{301}", "👍", "👨‍👩‍👧", "“", "…", "€", "[", "]", "<", "&amp;",
        String(TemplateProtection.verbatimStart), String(TemplateProtection.verbatimEnd),
    ]

    private func randomText(upTo length: Int, using generator: inout some RandomNumberGenerator) -> String {
        Self.pieces.randomText(count: 0...length, using: &generator)
    }

    /// ASCII and CJK ideographs are classed without looking up their general category.
    @Test func flankingClassesAgreeWithGeneralCategories() {
        let punctuation: Set<Unicode.GeneralCategory> = [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation,
        ]
        let symbols: Set<Unicode.GeneralCategory> = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        for value in Array(UInt32(0)..<0x3400) + Array(UInt32(0x4DF0)..<0xA100) {
            let scalar = Unicode.Scalar(value)!
            let category = scalar.properties.generalCategory
            let isPunctuation = punctuation.contains(category)
            let isSymbol = symbols.contains(category)
            #expect(EmphasisFlanking.isPunctuation(scalar) == (isPunctuation || isSymbol), "\(value)")
            let isLegacy = isPunctuation || (scalar.isASCII && isSymbol)
            #expect(EmphasisFlanking.isLegacyPunctuation(scalar) == isLegacy, "\(value)")
            let whitespace = ["\t", "\n", "\u{0C}", "\r"].contains(scalar) || category == .spaceSeparator
            #expect(EmphasisFlanking.isWhitespace(scalar) == whitespace, "\(value)")
        }
    }

    @Test func safeDestinationBytesAreTheListedOnes() {
        for byte in UInt8.min...UInt8.max {
            let listed = byte < 0x80
                && (byte.isASCIILetter || byte.isASCIIDigit || "-_.+!*'(),%#@?=;:/&$~".utf8.contains(byte))
            #expect(LinkSyntax.isSafe(byte) == listed, "\(byte)")
        }
    }

    /// Text edges are read from the first and last bytes when those are ASCII, and add up like the texts.
    @Test func textEdgesAreTheFirstAndLastWrittenScalars() {
        var generator = SystemRandomNumberGenerator()
        let written = { (scalar: Unicode.Scalar) in !TemplateProtection.isVerbatimMark(scalar) }
        for _ in 0..<4000 {
            let first = randomText(upTo: 6, using: &generator)
            let second = randomText(upTo: 6, using: &generator)
            let text = first + second
            var edges = EmphasisSimulation.TextEdges(first)
            edges.append(EmphasisSimulation.TextEdges(second))
            let whole = EmphasisSimulation.TextEdges(text)
            #expect(whole.first == text.unicodeScalars.first(where: written), "\(text.debugDescription)")
            #expect(whole.last == text.unicodeScalars.last(where: written), "\(text.debugDescription)")
            #expect(edges.first == whole.first && edges.last == whole.last, "\(text.debugDescription)")
        }
    }

    @Test func collapsedTextIsTheWordsJoinedBySpaces() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let text = randomText(upTo: 20, using: &generator)
            let reference = text.split(whereSeparator: \.isHTMLWhitespace).joined(separator: " ")
            #expect(InlineWhitespace.collapsed(text) == reference, "\(text.debugDescription)")
        }
    }
}
