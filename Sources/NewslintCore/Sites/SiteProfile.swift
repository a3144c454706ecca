import Foundation

import NewslintDOM

/// The site knowledge in force for one post: the defaults merged with the matched site's profile,
/// with selectors and patterns compiled.
///
/// A class, not a struct: rules read it for every node, and copying a value of some twenty arrays retained each.
public final class SiteProfile: Sendable {
    /// The matched site's id, or `defaults`.
    public let id: String
    public let name: String
    public let adCommentMarkers: [String]
    public let keptComments: [String]
    public let promoBlocks: [(selector: Selector, label: String)]
    public let boldSelectors: [Selector]
    public let italicSelectors: [Selector]
    public let unwrapSelectors: [Selector]
    public let captionSelectors: [Selector]
    public let presentationalAttributes: [String]
    /// `presentationalAttributes` split once: whole names, and the prefixes of the patterns ending in `*`.
    private let presentationalNames: Set<String>
    private let presentationalPrefixes: [String]
    public let editorLinePatterns: [CompiledPattern]
    public let requiresEditorLine: Bool
    public let hotlinkProtectedHosts: [String]
    public let adImages: Set<String>
    public let placeholderThumbnails: [CompiledPattern]
    public let imageProxies: [String]
    public let lazyImageAttributes: [String]
    /// The credit-line patterns, with their prefilters merged for testing every line of a body.
    public let creditLines: CompiledPatternList
    public var creditLinePatterns: [CompiledPattern] { creditLines.patterns }
    public let requiresCreditLine: Bool
    public let relatedBlocks: [(selector: Selector?, label: String, headings: [String])]
    /// The `relatedBlocks` recognised by a leading heading, prepared once: `related-articles` reads every paragraph.
    public let headedRelatedBlocks: HeadedRelatedBlocks
    public let pageChromeSelectors: [Selector]
    public let redirects: [SiteProfileData.Redirect]
    public let affiliateHosts: [String]
    public let trackingParameters: [String]
    public let allowedEmbedHosts: [String]
    /// The selector lists above indexed by tag, for rules that test every element against a list: each gives
    /// positions in its list (`relatedBlockIndex` in `relatedBlocks`, where blocks without a selector never match).
    public let promoBlockIndex: SelectorIndex
    public let relatedBlockIndex: SelectorIndex
    public let pageChromeIndex: SelectorIndex
    public let boldIndex: SelectorIndex
    public let italicIndex: SelectorIndex
    public let captionIndex: SelectorIndex
    public let unwrapIndex: SelectorIndex

    /// Merges `site` (if any) over `defaults`. Throws when a selector or pattern does not compile.
    /// With `builtIn`, the profiles are the ones compiled into the binary, whose patterns the tests compile: they are
    /// compiled when first used (see `CompiledPattern`).
    public init(defaults: SiteProfileData, site: SiteProfileData?, builtIn: Bool = false) throws {
        let pattern: (String) throws -> CompiledPattern = builtIn ? { CompiledPattern(builtIn: $0) } : { try CompiledPattern($0) }
        let layers = [defaults] + (site.map { [$0] } ?? [])
        id = site?.id ?? defaults.id
        name = site?.name ?? site?.id ?? defaults.name ?? defaults.id
        adCommentMarkers = layers.flatMap { $0.adComments?.markers ?? [] }
        keptComments = layers.flatMap { $0.adComments?.keep ?? [] }
        promoBlocks = try layers.flatMap { $0.promoBlocks ?? [] }.map { (try Selector($0.selector), $0.label) }
        boldSelectors = try layers.flatMap { $0.presentational?.bold ?? [] }.map(Selector.init)
        italicSelectors = try layers.flatMap { $0.presentational?.italic ?? [] }.map(Selector.init)
        unwrapSelectors = try layers.flatMap { $0.presentational?.unwrap ?? [] }.map(Selector.init)
        captionSelectors = try layers.flatMap { $0.presentational?.captions ?? [] }.map(Selector.init)
        presentationalAttributes = layers.flatMap { $0.presentational?.attributes ?? [] }
        presentationalNames = Set(presentationalAttributes.filter { !$0.hasSuffix("*") })
        presentationalPrefixes = presentationalAttributes.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
        editorLinePatterns = try layers.compactMap(\.editorLine).map { try pattern($0.pattern) }
        requiresEditorLine = layers.contains { $0.editorLine?.required == true }
        hotlinkProtectedHosts = layers.flatMap { $0.images?.hotlinkProtectedHosts ?? [] }
        adImages = Set(layers.flatMap { $0.images?.adImages ?? [] })
        placeholderThumbnails = try layers.flatMap { $0.images?.placeholderThumbnails ?? [] }.map(pattern)
        imageProxies = layers.flatMap { $0.images?.proxies ?? [] }
        lazyImageAttributes = layers.flatMap { $0.images?.lazyAttributes ?? [] }
        creditLines = CompiledPatternList(
            try layers.flatMap { $0.creditLines?.patterns ?? [] }.map(pattern))
        requiresCreditLine = layers.contains { $0.creditLines?.required == true }
        relatedBlocks = try layers.flatMap { $0.relatedBlocks ?? [] }.map { block in
            (try block.selector.map(Selector.init), block.label, block.headings ?? [])
        }
        headedRelatedBlocks = HeadedRelatedBlocks(relatedBlocks.map { ($0.label, $0.headings) })
        pageChromeSelectors = try layers.flatMap { $0.pageChrome ?? [] }.map(Selector.init)
        redirects = layers.flatMap { $0.links?.redirects ?? [] }
        affiliateHosts = layers.flatMap { $0.links?.affiliateHosts ?? [] }
        trackingParameters = layers.flatMap { $0.links?.trackingParameters ?? [] }.map { $0.lowercased() }
        allowedEmbedHosts = layers.flatMap { $0.embeds?.allowedHosts ?? [] }
        promoBlockIndex = SelectorIndex(promoBlocks.map(\.selector))
        relatedBlockIndex = SelectorIndex(relatedBlocks.map(\.selector))
        pageChromeIndex = SelectorIndex(pageChromeSelectors)
        boldIndex = SelectorIndex(boldSelectors)
        italicIndex = SelectorIndex(italicSelectors)
        captionIndex = SelectorIndex(captionSelectors)
        unwrapIndex = SelectorIndex(unwrapSelectors)
    }

    /// True when `host` is one of `hosts` or a subdomain of one.
    public static func host(_ host: String, isIn hosts: [String]) -> Bool {
        hosts.contains { URLParts.host(host, isWithin: $0) }
    }

    /// True when `url`'s host is `host` or one of its subdomains for a hotlink-protected host.
    public func isHotlinkProtected(_ url: String) -> Bool {
        guard let host = URLParts.host(of: url) else { return false }
        return SiteProfile.host(host, isIn: hotlinkProtectedHosts)
    }

    /// True when a comment with this text is to be kept (e.g. Hexo's `<!-- more -->`).
    public func keepsComment(_ text: String) -> Bool {
        let trimmed = String(text.trimmingWhitespace)
        return keptComments.contains { pattern in
            pattern.hasSuffix("*") ? trimmed.hasPrefix(String(pattern.dropLast())) : trimmed == pattern
        }
    }

    /// True when `name` is a presentational attribute.
    public func isPresentationalAttribute(_ name: String) -> Bool {
        presentationalNames.contains(name) || presentationalPrefixes.contains { name.hasPrefix($0) }
    }
}

/// The related blocks that have headings, with what the start of a paragraph is compared with.
public struct HeadedRelatedBlocks: Sendable {
    /// The blocks with at least one heading, in profile order.
    public let blocks: [(label: String, headings: [String])]
    /// The length in characters of the longest heading (0 when there is none).
    public let longestHeading: Int
    /// The first character of each non-empty heading.
    public let headingStarts: Set<Character>
    /// True when a heading is empty: every paragraph starts with it.
    public let includesEmptyHeading: Bool

    init(_ blocks: [(label: String, headings: [String])]) {
        self.blocks = blocks.filter { !$0.headings.isEmpty }
        let headings = self.blocks.flatMap(\.headings)
        longestHeading = headings.map(\.count).max() ?? 0
        headingStarts = Set(headings.compactMap(\.first))
        includesEmptyHeading = headings.contains("")
    }
}
