import NewslintCore
import NewslintDOM

/// Markup that runs code or another site's page in the reader's browser: `on*` event attributes, `javascript:`
/// and `vbscript:` URLs, and `<iframe>`, `<embed>` and `<object>` from hosts that are not known players.
///
/// Check: reports each event attribute, each script URL (`href`, `src`, `action`, `formaction`, `data`, `poster`,
/// `background`, `xlink:href`), and each embed whose address is not on a host in `embeds.allowed_hosts`. In
/// Markdown bodies, the same in inline HTML tags, and `[text](javascript:…)` links.
/// Fix (safe): removes the attribute; replaces an embed with a link to its address (`<a href="src">src</a>`),
/// keeping any fallback content, or removes it when it has no web address, together with the embeds nested
/// inside it; a script link keeps its text.
struct UnsafeHTMLRule: Rule {
    let description = RuleDescription(
        id: "unsafe-html",
        summary: "Event attributes, javascript: URLs and embeds from hosts that are not known players",
        rationale: """
            A content site publishes the post's HTML as its own. An `onclick="videoTogglePlay(this)"`, an \
            `onerror` on an image or a `javascript:` link runs script from the scraped page on the site's \
            origin, and an `<iframe>`, `<embed>` or `<object>` from an unknown host shows another site's page \
            inside the post, with its ads and trackers. Video players from the hosts in `embeds.allowed_hosts` \
            (Youku, bilibili, YouTube, Vimeo …) stay. The fix removes the rest; an embed becomes a plain link \
            to its address, so the reader can still follow it.
            """,
        kind: .markup,
        fixAvailability: .safe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<div>↓<video src="/file/464001273/example.mp4" onclick="videoTogglePlay(this)" autoplay loop muted></video></div>"#),
            RuleExample(#"<p>点击↓<a href="javascript:void(0)">展开全文</a>，或↓<img src="https://example.com/a.png" onerror="this.src='x.png'" alt></p>"#),
            RuleExample(#"<div><p>演示视频：</p>↓<iframe src="https://ads.example.net/player?id=42" width="640" height="360"></iframe></div>"#),
            RuleExample(#"<div>↓<embed src="https://static.example.com/flash/player.swf?vid=1" type="application/x-shockwave-flash"></div>"#),
            RuleExample(#"<div>↓<iframe src="https://ads.example.net/a"><iframe src="https://ads.example.net/b"></iframe></iframe></div>"#),
            RuleExample("演示：\n\n↓<iframe src=\"https://ads.example.net/player?id=42\"></iframe>\n\n↓[展开](javascript:show%28%29) 与 ↓<a href=\"https://example.com\" onclick=\"track()\">官网</a>\n"),
        ],
        nonTriggering: [
            RuleExample(#"<p><iframe src="https://player.youku.com/embed/XNTE5Nzc4MjM2MA?client_id=example" allowfullscreen width="640" height="480" frameborder="0"></iframe></p>"#),
            RuleExample(#"<p><iframe src="//player.bilibili.com/player.html?bvid=BV1example" allowfullscreen></iframe></p>"#),
            RuleExample(#"<p>JavaScript 中 <code>onclick="f()"</code> 与 <code>javascript:void(0)</code> 的区别，另见 <a href="https://example.com/javascript:guide">指南</a>。</p>"#),
            RuleExample("```html\n<a href=\"javascript:void(0)\" onclick=\"f()\">x</a>\n```\n"),
            RuleExample("Escaped, it is text: \\<iframe src=\"https://ads.example.net/player\"> and \\[x](javascript:f())\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<div><video src="/file/example.mp4" onclick="videoTogglePlay(this)" controls></video></div>"#),
                #"<div><video src="/file/example.mp4" controls></video></div>"#),
            RuleCorrection(
                RuleExample(#"<p>点击<a href="javascript:void(0)" onclick="show()">展开全文</a>。</p>"#),
                "<p>点击<a>展开全文</a>。</p>"),
            RuleCorrection(
                RuleExample(#"<p>演示视频：<iframe src="https://ads.example.net/player?id=42&amp;autoplay=1" width="640"></iframe></p>"#),
                #"<p>演示视频：<a href="https://ads.example.net/player?id=42&amp;autoplay=1">https://ads.example.net/player?id=42&amp;autoplay=1</a></p>"#),
            RuleCorrection(
                RuleExample(#"<p><iframe src="https://ads.example.net/a"><iframe><iframe src="https://ads.example.net/b"></iframe></iframe></iframe></p>"#),
                #"<p><a href="https://ads.example.net/a">https://ads.example.net/a</a><a href="https://ads.example.net/b">https://ads.example.net/b</a></p>"#),
            RuleCorrection(
                RuleExample("演示：\n\n<iframe src=\"https://ads.example.net/player?id=42\"></iframe>\n\n[展开](javascript:show%28%29) 与 <a href=\"https://example.com\" onclick=\"track()\">官网</a>\n"),
                "演示：\n\n<https://ads.example.net/player?id=42>\n\n展开 与 <a href=\"https://example.com\">官网</a>\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let allowed = context.profile.allowedEmbedHosts
        if let body = context.body {
            return htmlViolations(body, context: context, allowed: allowed)
        }
        guard let markdown = context.markdown else { return [] }
        return markdownViolations(markdown, context: context, allowed: allowed)
    }
}

private extension UnsafeHTMLRule {
    static let embeds: TagNames = ["iframe", "embed", "object"]
    static let urlAttributes = ["href", "src", "action", "formaction", "data", "poster", "background", "xlink:href"]

    // MARK: HTML bodies

    func htmlViolations(_ body: Node, context: RuleContext, allowed: [String]) -> [Violation] {
        var violations: [Violation] = []
        var reportedEmbeds: [Node] = []
        for node in body.descendants where node.isElement {
            // `<script>` and `<style>` go whole with `style-block`; inside a reported `<iframe>` or `<object>`, the
            // embed is the finding. What libxml2 nests inside a void `<embed>` is the rest of the article, and counts.
            guard !(node.isElement(named: "script") || node.isElement(named: "style")),
                  !reportedEmbeds.contains(where: { $0.name != "embed" && node.isInside($0) }) else { continue }
            if node.isElement(UnsafeHTMLRule.embeds) {
                let address = UnsafeHTMLRule.embedAddress(node)
                if !UnsafeHTMLRule.isAllowed(address, allowed) {
                    reportedEmbeds.append(node)
                    violations.append(embedViolation(node, address: address, context: context, allowed: allowed))
                    continue
                }
            }
            // Names first (libxml2 lowers them): only an address attribute's value is read. Their bytes rule out
            // nearly every name before its string is made; the others are tested as before.
            for name in node.attributeNames(where: UnsafeHTMLRule.mayBeUnsafeAttribute) {
                if UnsafeHTMLRule.isEventAttribute(name) {
                    violations.append(Violation(
                        at: context.location(of: node), UnsafeHTMLRule.eventMessage(name, node.name),
                        fix: Fix("remove the \(name) attribute") { node.removeAttribute(name) }))
                } else if UnsafeHTMLRule.urlAttributes.contains(name), let value = node.attribute(name),
                          UnsafeHTMLRule.isScriptURL(value) {
                    violations.append(Violation(
                        at: context.location(of: node), UnsafeHTMLRule.scriptURLMessage(value, name, node.name),
                        fix: Fix("remove the script URL from \(name)", removing: URLRewriting.declared(node)) {
                            node.removeAttribute(name)
                        }))
                }
            }
        }
        return violations
    }

    func embedViolation(_ node: Node, address: String?, context: RuleContext, allowed: [String]) -> Violation {
        let linkTarget = address.flatMap { URLRewriting.isLinkable($0) ? $0 : nil }
        let title = UnsafeHTMLRule.embedFixTitle(node.name, linking: linkTarget != nil)
        return Violation(at: context.location(of: node), UnsafeHTMLRule.embedMessage(node.name, address),
                         fix: Fix(title, removing: [node]) {
                             UnsafeHTMLRule.replaceEmbeds(from: node, allowed: allowed)
                         })
    }

    /// Replaces a reported embed, and every embed from a host that is not allowed inside it, with a link to its
    /// address (or nothing, when it has none).
    ///
    /// The check reports only the outermost `<iframe>` or `<object>`, so its fix must leave none of the nested
    /// ones: one pass reaches the fixed point (nine nested `<iframe>`s used to take nine passes). What libxml2
    /// nests inside a void `<embed>` is the rest of the article and is reported on its own, so an `<embed>`'s
    /// fix replaces only itself.
    static func replaceEmbeds(from node: Node, allowed: [String]) {
        var embeds = [node]
        if !node.isElement(named: "embed") {
            embeds += node.descendants.filter { inner in
                inner.isElement(UnsafeHTMLRule.embeds) && !isAllowed(embedAddress(inner), allowed)
            }
        }
        // An `<object>`'s parameters mean nothing without it, and an `<embed>` inside it is the same player
        // again (Flash's fallback): those go before any link is made.
        for object in embeds where object.isElement(named: "object") && object.isAttached {
            let inner = Array(object.descendants)
            for element in inner where element.isElement(named: "param") { element.remove() }
            for element in inner.reversed() where element.isElement(named: "embed") { element.unwrap() }
        }
        // Innermost first, so every link lands where its embed stood. Fallback content stays, and so does what
        // libxml2 nested inside a void `<embed>` (the rest of the article, players included).
        for embed in embeds.reversed() where embed.isAttached {
            if let target = embedAddress(embed), URLRewriting.isLinkable(target) {
                let link = embed.document.createElement("a")
                link.setAttribute("href", target)
                link.appendChild(embed.document.createText(target))
                embed.insertBefore(link)
            }
            embed.unwrap()
        }
    }

    // MARK: Markdown bodies

    func markdownViolations(_ markdown: MarkdownBody, context: RuleContext, allowed: [String]) -> [Violation] {
        var violations: [Violation] = []
        for tag in MarkdownURLs.tags(context) {
            // Only the tags that are findings need a location: a long paragraph holds thousands of others.
            var location: Location { context.location(ofMarkdownOffset: tag.range.lowerBound) }
            if UnsafeHTMLRule.embeds.contains(tag.name) {
                let source = tag.attribute(tag.name == "object" ? "data" : "src")?.value
                let address = UnsafeHTMLRule.address(tag.name, source)
                if !UnsafeHTMLRule.isAllowed(address, allowed) {
                    let link = address.flatMap { URLRewriting.isLinkable($0) ? UnsafeHTMLRule.markdownLink($0) : nil }
                    let end = tag.name == "embed" ? nil : MarkdownURLs.closingTag(tag.name, after: tag.range.upperBound,
                                                                                  in: markdown)
                    violations.append(Violation(
                        at: location, UnsafeHTMLRule.embedMessage(tag.name, address),
                        fix: Fix(UnsafeHTMLRule.embedFixTitle(tag.name, linking: link != nil)) {
                            markdown.replace(tag.range, with: link ?? "")
                            if let end { markdown.replace(end, with: "") }
                        }))
                    continue
                }
            }
            for attribute in tag.attributes {
                if UnsafeHTMLRule.isEventAttribute(attribute.name) {
                    violations.append(Violation(
                        at: location, UnsafeHTMLRule.eventMessage(attribute.name, tag.name),
                        fix: Fix("remove the \(attribute.name) attribute") {
                            markdown.replace(attribute.range, with: "")
                        }))
                } else if UnsafeHTMLRule.urlAttributes.contains(attribute.name), let value = attribute.value,
                          UnsafeHTMLRule.isScriptURL(value) {
                    violations.append(Violation(
                        at: location, UnsafeHTMLRule.scriptURLMessage(value, attribute.name, tag.name),
                        fix: Fix("remove the script URL from \(attribute.name)") {
                            markdown.replace(attribute.range, with: "")
                        }))
                }
            }
        }
        for url in MarkdownURLs.all(context) where UnsafeHTMLRule.isScriptURL(url.url) {
            let name: String
            switch url.kind {
            case .attribute: continue
            case .image: name = "image"
            default: name = "link"
            }
            let location = context.location(ofMarkdownOffset: url.range.lowerBound)
            let message = "\(UnsafeHTMLRule.scheme(of: url.url)) URL in a Markdown \(name) runs script when clicked"
            guard url.kind == .link || url.kind == .image else {
                violations.append(Violation(at: location, message))
                continue
            }
            let text = url.text ?? ""
            violations.append(Violation(at: location, message,
                                        fix: Fix("remove the script URL, keeping the \(name)'s text") {
                                            markdown.replace(url.range, with: text)
                                        }))
        }
        return violations.sorted { $0.location < $1.location }
    }

    // MARK: Classification

    static func isEventAttribute(_ name: String) -> Bool {
        name.count > 2 && name.hasPrefix("on") && name.dropFirst(2).allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// Browsers ignore whitespace and control characters inside the scheme, so `java\tscript:` counts.
    static func isScriptURL(_ value: String) -> Bool {
        // Nearly every address starts with another letter than the schemes' first (`h`, `/`): no copy for those.
        guard let first = value.utf8.first(where: { $0 > 0x20 && $0 != 0x7F }),
              first.asciiLowercased == UInt8(ascii: "j") || first.asciiLowercased == UInt8(ascii: "v") else {
            return false
        }
        // Only the first eleven kept scalars can make the scheme; no other scalar lower-cases to an ASCII letter
        // of these schemes, so the rest of the address is never copied.
        var start = ""
        for scalar in value.unicodeScalars where scalar.value > 0x20 && scalar.value != 0x7F {
            start.unicodeScalars.append(scalar)
            if start.unicodeScalars.count == 11 { break }
        }
        let compact = start.lowercased()
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:")
    }

    static func scheme(of value: String) -> String {
        let compact = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return compact.hasPrefix("vbscript:") ? "vbscript:" : "javascript:"
    }

    /// The embed's address as a web address (protocol-relative ones with `https:`), or nil when it has none.
    static func address(_ name: String, _ value: String?) -> String? {
        guard let value = value.map({ String($0.trimmingWhitespace) }), !value.isEmpty else { return nil }
        return URLRewriting.withHTTPS(value)
    }

    /// The address an embed element loads (`data` of an `<object>`, `src` of the others).
    static func embedAddress(_ node: Node) -> String? {
        address(node.name, node.attribute(node.name == "object" ? "data" : "src"))
    }

    static func isAllowed(_ address: String?, _ allowed: [String]) -> Bool {
        guard let address, URLRewriting.isLinkable(address), let host = URLParts.host(of: address) else { return false }
        return SiteProfile.host(host, isIn: allowed)
    }

    static func markdownLink(_ url: String) -> String {
        let written = MarkdownURLs.destination(url)
        if written == url, !url.contains("&") { return "<" + url + ">" }
        return "[" + MarkdownURLs.escapedText(url) + "](" + written + ")"
    }

    static func embedMessage(_ name: String, _ address: String?) -> String {
        guard let address else { return "<\(name)> without a web address embeds content the post cannot vouch for" }
        guard let host = URLParts.host(of: address), URLRewriting.isLinkable(address) else {
            return "<\(name)> embeds \(URLRewriting.shown(address, limit: 60)), which is not a web address"
        }
        return "<\(name)> embeds a page from \(host), which is not an allowed embed host"
    }

    static func embedFixTitle(_ name: String, linking: Bool) -> String {
        linking ? "replace the <\(name)> with a link to its address" : "remove the <\(name)>"
    }

    static func eventMessage(_ attribute: String, _ element: String) -> String {
        "event-handler attribute \(attribute) on <\(element)> runs script in the reader's browser"
    }

    static func scriptURLMessage(_ value: String, _ attribute: String, _ element: String) -> String {
        "\(scheme(of: value)) URL in \(attribute) of <\(element)> runs script in the reader's browser"
    }
}

extension UnsafeHTMLRule {
    static let eventPrefix = Array("on".utf8)
    static let urlAttributeBytes = urlAttributes.map { Array($0.utf8) }

    /// False only for a name whose string in `attributeNames` is neither an event attribute (which starts with
    /// `on`) nor one of `urlAttributes`: a name of ASCII bytes starts with or equals an ASCII string exactly when
    /// its bytes, lower-cased, do (see `AttributeNameBytes`).
    static func mayBeUnsafeAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        !AttributeNameBytes.isASCII(name) || AttributeNameBytes.name(name, hasPrefix: eventPrefix)
            || urlAttributeBytes.contains { AttributeNameBytes.name(name, equals: $0) }
    }
}
