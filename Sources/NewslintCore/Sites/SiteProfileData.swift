/// One YAML file under `rules/`: the defaults or a site profile, as written.
///
/// Every list is optional; a site profile adds to the defaults and never removes from them.
/// `rules/README.md` documents each key.
public struct SiteProfileData: Decodable, Sendable {
    public var id: String
    public var name: String?
    public var match: Match?
    public var adComments: AdComments?
    public var promoBlocks: [PromoBlock]?
    public var presentational: Presentational?
    public var editorLine: EditorLine?
    public var creditLines: CreditLines?
    public var relatedBlocks: [RelatedBlock]?
    public var pageChrome: [String]?
    public var images: Images?
    public var links: Links?
    public var embeds: Embeds?
    public var examples: [Example]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, match, presentational, images, links, embeds, examples
        case adComments = "ad_comments", promoBlocks = "promo_blocks", editorLine = "editor_line"
        case creditLines = "credit_lines", relatedBlocks = "related_blocks", pageChrome = "page_chrome"
    }

    /// The top-level keys a profile may have, for `newslint rules validate`.
    public static let allowedKeys: [String: Set<String>] = [
        "": Set(CodingKeys.allCases.map(\.rawValue)),
        "match": ["authors", "categories", "hosts"],
        "ad_comments": ["markers", "keep"],
        "promo_blocks": ["selector", "label"],
        "presentational": ["bold", "italic", "unwrap", "captions", "attributes"],
        "editor_line": ["pattern", "required"],
        "credit_lines": ["patterns", "required"],
        "related_blocks": ["selector", "label", "headings"],
        "images": ["hotlink_protected_hosts", "ad_images", "placeholder_thumbnails", "proxies", "lazy_attributes"],
        "links": ["redirects", "affiliate_hosts", "tracking_parameters"],
        "redirects": ["host", "path", "parameter"],
        "embeds": ["allowed_hosts"],
        "examples": ["rule", "input", "output"],
    ]

    /// Credit and source lines the post must keep as its closing lines (`credit-line`).
    public struct CreditLines: Decodable, Sendable {
        /// Regular expressions a credit paragraph's text matches, e.g. `^本文由 @.+ 原创发布于`.
        public var patterns: [String]?
        /// Whether every post of the site carries one.
        public var required: Bool?
    }

    /// Navigation blocks such as 相关文章 or 推荐阅读 (`related-articles`).
    public struct RelatedBlock: Decodable, Sendable {
        /// The block's selector; or nil to match paragraphs that start with one of `headings`.
        public var selector: String?
        public var label: String
        /// Leading labels, e.g. `推荐阅读：`; a paragraph starting with one (in bold or not) is the block.
        public var headings: [String]?
    }

    /// Link hygiene (`redirect-link`, `affiliate-link`, `tracking-parameter`).
    public struct Links: Decodable, Sendable {
        public var redirects: [Redirect]?
        /// Hosts of tracking or affiliate redirects (subdomains match), e.g. `c.duomai.com`, `pvxt.net`.
        public var affiliateHosts: [String]?
        /// Query parameters to drop; a trailing `*` matches a prefix (`utm_*`); `name=value` drops only that value.
        public var trackingParameters: [String]?

        enum CodingKeys: String, CodingKey {
            case redirects
            case affiliateHosts = "affiliate_hosts", trackingParameters = "tracking_parameters"
        }
    }

    /// A link wrapper whose target sits, URL-encoded, in a query parameter.
    public struct Redirect: Decodable, Sendable {
        public var host: String
        /// The path prefix of the wrapper, e.g. `/action/GoToLink`; nil or `/` for any path.
        public var path: String?
        public var parameter: String
    }

    /// Embedded players (`unsafe-html`).
    public struct Embeds: Decodable, Sendable {
        /// Hosts whose `<iframe>`/`<embed>` players may stay, e.g. `player.youku.com`.
        public var allowedHosts: [String]?

        enum CodingKeys: String, CodingKey { case allowedHosts = "allowed_hosts" }
    }

    /// How a post is recognised as coming from this site.
    public struct Match: Decodable, Sendable {
        /// Front-matter `author` values, compared after removing a ` - 子栏目` suffix.
        public var authors: [String]?
        /// Front-matter `categories` items.
        public var categories: [String]?
        /// Hosts (or parent domains) of links and images in the body.
        public var hosts: [String]?
    }

    public struct AdComments: Decodable, Sendable {
        /// Substrings that name a known template comment, for a precise message.
        public var markers: [String]?
        /// Comments to keep, matched against the trimmed comment text; a trailing `*` matches a prefix.
        public var keep: [String]?
    }

    public struct PromoBlock: Decodable, Sendable {
        public var selector: String
        /// What the block is, for the message ("新浪财经 APP QR code box").
        public var label: String
    }

    public struct Presentational: Decodable, Sendable {
        /// Elements whose presentation means bold; they become `<strong>`.
        public var bold: [String]?
        /// Elements whose presentation means italic; they become `<em>`.
        public var italic: [String]?
        /// Wrapper elements to replace with their content.
        public var unwrap: [String]?
        /// Elements that hold an image's caption; they become `<figcaption>` when not empty.
        public var captions: [String]?
        /// Presentational attributes to remove; a trailing `*` matches a prefix (`data-v-*`).
        public var attributes: [String]?
    }

    public struct EditorLine: Decodable, Sendable {
        /// A regular expression the credit line's text matches, e.g. `^责任编辑[：:]`.
        public var pattern: String
        /// Whether every post of the site must carry one.
        public var required: Bool?
    }

    public struct Images: Decodable, Sendable {
        /// Hosts that refuse images requested with a foreign `Referer`; subdomains match too.
        public var hotlinkProtectedHosts: [String]?
        /// Image URLs known to be ads or promo codes, never an article's picture.
        public var adImages: [String]?
        /// Regular expressions for placeholder thumbnails, e.g. `^https://picsum\.photos/`, `/undefined$`.
        public var placeholderThumbnails: [String]?
        /// Dead image-proxy prefixes, e.g. `https://cors.zfour.workers.dev/?`; the real URL follows them.
        public var proxies: [String]?
        /// Attributes that hold the real source of lazy-loaded images, e.g. `data-original-src`.
        public var lazyAttributes: [String]?

        enum CodingKeys: String, CodingKey {
            case hotlinkProtectedHosts = "hotlink_protected_hosts", adImages = "ad_images"
            case placeholderThumbnails = "placeholder_thumbnails", proxies, lazyAttributes = "lazy_attributes"
        }
    }

    /// An example the tests run against this profile.
    public struct Example: Decodable, Sendable {
        public var rule: String
        /// The post or body fragment, with `↓` markers where findings are expected.
        public var input: String
        /// The expected output after the rule's fixes, when the example is a correction.
        public var output: String?
    }
}
