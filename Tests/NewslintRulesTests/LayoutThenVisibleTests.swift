import Foundation
import NewslintCore
import NewslintDOM
@testable import NewslintRules
import Testing

/// `LayoutThenVisible` stands in for `fullwidth-indent`'s two walks over a text's characters; whenever it answers
/// true, the walks (kept here as the reference) must find the text neither blank nor indented. Checked on every
/// text node of the example and corpus posts and on generated texts of layout, marks, ideographs and indents.
@Suite struct LayoutThenVisibleTests {
    /// What the rule decides from the characters: skipped as blank, or whether the text is indented.
    static func referenceIsBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace && $0 != "\u{3000}" && $0 != "\u{00A0}" }
    }

    static func referenceIsIndented(_ text: String) -> Bool {
        text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{00A0}" }.first == "\u{3000}"
    }

    @Test func aTextItTakesIsNeitherBlankNorIndented() throws {
        var taken = 0
        for text in try Self.texts() where LayoutThenVisible.startsWithLayoutThenVisible(text) {
            #expect(!Self.referenceIsBlank(text) && !Self.referenceIsIndented(text), "\(text.debugDescription)")
            taken += 1
        }
        #expect(taken > 1_000)
    }

    static func texts() throws -> [String] {
        let posts = Repository.examplePosts + Repository.corpusPosts
        let read = try posts.flatMap { url -> [String] in
            let post = try PostReader.read(text: try String(contentsOf: url, encoding: .utf8),
                                           path: url.lastPathComponent)
            guard post.bodyFormat == .html else { return [] }
            return try HTMLBody.parse(post.body).body.descendants.filter(\.isText).map(\.text)
        }
        return read + generated(count: 20_000)
    }

    /// Texts of layout, other white space, combining marks, joiners, ideographs at and around the range's ends,
    /// and ASCII; the generator is seeded, so failures repeat.
    static func generated(count: Int) -> [String] {
        var generator = SeededGenerator(seed: 3)
        let pieces = [" ", "\n", "\t", "\r", "\r\n", "\u{0B}", "\u{3000}", "\u{A0}", "\u{2003}", "\u{85}", "a", "~",
                      "\u{7F}", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{4DFF}", "\u{4E00}", "\u{4E2D}", "\u{9FFF}",
                      "\u{A000}", "\u{3001}", "文", "\u{1F600}", "\u{E9}", "\u{0600}"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }
}
