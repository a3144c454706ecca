import Foundation
import NewslintCore
import NewslintDOM
@testable import NewslintRules

/// Text extraction from the DOM of a post as read, before any fix.
enum HTMLParagraphs {
    /// The text of each `<p>` of the post's HTML body.
    static func texts(ofBody text: String) throws -> [String] {
        let post = try PostReader.read(text: text, path: "post.md")
        let document = try HTMLBody.parse(post.body)
        return document.body.descendants.filter { $0.name == "p" }.map(\.textContent)
    }

    /// Visible article text of the body: text nodes outside `<style>`, `<script>` and the blocks the
    /// boilerplate rules remove by design.
    static func articleText(ofBody text: String, catalog: SiteCatalog) throws -> [String] {
        let post = try PostReader.read(text: text, path: "post.md")
        guard post.bodyFormat == .html else {
            // Comments are boilerplate and image syntax is not text.
            return [post.body.replacingOccurrences(of: #"<!--[\s\S]*?-->|!\[[^\]]*\]\([^)]*\)"#, with: "",
                                                   options: .regularExpression)]
        }
        let document = try HTMLBody.parse(post.body)
        let profile = catalog.profile(for: post, hosts: [])
        // What the boilerplate rules declare they remove: promo widgets, related-article blocks, page chrome.
        let promo = PromoBlockRule.widgets(in: document.body, profile: profile).map(\.node)
        let widgets = promo + RelatedArticlesRule.blocks(in: document.body, profile: profile).flatMap(\.nodes)
            + PageChromeRule.chrome(in: document.body, profile: profile, widgets: PromoWidgets(nodes: promo)).map(\.node)
        return document.body.descendants.compactMap { node -> String? in
            guard node.kind == .text, !node.hasAncestor(named: ["style", "script"]) else { return nil }
            guard !widgets.contains(where: { node.isInside($0) }) else { return nil }
            return node.text
        }
    }
}
