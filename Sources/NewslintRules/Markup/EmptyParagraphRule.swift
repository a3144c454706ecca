import NewslintCore
import NewslintDOM

/// Paragraphs, captions and wrappers with nothing a reader can see in them.
///
/// Check: reports each outermost such element.
/// Fix (safe): removes it.
struct EmptyParagraphRule: Rule {
    let description = RuleDescription(
        id: "empty-paragraph",
        summary: "Whitespace-only paragraphs, captions and wrappers",
        rationale: """
            Feeds leave paragraphs that hold only spaces, NBSP, U+3000 or `<br>` (`<p>　　</p>`, \
            `<div><br></div>`, `<p></p><p></p>`), and empty captions (`<span class="img_descr"></span>`, \
            `<figcaption contenteditable="true"></figcaption>`). They render as unexplained vertical gaps and \
            make an empty caption line under images.
            """,
        kind: .markup,
        fixAvailability: .safe,
        triggering: [
            RuleExample("<div><p>正文</p>↓<p>　　</p></div>"),
            RuleExample("<div><p>正文</p>↓<p>&nbsp;</p>↓<div><br></div></div>"),
            RuleExample(#"<div><img src="a.png">↓<span class="img_descr"></span></div>"#),
            RuleExample(##"<div>↓<font size="2"><font color="#808080"></font></font><br><p>正文</p></div>"##),
        ],
        nonTriggering: [
            RuleExample(#"<div><p><img src="a.png"></p></div>"#),
            RuleExample("<div><p>正文</p></div>"),
            RuleExample("<div><p><!-- more --></p></div>"),
            RuleExample("<table><tr><td></td><td>x</td></tr></table>"),
        ],
        corrections: [
            RuleCorrection(RuleExample("<div><p>正文</p><p>　　</p><p></p></div>"), "<div><p>正文</p></div>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let body = context.body else { return [] }
        var found: [Node] = []
        let widgets = PromoWidgets(context)
        for node in body.descendants where node.isElement(EmptyParagraphRule.candidates) {
            guard !found.contains(where: { node.isInside($0) }), EmptyParagraphRule.isBlank(node) else { continue }
            guard !widgets.contains(node) else { continue }
            found.append(node)
        }
        return found.map { node in
            Violation(at: context.location(of: node), message(for: node),
                      fix: Fix("remove the empty element", removing: [node]) { node.remove() })
        }
    }
}

private extension EmptyParagraphRule {
    static let candidates: TagNames = [
        "p", "div", "section", "article", "center", "figure", "figcaption", "font", "span", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    /// Nothing visible: no replaced element, no comment (comments are `ad-comment`'s), only blank text.
    static func isBlank(_ node: Node) -> Bool {
        for child in node.descendants {
            if child.isComment { return false }
            if child.isElement(TextClasses.replacedElements) { return false }
            if child.isText, !TextClasses.isBlank(child.text) { return false }
        }
        return true
    }

    func message(for node: Node) -> String {
        switch node.name {
        case "p": "empty paragraph"
        case "figcaption": "empty image caption"
        case "span" where node.hasClass("img_descr"): "empty image caption"
        default: "empty <\(node.name)> element"
        }
    }
}
