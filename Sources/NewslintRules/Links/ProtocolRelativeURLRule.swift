import NewslintCore
import NewslintDOM

/// Protocol-relative addresses (`//host/…`) in `href` and `src`.
///
/// Check: reports each `href` or `src` attribute starting with `//` (in Markdown bodies: link, image and
/// definition destinations, and inline tags' `href`/`src`), and `headimg`/`thumbnail` values starting with `//`.
/// Fix (safe): writes `https:` in front.
struct ProtocolRelativeURLRule: Rule {
    let description = RuleDescription(
        id: "protocol-relative-url",
        summary: "Protocol-relative addresses (//host/…) in href and src",
        rationale: """
            `//upload-images.jianshu.io/…` takes the scheme of the page that shows it. On the source site that \
            was `https:`; in a feed reader, an e-mail, a `file://` preview or a static-site build it is \
            `file:` or nothing, and the image or link is broken. Every host in the corpus serves HTTPS, so the \
            fix writes `https:`.
            """,
        kind: .content,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<p>↓<img src="//upload-images.jianshu.io/upload_images/8207483-example.png" alt="图"></p>"#),
            RuleExample(#"<p>视频见↓<a href="//www.bilibili.com/video/BV1example">B 站</a>。</p>"#),
            RuleExample("见 ↓[文档](//docs.example.com/guide) 和 ↓<img src=\"//cdn.example.com/a.png\" alt=\"\">。\n"),
            RuleExample("---\nthumbnail: ↓//upload-images.jianshu.io/upload_images/example.png\n---\n<div><p>正文</p></div>\n"),
        ],
        nonTriggering: [
            RuleExample(#"<p><img src="https://upload-images.jianshu.io/upload_images/a.png" alt="图"></p>"#),
            RuleExample(#"<p><a href="/tags/linux">Linux</a> 与 <a href="https://example.com//path">x</a></p>"#),
            RuleExample("注释写法：`// TODO`，以及 [锚点](#section)。\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<p><img src="//upload-images.jianshu.io/upload_images/example.png" alt="图"> <a href="//www.bilibili.com/video/BV1example">//www.bilibili.com/video/BV1example</a></p>"#),
                #"<p><img src="https://upload-images.jianshu.io/upload_images/example.png" alt="图"> <a href="https://www.bilibili.com/video/BV1example">https://www.bilibili.com/video/BV1example</a></p>"#),
            RuleCorrection(
                RuleExample("见 [文档](//docs.example.com/guide) 和 <img src=\"//cdn.example.com/a.png\" alt=\"\">。\n"),
                "见 [文档](https://docs.example.com/guide) 和 <img src=\"https://cdn.example.com/a.png\" alt=\"\">。\n"),
            RuleCorrection(
                RuleExample("---\nthumbnail: '//upload-images.jianshu.io/upload_images/example.png'\n---\n<div><p>正文</p></div>\n"),
                "---\nthumbnail: 'https://upload-images.jianshu.io/upload_images/example.png'\n---\n\n<div><p>正文</p></div>\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        var violations = frontMatterViolations(context)
        if let body = context.body {
            // `<script>` and `<style>` go whole with `style-block`.
            for node in body.descendants where node.isElement && !node.isElement(named: "script") && !node.isElement(named: "style") {
                // Most elements have neither attribute, and their names' bytes tell so without a lookup.
                guard node.containsAttributeName(where: ProtocolRelativeURLRule.mayBeAddressAttribute) else { continue }
                for name in ["href", "src"] {
                    guard let value = node.attribute(name), URLRewriting.isProtocolRelative(value) else { continue }
                    let fixed = URLRewriting.withHTTPS(value)
                    violations.append(Violation(
                        at: context.location(of: node), ProtocolRelativeURLRule.message(name, value),
                        fix: Fix("write https: in front", removing: URLRewriting.declared(node)) {
                            if name == "href", node.isElement(named: "a") {
                                URLRewriting.setHref(of: node, to: fixed)
                            } else {
                                node.setAttribute(name, fixed)
                            }
                        }))
                }
            }
        } else if let markdown = context.markdown {
            violations += MarkdownURLs.all(context).compactMap { url -> Violation? in
                guard url.kind != .autolink, URLRewriting.isProtocolRelative(url.url) else { return nil }
                let name = if case .attribute(let attribute, _) = url.kind { attribute }
                    else { url.isImage ? "src" : "href" }
                return Violation(at: context.location(ofMarkdownOffset: url.range.lowerBound),
                                 ProtocolRelativeURLRule.message(name, url.url),
                                 fix: Fix("write https: in front") {
                                     markdown.replace(url.urlRange, with: url.written(URLRewriting.withHTTPS(url.url)))
                                 })
            }
        }
        return violations
    }
}

private extension ProtocolRelativeURLRule {
    func frontMatterViolations(_ context: RuleContext) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        return FrontMatter.imageKeys.compactMap { key -> Violation? in
            guard let value = frontMatter.string(key), URLRewriting.isProtocolRelative(value) else { return nil }
            return Violation(at: context.location(ofKey: key), ProtocolRelativeURLRule.message(key, value),
                             fix: Fix("write https: in front") {
                                 context.editFrontMatter { $0.setString(key, to: URLRewriting.withHTTPS(value)) }
                             })
        }
    }

    static func message(_ name: String, _ value: String) -> String {
        "\(name) is protocol-relative (\(URLRewriting.shown(value, limit: 60))) and breaks outside an https page"
    }
}

extension ProtocolRelativeURLRule {
    static let addressAttributes = [Array("href".utf8), Array("src".utf8)]

    /// False only for a name under which `node.attribute("href")` and `node.attribute("src")` find nothing:
    /// libxml2's `xmlGetProp` finds an attribute among the element's own by its exact name (the HTML parser
    /// declares no attribute defaults that it could find instead), and a name equal to `href` or `src` is ASCII
    /// and equal to it when lower-cased.
    static func mayBeAddressAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        !AttributeNameBytes.isASCII(name) || addressAttributes.contains { AttributeNameBytes.name(name, equals: $0) }
    }
}
