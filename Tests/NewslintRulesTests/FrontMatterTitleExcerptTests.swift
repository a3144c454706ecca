import Foundation
import NewslintCore
import NewslintDOM
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct FrontMatterTitleExcerptTests {
    /// The syntax test by ASCII value answers what membership in the set of those characters answers, for
    /// characters that start with a syntax scalar and are longer, and for look-alikes.
    @Test func markdownSyntaxIsTheFiveCharacters() {
        let syntax: Set<Character> = ["*", "#", ">", "`", "\\"]
        let characters: [Character] = ["*", "#", ">", "`", "\\", "*\u{301}", "#\u{FE0F}\u{20E3}", ">\u{200D}", "\r\n", "\n",
                                       "＊", "＃", "a", "中", "_", "[", "\u{301}"]
        for character in characters {
            #expect(FrontMatterTitleRule.isMarkdownSyntax(character) == syntax.contains(character),
                    "\(character.unicodeScalars.map(\.value))")
        }
    }

    /// The rule reads the body's text only as far as the title's excerpt needs. It must decide as it would
    /// from the whole text, also where characters join across text nodes (combining marks, zero-width joiners,
    /// `\r\n`) and where the body starts with many blank nodes.
    @Test func readingThePrefixDecidesAsTheWholeTextDoes() throws {
        let linter = Linter(rules: [FrontMatterTitleRule()], catalog: ExampleRunner.catalog)
        let pieces = ["正文", "第一段", "a", "b", " ", "\n", "\r", "\u{3000}", "\u{301}", "\u{200D}", "\u{200B}",
                      "e", "，", "_", "👍", "\u{1F3FD}", "x\u{301}", String(repeating: "长文\u{301}\u{200B} ", count: 20),
                      String(repeating: " \n", count: 40)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let nodes = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
            }
            let html = nodes.map { "<span>\($0)</span>" }.joined(separator: Bool.random() ? "" : "<br>")
            let body = "<div><p>" + html + "</p></div>"
            let fullText = try HTMLDocument(html: body).body.descendants.filter(\.isText).map(\.text).joined()
            let visible = Array(normalised(fullText))
            var title = Array(visible.prefix(Int.random(in: 6...26, using: &generator)))
            if !title.isEmpty, Bool.random(using: &generator) {
                title[Int.random(in: 0..<title.count, using: &generator)] = Bool.random() ? "_" : "乙"
            }
            let titleText = String(title) + "..."
            let quoted = "'" + titleText.replacingOccurrences(of: "'", with: "''") + "'"
            let post = try PostReader.read(text: "---\ntitle: \(quoted)\n---\n" + body + "\n", path: "post.md",
                                           usesCRLF: false)
            let reported = try linter.check(post).contains { $0.ruleID == "front-matter-title" }
            #expect(reported == expectedExcerpt(titleText, fullText), "\(body.debugDescription)")
        }
    }

    /// A Markdown body is filtered only as far as its start needs; the start is the whole text's.
    @Test func markdownPrefixGivesTheWholeTextsStart() {
        let pieces = ["正文", "*", "**", "#", "> ", "`", "\\", "[链接](http://a.b/c)", "![图](x.png)", " ", "\n",
                      "\u{301}", "\u{200D}", "x", "ᄀ", "ᅡ", "\r\n", String(repeating: "长文* ", count: 30),
                      String(repeating: "* \n", count: 80)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<600 {
            let markdown = pieces.randomText(count: 0...40, using: &generator)
            let count = Int.random(in: 1...30, using: &generator)
            let withoutLinks = markdown.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1",
                                                             options: .regularExpression)
            let whole = Array(normalised(withoutLinks.filter { !"*#>`\\".contains($0) }).prefix(count))
            #expect(FrontMatterTitleRule.markdownStart(of: markdown, characters: count) == whole,
                    "\(markdown.debugDescription)")
        }
    }

    /// Text of scalars that stand alone is filtered by scalars: the same text as filtering its characters, on
    /// random texts of such scalars (every kind of white space among them) and of scalars that join others.
    @Test func scalarFilterKeepsWhatTheCharacterFilterKeeps() {
        let pieces = ["正", "文", "a", "B", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}",
                      "\u{1680}", "\u{2000}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{200D}",
                      "\u{FEFF}", "\u{2060}", "\u{301}", "é", "…", "，", "👍", "\u{1F3FD}", "ｶ", "\u{3099}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = pieces.randomText(count: 0...12, using: &generator)
            #expect(FrontMatterTitleRule.normalised(text) == normalised(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    private func normalised(_ text: String) -> String {
        String(text.filter { !TextClasses.isBlank($0) })
    }

    /// The rule's decision from the whole text, as it was written before it read a prefix.
    private func expectedExcerpt(_ title: String, _ body: String) -> Bool {
        let head = Array(normalised(String(title.dropLast(3))).prefix(24))
        let text = Array(normalised(body).prefix(head.count))
        guard head.count >= 8, text.count == head.count else { return false }
        return zip(head, text).allSatisfy { $0 == "_" || $0 == $1 }
    }
}
