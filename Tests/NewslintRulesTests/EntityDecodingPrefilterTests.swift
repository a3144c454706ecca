import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct EntityDecodingPrefilterTests {
    /// A text without `;` is returned as it is, without the entity pattern: over random texts of ampersands,
    /// semicolons, entity names and numbers, CJK and combining marks, the result is the pattern's.
    @Test func aTextWithoutSemicolonDecodesAsThePatternDecodesIt() {
        let pieces = ["&", ";", "amp", "lt", "GT", "quot", "#38", "#x26", "#X4E2D", "#1114112", "&amp;", "a", "中",
                      "\u{301}", "=", "&#", "x", "?q=1&r=2"]
        var generator = SystemRandomNumberGenerator()
        var skipped = 0
        var decoded = 0
        for _ in 0..<20_000 {
            let text = pieces.randomText(count: 0...6, using: &generator)
            let byPattern = MarkdownURLs.decodedEntitiesByPattern(text)
            if text.contains("&") && !text.contains(";") { skipped += 1 }
            if byPattern != text { decoded += 1 }
            #expect(MarkdownURLs.decodedEntities(text) == byPattern, "\(text.debugDescription)")
        }
        #expect(skipped > 2_000 && decoded > 2_000, "\(skipped) \(decoded)")
    }
}
