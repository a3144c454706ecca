import NewslintTestSupport
import Testing
@testable import NewslintCore
@testable import NewslintRules

@Suite struct TextSnippetTests {
    /// What `TextClasses.snippet` computed before it read texts of stand-alone scalars scalar by scalar: the
    /// character-by-character reference.
    static func referenceSnippet(_ text: String, limit: Int) -> String {
        let folded = text.split(whereSeparator: \.isNewline).map { String($0.trimmingSpaces) }
            .joined(separator: " ")
        return folded.count <= limit ? folded : String(folded.prefix(limit)) + "…"
    }

    @Test func readingScalarsAgreesWithReadingCharacters() {
        let pieces: [String] = [
            "a", "Z", "1", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{0085}", "\u{2028}",
            "\u{2029}", "，", "来源", "：", "\u{3000}", "\u{00A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{202F}",
            "\u{205F}", "é", "e\u{301}", " \u{301}", "か\u{3099}", "\u{200B}", "👍🏽", "🇨🇳", "https://example.com/a.png",
            "“", "…", "—", String(repeating: "长", count: 30), String(repeating: "word ", count: 12),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let text = pieces.randomText(count: 0...30, using: &generator)
            let limit = Int.random(in: 0...70, using: &generator)
            #expect(TextClasses.snippet(text, limit: limit) == Self.referenceSnippet(text, limit: limit),
                    "\(text.debugDescription) limit \(limit)")
        }
    }

    /// A text is blank when every character is; the first stand-alone scalar that is neither white space nor
    /// zero-width answers early, and must answer as the characters do, also where marks and joiners follow blanks.
    @Test func blankTextIsDecidedAsItsCharactersDecide() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}",
                      "\u{2060}", "\u{301}", "a", "字", "é", "e\u{301}", "👍🏽", "\u{0600}", "\u{1100}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = pieces.randomText(count: 0...6, using: &generator)
            #expect(TextClasses.isBlank(text) == text.allSatisfy(TextClasses.isBlank), "\(text.debugDescription)")
        }
    }

    @Test func foldsLinesAndShortens() {
        #expect(TextClasses.snippet("  来源：游戏葡萄 \n\n 原文链接 ") == "来源：游戏葡萄 原文链接")
        #expect(TextClasses.snippet(String(repeating: "字", count: 45)) == String(repeating: "字", count: 40) + "…")
        #expect(TextClasses.snippet("a\n \nb") == "a  b")
    }
}
