import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct MarkdownUnescapeTests {
    /// `unescape` returns a text without backslashes as it is, where the character-by-character reading rebuilt
    /// it: over random texts of escapes, punctuation, combining marks, CJK and line breaks, the two agree byte for
    /// byte, with and without backslashes.
    @Test func theFastPathAgreesWithTheCharacterReading() {
        let pieces = ["a", "中文", "\\", "\\*", "\\\\", "\\a", "*", "_", "(", ")", "é", "e\u{301}", "\\\u{301}", "\\*\u{301}",
                      "\r\n", "\\\r\n", " ", "%20", "&amp;", "\\中", "https://a.cn/b_c", "👍🏽"]
        var generator = SystemRandomNumberGenerator()
        var withoutBackslash = 0
        for _ in 0..<5000 {
            let text = pieces.randomText(count: 0...8, using: &generator)
            if !text.contains("\\") { withoutBackslash += 1 }
            let fast = MarkdownText.unescape(text)
            let reference = MarkdownText.unescapingCharacters(text)
            #expect(Array(fast.utf8) == Array(reference.utf8), "\(text.debugDescription)")
        }
        #expect(withoutBackslash > 1000)
    }
}
