import Foundation
import NewslintCore
import NewslintDOM

/// Lazy-loaded images whose real source sits in `data-src`, `data-original` or `data-original-src` while `src`
/// is missing, a placeholder or `…/undefined`.
///
/// Check: reports `<img>` (in Markdown bodies, inline `<img>`) with a placeholder `src` and a real source in
/// one of `images.lazy_attributes`. An `<img>` (or `![]()`) whose `src` ends in `/undefined` with no real
/// source anywhere is reported without a fix.
/// Fix (safe): sets `src` to the real source; a protocol-relative one gets `https:`.
struct LazyImageRule: Rule {
    let description = RuleDescription(
        id: "lazy-image",
        summary: "Lazy-loaded images whose real source is only in data-src, data-original or data-original-src",
        rationale: """
            Pages load images lazily: the `<img>` starts with a placeholder (`src` missing, a 1×1 GIF, \
            `loading.gif`, or a broken `https://segmentfault.com/a/undefined`) and a script copies the real \
            address from `data-src`, `data-original` or `data-original-src` once it scrolls into view. Scraped \
            without the script, the reader sees the placeholder. The real address is in the tag, so the fix \
            puts it in `src` (with `https:` when it is protocol-relative, as 简书's `//upload-images…` are). The \
            attributes are listed in `images.lazy_attributes`.
            """,
        kind: .media,
        fixAvailability: .safe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<div class="image-view">↓<img data-original-src="//upload-images.jianshu.io/upload_images/8207483-example.png" data-original-width="610"></div>"#),
            RuleExample(#"<p><span class="img-wrap">↓<img class="lazy" data-src="https://segmentfault.com/img/bVcExample" src="https://segmentfault.com/a/undefined" alt="图片"></span></p>"#),
            RuleExample(#"<p>↓<img src="https://static.example.com/images/loading.gif" data-original="https://static.example.com/article/2022/0126/example.png"></p>"#),
            RuleExample(#"<p>实例如下。↓<img alt="图片" title="图片" src="https://segmentfault.com/a/undefined"></p>"#),
            RuleExample("示意图：\n\n↓<img data-src=\"https://segmentfault.com/img/bVcExample\" alt=\"图\">\n"),
        ],
        nonTriggering: [
            RuleExample(#"<p><img data-original="https://static.cnbetacdn.com/article/2022/0126/a.png" src="https://static.cnbetacdn.com/thumb/article/2022/0126/a.png"></p>"#),
            RuleExample(#"<p><img data-original-src="//upload-images.jianshu.io/upload_images/a.png" src="https://upload-images.jianshu.io/upload_images/a.png"></p>"#),
            RuleExample(#"<p><img src="https://example.com/a.png" alt="图"></p>"#),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<div class="image-view"><img data-original-src="//upload-images.jianshu.io/upload_images/example.png"></div>"#),
                #"<div class="image-view"><img data-original-src="//upload-images.jianshu.io/upload_images/example.png" src="https://upload-images.jianshu.io/upload_images/example.png"></div>"#),
            RuleCorrection(
                RuleExample(#"<p><img class="lazy" data-src="https://segmentfault.com/img/bVcExample" src="https://segmentfault.com/a/undefined" alt="图片"></p>"#),
                #"<p><img class="lazy" data-src="https://segmentfault.com/img/bVcExample" src="https://segmentfault.com/img/bVcExample" alt="图片"></p>"#),
            RuleCorrection(
                RuleExample("示意图：\n\n<img data-src=\"https://segmentfault.com/img/bVcExample\" alt=\"图\">\n\n<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-original=\"//example.com/b.png\">\n"),
                "示意图：\n\n<img src=\"https://segmentfault.com/img/bVcExample\" data-src=\"https://segmentfault.com/img/bVcExample\" alt=\"图\">\n\n<img src=\"https://example.com/b.png\" data-original=\"//example.com/b.png\">\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let attributes = context.profile.lazyImageAttributes
        if context.body != nil {
            return HTMLImageElements.all(context).compactMap { image -> Violation? in
                let src = image.attribute("src")
                guard LazyImageRule.isPlaceholder(src) else { return nil }
                let location = context.location(of: image)
                guard let real = LazyImageRule.realSource(attributes.map { ($0, image.attribute($0)) }) else {
                    return LazyImageRule.brokenWithoutSource(src).map { Violation(at: location, $0) }
                }
                return Violation(at: location, LazyImageRule.message(src: src, real: real),
                                 fix: Fix("set src to the real source", removing: [image]) {
                                     image.setAttribute("src", URLRewriting.withHTTPS(real.value))
                                 })
            }
        }
        guard let markdown = context.markdown else { return [] }
        let tags = MarkdownURLs.tags(context, named: ["img"]).compactMap { tag -> Violation? in
            let src = tag.attribute("src")?.value
            guard LazyImageRule.isPlaceholder(src) else { return nil }
            let location = context.location(ofMarkdownOffset: tag.range.lowerBound)
            guard let real = LazyImageRule.realSource(attributes.map { ($0, tag.attribute($0)?.value) }) else {
                return LazyImageRule.brokenWithoutSource(src).map { Violation(at: location, $0) }
            }
            let value = "\"" + HTMLImage.escape(URLRewriting.withHTTPS(real.value)) + "\""
            return Violation(at: location, LazyImageRule.message(src: src, real: real),
                             fix: Fix("set src to the real source") {
                                 if let existing = tag.attribute("src"), let range = existing.valueRange {
                                     markdown.replace(range, with: value)
                                 } else if let existing = tag.attribute("src") {
                                     markdown.replace(existing.range, with: " src=" + value)
                                 } else {
                                     let afterName = tag.range.lowerBound + 4
                                     markdown.replace(afterName..<afterName, with: " src=" + value)
                                 }
                             })
        }
        let images = MarkdownURLs.all(context).filter { $0.kind == .image }.compactMap { url -> Violation? in
            guard let message = LazyImageRule.brokenWithoutSource(url.url) else { return nil }
            return Violation(at: context.location(ofMarkdownOffset: url.range.lowerBound), message)
        }
        return (tags + images).sorted { $0.location < $1.location }
    }
}

private extension LazyImageRule {
    /// The first lazy attribute, in the profile's order, that holds a real address.
    static func realSource(_ candidates: [(String, String?)]) -> (name: String, value: String)? {
        for (name, value) in candidates {
            guard let value = value.map({ String($0.trimmingWhitespace) }), !isPlaceholder(value) else {
                continue
            }
            return (name, value)
        }
        return nil
    }

    static let placeholderFile = CompiledPattern(builtIn:
        #"^(placeholder|loading|lazy|lazyload|blank|spacer|grey|gray|pixel|transparent|empty)"#
            + #"([-_.][a-z0-9_.-]*)?\.(gif|png|svg|jpe?g|webp)$"#)

    static func isUndefined(_ src: String) -> Bool {
        let lowered = URLRewriting.Parts(src.lowercased()).base
        return lowered.hasSuffix("/undefined") || lowered.hasSuffix("/null")
    }

    /// The message for an image whose `src` is a `/undefined` leftover and that carries no real source.
    static func brokenWithoutSource(_ src: String?) -> String? {
        guard let src, isUndefined(src) else { return nil }
        return "image source is \(URLRewriting.shown(src)), a lazy-loading leftover, "
            + "and no attribute holds the real one"
    }

    static func message(src: String?, real: (name: String, value: String)) -> String {
        let current = src.map { $0.isEmpty ? "empty" : "a placeholder (\(URLRewriting.shown($0, limit: 50)))" }
            ?? "missing"
        return "lazy-loaded image: src is \(current) and the real source is in \(real.name)"
    }
}

extension LazyImageRule {
    /// True for a missing or empty `src`, a `data:` URI, `undefined`, and placeholder files such as
    /// `loading.gif`, `blank.gif` or `placeholder.png`.
    static func isPlaceholder(_ src: String?) -> Bool {
        // An ASCII address (nearly all) is read from its bytes, which give what its characters give.
        guard let src, let ascii = ASCIIImageSource(src) else { return isPlaceholderReadingCharacters(src) }
        let lowered = ascii.lowered
        if lowered.isEmpty || lowered.starts(with: "data:".utf8) { return true }
        if ["about:blank", "#", "undefined", "null"].contains(where: ascii.isEqual(to:)) { return true }
        let base = ascii.base
        if base.hasSuffix(bytesOf: "/undefined") || base.hasSuffix(bytesOf: "/null") { return true }
        return placeholderFile.matches(ascii.lastComponentOfBase)
    }

    /// `isPlaceholder` read character by character, for any address.
    static func isPlaceholderReadingCharacters(_ src: String?) -> Bool {
        guard let src = src.map({ String($0.trimmingWhitespace).lowercased() }), !src.isEmpty else {
            return true
        }
        if src.hasPrefix("data:") || ["about:blank", "#", "undefined", "null"].contains(src) { return true }
        if isUndefined(src) { return true }
        return placeholderFile.matches(lastComponent(of: URLRewriting.Parts(src).base))
    }

    /// The last non-empty `/`-separated part of `path`, as `split(separator: "/").last` gives it. An ASCII path
    /// is read from its end, byte by byte; elsewhere a `/` followed by a combining mark is no separator.
    static func lastComponent(of path: String) -> String {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last.map(String.init) ?? "" }
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") {
            start = bytes.index(before: start)
        }
        return String(path[start..<end])
    }
}
