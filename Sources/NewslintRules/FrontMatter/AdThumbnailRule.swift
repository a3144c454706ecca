import Foundation
import NewslintCore
import NewslintDOM

/// Front-matter `headimg` or `thumbnail` pointing at a known ad image, such as Sina's app QR code.
///
/// Check: reports each key whose value is in the profile's `ad_images`.
/// Fix (safe): points it at the post's first content image. Without one, the unsafe fix removes the key.
struct AdThumbnailRule: Rule {
    let description = RuleDescription(
        id: "ad-thumbnail",
        summary: "Thumbnail or header image that is a known ad image",
        rationale: """
            The feed generator takes the first image of the page as the post's picture. On Sina that is the \
            "download our app" QR code at the end of the article, so every post's card in the site's index \
            shows an ad. The first image of the article itself is the right picture; when the article has \
            none, the key is better removed (unsafe: the theme may then show its default picture).
            """,
        kind: .frontMatter,
        fixAvailability: .safeOrUnsafe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample("""
                ---
                headimg: ↓'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
                thumbnail: ↓'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
                ---
                <div><p>正文</p></div>
                """, site: "sina-finance"),
        ],
        nonTriggering: [
            RuleExample("---\nthumbnail: 'https://n.sinaimg.cn/finance/photo.jpg'\n---\n<div><p>正文</p></div>\n",
                        site: "sina-finance"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("""
                    ---
                    title: '新闻'
                    thumbnail: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
                    ---
                    <div><p><img src="https://n.sinaimg.cn/news/photo.jpg"></p></div>
                    """, site: "sina-finance"),
                """
                ---
                title: '新闻'
                thumbnail: 'https://n.sinaimg.cn/news/photo.jpg'
                ---

                <div><p><img src="https://n.sinaimg.cn/news/photo.jpg"></p></div>
                """),
            RuleCorrection(
                RuleExample("""
                    ---
                    title: '新闻'
                    headimg: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
                    author: 新浪财经
                    ---
                    <div><p>正文</p></div>
                    """, site: "sina-finance"),
                """
                ---
                title: '新闻'
                author: 新浪财经
                ---

                <div><p>正文</p></div>
                """, unsafe: true),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        let profile = context.profile
        return FrontMatter.imageKeys.compactMap { key -> Violation? in
            guard let value = frontMatter.string(key), profile.adImages.contains(value) else { return nil }
            let message = "\(key) points at a known ad image (\(TextClasses.snippet(value, limit: 60)))"
            return ThumbnailRepair.violation(key: key, message: message,
                                             replacement: AdThumbnailRule.firstContentImage(context),
                                             removal: .unsafe, context: context)
        }
    }

    /// The first image of the article that is neither a known ad image nor part of a promo widget.
    static func firstContentImage(_ context: RuleContext) -> String? {
        let profile = context.profile
        if let body = context.body {
            let widgets = PromoBlockRule.widgets(context).map(\.node)
            return body.descendants.first { image in
                guard image.isElement(named: "img"), let src = image.attribute("src"), !src.isEmpty else { return false }
                return !profile.adImages.contains(src) && !widgets.contains { image.isInside($0) }
            }?.attribute("src")
        }
        guard let markdown = context.markdown, mayHoldImage(markdown.text) else { return nil }
        // An `<img src>` is an attribute: `&#10;` in it is the line break the writer escaped.
        return markdown.matches(of: imageSource).lazy
            .compactMap { $0.groups[1] ?? $0.groups[2].map(MarkdownURLs.decodedEntities) }
            .first { !profile.adImages.contains($0) }
    }

    /// False only when `imageSource` cannot match `text`, so that a body without images is not copied to UTF-16
    /// for the regex: every match starts with `![` or `<img`, bytes the pattern spells literally and compares
    /// case-sensitively.
    static func mayHoldImage(_ text: String) -> Bool {
        text.containsBytes("![") || text.containsBytes("<img")
    }

    static let imageSource = MarkdownEdits.pattern(#"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)|<img\b[^>]*\ssrc="([^"]+)""#)
}
