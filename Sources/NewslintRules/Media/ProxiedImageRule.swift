import Foundation
import NewslintCore
import NewslintDOM

/// Images loaded through a dead image proxy, such as `https://cors.zfour.workers.dev/?http://…`.
///
/// Check: reports `<img src>` (in Markdown bodies: `![]()` and inline `<img>`) and front-matter `headimg` and
/// `thumbnail` whose address starts with a prefix in `images.proxies`.
/// Also reports the proxy's prefix in code (the proxy rewrote `<img>` tags quoted as examples).
/// Fix (safe): points the image at the address the proxy wrapped, and removes the prefix from code. A proxy URL
/// that wraps no web address is reported without a fix.
struct ProxiedImageRule: Rule {
    let description = RuleDescription(
        id: "proxied-image",
        summary: "Images loaded through a dead image proxy (cors.zfour.workers.dev/?http://…)",
        rationale: """
            The feed generator rewrote `http://` images to go through a CORS proxy on Cloudflare Workers, \
            `https://cors.zfour.workers.dev/?http://image.woshipm.com/…png`, in the body and in `headimg` and \
            `thumbnail`. The proxy is gone, so every such image is broken, and it even rewrote `<img>` tags \
            quoted inside code. The original address follows the proxy's prefix; the fix loads the image from \
            it. Proxies are listed in `images.proxies`.
            """,
        kind: .media,
        fixAvailability: .safe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<p>↓<img data-action="zoom" class="aligncenter" src="https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/07/example.png" alt width="509" height="251"></p>"#),
            RuleExample("""
                ---
                title: 'CSRF 攻击原理'
                headimg: ↓'https://cors.zfour.workers.dev/?http://p9-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/example~tplv-k3u1fbpfcp-watermark.image'
                thumbnail: ↓https://cors.zfour.workers.dev/?http://p9-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/example~tplv-k3u1fbpfcp-watermark.image
                ---
                <div><p>正文</p></div>
                """),
            RuleExample("流程如下：\n\n↓![流程图](https://cors.zfour.workers.dev/?http://dockone.io/uploads/article/20210801/example.png)\n"),
            RuleExample(#"<p>攻击者页面里只需要：</p><p><code><img src="↓https://cors.zfour.workers.dev/?http://www.example.com:8002/content/delete/87343"></code></p>"#),
        ],
        nonTriggering: [
            RuleExample(#"<p><img src="http://image.woshipm.com/wp-files/2021/07/example.png" alt></p>"#),
            RuleExample(#"<p><img src="https://example.com/?http://image.woshipm.com/a.png" alt></p>"#),
            RuleExample("---\nheadimg: 'https://picsum.photos/400/300?random=1'\n---\n<div><p>正文</p></div>\n"),
            RuleExample("示例：`curl https://cors.zfour.workers.dev/?url=1`\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<p><code><img src="https://cors.zfour.workers.dev/?http://www.example.com:8002/content/delete/87343"></code></p>"#),
                #"<p><code>&lt;img src="http://www.example.com:8002/content/delete/87343"&gt;</code></p>"#),
            RuleCorrection(
                RuleExample(#"<p><img src="https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/07/example.png" alt="流程"></p>"#),
                #"<p><img src="http://image.woshipm.com/wp-files/2021/07/example.png" alt="流程"></p>"#),
            RuleCorrection(
                RuleExample("""
                    ---
                    title: 'CSRF 攻击原理'
                    headimg: 'https://cors.zfour.workers.dev/?http://www.example.com:8002/content/1.png'
                    ---
                    <div><p>正文</p></div>
                    """),
                """
                ---
                title: 'CSRF 攻击原理'
                headimg: 'http://www.example.com:8002/content/1.png'
                ---

                <div><p>正文</p></div>
                """),
            RuleCorrection(
                RuleExample("流程如下：\n\n![流程图](https://cors.zfour.workers.dev/?http://dockone.io/uploads/article/20210801/example.png)\n\n<img src=\"https://cors.zfour.workers.dev/?http://dockone.io/b.png\" alt=\"\">\n"),
                "流程如下：\n\n![流程图](http://dockone.io/uploads/article/20210801/example.png)\n\n<img src=\"http://dockone.io/b.png\" alt=\"\">\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let proxies = context.profile.imageProxies
        guard !proxies.isEmpty else { return [] }
        var violations = frontMatterViolations(context, proxies: proxies)
        if let body = context.body {
            violations += HTMLImageElements.all(context).compactMap { image -> Violation? in
                guard let src = image.attribute("src"),
                      let found = ProxiedImageRule.proxy(of: src, in: proxies) else { return nil }
                let location = context.location(of: image)
                let message = ProxiedImageRule.message("image", found.proxy, target: found.target)
                guard let target = found.target else { return Violation(at: location, message) }
                return Violation(at: location, message,
                                 fix: Fix("load the image from \(URLRewriting.shown(target, limit: 60))",
                                          removing: [image]) {
                                     image.setAttribute("src", target)
                                 })
            }
            violations += codeViolations(body, context: context, proxies: proxies)
        } else if let markdown = context.markdown {
            violations += MarkdownURLs.all(context).filter(\.isImage).compactMap { url -> Violation? in
                guard let found = ProxiedImageRule.proxy(of: url.url, in: proxies) else { return nil }
                let location = context.location(ofMarkdownOffset: url.range.lowerBound)
                let message = ProxiedImageRule.message("image", found.proxy, target: found.target)
                guard let target = found.target else { return Violation(at: location, message) }
                return Violation(at: location, message,
                                 fix: Fix("load the image from \(URLRewriting.shown(target, limit: 60))") {
                                     markdown.replace(url.urlRange, with: url.written(target))
                                 })
            }
            violations += codeViolations(markdown, context: context, proxies: proxies)
        }
        return violations
    }
}

private extension ProxiedImageRule {
    func frontMatterViolations(_ context: RuleContext, proxies: [String]) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        return FrontMatter.imageKeys.compactMap { key -> Violation? in
            guard let value = frontMatter.string(key),
                  let found = ProxiedImageRule.proxy(of: value, in: proxies) else { return nil }
            let message = ProxiedImageRule.message(key, found.proxy, target: found.target)
            guard let target = found.target else { return Violation(at: context.location(ofKey: key), message) }
            return Violation(at: context.location(ofKey: key), message,
                             fix: Fix("point \(key) at \(URLRewriting.shown(target, limit: 60))") {
                                 context.editFrontMatter { $0.setString(key, to: target) }
                             })
        }
    }

    /// `URLRewriting.proxy(of:in:)`, skipped for the addresses whose bytes prove it nil (nearly all of them).
    static func proxy(of url: String, in proxies: [String]) -> (proxy: String, target: String?)? {
        guard !ImageProxyPrefilter.cannotBeProxied(url, by: proxies) else { return nil }
        return URLRewriting.proxy(of: url, in: proxies)
    }

    private static let code: TagNames = ["code", "pre"]

    /// The proxy rewrote `<img>` tags quoted as examples inside code too; the code read the address itself.
    func codeViolations(_ body: Node, context: RuleContext, proxies: [String]) -> [Violation] {
        // Made only for a post with an address in code: most have none.
        lazy var pattern = URLRewriting.proxyPrefixPattern(proxies)
        // A loop that appends the rare finding, rather than an optional made and dropped for every node: the same
        // nodes are tested in the same order.
        var violations: [Violation] = []
        for text in body.descendants where text.isText && text.hasAncestor(named: ProxiedImageRule.code) {
            let content = text.text
            guard content.containsBytes("//"), URLRewriting.mayHoldProxyPrefix(proxies, in: content), let pattern else {
                continue
            }
            let whole = NSRange(content.startIndex..., in: content)
            guard let first = pattern.firstMatch(in: content, range: whole),
                  let range = Range(first.range, in: content) else { continue }
            let cleaned = pattern.stringByReplacingMatches(in: content, range: whole, withTemplate: "")
            violations.append(Violation(at: context.location(of: String(content[range]), from: text),
                                        ProxiedImageRule.codeMessage(String(content[range])),
                                        fix: Fix("remove the proxy prefix from the code", removing: [text]) {
                                            text.setText(cleaned)
                                        }))
        }
        return violations
    }

    func codeViolations(_ markdown: MarkdownBody, context: RuleContext, proxies: [String]) -> [Violation] {
        // Only matches in code count: a body without code, or without a proxy's prefix, is not searched.
        guard !markdown.codeRanges.isEmpty, URLRewriting.mayHoldProxyPrefix(proxies, in: markdown.text),
              let pattern = URLRewriting.proxyPrefixPattern(proxies) else { return [] }
        let text = markdown.text
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            guard markdown.isInCode(start) else { return nil }
            return Violation(at: context.location(ofMarkdownOffset: start),
                             ProxiedImageRule.codeMessage(String(text[range])),
                             fix: Fix("remove the proxy prefix from the code") {
                                 markdown.replace(start..<end, with: "")
                             })
        }
    }

    static func codeMessage(_ prefix: String) -> String {
        "address inside code goes through the dead proxy \(URLParts.host(of: prefix) ?? prefix), "
            + "which rewrote the example"
    }

    static func message(_ subject: String, _ proxy: String, target: String?) -> String {
        let name = URLParts.host(of: proxy) ?? proxy
        guard let target else { return "\(subject) loads through the dead proxy \(name), which wraps no web address" }
        return "\(subject) loads through the dead proxy \(name) and does not load; its own address is "
            + URLRewriting.shown(target)
    }
}
