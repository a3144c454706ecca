import Foundation
import NewslintDOM
import Testing
@testable import NewslintCore

/// Converts `html` (parsed as a document) to Markdown.
private func markdown(_ html: String, target: PublishingTarget = .commonmark) throws -> String {
    let document = try HTMLDocument(html: html)
    return MarkdownWriter(target: target).markdown(for: document.body)
}

/// Tests of `MarkdownWriter`, grouped by what they cover.
@Suite struct MarkdownWriterTests {
    /// An HTML input and the exact Markdown expected for it.
    struct Conversion: CustomTestStringConvertible, Sendable {
        let html: String
        let expected: String

        init(_ html: String, _ expected: String) {
            self.html = html
            self.expected = expected
        }

        var testDescription: String { html }
    }
}

extension MarkdownWriterTests {
    @Suite struct Blocks {
        @Test func emptyBodyGivesEmptyString() throws {
            #expect(try markdown("") == "")
            #expect(try markdown("  \n<p> </p>\n<div>\n</div>") == "")
        }

        @Test func paragraphsAreSeparatedByOneBlankLineAndEndWithOneNewline() throws {
            #expect(try markdown("<p>One</p>\n\n<p>Two</p>") == "One\n\nTwo\n")
        }

        @Test func inlineRunsBetweenBlockChildrenBecomeParagraphs() throws {
            #expect(try markdown("<div>text<br><p>x</p>tail</div>") == "text\n\nx\n\ntail\n")
            #expect(try markdown("<section><span>a</span> <font>b</font></section>") == "a b\n")
        }

        @Test(arguments: [
            Conversion("<h1>One</h1>", "# One\n"),
            Conversion("<h6>Six</h6>", "###### Six\n"),
            Conversion("<h2>a<br>b</h2>", "## a b\n"),
            Conversion("<h2><em>Em</em> heading ##</h2>", "## *Em* heading \\##\n"),
            Conversion("<h3>C#</h3>", "### C\\#\n"),
            Conversion("<h2> </h2><p>x</p>", "x\n"),
            Conversion("<h2><a href=\"/x\">Linked</a> title</h2>", "## [Linked](/x) title\n"),
        ])
        func headings(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test func thematicBreakIsItsOwnBlock() throws {
            #expect(try markdown("<p>a</p><hr><p>b</p>") == "a\n\n---\n\nb\n")
        }

        @Test func blockquotesPrefixEveryLineAndNest() throws {
            let html = "<blockquote><p>q1</p><blockquote><p>inner</p></blockquote><p>a<br>b</p></blockquote>"
            #expect(try markdown(html) == "> q1\n>\n> > inner\n>\n> a\\\n> b\n")
        }

        @Test func commentsAtBlockLevelAreKeptVerbatim() throws {
            let html = "<p>intro</p><!-- more --><p>rest</p>"
            #expect(try markdown(html) == "intro\n\n<!-- more -->\n\nrest\n")
        }

        @Test func commentsInsideParagraphsStayInline() throws {
            // A comment that would start a line would start an HTML block: it moves before the paragraph or the break.
            #expect(try markdown("<p>a <!-- x --> b</p>") == "a<!-- x --> b\n")
            #expect(try markdown("<p><!-- lead -->text</p>") == "<!-- lead -->\n\ntext\n")
            #expect(try markdown("<p>a<br><!-- c -->b</p>") == "a<!-- c -->\\\nb\n")
        }

        @Test func figureWritesImageThenCaption() throws {
            let html = "<figure><img src=\"a.png\" alt=\"A\"><figcaption>Caption</figcaption></figure>"
            #expect(try markdown(html) == "![A](a.png)\n\nCaption\n")
        }

        @Test func headOnlyElementsAreDroppedAndNoscriptContentIsWritten() throws {
            let html = "<meta name=\"a\"><link rel=\"x\"><template><p>t</p></template>"
                + "<input type=\"hidden\" value=\"v\"><noscript><p>ns</p></noscript><p>body</p>"
            #expect(try markdown(html) == "ns\n\nbody\n")
        }

        @Test func formControlsWriteOnlyTheirText() throws {
            #expect(try markdown("<p>请<button>赞赏</button><input type=\"text\" value=\"v\"></p>") == "请赞赏\n")
        }

        @Test func inlineElementsHoldingBlocksWrapEachBlock() throws {
            #expect(try markdown("<a href=\"https://big\"><div><img src=\"s.jpg\"></div></a>")
                == "[![](s.jpg)](https://big)\n")
            #expect(try markdown("<strong><p>one</p><p>two</p></strong>") == "**one**\n\n**two**\n")
        }

        @Test func embeddedContentIsRawHTMLOnItsOwnLines() throws {
            let html = "<p>a</p><video controls src=\"v.mp4\" @click=\"x\"><source src=\"v.webm\">"
                + "fallback\ntext</video>"
                + "<iframe src=\"https://player\"></iframe><p>b</p>"
            // The start tag alone on its line makes a CommonMark HTML block; `@click` is no CommonMark attribute name.
            let expected = "a\n\n<video controls=\"\" src=\"v.mp4\">\n<source src=\"v.webm\">fallback text</video>\n\n"
                + "<iframe src=\"https://player\"></iframe>\n\nb\n"
            #expect(try markdown(html) == expected)
        }

        @Test func scriptKeepsItsBlankLinesAndEmbedKeepsWhatLibxmlNestsInIt() throws {
            #expect(try markdown("<script>a = 1;\n\nb = 2;</script>") == "<script>a = 1;\n\nb = 2;</script>\n")
            #expect(try markdown("<embed src=\"e.swf\"><p>after</p>") == "<embed src=\"e.swf\">\n\nafter\n")
        }

        @Test func noLineHasTrailingWhitespace() throws {
            let html = "<p>a \n</p><ul><li>x <br> y </li><li><p>p</p><p>q </p></li></ul>"
                + "<blockquote><p>z </p></blockquote>"
            let output = try markdown(html)
            #expect(output == "a\n\n- x\\\n  y\n- p\n\n  q\n\n> z\n")
            #expect(!output.split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
        }
    }
}

extension MarkdownWriterTests {
    @Suite struct Lists {
        @Test func nestedListsIndentByTheMarkerWidth() throws {
            let html = "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"
            #expect(try markdown(html) == "- one\n- two\n  - nested\n")
        }

        @Test func orderedListsHonourStartAndIndentContinuationLines() throws {
            let html = "<ol start=\"9\"><li>a</li><li>b<br>c</li></ol>"
            #expect(try markdown(html) == "9. a\n10. b\\\n    c\n")
        }

        @Test func multipleParagraphsMakeALooseItem() throws {
            let html = "<ul><li><p>p1</p><p>p2</p></li><li>next</li></ul>"
            #expect(try markdown(html) == "- p1\n\n  p2\n- next\n")
        }

        @Test func anOrderedListThatCannotInterruptAParagraphGetsABlankLine() throws {
            let html = "<ul><li>text<ol start=\"2\"><li>two</li></ol></li></ul>"
            #expect(try markdown(html) == "- text\n\n  2. two\n")
        }

        @Test func adjacentListsAlternateMarkersSoTheyStaySeparate() throws {
            let html = "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>x</li></ol><ol start=\"3\"><li>y</li></ol>"
            #expect(try markdown(html) == "- a\n\n* b\n\n1. x\n\n3) y\n")
        }

        @Test func blocksInsideItems() throws {
            let html = "<ul><li><pre>code\n  more</pre></li><li><blockquote>q</blockquote></li><li><hr></li>"
                + "<li></li></ul>"
            #expect(try markdown(html) == "- ```\n  code\n    more\n  ```\n- > q\n- ***\n-\n")
        }

        @Test func strayNestedListJoinsThePreviousItemAndOrphanItemIsAParagraph() throws {
            let html = "<ul><li>x</li><ul><li>y</li></ul></ul><li>orphan</li>"
            #expect(try markdown(html) == "- x\n  - y\n\norphan\n")
        }
    }
}

extension MarkdownWriterTests {
    @Suite struct Code {
        @Test func preBecomesAFenceLongerThanAnyBacktickRunInside() throws {
            let html = "<pre><code class=\"language-go\">func main() {\n\tfmt.Println(\"```\")\n}\n</code></pre>"
            #expect(try markdown(html) == "````go\nfunc main() {\n\tfmt.Println(\"```\")\n}\n````\n")
        }

        @Test(arguments: [
            Conversion("<pre class=\"lang-js\">x</pre>", "```js\nx\n```\n"),
            Conversion("<pre><code lang=\"python extra\">x</code></pre>", "```python\nx\n```\n"),
            Conversion("<pre><code lang=\"a`b\">x</code></pre>", "~~~a`b\nx\n~~~\n"),
        ])
        func languageComesFromClassOrLangAttribute(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test func breaksInsidePreAreNewlinesAndContentIsByteExact() throws {
            let html = "<pre>line1<br>line2<BR>  indented\t&lt;x&gt; &amp; 中文</pre>"
            #expect(try markdown(html) == "```\nline1\nline2\n  indented\t<x> & 中文\n```\n")
        }

        @Test func pygmentsSpansContributeTheirText() throws {
            let html = "<div class=\"highlight\"><pre><span class=\"n\">x</span> <span class=\"o\">=</span> "
                + "<span class=\"mi\">1</span>\n</pre></div>"
            #expect(try markdown(html) == "```\nx = 1\n```\n")
        }

        @Test func theNewlineAfterThePreTagIsDroppedLikeBrowsersDo() throws {
            #expect(try markdown("<pre>\n\nfirst\n</pre>") == "```\n\nfirst\n```\n")
        }

        @Test func multiLineCodeWithoutPreIsAFencedBlock() throws {
            let html = "<p>see</p><code lang=\"go\">package main\nfunc x() {}</code>"
            #expect(try markdown(html) == "see\n\n```go\npackage main\nfunc x() {}\n```\n")
        }

        @Test(arguments: [
            Conversion("<p>use <code>a`b</code></p>", "use ``a`b``\n"),
            Conversion("<p><code>`x`</code></p>", "`` `x` ``\n"),
            Conversion("<p><code> sp </code></p>", "`  sp  `\n"),
            Conversion("<p><code>a * b</code></p>", "`a * b`\n"),
            Conversion("<h2><code>a\nb</code></h2>", "## `a b`\n"),
            Conversion("<p>中<code>code</code>文</p>", "中`code`文\n"),
        ])
        func inlineCode(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }
    }
}

extension MarkdownWriterTests {
    @Suite struct Inline {
        @Test(arguments: [
            Conversion("<p><b>bold</b> and <i>it</i></p>", "**bold** and *it*\n"),
            Conversion("<p>x<strong> lead</strong>y<em>trail </em>z</p>", "x **lead**y*trail* z\n"),
            Conversion("<p>a<b></b>b<b> </b>c</p>", "ab c\n"),
            Conversion("<p><strong><strong>x</strong></strong> <em>a <i>b</i> c</em></p>", "**x** *a b c*\n"),
            Conversion("<p><b>a</b><b>b</b></p>", "**ab**\n"),
            Conversion("<p><strong><em>both</em></strong></p>", "***both***\n"),
            Conversion("<p>x<strong>a<em>b</em></strong>y</p>", "x**a*b***y\n"),
            // A run that closes one pair and opens the next is read as intended (spec 0.31, rule 9 and 10).
            Conversion("<p>x<strong>a</strong><em>b</em>y</p>", "x**a***b*y\n"),
            // Renderers read `***x***` as emphasis around strong, so that is the nesting written.
            Conversion("<p><b><em>A</em></b><i>B</i></p>", "***A**B*\n"),
            Conversion("<p><strong>x<br>y</strong></p>", "**x\\\ny**\n"),
        ])
        func emphasis(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        /// Spec 0.31, 6.2: a run is left-flanking when not followed by whitespace and either not followed by
        /// punctuation or preceded by whitespace or punctuation; right-flanking mirrors it. `*` opens when
        /// left-flanking and closes when right-flanking.
        @Test(arguments: [
            // `是**重`: between two letters the run is both-flanking, which is enough for `*` to open and close.
            Conversion("<p>这是<strong>重要</strong>的</p>", "这是**重要**的\n"),
            // `。**后`: preceded by punctuation and followed by a letter, so not right-flanking: no closing.
            Conversion("<p><strong>重要。</strong>后面</p>", "<strong>重要。</strong>后面\n"),
            // `a*(`: followed by punctuation but preceded by a letter, so not left-flanking: no opening.
            Conversion("<p>a<em>(b)</em>c</p>", "a<em>(b)</em>c\n"),
            // Punctuation on both sides of the run is fine.
            Conversion("<p>「<strong>引用</strong>」</p>", "「**引用**」\n"),
            Conversion("<p>如下：<strong>「注意」</strong></p>", "如下：**「注意」**\n"),
            // `€` is a symbol (Sc): punctuation since spec 0.31 but not for cmark-gfm 0.29, so HTML is used.
            Conversion("<p>价格<strong>€5</strong>元</p>", "价格<strong>€5</strong>元\n"),
            // `」*「` is both-flanking, so a parser lets it close the open `***` first (1 + 3 is no multiple of 3):
            // that pair falls back, and the strong pair around it still works.
            Conversion("<p><strong><em>x</em>」<em>「y</em></strong></p>", "***x*」<em>「y</em>**\n"),
        ])
        func emphasisFallsBackToHTMLWhenDelimitersWouldNotFlank(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            Conversion("<p>a<sup>2</sup> H<sub>2</sub>O <del>d</del> <s>s</s> <strike>k</strike></p>",
                       "a<sup>2</sup> H<sub>2</sub>O <del>d</del> <s>s</s> k\n"),
            Conversion("<p><u>u</u><ins>i</ins><mark>m</mark><kbd>K</kbd></p>",
                       "<u>u</u><ins>i</ins><mark>m</mark><kbd>K</kbd>\n"),
            Conversion("<p><small>s</small> <abbr title=\"t\">A</abbr> <q>q</q> <cite>c</cite> <label>l</label></p>",
                       "s A q c l\n"),
        ])
        func otherInlineElements(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            Conversion("<p>a<br>b</p>", "a\\\nb\n"),
            Conversion("<p><br><br>a<br>b<br> <br></p>", "a\\\nb\n"),
            Conversion("<p>a <br> b</p>", "a\\\nb\n"),
        ])
        func hardBreaks(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            Conversion("<p><a href=\"https://x.y\">link</a></p>", "[link](https://x.y)\n"),
            Conversion("<p><a href=\"/p?q=1&amp;r=2\" title=\"say &quot;hi&quot;\">t</a></p>",
                       "[t](/p?q=1&r=2 \"say &quot;hi&quot;\")\n"),
            // `\\"` at the end of a title could be read as `\` + `\"` up to a quote on a later line.
            Conversion("<p><a href=\"u\" title=\"C:\\\">x</a><br>\"q\"</p>", "[x](u \"C:&#92;\")\\\n\"q\"\n"),
            // Entities are decoded before escapes, so `&#92;*` would lose its backslash: inside, `\\` is used.
            Conversion("<p><a href=\"u\" title=\"a\\*b\\\">x</a></p>", "[x](u \"a\\\\*b&#92;\")\n"),
            Conversion("<p><a href=\"?a&amp;copy;=1\" title=\"&amp;amp;\">x</a></p>",
                       "[x](?a&amp;copy;=1 \"&amp;amp;\")\n"),
            Conversion("<p><a href=\"https://x.y/z\">https://x.y/z</a></p>", "<https://x.y/z>\n"),
            Conversion("<p><a href=\"mailto:a@b.c\">mailto:a@b.c</a></p>", "[mailto:a@b.c](mailto:a@b.c)\n"),
            Conversion("<p><a href=\"https://x.y/a b(c\">spaces</a></p>", "[spaces](https://x.y/a%20b\\(c)\n"),
            Conversion("<p><a href=\"https://x.y/(a)\">balanced</a></p>", "[balanced](https://x.y/(a))\n"),
            Conversion("<p><a href=\"https://例子.cn/路径\">中文</a></p>",
                       "[中文](https://%E4%BE%8B%E5%AD%90.cn/%E8%B7%AF%E5%BE%84)\n"),
            Conversion("<p>a<a href=\"u\"> </a>b <a href=\"u\"></a>c</p>", "a b c\n"),
            Conversion("<p><a name=\"top\">anchor</a> text</p>", "anchor text\n"),
            Conversion("<p><a href=\"https://x.y\"><img src=\"i.png\" alt=\"pic [1]\"></a></p>",
                       "[![pic \\[1\\]](i.png)](https://x.y)\n"),
            Conversion("<p>Wow!<a href=\"u\">link</a></p>", "Wow\\![link](u)\n"),
            Conversion("<p><a href=\"u\">a [b] c</a></p>", "[a \\[b\\] c](u)\n"),
        ])
        func links(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            Conversion("<p><img src=\"x.png\" alt=\"a*b\" title=\"T\"></p>", "![a\\*b](x.png \"T\")\n"),
            Conversion("<p><img alt=\"no source\"> text</p>", "text\n"),
            // Alone on its line the tag would start an HTML block, which swallows what follows up to a blank line.
            Conversion("<p><img src=\"y.png\" referrerpolicy=\"no-referrer\"></p>",
                       "<img src=\"y.png\" alt=\"\"\nreferrerpolicy=\"no-referrer\">\n"),
            Conversion("<p>t <img src=\"z.png?a=1&amp;b=&quot;2&quot;\" alt=\"q&quot;&lt;\" referrerpolicy=\"origin\" "
                           + "title=\"tt\"></p>",
                       "t <img src=\"z.png?a=1&amp;b=&quot;2&quot;\" alt=\"q&quot;&lt;\" title=\"tt\" "
                           + "referrerpolicy=\"origin\">\n"),
        ])
        func images(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            Conversion("<p>a  \t b\n\n c</p>", "a b c\n"),
            Conversion("<p>a\n  <span>b</span>  <span> c </span>d</p>", "a b c d\n"),
            Conversion("<p>&nbsp;&nbsp;缩进　全角</p>", "\u{A0}\u{A0}缩进　全角\n"),
            Conversion("<p>a &nbsp; b</p>", "a \u{A0} b\n"),
            Conversion("<p>中文\n中文</p>", "中文中文\n"),
            Conversion("<p>当Linus\nTorvalds</p>", "当Linus Torvalds\n"),
            Conversion("<p>中文\nEnglish</p>", "中文 English\n"),
            Conversion("<p>中文 中文</p>", "中文 中文\n"),
            Conversion("<p>日本語\n<b>太字</b>\nテキスト。\n「引用」</p>",
                       "日本語**太字**テキスト。「引用」\n"),
            Conversion("<p>한국어\n단어</p>", "한국어 단어\n"),
        ])
        func whitespaceCollapsesAndSegmentBreaksVanishBetweenCJKCharacters(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }
    }
}

extension MarkdownWriterTests {
    @Suite struct Escaping {
        @Test(arguments: [
            Conversion("<p># not heading</p>", "\\# not heading\n"),
            Conversion("<p>####### seven</p>", "####### seven\n"),
            Conversion("<p>#hashtag</p>", "#hashtag\n"),
            Conversion("<p>&gt; quote</p>", "\\> quote\n"),
            Conversion("<p>- dash</p>", "\\- dash\n"),
            Conversion("<p>+ plus</p>", "\\+ plus\n"),
            Conversion("<p>* star</p>", "\\* star\n"),
            Conversion("<p>-</p>", "\\-\n"),
            Conversion("<p>---</p>", "\\---\n"),
            Conversion("<p>-- -</p>", "\\-- -\n"),
            Conversion("<p>1. one</p>", "1\\. one\n"),
            Conversion("<p>2) two</p>", "2\\) two\n"),
            Conversion("<p>2024. year</p>", "2024\\. year\n"),
            Conversion("<p>1234567890. big</p>", "1234567890. big\n"),
            Conversion("<p>1.5 million</p>", "1.5 million\n"),
            Conversion("<p>===</p>", "===\n"),
            Conversion("<p>a<br>===</p>", "a\\\n\\===\n"),
            Conversion("<p>a<br>---</p>", "a\\\n\\---\n"),
            Conversion("<p>a<br>2. x</p>", "a\\\n2. x\n"),
            Conversion("<p>a<br>1. x</p>", "a\\\n1\\. x\n"),
            Conversion("<p>a<br>- x</p>", "a\\\n\\- x\n"),
            Conversion("<p>~~~ tilde</p>", "\\~~~ tilde\n"),
            Conversion("<p>~~ two</p>", "~~ two\n"),
            Conversion("<p>```code</p>", "\\`\\`\\`code\n"),
            Conversion("<p>| a |<br>| --- |</p>", "| a |\\\n| \\--- |\n"),
            Conversion("<p>&lt;div&gt; html</p>", "\\<div> html\n"),
            Conversion("<ul><li>- item</li></ul>", "- \\- item\n"),
            Conversion("<blockquote><p># x</p></blockquote>", "> \\# x\n"),
        ])
        func lineStarts(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            Conversion("<p>a*b*c 2*3</p>", "a\\*b\\*c 2\\*3\n"),
            Conversion("<p>snake_case _x_ a_</p>", "snake_case \\_x\\_ a\\_\n"),
            Conversion("<p>a `tick`</p>", "a \\`tick\\`\n"),
            Conversion("<p>[open and ] close</p>", "\\[open and \\] close\n"),
            Conversion("<p>[lonely and (x)</p>", "[lonely and (x)\n"),
            Conversion("<p>a &lt;b&gt; &lt;/i&gt; &lt;!x &lt;?p &lt;3 a&lt;</p>", "a \\<b> \\</i> \\<!x \\<?p <3 a<\n"),
            Conversion("<p>&amp;amp; &amp;#123; &amp;#x1F; &amp; &amp;x</p>", "\\&amp; \\&#123; \\&#x1F; & &x\n"),
            // A backslash before markup (here a hard break) must be escaped; before a space or the end it is literal.
            Conversion("<p>back\\slash \\* \\a end\\</p>", "back\\slash \\\\\\* \\a end\\\n"),
            Conversion("<p>a\\<br>b\\ c</p>", "a\\\\\\\nb\\ c\n"),
            Conversion("<p>a #1 - b + c. d) {e} (f): g! h|i ~j</p>", "a #1 - b + c. d) {e} (f): g! h|i ~j\n"),
            // Intraword `_` stays; at the end of a run the next character is unknown, so it is escaped.
            Conversion("<p>中文*强调*和_下划线_</p>", "中文\\*强调\\*和_下划线\\_\n"),
        ])
        func midLine(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }
    }
}

extension MarkdownWriterTests {
    @Suite struct Tables {
        @Test func headerRowOfThBecomesAGFMTable() throws {
            let html = "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
            #expect(try markdown(html) == "| a | b |\n| --- | --- |\n| 1 | 2 |\n")
        }

        @Test func cellsHoldInlineMarkdownWithEscapedPipesAndLiteralBreaks() throws {
            let html = "<table><thead><tr><td>h1</td><td align=\"center\">h2</td>"
                + "<td style=\"text-align: right\">h3</td>"
                + "</tr></thead><tbody><tr><td><p>a <b>b</b></p></td><td>c<br>d</td><td></td></tr>"
                + "<tr><td><code>x|y</code></td><td>a|b</td><td>\\|</td></tr></tbody></table>"
            let expected = "| h1 | h2 | h3 |\n| --- | :---: | ---: |\n| a **b** | c<br>d |  |\n"
                + "| `x\\|y` | a\\|b | \\\\\\| |\n"
            #expect(try markdown(html) == expected)
        }

        @Test func singleCellLayoutTableIsWrittenAsItsContent() throws {
            let html = "<table><tbody><tr><td class=\"t_f\"><p>whole article</p><p>two</p></td></tr></tbody></table>"
            #expect(try markdown(html) == "whole article\n\ntwo\n")
        }

        @Test(arguments: [
            // No header row.
            Conversion("<table class=\"x\"><tr><td style=\"c\">1</td><td>2</td></tr>\n"
                           + "<tr><td>3</td><td>4</td></tr></table>",
                       "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>\n"),
            // colspan, with whitespace collapsed and attributes inside cells kept only where they carry content.
            Conversion("<table><tr><th>a</th><th>b</th></tr><tr><td colspan=\"2\" class=\"k\">\n"
                           + "  wide   <img src=\"a.png\" class=\"z\">\n</td></tr></table>",
                       "<table><tr><th>a</th><th>b</th></tr><tr><td colspan=\"2\"> wide <img src=\"a.png\"> </td></tr>"
                           + "</table>\n"),
            // Block content in a cell.
            Conversion("<table><tr><th>a</th><th>b</th></tr><tr><td><p>1</p><p>2</p></td><td><ul><li>x</li></ul></td>"
                           + "</tr></table>",
                       "<table><tr><th>a</th><th>b</th></tr><tr><td><p>1</p><p>2</p></td><td><ul><li>x</li></ul></td>"
                           + "</tr></table>\n"),
            // Rows of different lengths; a blank line inside <pre> would end the HTML block.
            Conversion("<table><tr><th>a</th></tr><tr><td>1</td><td><pre>x\n\ny</pre></td></tr></table>",
                       "<table><tr><th>a</th></tr><tr><td>1</td><td><pre>x&#10;&#10;y</pre></td></tr></table>\n"),
        ])
        func tablesGFMCannotHoldAreRawHTML(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test func htmlTableIsABlockOfItsOwn() throws {
            let html = "<p>before</p><table><tr><td>1</td><td>2</td></tr></table><p>after</p>"
            #expect(try markdown(html) == "before\n\n<table><tr><td>1</td><td>2</td></tr></table>\n\nafter\n")
        }
    }
}

extension MarkdownWriterTests {
    /// Scraped bodies separate paragraphs with blank lines in bare text or with `<br><br>`. In the scraped `.md`
    /// file a blank line ended the HTML block, and two breaks show as an empty line: readers saw paragraphs.
    @Suite struct ParagraphBreaks {
        @Test(arguments: [
            Conversion("<div>   \nOne\n\nTwo\n  \n\t\nThree\n</div>", "One\n\nTwo\n\nThree\n"),
            Conversion("<div>中文第一段\n\n第二段\n中文</div>", "中文第一段\n\n第二段中文\n"),
            Conversion("<ul><li>a\n\nb</li></ul>", "- a\n\n  b\n"),
            Conversion("<blockquote>a\n\nb</blockquote>", "> a\n>\n> b\n"),
            Conversion("<a href=\"https://x.y\"><div>a\n\nb</div></a>", "[a](https://x.y)\n\n[b](https://x.y)\n"),
            Conversion("<div>a\n\n<b>b\n\nc</b>\n\nd</div>", "a\n\n**b c**\n\nd\n"),
        ])
        func blankLinesInBareTextOfABlockContainerSeparateParagraphs(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        /// A `<p>` is one paragraph, a heading one line, a GFM cell one line; an inline wrapper is no container.
        @Test(arguments: [
            Conversion("<p>a\n\nb</p>", "a b\n"),
            Conversion("<div><span>a\n\nb</span></div>", "a b\n"),
            Conversion("<h2><div>a\n\nb</div></h2>", "## a b\n"),
            Conversion("<table><tr><th>h</th><th>i</th></tr><tr><td><div>a\n\nb</div></td><td>c\n\nd</td></tr></table>",
                       "| h | i |\n| --- | --- |\n| a b | c d |\n"),
        ])
        func blankLinesElsewhereAreWhitespace(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test func adjacentTextNodesAreOneText() throws {
            // Unwrapping the span, as a rule may, leaves "\n" and "\nb" side by side: together a blank line.
            let document = try HTMLDocument(html: "<div>a<br>\n<span>\nb</span></div>")
            document.body.descendants.first { $0.name == "span" }?.unwrap()
            let unwrapped = MarkdownWriter().markdown(for: document.body)
            #expect(unwrapped == "a\n\nb\n")
            #expect(try markdown(document.body.innerHTML) == unwrapped)
        }

        @Test(arguments: [
            Conversion("<p>a<br><br>b</p>", "a\n\nb\n"),
            Conversion("<p>a<br>\n \n<br> <br>b</p>", "a\n\nb\n"),
            Conversion("<p>a<br>b<br><br>c<br>d</p>", "a\\\nb\n\nc\\\nd\n"),
            Conversion("<p><b>a<br><br>b</b> c</p>", "**a**\n\n**b** c\n"),
            Conversion("<p><a href=\"u\">a<br><br><i>b</i></a></p>", "[a](u)\n\n[*b*](u)\n"),
            Conversion("<p>a<br><!-- c --><br>b</p>", "a<!-- c -->\n\nb\n"),
            Conversion("<ul><li>a<br><br>b</li></ul>", "- a\n\n  b\n"),
            Conversion("<p><img src=\"x.png\" referrerpolicy=\"no-referrer\"><br> <br> <strong>手机界面</strong></p>",
                       "<img src=\"x.png\" alt=\"\"\nreferrerpolicy=\"no-referrer\">\n\n**手机界面**\n"),
            // A heading holds one line and a GFM cell one paragraph.
            Conversion("<h2>a<br><br>b</h2>", "## a b\n"),
            Conversion("<table><tr><th>h</th><th>i</th></tr><tr><td>a<br><br>b</td><td>c</td></tr></table>",
                       "| h | i |\n| --- | --- |\n| a<br>b | c |\n"),
        ])
        func twoOrMoreBreaksInARowSeparateParagraphs(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }
    }
}

extension MarkdownWriterTests {
    /// GFM's autolink extension links a bare URL up to the next space, taking the Chinese text after it along; an
    /// autolink `<…>` ends where the URL ends.
    @Suite struct BareURLs {
        @Test(arguments: [
            Conversion("<p>在研究（https://actualbudget.com/blog/cursed-caching-curious）时我得到了启发</p>",
                       "在研究（<https://actualbudget.com/blog/cursed-caching-curious>）时我得到了启发\n"),
            Conversion("<p>见https://x.y/z。下一句</p>", "见<https://x.y/z>。下一句\n"),
            Conversion("<p>https://x.y/a_b*c中文，http://x.y/d文</p>", "<https://x.y/a_b*c>中文，<http://x.y/d>文\n"),
            Conversion("<p>https://x.y/?a=1&amp;b=2中</p>", "<https://x.y/?a=1&b=2>中\n"),
            Conversion("<h2>https://x.y/z中文</h2>", "## <https://x.y/z>中文\n"),
        ])
        func urlsFollowedByTextAutolinkingWouldTakeBecomeAutolinks(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }

        @Test(arguments: [
            // GFM stops at the space and leaves out the trailing `.` and an unbalanced `)` itself.
            Conversion("<p>see https://x.y/z. Then https://x.y/(a) and (https://x.y/b)</p>",
                       "see https://x.y/z. Then https://x.y/(a) and (https://x.y/b)\n"),
            // Inside link text a second link cannot be made.
            Conversion("<p><a href=\"https://u.v\">https://x.y/z中文</a></p>", "[https://x.y/z中文](https://u.v)\n"),
            // Another scheme, and a URL an autolink could not hold as it is.
            Conversion("<p>xhttps://x.y中 https://x.y/[a]中</p>", "xhttps://x.y中 https://x.y/\\[a\\]中\n"),
        ])
        func otherURLsStayText(_ conversion: Conversion) throws {
            #expect(try markdown(conversion.html) == conversion.expected)
        }
    }
}

extension MarkdownWriterTests {
    /// Template syntax reaches the reader literally: entities in text, `{% raw %}` or Hugo's shortcode comment
    /// around code, HTML where neither works.
    @Suite struct PublishingTargets {
        struct TargetConversion: CustomTestStringConvertible, Sendable {
            let target: PublishingTarget
            let html: String
            let expected: String

            init(_ target: PublishingTarget, _ html: String, _ expected: String) {
                self.target = target
                self.html = html
                self.expected = expected
            }

            var testDescription: String { "\(target): \(html)" }
        }

        @Test func defaultIsCommonMarkWhichLeavesTemplateSyntaxAlone() throws {
            let html = "<p>{{ a }} {% b %} {{< c >}} <code>{{ d }}</code></p><pre>{% e %}</pre>"
            let document = try HTMLDocument(html: html)
            #expect(MarkdownWriter().target == .commonmark)
            let expected = "{{ a }} {% b %} {{< c >}} `{{ d }}`\n\n```\n{% e %}\n```\n"
            #expect(MarkdownWriter().markdown(for: document.body) == expected)
        }

        @Test(arguments: [
            TargetConversion(.hexo, "<p>{{ a }} {% b %} {# c #} #} %} }} a{{{b}}}</p>",
                             "&#123;{ a }} &#123;% b %} &#123;# c #&#125; #&#125; %} }} a&#123;&#123;{b}}}\n"),
            TargetConversion(.jekyll, "<p>{{ a }} {% b %}</p>", "&#123;{ a }} &#123;% b %}\n"),
            TargetConversion(.hugo, "<p>{{ a }} {{< b >}} {{% c %}} {{{< d</p>",
                             "{{ a }} &#123;{< b >}} &#123;{% c %}} {&#123;{< d\n"),
            TargetConversion(.hexo, "<h2>{{ t }}</h2><p><a href=\"https://x.y/{{a}}\" title=\"{{t}}\">{{l}}</a></p>",
                             "## &#123;{ t }}\n\n[&#123;{l}}](https://x.y/%7B%7Ba%7D%7D \"&#123;{t}}\")\n"),
            // Hugo reads `{{<` even where an emphasis fell back to HTML or a tag follows.
            TargetConversion(.hugo, "<p>{{<sup>2</sup></p>", "&#123;{<sup>2</sup>\n"),
            TargetConversion(.hexo, "<p>x<!-- {{ c }} --></p><!-- {% d %} -->",
                             "x<!-- &#123;{ c }} -->\n\n<!-- &#123;% d %} -->\n"),
        ])
        func textGetsEntities(_ conversion: TargetConversion) throws {
            #expect(try markdown(conversion.html, target: conversion.target) == conversion.expected)
        }

        @Test(arguments: [
            TargetConversion(.hexo, "<p>用 <code>{{ x }}</code> 写</p>", "用 {% raw %}`{{ x }}`{% endraw %} 写\n"),
            TargetConversion(.jekyll, "<p>用 <code>{% x %}</code></p>", "用 {% raw %}`{% x %}`{% endraw %}\n"),
            // The brace before the code would make `{{` with the `{% raw %}` after it.
            TargetConversion(.hexo, "<p>a{<code>{{x}}</code></p>", "a&#123;{% raw %}`{{x}}`{% endraw %}\n"),
            TargetConversion(.hexo, "<p><code>{% endraw %}</code></p>", "<code>&#123;% endraw %}</code>\n"),
            TargetConversion(.hugo, "<p><code>{{< a >}}</code> <code>{{% b %}}</code></p>",
                             "`{{</* a */>}}` `{{%/* b */%}}`\n"),
            TargetConversion(.hugo, "<p><code>{{< open</code></p>", "<code>{{&lt; open</code>\n"),
            TargetConversion(.hugo, "<p><code>{{ go }}</code></p>", "`{{ go }}`\n"),
        ])
        func codeSpans(_ conversion: TargetConversion) throws {
            #expect(try markdown(conversion.html, target: conversion.target) == conversion.expected)
        }

        @Test(arguments: [
            TargetConversion(.hexo, "<pre><code class=\"language-go\">{{ x }}\n\n{# c #}</code></pre>",
                             "{% raw %}```go\n{{ x }}\n\n{# c #}\n```{% endraw %}\n"),
            TargetConversion(.jekyll, "<ul><li><pre>{% x %}</pre></li></ul>",
                             "- {% raw %}```\n  {% x %}\n  ```{% endraw %}\n"),
            TargetConversion(.jekyll, "<blockquote><pre>{{ q }}</pre></blockquote>",
                             "> {% raw %}```\n> {{ q }}\n> ```{% endraw %}\n"),
            TargetConversion(.hugo, "<pre><code class=\"language-go\">{{< hl >}}\nx\n{{< /hl >}}</code></pre>",
                             "```go\n{{</* hl */>}}\nx\n{{</* /hl */>}}\n```\n"),
            // Neither protects: HTML, whose `<pre` block may hold blank lines and ends at `</pre>`.
            TargetConversion(.hexo, "<pre><code class=\"language-js\">a = \"{% endraw %}\";\n\n&lt;/pre&gt;"
                                 + "</code></pre>",
                             "<pre><code class=\"language-js\">a = \"&#123;% endraw %}\";\n\n&lt;/pre&gt;"
                                 + "</code></pre>\n"),
            TargetConversion(.hugo, "<pre>{{&lt; open\n{{&lt;/* done */&gt;}}</pre>",
                             "<pre><code>{{&lt; open\n{{&lt;/* done */&gt;}}</code></pre>\n"),
            TargetConversion(.hugo, "<pre>{{ go }} {% liquid %}</pre>", "```\n{{ go }} {% liquid %}\n```\n"),
        ])
        func codeBlocks(_ conversion: TargetConversion) throws {
            #expect(try markdown(conversion.html, target: conversion.target) == conversion.expected)
        }

        @Test(arguments: [
            TargetConversion(.hexo, "<table><tr><td title=\"x\">{{ a }}</td><td><img src=\"i\" alt=\"{% b %}\">"
                                 + "</td></tr></table>",
                             "<table><tr><td>&#123;{ a }}</td><td><img src=\"i\" alt=\"&#123;% b %}\"></td></tr>"
                                 + "</table>\n"),
            // Escaping `<` already breaks Hugo's `{{<`.
            TargetConversion(.hugo, "<table><tr><td>{{< a >}}</td><td>b</td></tr></table>",
                             "<table><tr><td>{{&lt; a &gt;}}</td><td>b</td></tr></table>\n"),
            // A script's text takes no entities.
            TargetConversion(.hexo, "<script>var t = '{{ x }}';</script>",
                             "{% raw %}<script>var t = '{{ x }}';</script>{% endraw %}\n"),
        ])
        func rawHTML(_ conversion: TargetConversion) throws {
            #expect(try markdown(conversion.html, target: conversion.target) == conversion.expected)
        }
    }
}

extension MarkdownWriterTests {
    /// Renders Markdown with cmark-gfm, when it is installed.
    enum CommonMarkRenderer {
        static var path: String? {
            let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
            let directories = search.split(separator: ":")
            return directories.map { "\($0)/cmark-gfm" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

        static func html(for markdown: String, executable: String, extensions: [String] = ["table"]) throws -> String {
            let name = "newslint-\(UUID().uuidString).md"
            let input = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try Data(markdown.utf8).write(to: input)
            defer { try? FileManager.default.removeItem(at: input) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--unsafe"] + extensions.flatMap { ["-e", $0] } + [input.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw RenderingFailed(status: process.terminationStatus) }
            return String(decoding: data, as: UTF8.self)
        }

        struct RenderingFailed: Error {
            let status: Int32
        }
    }
}

extension MarkdownWriterTests {
    @Suite struct Rendering {
        /// Outputs that exercise escaping, fallbacks and block boundaries.
        static let samples = [
            "<p># not heading</p><p>&gt; q</p><p>- a</p><p>1. b</p><p>a<br>---</p><p>a<br>===</p><p>~~~ t</p>",
            "<p>a*b*c snake_case _x_ `t` [a] &lt;div&gt; &amp;amp; back\\slash \\* end\\</p>",
            "<p>这是<strong>重要</strong>的</p><p><strong>重要。</strong>后面</p><p>a<em>(b)</em>c</p>",
            "<p>价格<strong>€5</strong>元 <strong>👍</strong>赞 x<strong>a</strong><em>b</em>y "
                + "x<strong>a<em>b</em></strong>y</p>",
            "<p><strong><em>both</em></strong> <em><strong>x</strong> y</em> <b>a</b><b>b</b> "
                + "<strong>x<br>y</strong></p>",
            "<p><strong><em>x</em>」<em>「y</em></strong> <b><em>A</em></b><i>B</i> <b>A</b><b><i>B</i></b></p>",
            "<p><strong>a」<em>「b</em>c</strong> <em>a<strong>b</strong>c<strong>d</strong></em> "
                + "<code>a</code><code>`b</code></p>",
            "<ul><li>one</li><li>two<ul><li>nested</li></ul></li><li><p>p1</p><p>p2</p></li></ul><ul><li>b</li></ul>",
            "<ol start=\"9\"><li>a</li><li>b<br>c</li></ol><ol start=\"3\"><li>y</li></ol>",
            "<ul><li><pre>code\n\n  more</pre></li><li><blockquote>q</blockquote></li><li><hr></li><li>- x</li></ul>",
            "<blockquote><p>q1</p><blockquote><p>inner</p></blockquote><p>a<br>b</p></blockquote>",
            "<pre><code class=\"language-go\">func main() {\n\tfmt.Println(\"```\")\n}\n</code></pre><pre>a<br>b</pre>",
            "<p>use <code>a`b</code> <code>`x`</code> <code> sp </code></p>",
            "<p>Wow!<a href=\"https://x.y\">link</a> <a href=\"https://x.y/z\">https://x.y/z</a> "
                + "<a href=\"https://x.y/a b(c\">s</a> <a href=\"/p?q=1&amp;r=2\" title=\"say &quot;hi&quot;\">t</a> "
                + "<a href=\"https://例子.cn/路径\">中文</a></p>",
            "<p><a href=\"https://x.y\"><img src=\"i.png\" alt=\"pic [1] *x*\"></a></p>"
                + "<p><img src=\"y.png\" referrerpolicy=\"no-referrer\"></p>"
                + "<p><img src=\"w.png\" referrerpolicy=\"no-referrer\"></p>"
                + "<!-- more --><p>t <img src=\"z.png\" referrerpolicy=\"no-referrer\"></p>",
            "<table><thead><tr><td>h1</td><td>h2</td></tr></thead><tbody>"
                + "<tr><td><p>a <b>b</b></p></td><td>c<br>d</td></tr>"
                + "<tr><td><code>x|y</code></td><td>a|b \\|</td></tr></tbody></table>",
            "<table><tr><td>no header</td><td>b</td></tr>"
                + "<tr><td colspan=\"2\">wide <pre>x\n\ny</pre></td></tr></table>",
            "<!-- top --><p>intro</p><!-- more --><p>a <!-- x --> b<br><!-- c -->d</p><p><!-- lead -->text</p><hr>",
            "<p>中文\n中文 当Linus\nTorvalds 한국어\n단어 &nbsp;x</p><h2>C# <em>em</em></h2>",
            "<video controls src=\"v.mp4\"><source src=\"v.webm\">fallback</video><iframe src=\"https://p\"></iframe>"
                + "<script>a = 1;\n\nb = 2;</script><p>x</p>",
            "<div>One\n\nTwo</div><p>a<br><br>b <b>c<br><br>d</b></p><ul><li>x<br><br>y</li></ul>"
                + "<p>在研究（https://x.y/z）时我 https://x.y/a。 see https://x.y/b.</p>",
        ]

        @Test(
            .enabled(
                if: CommonMarkRenderer.path != nil || CommonMarkRenderer.isRequired,
                "cmark-gfm is not installed (apt-get install cmark-gfm); it is required when CI=true"
            ),
            arguments: samples
        )
        func renderedMarkdownShowsTheSourceTextAndConvertsBackToItself(_ html: String) throws {
            let executable = try #require(CommonMarkRenderer.path, "CI=true requires cmark-gfm on PATH")
            let written = try markdown(html)
            let rendered = try CommonMarkRenderer.html(for: written, executable: executable)
            #expect(try visibleText(rendered) == visibleText(html), "Markdown:\n\(written)\nrendered:\n\(rendered)")
            #expect(try markdown(rendered) == written, "rendered:\n\(rendered)")
        }

        @Test(.enabled(
            if: CommonMarkRenderer.path != nil || CommonMarkRenderer.isRequired,
            "cmark-gfm is not installed (apt-get install cmark-gfm); it is required when CI=true"
        ))
        func withGFMAutolinksABareURLLinksOnlyItself() throws {
            let executable = try #require(CommonMarkRenderer.path, "CI=true requires cmark-gfm on PATH")
            let html = "<p>在研究（https://actualbudget.com/blog/cursed-caching-curious）时我得到了启发，见https://x.y/z。</p>"
            let rendered = try CommonMarkRenderer.html(
                for: try markdown(html), executable: executable, extensions: ["table", "autolink"])
            let links = try HTMLDocument(html: rendered).body.descendants.filter { $0.name == "a" }
            let urls = ["https://actualbudget.com/blog/cursed-caching-curious", "https://x.y/z"]
            #expect(links.map(\.textContent) == urls)
            #expect(links.map { $0.attribute("href") } == links.map(\.textContent))
            #expect(try visibleText(rendered) == visibleText(html))
        }

        /// The text a reader sees, with image alt texts, and without whitespace (which collapsing may change).
        private func visibleText(_ html: String) throws -> String {
            let document = try HTMLDocument(html: html)
            var text = ""
            for node in document.body.descendants {
                if node.isText, !node.hasAncestor(named: ["script", "style"]) {
                    text += node.text
                } else if node.isElement, node.name == "img" {
                    text += "[img:" + (node.attribute("alt") ?? "") + "]"
                }
            }
            return String(text.unicodeScalars.filter { !" \t\n\r\u{0C}".unicodeScalars.contains($0) })
        }
    }
}
