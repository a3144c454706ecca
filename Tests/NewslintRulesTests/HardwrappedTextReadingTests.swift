import NewslintTestSupport
import Testing
import NewslintCore
@testable import NewslintRules

@Suite struct HardwrappedTextReadingTests {
    /// Texts of scalars that each stand alone are read scalar by scalar; on them, the breaks found and the
    /// joined text must be what reading characters gives. The pieces mix the layout the rule reads (line feeds
    /// between Latin words, CJK, punctuation, list markers) with what could join a neighbour.
    @Test func readingScalarsAgreesWithReadingCharacters() {
        let pieces = [
            "\n", "\n\n", " ", "\t", " \n ", "Linus", "Torvalds", "11", "GPU", "加速", "中文", "，", "。", ",", ")", "\"",
            "-", "1.", "2、", "(3)", "• ", "·", "é", "—", "…", "「", "」", "\u{3000}", "\u{00A0}", "word", "ab-", "x/",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = pieces.randomText(count: 0...16, using: &generator)
            guard text.unicodeScalars.allSatisfy(\.alwaysStandsAlone) else { continue }
            let byScalars = HardwrappedTextRule.breaks(in: HardwrappedTextRule.ScalarText(text))
            let byCharacters = HardwrappedTextRule.breaks(in: HardwrappedTextRule.CharacterText(text))
            #expect(byScalars == byCharacters, "\(text.debugDescription)")
            #expect(HardwrappedTextRule.joined(HardwrappedTextRule.ScalarText(text))
                        == HardwrappedTextRule.joined(HardwrappedTextRule.CharacterText(text)), "\(text.debugDescription)")
        }
    }

    /// Text with a scalar that joins its neighbour is read by characters: `\r\n` is one character and no layout
    /// space, so the line feed in it breaks nothing.
    @Test func textWithJoiningScalarsIsReadByCharacters() {
        #expect(HardwrappedTextRule.joined("Linus\r\nTorvalds") == "Linus\r\nTorvalds")
        #expect(HardwrappedTextRule.joined("Linus\nTorvalds e\u{301}") == "Linus Torvalds e\u{301}")
        #expect(HardwrappedTextRule.joined("当Linus\nTorvalds宣布Windows \n11中的变化") == "当Linus Torvalds宣布Windows 11中的变化")
    }
}
