import Foundation
import NewslintCore
import NewslintRules
import Testing

/// The rule-level cause of each fuzz finding in `Tests/Fixtures/hostile/`, through every built-in rule: the
/// fix converges, fixing its output changes nothing, and nothing fixable is left.
@Suite struct FuzzFindingRulesTests {
    /// Fixes `text` twice (with the unsafe fixes too when `unsafe`) and checks the promises; returns the first output.
    func fixSettles(_ text: String, unsafe: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String {
        let first = try PostFixing.fix(text, path: "post.md", unsafe: unsafe)
        #expect(first.remaining.filter(\.isFixable).isEmpty, "\(first.remaining.map(\.message))",
                sourceLocation: sourceLocation)
        let second = try PostFixing.fix(first.output, path: "post.md", unsafe: unsafe)
        #expect(second.output == first.output, "fix is not idempotent", sourceLocation: sourceLocation)
        return first.output
    }

    @Test func hotlinkedImageWithAnUnclosedSourceKeepsItsPolicy() throws {
        // `src` runs to the line break; the writer trims it, so the hotlink rule must read it trimmed too.
        let output = try fixSettles("<div><img src=\"//sinaimg.cn\n")
        #expect(output == "<img src=\"https://sinaimg.cn\" alt=\"\"\nreferrerpolicy=\"no-referrer\">\n")
    }

    @Test func hotlinkedImageInABlockQuoteIsOneTag() throws {
        // The writer breaks a lone image's tag over two lines; in a quote the second starts with `>`, which
        // belongs to the quote. Read as the tag's end, it made the rule add the policy again on every fix.
        let output = try fixSettles("---\ntitle: t\nauthor: 新浪财经\n---\n<div><blockquote><p>导语</p>"
                                        + "<img src=\"https://n.sinaimg.cn/a.jpg\"></blockquote><p>正文。</p></div>\n")
        #expect(output.contains("> <img src=\"https://n.sinaimg.cn/a.jpg\" alt=\"\"\n> referrerpolicy=\"no-referrer\">\n"))
        let markdown = "---\ntitle: t\nauthor: 新浪财经\n---\n\n> <img src=\"https://n.sinaimg.cn/a.jpg\" alt=\"\"\n"
            + "> referrerpolicy=\"origin\">\n\nb <img src=\"https://n.sinaimg.cn/b.jpg\"/>\n"
        #expect(try fixSettles(markdown) == "---\ntitle: t\nauthor: 新浪财经\n---\n\n> <img src=\"https://n.sinaimg.cn/a.jpg\" "
                    + "alt=\"\"\n> referrerpolicy=\"no-referrer\">\n\nb <img src=\"https://n.sinaimg.cn/b.jpg\" "
                    + "referrerpolicy=\"no-referrer\"/>\n")
    }

    @Test func editorLineWhoseBlanksRunOverACommentIsTrimmedInOnePass() throws {
        // The line's trailing line break and the one after the comment are two text nodes: trimming only the
        // last one left the line untrimmed, and `editor-line` changed the post on every pass.
        let output = try fixSettles("---\ntitle: t\nauthor: 新浪财经\n---\n<div>\n<p>正文。</p>\n"
                                        + "<div>责任编辑：刘玄逸 \n<!-- 编辑姓名及工作代码 -->\n</div></div>\n")
        #expect(output.hasSuffix("\n正文。\n\n责任编辑：刘玄逸\n"))
    }

    @Test func imageSourceWithAControlCharacterIsNotAThumbnail() throws {
        // Written into `headimg`, the U+0006 made the front matter invalid YAML; it kept its old value, and the
        // fix that wrote it ran on every pass.
        let post = "---\ntitle: t\nheadimg: 'https://picsum.photos/400/300'\n---\n"
            + "<div><p><img src=\"https://example.com/i\u{06}g.png\"></p><p>正文。</p></div>\n"
        #expect(try fixSettles(post).contains("headimg: 'https://picsum.photos/400/300'"))
        #expect(try !fixSettles(post, unsafe: true).contains("headimg"))
    }

    @Test func escapedStyleTagInMarkdownIsText() throws {
        let post = "---\ntitle: x\n---\n\nCSS: \\<style>.a{}\\</style> and `<style>`.\n"
        #expect(try PostFixing.check(post, path: "post.md").isEmpty)
        #expect(try fixSettles(post) == post)
        // The HTML body the fuzzer found: its `<style>` inside `<code>` is code text, written escaped.
        #expect(try fixSettles("<div<code><style></style>") == "\\<style>\\</style>\n")
    }

    @Test func escapedIframeTagInMarkdownIsText() throws {
        let post = "Embed with \\<iframe src=\"https://ads.example.net/x\">.\n"
        #expect(try PostFixing.check(post, path: "post.md").isEmpty)
        #expect(try fixSettles(post) == post)
        #expect(try fixSettles("<!DOCTYPE<code><iframe>") == "\\<iframe>\n")
    }

    @Test func nestedIframesGoInOnePass() throws {
        // More levels than the fixer's passes: one fix must remove them all.
        let depth = Linter.maximumFixPasses + 2
        let html = "<div><p>正文</p>" + (1...depth).map { "<iframe src=\"https://ads.example.net/\($0)\">" }.joined()
            + String(repeating: "</iframe>", count: depth) + "</div>\n"
        let output = try fixSettles(html)
        #expect(!output.contains("iframe"))
        #expect(output.contains("正文"))
        #expect(output.contains("<https://ads.example.net/1>") && output.contains("<https://ads.example.net/\(depth)>"))
        #expect(try fixSettles("<!DOCTYPE>" + String(repeating: "<iframe>", count: 9) + "<g one") == "")
    }

    @Test func urlsInTextThatBecomeAutolinksAreFixedAsLinks() throws {
        // The writer turns a URL followed by text into an autolink, which the link rules rewrite in Markdown;
        // in the HTML it was text, so the first fix left it and the second rewrote it.
        let redirect = "<p>原文：http://link.zhihu.com/?target=https%3A//example.com/avb。</p>"
        #expect(try fixSettles(redirect) == "原文：<https://example.com/avb>。\n")
        let tracking = "<p>另见https://example.com/a?utm_source=feed&id=1。</p>"
        #expect(try fixSettles(tracking) == "另见<https://example.com/a?id=1>。\n")
        let affiliate = "<p>购买：https://c.duomai.com/track.php?site_id=1&t=https://www.microsoftstore.com.cn/。</p>"
        #expect(try fixSettles(affiliate, unsafe: true) == "购买：<https://www.microsoftstore.com.cn/>。\n")
        // Followed by a space the URL stays bare text, which no rule reads as a link, in HTML or in Markdown.
        let bare = "<p>原文 http://link.zhihu.com/?target=https%3A//example.com/avb 。</p>"
        #expect(try fixSettles(bare) == "原文 http://link.zhihu.com/?target=https%3A//example.com/avb 。\n")
        // Inside a link or code the writer makes no autolink, and the text is left alone.
        let code = "<p><code>http://link.zhihu.com/?target=https%3A//example.com/avb。</code></p>"
        #expect(try fixSettles(code) == "`http://link.zhihu.com/?target=https%3A//example.com/avb。`\n")
    }

    @Test func imageSourceBrokenOverLinesIsNotAThumbnail() throws {
        // The writer percent-encodes the line break (`%0A`), or escapes it in an `<img>` tag (`&#10;`); read as
        // is or written, the source is not a picture for the front matter.
        let head = "---\ntitle: x\nheadimg: 'https://picsum.photos/400/300?random=1'\n---\n"
        for source in ["https://example.com/a.png\n<p>b", "https://n.sinaimg.cn/a.jpg\n<p>b"] {
            let post = head + "<p>正文<img src=\"\(source)\"></p>\n"
            #expect(try fixSettles(post).contains("headimg: 'https://picsum.photos/400/300?random=1'"))
            #expect(try !fixSettles(post, unsafe: true).contains("headimg"))
        }
        // A source with a space is an address: the writer encodes the space as browsers do.
        let spaced = try fixSettles(head + "<p>正文<img src=\" https://example.com/a b.png\"></p>\n")
        #expect(spaced.contains("headimg: 'https://example.com/a b.png'"))
        #expect(spaced.contains("![](https://example.com/a%20b.png)"))
    }
}
