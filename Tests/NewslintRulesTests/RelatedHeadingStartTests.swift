import NewslintCore
import NewslintDOM
@testable import NewslintRules
import Testing

@Suite struct RelatedHeadingStartTests {
    static let starts: Set<Character> = ["推", "相", "往"]

    /// The filter reads scalars, not characters: whatever it turns away must not start, past blank characters,
    /// with a heading's first character, with texts split over several nodes and scalars that join characters
    /// (combining marks, ZWJ, ZWNJ, `\r\n`) or are blank (white space, zero-width characters).
    @Test func turnsAwayOnlyParagraphsThatDoNotStartWithAHeading() throws {
        let pieces = [
            "推", "相", "往", "正", "文", "a", "K", "1", " ", "\t", "\n", "\r\n", "\r", "\u{3000}", "\u{00A0}",
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{301}", "\u{3099}", "\u{FE0F}", "【", "“",
            "：", "👍", "\u{F9F1}", "é", "&amp;",
        ]
        let filter = HeadingStartFilter(Self.starts)
        var generator = SeededGenerator(seed: 11)
        var turnedAway = 0
        for _ in 0..<3000 {
            let runs = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
            }
            let html = "<p>" + runs.enumerated().map { $0.offset == 1 ? "<b>\($0.element)</b>" : $0.element }.joined()
                + "</p>"
            let document = try HTMLDocument(html: html)
            let paragraph = try #require(document.body.descendants.first { $0.name == "p" })
            let text = paragraph.descendants.filter(\.isText).map(\.text).joined()
            let first = text.drop(while: TextClasses.isBlank).first
            if !filter.mayStartWithHeading(paragraph) {
                turnedAway += 1
                #expect(!(first.map(Self.starts.contains) ?? false), "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(turnedAway > 1000)
    }

    @Test func decidesNothingWhenAHeadingStartsWithOtherThanAnIdeograph() throws {
        let document = try HTMLDocument(html: "<p>abc</p>")
        let paragraph = try #require(document.body.descendants.first { $0.name == "p" })
        #expect(HeadingStartFilter(["R"]).mayStartWithHeading(paragraph))
        #expect(!HeadingStartFilter(["推"]).mayStartWithHeading(paragraph))
    }
}
