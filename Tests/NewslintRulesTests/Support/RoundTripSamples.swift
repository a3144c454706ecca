/// The hard cases of issue 3 §1 as article bodies, for the round trip beside the corpus, which holds few of
/// them.
enum RoundTripSamples {
    static let bodies: [(name: String, html: String)] = [
        ("literal-markup-characters", "<p>a*b*c 2*3 snake_case _x_ a_ `t` [a] [b](c) &lt;div&gt; &lt;/i&gt; a&lt;b "
            + "&amp;amp; &amp;#123; back\\slash \\* end\\</p><p>a #1 - b + c. d) {e} (f): g! h|i ~j **not bold**</p>"),
        ("literal-line-starts", "<p># not heading</p><p>####### seven</p><p>&gt; quote</p><p>- dash</p>"
            + "<p>+ plus</p><p>* star</p><p>1. one</p><p>2) two</p><p>2024. year</p><p>| a | b |</p>"
            + "<p>&lt;div&gt;x</p><p>`tick</p><p>[ref]: /url</p><p>\\back</p><p>~~~ tilde</p><p>```fence</p>"
            + "<p>a<br>---</p><p>a<br>===</p><p>a<br>1. x</p><p>a<br>- x</p><p>a<br># x</p><p>a<br>&gt; x</p>"),
        ("nested-lists", "<ul><li><p>first</p><p>second paragraph</p><pre>code in item\n  indented</pre></li>"
            + "<li>tight<ul><li>nested <b>bold</b><ol start=\"7\"><li>seven</li><li>eight</li></ol></li></ul></li>"
            + "<li>- looks like a bullet</li></ul><ol start=\"3\"><li>three</li><li><p>four</p><p>more</p></li></ol>"
            + "<ol start=\"0\"><li>zero</li></ol><ol><li>one</li></ol><ol start=\"5\"><li>five</li></ol>"),
        ("code", "<pre><code class=\"language-md\">```\nfenced\n```\n~~~\n````</code></pre>"
            + "<pre>line1<br>line2<BR>  indented\t&lt;x&gt; &amp; 中文</pre>"
            + "<div class=\"highlight\"><pre><span class=\"n\">x</span> <span class=\"o\">=</span> "
            + "<span class=\"mi\">1</span>\n</pre></div><p>inline <code>a`b</code> <code>`x`</code> "
            + "<code> sp </code> <code>a * b</code></p>"),
        ("tables", "<table><tr><th>a|b</th><th>c</th></tr><tr><td>x|y<br>z</td><td><code>p|q</code></td></tr></table>"
            + "<table><tr><th>h</th><th>i</th></tr><tr><td><p>1</p><p>2</p></td><td><ul><li>x</li></ul></td></tr>"
            + "</table><table><tr><td>no</td><td>header</td></tr><tr><td colspan=\"2\">wide</td></tr></table>"
            + "<table><tr><td><p>layout</p><p>table</p></td></tr></table>"),
        ("links-and-images", "<p><a href=\"https://x.y/z\">https://x.y/z</a> <a href=\"https://x.y/a b(c\">s</a> "
            + "<a href=\"/p?q=1&amp;r=2\" title=\"say &quot;hi&quot;\">t</a> <a href=\"https://例子.cn/路径\">中文</a> "
            + "<a href=\"https://x.y\"><img src=\"i.png\" alt=\"pic [1] *x*\"></a> "
            + "<a href=\"https://big\"><img src=\"s.jpg\"></a></p><p><img src=\"y.png\" referrerpolicy=\"no-referrer\">"
            + "</p><p>见https://x.y/z。 see https://x.y/b.</p>"),
        ("cjk-emphasis", "<p>这是<strong>重要</strong>的</p><p><strong>重要。</strong>后面</p><p>「<strong>引用</strong>」"
            + "如下：<strong>「注意」</strong> 价格<strong>€5</strong>元</p><p>a<em>(b)</em>c "
            + "<strong><em>x</em>」<em>「y</em></strong></p><p>中文\n中文 当Linus\nTorvalds</p>"),
    ]
}
