/// Article bodies full of template syntax, published with every engine besides the corpus: few corpus posts
/// hold `{{` or `{%`, and none a Hugo shortcode.
enum TargetSamples {
    static let bodies: [(name: String, html: String)] = [
        ("template-text", "<p>Vue 模板 {{ message }} 与 Jinja {% if user %}、注释 {# note #} 以及单独的 #} 和 %} 收尾，"
            + "还有 a{{{b}}} 与 {{- trim -}}</p><p>Hugo 短代码 {{< figure src=\"a.png\" >}} 和 {{% note %}} 未闭合 {{< x</p>"),
        ("template-code-block", "<pre><code class=\"language-html\">&lt;div&gt;{{ message }}&lt;/div&gt;\n"
            + "{% for x in xs %}\n\n  {# comment #} #}\n{% endfor %}\n</code></pre>"
            + "<pre>{{< highlight go >}}\nfmt.Println()\n{{< /highlight >}}\n{{% notice %}}x{{% /notice %}}</pre>"),
        ("template-code-fallbacks", "<pre>{% raw %}{{ x }}{% endraw %}</pre><pre>{{< unclosed\n\nshortcode</pre>"
            + "<pre>{{&lt;/* already a comment */&gt;}}</pre>"
            + "<pre><code class=\"language-js\">a = \"{% endraw %}\";\nc = \"&lt;/pre&gt;\"; {{< b</code></pre>"),
        ("template-code-spans", "<p>用 <code>{{ x }}</code>、<code>{% raw %}</code>、<code>{{&lt; figure &gt;}}</code>、"
            + "<code>{{% x</code> 和 <code>`{{y}}`</code></p><p>x{<code>{{ y }}</code> {{<strong>粗</strong> "
            + "{{<sup>2</sup> <strong>{{x}}</strong>后 <em>{% y %}</em></p>"),
        ("template-structure", "<h2>标题 {{ title }} <code>{% t %}</code></h2>"
            + "<table><tr><th>a</th><th>b</th></tr><tr><td>{{ x }}</td><td><code>{% y %}</code></td></tr></table>"
            + "<table><tr><td><p>{{ a }}</p><p>b</p></td><td>{%c%} {{< d >}}</td></tr></table>"
            + "<ul><li>{{ item }}<ul><li><pre>{{ nested }}</pre></li></ul></li><li><p>{% p %}</p><p>二</p></li></ul>"
            + "<blockquote><p>{% quote %}</p><pre>{{ q }}</pre></blockquote>"
            + "<p><a href=\"https://x.y/?q={{a}}\" title=\"{{t}}\">链接 {{l}}</a> "
            + "<img src=\"https://x.y/{{i}}.png\" alt=\"{{alt}}\"> <!-- {{ hidden }} --></p>"),
    ]
}
