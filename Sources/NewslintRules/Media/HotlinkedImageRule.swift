import Foundation
import NewslintCore
import NewslintDOM

/// Images on hotlink-protected hosts that are requested with a Referer, so the host refuses them.
///
/// Check: reports `<img>` (and, in Markdown bodies, `![]()` and inline `<img>`) whose source is on a host in
/// `hotlink_protected_hosts` without `referrerpolicy="no-referrer"`.
/// Fix (safe): adds the attribute. Markdown images become inline HTML, since `![]()` cannot carry it.
struct HotlinkedImageRule: Rule {
    let description = RuleDescription(
        id: "hotlinked-image",
        summary: "Images on hotlink-protected hosts without referrerpolicy=\"no-referrer\"",
        rationale: """
            Hosts such as `*.sinaimg.cn`, `mmbiz.qpic.cn` and `upload-images.jianshu.io` answer 403 or serve a \
            placeholder when the request carries another site's `Referer`. On a republished page the image is \
            broken. `referrerpolicy="no-referrer"` makes the browser omit the header and the image loads. \
            Markdown's `![alt](src)` cannot carry the attribute, so such images are written as inline HTML.
            """,
        kind: .media,
        fixAvailability: .safe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<div><p>↓<img src="https://n.sinaimg.cn/finance/transform/20220104/a.jpg" alt="图"></p></div>"#),
            RuleExample(#"<div>↓<img src="https://n.sinaimg.cn/a.jpg" referrerpolicy="origin"></div>"#),
            RuleExample("Text.\n\n↓![图](https://n.sinaimg.cn/finance/a.jpg)\n"),
        ],
        nonTriggering: [
            RuleExample(#"<div><img src="https://n.sinaimg.cn/a.jpg" referrerpolicy="no-referrer"></div>"#),
            RuleExample(#"<div><img src="https://example.com/a.jpg"></div>"#),
            RuleExample("Text.\n\n<img src=\"https://n.sinaimg.cn/a.jpg\" alt=\"\" referrerpolicy=\"no-referrer\">\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<div><img src="https://n.sinaimg.cn/a.jpg" alt="图"></div>"#),
                #"<div><img src="https://n.sinaimg.cn/a.jpg" alt="图" referrerpolicy="no-referrer"></div>"#),
            // The address is read as browsers read it, without the line break of an attribute left open.
            RuleCorrection(
                RuleExample("<div><img src=\"\n//n.sinaimg.cn/a.jpg\" alt=\"图\"></div>"),
                #"<div><img src="//n.sinaimg.cn/a.jpg" alt="图" referrerpolicy="no-referrer"></div>"#),
            RuleCorrection(
                RuleExample("Text.\n\n![图 \\[1\\]](https://n.sinaimg.cn/a.jpg)\n"),
                "Text.\n\n<img src=\"https://n.sinaimg.cn/a.jpg\" alt=\"图 [1]\" referrerpolicy=\"no-referrer\">\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let profile = context.profile
        if context.body != nil {
            return HTMLImageElements.all(context).filter { image in
                needsPolicy(src: image.attribute("src"), policy: image.attribute("referrerpolicy"), profile: profile)
            }.map { image in
                Violation(at: context.location(of: image), message(for: image.attribute("src") ?? ""),
                          fix: Fix("add referrerpolicy=\"no-referrer\"") {
                              image.setAttribute("referrerpolicy", "no-referrer")
                          })
            }
        }
        guard let markdown = context.markdown else { return [] }
        let images = HotlinkedImageRule.mayMention(profile.hotlinkProtectedHosts, in: markdown.text)
            ? markdown.matches(of: HotlinkedImageRule.markdownImage) : []
        let markdownImages = images.compactMap { match -> Violation? in
            guard let src = match.groups[2], needsPolicy(src: src, policy: nil, profile: profile) else { return nil }
            let html = HTMLImage.tag(src: src, alt: MarkdownText.unescape(match.groups[1] ?? ""))
            return Violation(at: context.location(ofMarkdownOffset: match.range.lowerBound), message(for: src),
                             fix: Fix("write the image as <img> with referrerpolicy=\"no-referrer\"") {
                                 markdown.replace(match.range, with: html)
                             })
        }
        // Inline `<img>` tags as the shared scanner reads them: outside code, and over the `>` markers of the
        // lines of a block quote, where the writer breaks a lone image's tag.
        let htmlImages = MarkdownURLs.tags(context, named: ["img"]).compactMap { tag -> Violation? in
            let src = tag.attribute("src")?.value
            let policy = tag.attribute("referrerpolicy")
            guard needsPolicy(src: src, policy: policy?.value, profile: profile) else { return nil }
            return Violation(at: context.location(ofMarkdownOffset: tag.range.lowerBound), message(for: src ?? ""),
                             fix: Fix("add referrerpolicy=\"no-referrer\"") {
                                 if let range = policy?.valueRange {
                                     markdown.replace(range, with: "\"no-referrer\"")
                                 } else {
                                     let end = tag.attributes.last?.range.upperBound ?? tag.range.lowerBound + 4
                                     markdown.replace(end..<end, with: " referrerpolicy=\"no-referrer\"")
                                 }
                             })
        }
        return markdownImages + htmlImages
    }
}

extension HotlinkedImageRule {
    static let markdownImage = MarkdownEdits.pattern(#"!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#)

    /// False when no destination of a `markdownImage` match in `text` can have its host on `hosts`, so that the
    /// image pattern need not run over the body (a regex search of a whole Markdown body was a seventh of checking
    /// it). A destination follows a `](` and holds no `)` or `>`, so it lies between a `](` and the next `)` or
    /// `>`; only those spans are read (bodies that `fix` wrote hold their protected images as `<img>` tags, not
    /// `![]()`, and few `](`). An address's host is its bytes lower-cased, and a listed host must end it: for
    /// ASCII hosts, a span must hold one of them in ASCII letters of either case, or the Kelvin sign (U+212A), the
    /// one scalar outside ASCII that lower-cases into it.
    static func mayMention(_ hosts: [String], in text: String) -> Bool {
        guard !hosts.isEmpty else { return false }
        guard hosts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }) else { return true }
        // Made only for a body with a `](`: many have none.
        lazy var needles = [[0xE2, 0x84, 0xAA]] + hosts.map { $0.utf8.map(\.asciiLowercased) }
        let opener = HotlinkedImageRule.destinationOpener
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            while let found = ByteSearch.firstOffset(of: opener, in: UnsafeBufferPointer(rebasing: bytes[start...])) {
                let open = start + found + opener.count
                var end = open
                while end < bytes.count, bytes[end] != UInt8(ascii: ")"), bytes[end] != UInt8(ascii: ">") { end += 1 }
                if mayHold(needles, in: UnsafeBufferPointer(rebasing: bytes[open..<end])) { return true }
                // A `](` inside the span opens a span that ends where this one does.
                start = end
            }
            return false
        } ?? true
    }

    private static let destinationOpener = Array("](".utf8)

    /// True when `span` lower-cased in ASCII holds one of `needles`.
    private static func mayHold(_ needles: [[UInt8]], in span: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowered = span.map(\.asciiLowercased)
        return needles.contains { ByteSearch.firstOffset(of: $0, in: lowered) != nil }
    }

    func needsPolicy(src: String?, policy: String?, profile: SiteProfile) -> Bool {
        guard let src, profile.isHotlinkProtected(src) else { return false }
        return policy?.lowercased() != "no-referrer"
    }

    func message(for src: String) -> String {
        "image on hotlink-protected host \(URLParts.host(of: src) ?? src) lacks referrerpolicy=\"no-referrer\" and will not load"
    }
}
