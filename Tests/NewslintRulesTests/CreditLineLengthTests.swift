import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct CreditLineLengthTests {
    /// The length test counts ASCII and CJK lines by scalars, without finding character boundaries; on every
    /// line it must agree with counting characters, including the scalars that join a character (combining
    /// marks, CJK tone and voicing marks, `\r\n`, zero-width and variation characters).
    @Test func countingByScalarsAgreesWithCountingCharacters() {
        let pieces: [String] = [
            "a", "Z", "1", " ", "\t", "\n", "\r\n", "\r", "，", "来源", "：", "\u{3000}", "\u{00A0}", "é", "e\u{301}",
            " \u{301}", "\u{302A}", "か\u{3099}", "ｶ\u{FF9E}", "\u{200B}", "\u{FEFF}", "👍🏽", "🇨🇳", "字\u{FE0F}", "한",
            "\u{1100}\u{1161}", "\u{0600}1", "“", "”", "…", "—", "·", "\u{00AD}", "\u{0085}", "\u{2028}", "ü\u{308}",
            String(repeating: "长", count: 30), String(repeating: "word ", count: 12),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let line = pieces.randomText(count: 0...40, using: &generator)
            #expect(CreditLineRule.isShort(line[...]) == CreditLineRule.isShortByCharacters(line[...]), "\(line.debugDescription)")
        }
    }
}
