import NewslintTestSupport
import Testing
@testable import NewslintCore

@Suite struct WordSplittingTests {
    /// The Markdown writer cuts text made only of scalars that are characters of their own by bytes; on such
    /// text the cut must be the one reading characters gives, `\r\n` and form feeds included.
    @Test func cuttingByBytesAgreesWithCuttingByCharacters() {
        let pieces = ["a", "Z", "9", "*", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0C}", "，", "正文", "\u{3000}",
                      "\u{00A0}", "“", "”", "…", "—", "é", "ｶ", "https://example.com/a?b=1"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = pieces.randomText(count: 0...30, using: &generator)
            #expect(text.unicodeScalars.allSatisfy { $0.alwaysStandsAlone || $0 == "\r" })
            var byBytes: [InlineToken] = []
            var byCharacters: [InlineToken] = []
            InlineWhitespace.splitWords(byBytes: text, into: &byBytes)
            InlineWhitespace.splitWords(byCharacters: text, into: &byCharacters)
            #expect(byBytes.map(describe) == byCharacters.map(describe), "\(text.debugDescription)")
        }
    }

    /// Blank lines are found in the bytes of such text too (without carriage returns, see `BlankLines.split`),
    /// with the parts reading characters gives.
    @Test func blankLinesByBytesAgreeWithBlankLinesByCharacters() {
        let pieces = ["a", "字", " ", "\t", "\n", "\n\n", " \n\t\n", "\u{0C}", "\u{3000}", "，", "“", "—"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = pieces.randomText(count: 0...20, using: &generator)
            #expect(BlankLines.splitBytes(text) == BlankLines.splitCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func linesAreCutAtLineFeedsOnly() {
        for text in ["a\nb\n\nc", "a\r\nb\nc", "", "\n", "字\n\n", "a\rb"] {
            #expect(text.linesCutAtLineFeeds == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    private func describe(_ token: InlineToken) -> String {
        switch token {
        case .word(let word): "word \(word)"
        case .space(let newline): newline ? "newline" : "space"
        default: "other"
        }
    }
}
