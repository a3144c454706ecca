import NewslintCore
import NewslintDOM

/// Promotional widgets: app QR boxes, copy-code buttons, tip, share and "read on the site" links.
///
/// Check: reports each element matching a `promo_blocks` selector of the site profile (outermost only).
/// Fix (safe): removes the whole widget.
struct PromoBlockRule: Rule {
    let description = RuleDescription(
        id: "promo-block",
        summary: "Promotional widgets (app QR boxes, copy-code buttons, tip and share widgets)",
        rationale: """
            Source pages append widgets that advertise the source, not the article: Sina's \
            "海量资讯、精准解读，尽在新浪财经APP" QR box, 掘金's 复制代码 buttons inside every code block, \
            人人都是产品经理's tip button, sspai's share sidebar, 知乎日报's 查看知乎原文 link. In a republished \
            post they are dead buttons and ads. The widgets are listed by selector in `promo_blocks` of \
            `rules/defaults.yml` and the site profiles.
            """,
        kind: .boilerplate,
        fixAvailability: .safe,
        triggering: [
            RuleExample(
                #"<div><p>正文。</p>↓<div class="clearfix appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div></div>"#,
                site: "sina-finance"),
            RuleExample(#"<pre><code>let a = 1↓<span class="copy-code-btn">复制代码</span></code></pre>"#),
            RuleExample(#"<div><p>正文</p>↓<div class="support-author"><div class="support-title">给作者打赏，鼓励TA抓紧创作！</div><button>赞赏</button></div></div>"#),
        ],
        nonTriggering: [
            RuleExample(#"<div><p class="appendQr_normal_txt">正文提到新浪财经APP。</p></div>"#),
            RuleExample(#"<div class="clearfix"><p>正文</p></div>"#),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<pre><code>let a = 1<span class="copy-code-btn">复制代码</span></code></pre>"#),
                "<pre><code>let a = 1</code></pre>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        PromoBlockRule.widgets(context).map { widget in
            Violation(at: context.location(of: widget.node), "promotional widget (\(widget.label)) in article body",
                      fix: Fix("remove the widget", removing: [widget.node]) { widget.node.remove() })
        }
    }

    /// The outermost elements matching a promo selector. Shared with rules that must ignore promo content.
    /// Computed once per state of the post and shared by the rules that ask.
    static func widgets(_ context: RuleContext) -> [(node: Node, label: String)] {
        guard let body = context.body else { return [] }
        return context.derived("promo-block.widgets") { widgets(in: body, profile: context.profile) }
    }

    static func widgets(in body: Node, profile: SiteProfile) -> [(node: Node, label: String)] {
        var found: [(node: Node, label: String)] = []
        for node in body.descendants where node.isElement {
            guard !found.contains(where: { node.isInside($0.node) }) else { continue }
            if let position = profile.promoBlockIndex.firstIndex(matching: node) {
                found.append((node, profile.promoBlocks[position].label))
            }
        }
        return found
    }
}
