import NewslintCore
import NewslintDOM

/// An address the link rules read in an HTML body: the `href` of a link (or the `src` of an image), or a bare
/// URL of a text node, which the Markdown writer writes as an autolink. A rule that rewrites links rewrites
/// both, so that the fix which converts the body already does what fixing its Markdown again would do.
enum BodyAddress {
    case attribute(Node, name: String, value: String)
    case autolink(Node, TextAutolinks.Match)

    /// The addresses of the context's body in document order: links' `href`s, images' `src`s when `images` is
    /// true, and the bare URLs of text nodes. Found once per state of the post and shared by the link rules.
    static func all(_ context: RuleContext, images: Bool = false) -> [BodyAddress] {
        guard let body = context.body else { return [] }
        let all = context.derived("body-addresses") { () -> [BodyAddress] in
            // One walk reads the attributes and the text nodes' bare URLs.
            var addresses: [BodyAddress] = []
            for node in body.descendants {
                if node.isText {
                    for match in TextAutolinks.matches(in: node) { addresses.append(.autolink(node, match)) }
                    continue
                }
                let name = node.isElement(named: "a") ? "href" : node.isElement(named: "img") ? "src" : nil
                if let name, let value = node.attribute(name) {
                    addresses.append(.attribute(node, name: name, value: value))
                }
            }
            return addresses
        }
        guard !images else { return all }
        // Only images give a `src`; two rules ask for the links, once each per state of the post.
        return context.derived("body-link-addresses") {
            all.filter { if case .attribute(_, "src", _) = $0 { false } else { true } }
        }
    }

    var url: String {
        switch self {
        case .attribute(_, _, let value): value
        case .autolink(_, let match): match.url
        }
    }

    /// The element or the text node that holds the address; what a fix declares to the content-loss guard.
    var node: Node {
        switch self {
        case .attribute(let node, _, _), .autolink(let node, _): node
        }
    }

    var isAutolink: Bool {
        if case .autolink = self { true } else { false }
    }

    func location(in context: RuleContext) -> Location {
        switch self {
        case .attribute(let node, _, _): context.location(of: node)
        case .autolink(let node, let match): context.location(of: match.url, from: node)
        }
    }

    /// Writes `url` in place of the address (a link whose text was its address shows the new one).
    func replace(with url: String) {
        switch self {
        case .attribute(let node, "href", _): URLRewriting.setHref(of: node, to: url)
        case .attribute(let node, let name, _): node.setAttribute(name, url)
        case .autolink(let node, let match): TextAutolinks.replace(match.url, with: url, in: node)
        }
    }
}
