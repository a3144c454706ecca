import NewslintCore
import NewslintDOM
import NewslintTestSupport
import Testing
@testable import NewslintRules

/// `credit-line` reads a line's text only when its first character may start a credit line, turns a post away
/// from its text nodes alone when none can, and skips the regex engine for a line without any of a pattern's
/// required alternatives. On random bodies it must report exactly what the plain reading does: every line's text
/// made, classified by its characters, every pattern asked (`PlainCreditLineRule`, the rule as it was).
@Suite struct CreditLineReadingTests {
    /// Texts whose first character matters: credit-line starts of the built-in profiles, their first characters
    /// alone, blanks and zero-width or joining scalars that only the characters tell, and article text.
    static let texts = [
        "来源：示例", "本文来自微信公众号“示例”", "原文链接", "作者 | 某团队", "作者：某", "（图自：示例）", "截图（来自：示例）",
        "资料图(via: 示例)", "via", "责任编辑：某", "本", "来", "文／某", "题图来自 Unsplash", "编者按：本文来自示例",
        "36氪经授权发布。", "正文。", "正文第二段，", "The Telegram Team", " ", "\n  ", "\u{3000}", "\u{00A0}", "\u{200B}",
        "\u{301}", "\u{200C}\u{200C}", "\r\n", "e\u{301}", "👍🏽", String(repeating: "长", count: 45),
        String(repeating: "来源：很长的一行 ", count: 12),
    ]

    /// Inline wrappers, some of them boilerplate that the lines skip (`copy-code-btn`, `originUrl`, hidden
    /// inputs, `undefinedpx` styles), and markup that breaks or ends lines.
    static let inline = [
        ("<span>", "</span>"), ("<a href=\"https://example.com/a\">", "</a>"), ("<strong>", "</strong>"),
        ("<span class=\"copy-code-btn\">", "</span>"),
        ("<a class=\"originUrl\" href=\"https://example.com/o\">", "</a>"),
        ("<span style=\"width:undefinedpx\">", "</span>"), ("<em>", "</em>"),
    ]
    static let blocks = [
        ("<p>", "</p>"), ("<div>", "</div>"), ("<section>", "</section>"), ("<figure>", "</figure>"),
        ("<ul><li>", "</li></ul>"), ("<table><tr><td>", "</td></tr></table>"), ("<blockquote>", "</blockquote>"),
        ("<div class=\"support-author\">", "</div>"), ("<div class=\"article-relation\">", "</div>"),
        ("<center>", "</center>"), ("<p class=\"article-editor\">", "</p>"),
    ]
    static let single = [
        "<br>", "<br>", "<img src=\"https://example.com/a.png\">", "<!-- 注释 -->", "<script>来源：x</script>",
        "<input type=\"hidden\" value=\"来源\">", "<pre>来源：代码</pre>", "<hr>", "<h2>相关阅读</h2>",
        "<table><tr><td>表</td></tr></table>", "<button>赞赏</button>", "\n",
    ]

    /// Article text, blanks and joining scalars: a body of these and a few `texts` has few lines that may be
    /// credit lines, where the test of the text nodes decides.
    static let articleTexts = [
        "正文。", "正文第二段，", "消息称", " ", "\n  ", "\u{3000}", "\u{200B}", "\u{301}", "e\u{301}", "👍🏽", "长长",
        "Article text. ",
    ]

    static func randomHTML(depth: Int, texts: [String],
                           using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 1...5, using: &generator)).map { _ -> String in
            let roll = Int.random(in: 0..<10, using: &generator)
            if depth > 0 && roll < 3 {
                let (open, close) = blocks.randomElement(using: &generator)!
                return open + randomHTML(depth: depth - 1, texts: texts, using: &generator) + close
            }
            if depth > 0 && roll < 5 {
                let (open, close) = inline.randomElement(using: &generator)!
                return open + randomHTML(depth: depth - 1, texts: texts, using: &generator) + close
            }
            if roll < 7 { return single.randomElement(using: &generator)! }
            return texts.randomText(count: 1...3, using: &generator)
        }.joined()
    }

    /// A line starts in any of its text nodes: in an inline element, after blanks, after a comment; and skipped
    /// boilerplate inside a line joins the text around it.
    @Test(arguments: [
        ("<div><p>正文。</p><span>来源：示例</span><p>正文。</p></div>", 1),
        ("<div><p>正文。</p><p><strong> </strong><em>\u{3000}来源：示例</em></p><p>正文。</p></div>", 1),
        ("<div><p>来<!-- 注释 -->源：示例</p><p>正文。</p></div>", 1),
        ("<div><p><span class=\"copy-code-btn\">复制</span>来源：示例</p><p>正文。</p></div>", 1),
        ("<div><p>正文。<span class=\"copy-code-btn\">复制</span>来源：示例</p><p>正文。</p></div>", 0),
        ("<div><p>\u{200B}来源：示例</p><p>正文。</p></div>", 1),
        ("<div><p>\u{200C}\u{200C}来源：示例</p><p>正文。</p></div>", 0),
    ])
    func linesStartInAnyOfTheirTextNodes(body: String, count: Int) throws {
        let post = try PostReader.read(text: "---\ntitle: 示例\n---\n" + body + "\n", path: "post.md")
        let findings = try Linter(rules: [CreditLineRule()], catalog: ExampleRunner.catalog).check(post)
        let plain = try Linter(rules: [PlainCreditLineRule()], catalog: ExampleRunner.catalog).check(post)
        #expect(findings.count == count && findings == plain, "\(findings)")
    }

    /// Findings only: the fixes move the same lines with the same code.
    @Test func reportsLikeThePlainReading() throws {
        let sites: [String?] = [nil, "woshipm", "cnbeta", "sina-finance", "dockone", "36kr", "telegram"]
        var generator = SystemRandomNumberGenerator()
        var reported = 0
        for round in 0..<3_000 {
            // Every other body is mostly article text, with one kind of credit start among twenty pieces.
            let texts = round % 2 == 0 ? Self.texts
                : Self.articleTexts + Array(repeating: "", count: 7) + [Self.texts.randomElement(using: &generator)!]
            let body = "<div>" + Self.randomHTML(depth: 3, texts: texts, using: &generator) + "</div>"
            let text = "---\ntitle: 示例\n---\n" + body + "\n"
            let site = sites[round % sites.count]
            let post = try PostReader.read(text: text, path: "post.md")
            let rule = Linter(rules: [CreditLineRule()], catalog: ExampleRunner.catalog, forcedSite: site)
            let plain = Linter(rules: [PlainCreditLineRule()], catalog: ExampleRunner.catalog, forcedSite: site)
            let findings = try rule.check(post)
            #expect(findings == (try plain.check(post)), "\(site ?? "defaults"): \(body.debugDescription)")
            reported += findings.count { $0.message.hasPrefix("credit line") }
        }
        #expect(reported > 300, "too few credit lines for the test to mean anything")
    }
}

/// `credit-line` as it read lines before it learned to skip them: every line's text made, blankness and credit
/// told by the text's characters, the lines worked out for every post. The reference of the test above; where a
/// line stands, its fix and the missing-line finding are the rule's own, which the shortcuts do not touch.
private struct PlainCreditLineRule: Rule {
    let description = RuleDescription(
        id: "credit-line", summary: "Credit or source line not among the post's closing lines", rationale: "",
        kind: .content, fixAvailability: .safe, formats: [.html, .markdown], triggering: [], nonTriggering: [],
        corrections: [])

    func check(_ context: RuleContext) -> [Violation] {
        let profile = context.profile
        guard !profile.creditLinePatterns.isEmpty else { return [] }
        if let markdown = context.markdown {
            guard profile.requiresCreditLine else { return [] }
            let hasLine = markdown.text.linesCutAtLineFeeds.contains { line in
                Self.isCredit(String(line), profile: profile)
            }
            return hasLine ? [] : [CreditLineRule().missing(context)]
        }
        guard let body = context.body else { return [] }
        let lines = Self.visibleLines(in: body, context)
        let kinds = Self.classify(lines, profile: profile)
        if !kinds.contains(.credit) {
            return profile.requiresCreditLine ? [CreditLineRule().missing(context)] : []
        }
        guard let lastContent = kinds.lastIndex(of: .content) else { return [] }
        return zip(lines, kinds).prefix(lastContent).filter { $0.1 == .credit }.map { line, _ in
            Violation(at: CreditLineRule().location(of: line.nodes, context),
                      "credit line '\(TextClasses.snippet(line.text))' is not among the post's closing lines",
                      fix: Fix("move the credit line to the end") { CreditLineRule.moveToEnd(line.nodes, in: body) })
        }
    }

    struct Line {
        let nodes: [Node]
        let text: String
        let hasMedia: Bool

        init(nodes: [Node]) {
            self.nodes = nodes
            text = nodes.map(\.textContent).joined()
            hasMedia = nodes.contains { node in
                node.isElement(TextClasses.replacedElements)
                    || node.descendants.contains { $0.isElement(TextClasses.replacedElements) }
            }
        }

        var isVisible: Bool { hasMedia || !TextClasses.isBlank(text) }
    }

    enum Kind { case credit, editor, content }

    static func isCredit(_ text: String, profile: SiteProfile) -> Bool {
        let trimmed = text.drop(while: TextClasses.isBlank)
        guard !trimmed.isEmpty else { return false }
        let line = String(trimmed)
        return profile.creditLinePatterns.contains { $0.matches(line) } && CreditLineRule.isShortByCharacters(trimmed)
    }

    static func visibleLines(in body: Node, _ context: RuleContext) -> [Line] {
        let promo = PromoBlockRule.widgets(context).map(\.node)
        let related = RelatedArticlesRule.blocks(context).flatMap(\.nodes)
        let chrome = PageChromeRule.chrome(context).map(\.node)
        let skipped = Set(promo + related + chrome)
        var lines: [Line] = []
        var current: [Node] = []
        func flush() {
            if !current.isEmpty { lines.append(Line(nodes: current)) }
            current = []
        }
        func walk(_ parent: Node) {
            for child in parent.children {
                if child.isComment || child.isElement(["style", "script", "template", "noscript"])
                    || skipped.contains(child) {
                    continue
                }
                if child.isElement(named: "br") {
                    flush()
                } else if child.isElement(["pre", "textarea", "xmp"]) {
                    flush()
                    lines.append(Line(nodes: [child]))
                } else if child.isElement(TextClasses.blockElements) || child.isElement
                            && child.descendants.contains(where: { $0.isElement(TextClasses.blockElements) }) {
                    flush()
                    walk(child)
                    flush()
                } else {
                    current.append(child)
                }
            }
        }
        walk(body)
        flush()
        return lines.filter(\.isVisible)
    }

    static func classify(_ lines: [Line], profile: SiteProfile) -> [Kind] {
        lines.enumerated().map { index, line in
            let trimmed = String(line.text.drop(while: TextClasses.isBlank))
            if profile.editorLinePatterns.contains(where: { $0.matches(trimmed) }) { return .editor }
            guard !line.hasMedia, isCredit(line.text, profile: profile) else { return .content }
            let underImage = index > 0 && lines[index - 1].hasMedia && TextClasses.isBlank(lines[index - 1].text)
            let inFigure = line.nodes.contains { $0.hasAncestor(named: ["figure", "figcaption"]) }
            return underImage || inFigure || CreditLineRule.followsTable(line.nodes) ? .content : .credit
        }
    }
}
