import NewslintCore
import NewslintDOM

/// Presentational wrappers and attributes: `<font>`, bare `<span>`s, `div.img_wrapper`, `style`, `cms-style`,
/// `data-v-*`.
///
/// Check: reports each element that is a presentational wrapper or carries presentational attributes.
/// Fix (safe): unwraps wrappers and drops the attributes, keeping their meaning: elements the profile marks
/// bold or italic become `<strong>`/`<em>`, and non-empty caption elements become `<figcaption>`.
struct PresentationalMarkupRule: Rule {
    let description = RuleDescription(
        id: "presentational-markup",
        summary: "Presentational wrappers and attributes (<font>, cms-style, style, data-v-*, span wrappers)",
        rationale: """
            CMS editors wrap every paragraph in `<font cms-style="font-L">`, Vue leaves `data-v-1eaafa2a` on \
            every element and inline `style` fixes colours and indents. None of it survives in Markdown, but \
            part of it carries meaning: Sina marks bold runs with `<font cms-style="strong-Bold">` and image \
            captions with `<span class="img_descr">`. The fix turns those into `<strong>` and `<figcaption>` \
            first, so the meaning reaches the Markdown, then unwraps the rest.
            """,
        kind: .markup,
        fixAvailability: .safe,
        triggering: [
            RuleExample(#"<div><p ↓cms-style="font-L">　　↓<font cms-style="font-L">正文</font></p></div>"#, site: "sina-finance"),
            RuleExample(#"<div><p>这是↓<font cms-style="strong-Bold">重要</font>的。</p></div>"#, site: "sina-finance"),
            RuleExample(#"<div>↓<div class="img_wrapper"><img src="a.jpg">↓<span class="img_descr">图注</span></div></div>"#, site: "sina-finance"),
            RuleExample(#"<div><p ↓data-v-7be936cf>文本</p></div>"#),
        ],
        nonTriggering: [
            RuleExample("<div><p>纯文本<strong>加粗</strong></p></div>"),
            RuleExample(#"<div><pre><code><span class="n">wchar_t</span> c;</code></pre></div>"#),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<div><p cms-style="font-L"><font cms-style="font-L">正文</font></p></div>"#, site: "sina-finance"),
                "<div><p>正文</p></div>"),
            RuleCorrection(
                RuleExample(#"<div><p>这是<font cms-style="strong-Bold">重要</font>的。</p></div>"#, site: "sina-finance"),
                "<div><p>这是<strong>重要</strong>的。</p></div>"),
            RuleCorrection(
                RuleExample(#"<div><div class="img_wrapper"><img src="a.jpg"><span class="img_descr">图注</span></div></div>"#, site: "sina-finance"),
                "<div>\n<img src=\"a.jpg\"><figcaption>图注</figcaption>\n</div>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let body = context.body else { return [] }
        let profile = context.profile
        let widgets = PromoWidgets(context)
        let attributeFilter = PresentationalAttributeFilter.of(profile)
        return body.descendants.compactMap { node -> Violation? in
            guard node.isElement, !node.hasAncestor(named: TextClasses.codeContainers) else { return nil }
            guard !widgets.contains(node) else { return nil }
            guard let change = PresentationalMarkupRule.change(for: node, profile: profile,
                                                                    attributeFilter: attributeFilter) else { return nil }
            return Violation(at: location(of: node, change: change, context: context), change.message,
                             fix: Fix(change.title) { change.apply(node) })
        }
    }
}

/// One element's presentational markup and what replaces it.
private struct MarkupChange {
    enum Action { case rename(String), unwrap, dropAttributes }
    let action: Action
    let attributes: [String]
    let message: String
    let title: String

    func apply(_ node: Node) {
        switch action {
        case .rename(let name):
            for attribute in node.attributes.map(\.name) { node.removeAttribute(attribute) }
            node.rename(to: name)
        case .unwrap:
            node.unwrap()
        case .dropAttributes:
            for attribute in attributes { node.removeAttribute(attribute) }
        }
    }
}

private extension PresentationalMarkupRule {
    static func change(for node: Node, profile: SiteProfile,
                       attributeFilter: PresentationalAttributeFilter) -> MarkupChange? {
        // Most elements match nothing: their description is made only for a finding.
        var description: String { describe(node) }
        if profile.boldIndex.containsMatch(node) {
            return MarkupChange(action: .rename("strong"), attributes: [],
                                message: "\(description) is used for bold text", title: "replace it with <strong>")
        }
        if profile.italicIndex.containsMatch(node) {
            return MarkupChange(action: .rename("em"), attributes: [],
                                message: "\(description) is used for italic text", title: "replace it with <em>")
        }
        if profile.captionIndex.containsMatch(node) {
            // An empty caption is `empty-paragraph`'s to remove.
            guard !node.textContent.allSatisfy(TextClasses.isBlank) else { return nil }
            return MarkupChange(action: .rename("figcaption"), attributes: [],
                                message: "\(description) holds an image caption", title: "replace it with <figcaption>")
        }
        if profile.unwrapIndex.containsMatch(node) {
            return MarkupChange(action: .unwrap, attributes: [],
                                message: "presentational wrapper \(description)", title: "unwrap the <\(node.name)> element")
        }
        // Most names are not presentational, and the filter tells so from their bytes: strings are made for the
        // others only, and tested as before.
        // (A closure, not the method itself: a bound method would box the filter for every element.)
        let attributes = node.attributeNames(where: { attributeFilter.mayBePresentational($0) })
            .filter(profile.isPresentationalAttribute)
        guard !attributes.isEmpty else { return nil }
        let list = attributes.map { "'\($0)'" }.joined(separator: ", ")
        let tag = "<\(node.name)>"
        return MarkupChange(action: .dropAttributes, attributes: attributes,
                            message: "presentational attribute\(attributes.count == 1 ? "" : "s") \(list) on \(tag)",
                            title: "remove the attribute\(attributes.count == 1 ? "" : "s")")
    }

    /// `<font cms-style="font-L">`, `<div class="img_wrapper">`: the tag with the attribute that identifies it.
    static func describe(_ node: Node) -> String {
        let identifying = node.attributes.first { ["class", "cms-style", "style", "id"].contains($0.name) }
        guard let identifying else { return "<\(node.name)>" }
        return "<\(node.name) \(identifying.name)=\"\(TextClasses.snippet(identifying.value, limit: 30))\">"
    }

    /// Attribute-only findings point at the first presentational attribute; the others at the tag.
    func location(of node: Node, change: MarkupChange, context: RuleContext) -> Location {
        guard case .dropAttributes = change.action, let first = change.attributes.first else {
            return context.location(of: node)
        }
        return context.location(of: first, from: node)
    }
}
