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
    public var images: Images?
    public var examples: [Example]?

    enum CodingKeys: String, CodingKey {
        case id, name, match, presentational, images, examples
        case adComments = "ad_comments", promoBlocks = "promo_blocks", editorLine = "editor_line"
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

        enum CodingKeys: String, CodingKey {
            case hotlinkProtectedHosts = "hotlink_protected_hosts", adImages = "ad_images"
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
