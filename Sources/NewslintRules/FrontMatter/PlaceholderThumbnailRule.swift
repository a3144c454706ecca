import Foundation
import NewslintCore
import NewslintDOM

/// Front-matter `headimg` or `thumbnail` that is a placeholder (a random picsum picture, a `…/undefined` URL)
/// or empty.
///
/// Check: reports each key whose value matches the profile's `images.placeholder_thumbnails` or is empty.
/// Fix (safe): points it at the post's first content image. Without one, a placeholder key is removed by an
/// unsafe fix (the theme then shows its default picture instead of a random one); an empty key, which already
/// shows the default, is removed by a safe fix.
struct PlaceholderThumbnailRule: Rule {
    let description = RuleDescription(
        id: "placeholder-thumbnail",
        summary: "Thumbnail or header image that is a placeholder (picsum random, …/undefined) or empty",
        rationale: """
            When the feed item has no picture, the generator fills `headimg` and `thumbnail` with a random \
            stock photo (`https://picsum.photos/400/300?random=8950`), so the post's card shows an unrelated \
            picture that changes on every load; on other sources it writes the page's unresolved template \
            (`https://juejin.cn/post/undefined`), which does not load, or leaves the key empty. The first \
            image of the article is the right picture. Without one, the key is better removed: the theme's \
            default picture is honest, a random one is not (unsafe, since what the card shows changes). \
            The placeholder patterns are `images.placeholder_thumbnails` in the rule files.
            """,
        kind: .frontMatter,
        fixAvailability: .safeOrUnsafe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample("""
                ---
                headimg: ↓'https://picsum.photos/400/300?random=8950'
                thumbnail: ↓'https://picsum.photos/400/300?random=8950'
                ---
                <div><p>正文</p></div>
                """),
            RuleExample("---\nthumbnail: ↓https://segmentfault.com/a/undefined\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ntitle: 空缩略图\nthumbnail: ↓''\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\nthumbnail: ↓\nauthor: 知乎\n---\n\n正文。\n"),
        ],
        nonTriggering: [
            RuleExample("---\nthumbnail: 'https://static.cnbetacdn.com/article/2022/0921/5b20dce578c7376.jpg'\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ntitle: 没有缩略图\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\nthumbnail: 'https://example.com/photos/undefined-behaviour.png'\n---\n<div><p>正文</p></div>\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("""
                    ---
                    title: '新闻'
                    headimg: 'https://picsum.photos/400/300?random=42'
                    thumbnail: 'https://picsum.photos/400/300?random=42'
                    ---
                    <div><p><img src="https://example.com/photo.png"></p></div>
                    """),
                """
                ---
                title: '新闻'
                headimg: 'https://example.com/photo.png'
                thumbnail: 'https://example.com/photo.png'
                ---

                <div><p><img src="https://example.com/photo.png"></p></div>
                """),
            RuleCorrection(
                RuleExample("---\ntitle: 文章\nthumbnail: https://juejin.cn/post/undefined\n---\n\n正文。\n\n![图](https://example.com/a.png)\n"),
                "---\ntitle: 文章\nthumbnail: https://example.com/a.png\n---\n\n正文。\n\n![图](https://example.com/a.png)\n"),
            RuleCorrection(
                RuleExample("---\ntitle: 文章\nthumbnail: ''\nauthor: 技术头条\n---\n<div><p>正文</p></div>\n"),
                "---\ntitle: 文章\nauthor: 技术头条\n---\n\n<div><p>正文</p></div>\n"),
            RuleCorrection(
                RuleExample("""
                    ---
                    title: '快讯'
                    headimg: 'https://picsum.photos/400/300?random=1341'
                    author: 金色财经
                    ---
                    <div><p>正文</p></div>
                    """),
                """
                ---
                title: '快讯'
                author: 金色财经
                ---

                <div><p>正文</p></div>
                """, unsafe: true),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        let profile = context.profile
        // Found once for both keys: in a Markdown body it is a regex search.
        lazy var contentImage = PlaceholderThumbnailRule.contentImage(context)
        return FrontMatter.imageKeys.compactMap { key -> Violation? in
            guard frontMatter.hasKey(key), let value = frontMatter.string(key) else { return nil }
            let trimmed = String(value.trimmingSpaces)
            let isEmpty = trimmed.isEmpty
            guard isEmpty || PlaceholderThumbnailRule.isPlaceholder(trimmed, profile: profile) else { return nil }
            let message = isEmpty
                ? "\(key) is empty"
                : "\(key) is a placeholder image (\(TextClasses.snippet(trimmed, limit: 60)))"
            return ThumbnailRepair.violation(key: key, message: message,
                                             replacement: contentImage,
                                             removal: isEmpty ? .safe : .unsafe, context: context)
        }
    }

    /// True when `url` matches one of the profile's placeholder patterns.
    static func isPlaceholder(_ url: String, profile: SiteProfile) -> Bool {
        profile.placeholderThumbnails.contains { $0.matches(url) }
    }
}

private extension PlaceholderThumbnailRule {
    /// The first content image (as `ad-thumbnail` finds it), unless that is itself a placeholder, such as a
    /// lazy-loaded image whose `src` is still `…/undefined`: pointing the key at it would fix nothing.
    static func contentImage(_ context: RuleContext) -> String? {
        guard let image = AdThumbnailRule.firstContentImage(context),
              !isPlaceholder(image, profile: context.profile) else { return nil }
        return image
    }
}
