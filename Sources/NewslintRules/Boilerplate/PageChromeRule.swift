import NewslintCore
import NewslintDOM

/// Pieces of the source page's machinery: hidden inputs, Vue widgets (`data-v-*` elements with buttons and
/// icons but no article content), empty heading anchors and `width:undefinedpx` popovers.
///
/// Check: reports each element matching a `page_chrome` selector of the profile (`input[type=hidden]`,
/// `[style*=undefinedpx]`, `a.anchor` in the defaults), each `data-v-*` element that holds controls (buttons,
/// inputs, icons) and no text or media, and each link inside a heading that has no text or image (a permalink
/// anchor). Outermost only.
/// Fix (safe): removes the element (declared as boilerplate to the content-loss guard).
struct PageChromeRule: Rule {
    let description = RuleDescription(
        id: "page-chrome",
        summary: "Page machinery: hidden inputs, Vue widget remnants, empty heading anchors, width:undefinedpx",
        rationale: """
            Scrapers copy the page, not just the article: 游戏时光 leaves `<input type="hidden" id="topicId">`, \
            少数派's Vue components leave like and share buttons with `data-v-7be936cf` attributes and popovers \
            styled `width:undefinedpx;display:none;`, and blog themes put an empty permalink anchor into every \
            heading (`<h2>背景<a href="…#背景"></a></h2>`, Telegram's `<a class="anchor">`). None of it works \
            in a post: the controls are dead, the anchors become empty links in Markdown. The selectors are \
            `page_chrome` in the rule files; Vue widgets and heading anchors are recognised by their shape.
            """,
        kind: .boilerplate,
        fixAvailability: .safe,
        triggering: [
            RuleExample(#"<div><p>正文</p>↓<input type="hidden" id="topicId" value="1175965"></div>"#),
            RuleExample(#"<div><h2>背景↓<a href="https://example.com/post/#%E8%83%8C%E6%99%AF"></a></h2><p>正文</p></div>"#),
            RuleExample(##"<div><h3>↓<a class="anchor" name="open-platform" href="#open-platform"><i class="anchor-icon"></i></a>Open Platform</h3></div>"##),
            RuleExample(#"<div><p>正文</p>↓<div class="item-wrapper" data-v-7be936cf><button class="btn" data-v-7be936cf><i class="iconfont" data-v-7be936cf></i></button></div></div>"#),
            RuleExample(#"<div><p>正文</p>↓<div role="tooltip" style="width:undefinedpx;display:none;"><small>扫码分享</small></div></div>"#),
        ],
        nonTriggering: [
            RuleExample(#"<div class="content" data-v-1eaafa2a><p data-v-1eaafa2a>正文</p></div>"#),
            RuleExample(#"<div><h2><a href="https://example.com/spec">规范</a>的变化</h2></div>"#),
            RuleExample(#"<div><h2><a href="https://example.com/a.png"><img src="https://example.com/a.png"></a></h2></div>"#),
            RuleExample(#"<div><p><input type="checkbox" checked> 已完成</p></div>"#),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<div><h2>背景<a href="https://example.com/#bg"></a></h2><p>正文</p><input type="hidden" value id="puid"></div>"#),
                "<div>\n<h2>背景</h2>\n<p>正文</p>\n</div>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        PageChromeRule.chrome(context).map { piece in
            Violation(at: context.location(of: piece.node), "\(piece.label) in article body",
                      fix: Fix("remove the \(piece.label)", removing: [piece.node]) { piece.node.remove() })
        }
    }

    /// The outermost page-chrome elements of a body with what they are. Shared with rules that must ignore them.
    /// Computed once per state of the post and shared by the rules that ask.
    static func chrome(_ context: RuleContext) -> [(node: Node, label: String)] {
        guard let body = context.body else { return [] }
        return context.derived("page-chrome.chrome") {
            chrome(in: body, profile: context.profile, widgets: PromoWidgets(context))
        }
    }

    static func chrome(in body: Node, profile: SiteProfile, widgets: PromoWidgets) -> [(node: Node, label: String)] {
        var found: [(node: Node, label: String)] = []
        for node in body.descendants where node.isElement {
            guard !found.contains(where: { node.isInside($0.node) }), !widgets.contains(node) else { continue }
            guard !node.hasAncestor(named: TextClasses.codeContainers) else { continue }
            if let label = label(of: node, profile: profile) { found.append((node, label)) }
        }
        return found
    }
}

private extension PageChromeRule {
    static func label(of node: Node, profile: SiteProfile) -> String? {
        if isHeadingAnchor(node) { return "empty heading anchor" }
        if isVueWidget(node) { return "Vue widget remnant" }
        guard let position = profile.pageChromeIndex.firstIndex(matching: node) else { return nil }
        return "page chrome (\(profile.pageChromeSelectors[position].source))"
    }

    static let headings: TagNames = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let media: TagNames = ["img", "video", "audio", "iframe", "embed", "object", "picture", "table", "canvas"]
    static let controls: TagNames = ["button", "input", "select", "textarea", "i", "svg"]

    /// A link inside a heading with no text and no image: the theme's permalink anchor.
    static func isHeadingAnchor(_ node: Node) -> Bool {
        guard node.isElement(named: "a"), node.hasAncestor(named: headings) else { return false }
        return !hasText(node) && !node.descendants.contains { $0.isElement(media) }
    }

    /// An element Vue rendered (`data-v-…`) that holds controls or icons but no text or media of the article.
    static func isVueWidget(_ node: Node) -> Bool {
        // The names' bytes rule out nearly every element without making their strings (see `AttributeNameBytes`):
        // a name of ASCII bytes starts with `data-v-` as a string exactly when its bytes do.
        guard node.containsAttributeName(where: isPossibleVueAttribute),
              node.attributeNames.contains(where: { $0.hasPrefix("data-v-") }) else { return false }
        guard !hasText(node), !node.descendants.contains(where: { $0.isElement(media) }) else { return false }
        return node.isElement(controls) || node.descendants.contains { $0.isElement(controls) }
    }

    static func hasText(_ node: Node) -> Bool {
        node.descendants.contains { $0.isText && !TextClasses.isBlank($0.text) }
    }
}

extension PageChromeRule {
    static let vuePrefix = Array("data-v-".utf8)

    /// False only for a name whose string in `attributeNames` does not start with `data-v-`.
    static func isPossibleVueAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        !AttributeNameBytes.isASCII(name) || AttributeNameBytes.name(name, hasPrefix: vuePrefix)
    }
}
