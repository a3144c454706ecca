import NewslintDOM
import Testing
@testable import NewslintCore

/// What the Markdown-body rules must read as text, never as markup: code and backslash-escaped characters
/// (fuzz findings: `\<style>` and `\<iframe>` were taken for tags and their fixes deleted text).
@Suite struct MarkdownLiteralsTests {
    /// The UTF-8 offset of the `occurrence`-th `<` in `text` (0-based).
    func angle(_ text: String, _ occurrence: Int = 0) -> Int {
        Array(text.utf8).indices.filter { Array(text.utf8)[$0] == UInt8(ascii: "<") }[occurrence]
    }

    @Test func backslashEscapedAngleIsText() {
        let body = MarkdownBody(text: "\\<style>x\\</style>\n")
        #expect(body.isLiteral(angle(body.text, 0)))
        #expect(body.isLiteral(angle(body.text, 1)))
        #expect(!body.isInCode(angle(body.text, 0)))
    }

    @Test func escapedBackslashLeavesTheAngleMarkup() {
        let body = MarkdownBody(text: "a \\\\<b>x</b>\n")
        #expect(!body.isLiteral(angle(body.text)))
    }

    @Test func codeSpansAndFencesAreText() {
        let span = MarkdownBody(text: "Use `<style>` and ``a`<iframe>`` here.\n")
        #expect(span.isLiteral(angle(span.text, 0)))
        #expect(span.isLiteral(angle(span.text, 1)))
        let fence = MarkdownBody(text: "Text.\n\n```html\n<iframe src=\"x\"></iframe>\n```\n\n<b>bold</b>\n")
        #expect(fence.isLiteral(angle(fence.text, 0)))
        #expect(!fence.isLiteral(angle(fence.text, 2)))
    }

    @Test func escapedBacktickOpensNoCodeSpan() {
        let body = MarkdownBody(text: "\\`<b>x</b>`\n")
        #expect(!body.isLiteral(angle(body.text)))
        #expect(body.codeRanges.isEmpty)
    }

    @Test func htmlBlocksHoldNeitherEscapesNorCodeSpans() {
        // In a raw HTML block the browser gets `\<iframe …>` and `` `<iframe>` `` as they are: real tags.
        let block = MarkdownBody(text: "<div>\n\\<iframe src=\"x\"> `<iframe>`\n</div>\n\nAfter \\<b>.\n")
        #expect(!block.isLiteral(angle(block.text, 1)))
        #expect(!block.isLiteral(angle(block.text, 2)))
        #expect(block.isLiteral(angle(block.text, 4)), "the blank line ends the block")
        let comment = MarkdownBody(text: "<!-- a\n`b` -->\n\\<c>\n")
        #expect(comment.codeRanges.isEmpty)
        #expect(comment.isLiteral(angle(comment.text, 1)))
    }

    @Test func aLoneTagCannotInterruptAParagraph() {
        // Kind 7 (a complete tag alone on its line) starts an HTML block only after a blank line.
        let paragraph = MarkdownBody(text: "Text\n<span>\n\\<b>\n")
        #expect(paragraph.isLiteral(angle(paragraph.text, 1)))
        let block = MarkdownBody(text: "Text\n\n<span>\n\\<b>\n")
        #expect(!block.isLiteral(angle(block.text, 1)))
    }

    @Test func editsRescanTheEscapes() {
        let body = MarkdownBody(text: "<b>x</b> \\<i>\n")
        body.replace(0..<3, with: "\\\\")
        body.commitEdits()
        #expect(body.text == "\\\\x</b> \\<i>\n")
        #expect(!body.isLiteral(angle(body.text, 0)))
        #expect(body.isLiteral(angle(body.text, 1)))
    }

    /// HTML block starts and ends are read from ASCII bytes; a line with other characters is read as text, where
    /// the Kelvin sign lowers to `k` and a combining mark after `>` makes another character.
    @Test func htmlBlockLinesOutsideASCIIAreReadAsText() {
        func start(_ line: String, afterParagraphLine: Bool = false) -> MarkdownHTMLBlock.End? {
            MarkdownHTMLBlock.start(of: Array(line.utf8)[...], afterParagraphLine: afterParagraphLine)
        }
        #expect(start("<DIV class=\"x\">") == .blankLine)
        #expect(start("<lin\u{212A}>", afterParagraphLine: true) == .blankLine)
        #expect(start("</trac\u{212A}>", afterParagraphLine: true) == .blankLine)
        #expect(start("<!\u{212A}x>") == .lineContaining([">"]))
        #expect(start("<span>", afterParagraphLine: true) == nil)
        #expect(MarkdownHTMLBlock.ends(Array("a --> b".utf8)[...], containing: ["-->"]))
        #expect(MarkdownHTMLBlock.ends(Array("</STYLE>".utf8)[...], containing: ["</style>"]))
        #expect(!MarkdownHTMLBlock.ends(Array("<!-- a -->\u{301}".utf8)[...], containing: ["-->"]))
        #expect(MarkdownHTMLBlock.ends(Array("中文 -->".utf8)[...], containing: ["-->"]))
    }

    /// An ASCII line start is read as bytes: the block each random start opens is the one reading it as characters
    /// gives (names cut short or run on, `</`, `<!`, `/>`, the end of the line).
    @Test func asciiStartsReadAsBytesOpenTheBlocksCharactersDo() {
        let pieces = ["<", "</", "<!", "<!--", "<?", "<![cdata[", "<![CDATA[", "pre", "PRE", "script", "style", "textarea",
                      "div", "DIV", "p", "h1", "table", "td", "figcaption", "img", "a", "x", "9", "-", " ", "\t", ">",
                      "/>", "/", "=", "\"", "\r", "\r\n", "\n"]
        var generator = SystemRandomNumberGenerator()
        var blocks = 0
        for _ in 0..<20_000 {
            var start = "<" + (0..<Int.random(in: 0...5, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            start = String(start.prefix(24))
            let lower = Array(start.utf8).map(\.asciiLowercased)
            let expected = MarkdownHTMLBlock.kindByCharacters(String(decoding: lower, as: UTF8.self))
            if expected != nil { blocks += 1 }
            #expect(MarkdownHTMLBlock.kindByBytes(lower) == expected, "\(start.debugDescription)")
        }
        #expect(blocks > 1_000)
    }
}
