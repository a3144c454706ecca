import Foundation
import NewslintCore
import NewslintDOM

/// URL and query helpers for the link and image rules.
///
/// Scraped URLs are often invalid for Foundation's parser (bare `&`, unencoded targets inside queries,
/// `http://https//` double schemes), so they are handled as text: a URL is split at its first `?` and `#`,
/// and query items keep their raw bytes so that a rewrite changes nothing but what it means to change.
enum URLRewriting {
    /// A URL split into the part before the query, the query and the fragment (both without their marks).
    struct Parts {
        var base: String
        var query: String?
        var fragment: String?

        init(_ url: String) {
            // URLs are read code point by code point, as browsers cut them: `#` and `?` are found as bytes, with
            // `memchr` (`utf8.firstIndex(of:)` stepped through a substring byte by byte).
            var rest = Substring(url)
            if let hash = rest.byteRange(of: "#") {
                fragment = String(rest[hash.upperBound...])
                rest = rest[..<hash.lowerBound]
            }
            if let mark = rest.byteRange(of: "?") {
                query = String(rest[mark.upperBound...])
                rest = rest[..<mark.lowerBound]
            }
            base = String(rest)
        }

        var string: String {
            base + (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        }

        /// The path of an absolute or protocol-relative URL, `/` when it has none.
        var path: String {
            guard let authority = base.range(of: "//") else { return base }
            let afterHost = base[authority.upperBound...].drop { $0 != "/" }
            return afterHost.isEmpty ? "/" : String(afterHost)
        }
    }

    /// One `name=value` item of a query or fragment, with its raw (still encoded) text.
    struct QueryItem {
        let raw: String
        // URLs are read code point by code point: `=` is found in the bytes.
        var name: String { String(raw[..<(raw.utf8.firstIndex(of: UInt8(ascii: "=")) ?? raw.endIndex)]) }
        /// The raw value, nil for an item without `=`.
        var rawValue: String? {
            guard let equals = raw.utf8.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            return String(raw[raw.utf8.index(after: equals)...])
        }
        var value: String? { rawValue.map(URLRewriting.percentDecoded) }
    }

    static func items(of query: String) -> [QueryItem] {
        // An ASCII query (nearly every one) is cut at its `&` bytes: in ASCII no character joins a neighbour, so
        // these are the cuts the characters give, without finding character boundaries in long queries.
        guard query.utf8.allSatisfy({ $0 < 0x80 }) else {
            return query.split(separator: "&", omittingEmptySubsequences: false).map { QueryItem(raw: String($0)) }
        }
        return query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false)
            .map { QueryItem(raw: String(Substring($0))) }
    }

    /// The raw value of the first query parameter called `name`.
    static func rawValue(of name: String, in url: String) -> String? {
        guard let query = Parts(url).query else { return nil }
        return items(of: query).first { $0.name == name }?.rawValue
    }

    // MARK: Decoding

    /// Decodes `%XX` escapes as UTF-8. Escapes that do not form UTF-8 (a GBK page, a stray `%`) stay as written;
    /// `+` stays too, since in a URL it is as often a plus as a space.
    static func percentDecoded(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        if let decoded = String(bytes: decoding(bytes, keepingNonASCIIEscapes: false), encoding: .utf8) {
            return decoded
        }
        return String(decoding: decoding(bytes, keepingNonASCIIEscapes: true), as: UTF8.self)
    }

    /// `bytes` with their `%XX` escapes decoded; with `keepingNonASCIIEscapes`, escapes of bytes from 0x80 up stay
    /// as written.
    private static func decoding(_ bytes: [UInt8], keepingNonASCIIEscapes: Bool) -> [UInt8] {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                let byte = high << 4 | low
                if byte < 0x80 || !keepingNonASCIIEscapes {
                    decoded.append(byte)
                } else {
                    decoded += bytes[index...(index + 2)]
                }
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The URL a wrapper carries in `raw` (a query value or the tail of a path): decoded once, and again while
    /// it is still an encoded URL (double encoding), with the generator's `http://https//` double scheme
    /// repaired. Nil when the result is not a web or mail address, which a fix must not link to.
    static func target(fromEncoded raw: String) -> String? {
        var value = String(raw.trimmingSpaces)
        // A target written unencoded (`t=https://…`) is taken as it is: decoding it would turn its own
        // escapes (`%20`, an encoded query) into different characters.
        let written = isLinkable(value) || isProtocolRelative(value)
        for _ in 0..<(written ? 0 : 3) {
            value = percentDecoded(value)
            guard afterWebScheme(value, separator: "%3a") != nil else { break }
        }
        value = withHTTPS(repairingDoubleScheme(value))
        return isLinkable(value) ? value : nil
    }

    /// `http://https//host/…` (an encoder that swallowed the inner colon) and `https://http://host/…`
    /// become the inner URL.
    static func repairingDoubleScheme(_ url: String) -> String {
        switch DoubleSchemeScan.scan(url) {
        case .unchanged:
            return url
        case .repaired(let scheme, let restOffset):
            return scheme + "://" + url[url.utf8.index(url.utf8.startIndex, offsetBy: restOffset)...]
        case .undecided:
            return repairingDoubleSchemeByPattern(url)
        }
    }

    /// `repairingDoubleScheme(_:)` by its pattern: for the addresses the byte scan leaves undecided.
    static func repairingDoubleSchemeByPattern(_ url: String) -> String {
        let range = NSRange(url.startIndex..., in: url)
        guard let match = doubleScheme.firstMatch(in: url, range: range),
              let inner = Range(match.range(at: 1), in: url), let rest = Range(match.range(at: 2), in: url)
        else { return url }
        return url[inner].lowercased() + "://" + url[rest]
    }

    private static let doubleScheme = MarkdownEdits.pattern(#"^https?:/+(https?)(?::|%3A)?/+(.+)$"#,
                                                            options: [.caseInsensitive, .dotMatchesLineSeparators])

    /// An absolute `http`, `https` or `ftp` URL with a host, or a `mailto:` address.
    static func isLinkable(_ url: String) -> Bool {
        if let address = afterPrefix(url, "mailto:") { return !address.isEmpty }
        guard let host = afterWebScheme(url, separator: "://")?.unicodeScalars.first else { return false }
        return host != "/" && host != "?" && host != "#" && !host.isWhiteSpace
    }

    /// What follows `http`, `https` or `ftp` and `separator` (lower case) at the start of `url`, compared
    /// without regard to ASCII case; nil when `url` does not start so.
    static func afterWebScheme(_ url: String, separator: String) -> Substring? {
        for scheme in webSchemes {
            if let rest = afterPrefix(url, scheme, separator) { return rest }
        }
        return nil
    }

    private static let webSchemes = ["http", "https", "ftp"]

    /// What follows `prefix` and then `more` (lower case) at the start of `text`, compared without regard to ASCII
    /// case; the two parts are read one after the other rather than joined into a new string.
    private static func afterPrefix(_ text: String, _ prefix: String, _ more: String = "") -> Substring? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        func read(_ part: String) -> Bool {
            for expected in part.utf8 {
                guard index < utf8.endIndex, utf8[index].asciiLowercased == expected else { return false }
                utf8.formIndex(after: &index)
            }
            return true
        }
        guard read(prefix), read(more) else { return nil }
        return text[index...]
    }

    // MARK: Protocol-relative URLs

    /// True for `//host/…`.
    static func isProtocolRelative(_ url: String) -> Bool {
        let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        // More than two characters: `dropFirst(2)` steps over two, where `count` would read all of them.
        return trimmed.hasPrefix("//") && !trimmed.dropFirst(2).isEmpty && !trimmed.hasPrefix("///")
    }

    /// `//host/…` as `https://host/…`; other URLs unchanged.
    static func withHTTPS(_ url: String) -> String {
        guard isProtocolRelative(url) else { return url }
        return "https:" + url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    }

    // MARK: Redirect wrappers

    /// The first wrapper of `redirects` that `url` goes through, with the target it carries (nil when it
    /// carries none that can be linked to).
    static func redirect(of url: String, in redirects: [SiteProfileData.Redirect])
        -> (redirect: SiteProfileData.Redirect, target: String?)? {
        redirect(of: url, in: redirects, hosts: redirectHosts(redirects))
    }

    /// The wrappers' hosts in lower case, in their order: what `redirect(of:in:hosts:)` compares with.
    static func redirectHosts(_ redirects: [SiteProfileData.Redirect]) -> [String] {
        redirects.map { $0.host.lowercased() }
    }

    /// `redirect(of:in:)` with the wrappers' hosts lowered beforehand (`redirectHosts(redirects)`), once per
    /// profile rather than for each address.
    static func redirect(of url: String, in redirects: [SiteProfileData.Redirect], hosts: [String])
        -> (redirect: SiteProfileData.Redirect, target: String?)? {
        guard let host = URLParts.host(of: url), hosts.contains(host) else { return nil }
        let parts = Parts(url)
        for (redirect, redirectHost) in zip(redirects, hosts)
        where host == redirectHost && pathMatches(parts.path, redirect.path) {
            guard let raw = rawValue(of: redirect.parameter, in: url), !raw.isEmpty else { continue }
            return (redirect, target(fromEncoded: raw))
        }
        return nil
    }

    private static func pathMatches(_ path: String, _ prefix: String?) -> Bool {
        guard let written = prefix, written != "/" else { return true }
        let path = path.lowercased()
        let prefix = written.lowercased()
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.dropFirst(prefix.count)
        return rest.isEmpty || rest.hasPrefix("/") || prefix.hasSuffix("/")
    }

    /// Where an affiliate redirect leads: the first query value that is itself a URL (`t=`, `u=` …), or a
    /// URL embedded in the path (Commission Junction's `…/sid//https://dest`). Nil when the link is a short
    /// code such as `microsoft.pvxt.net/x9Vg1`.
    static func affiliateDestination(of url: String) -> String? {
        let parts = Parts(url)
        if let query = parts.query {
            for item in items(of: query) {
                guard let raw = item.rawValue, !raw.isEmpty, let target = target(fromEncoded: raw) else { continue }
                return target
            }
        }
        guard let embedded = EmbeddedAddressSearch.embeddedAddress(in: url) else { return nil }
        return target(fromEncoded: String(embedded))
    }

    // MARK: Image proxies

    /// The proxy of `proxies` (URL prefixes such as `https://cors.zfour.workers.dev/?`) that `url` goes through,
    /// with the address it proxies (nil when that is not a web address). The scheme of the prefix does not
    /// matter: `http://`, `https://` and `//` forms of a proxy are the same proxy.
    static func proxy(of url: String, in proxies: [String]) -> (proxy: String, target: String?)? {
        guard !proxies.isEmpty else { return nil }
        let address = withoutScheme(url.trimmingSpaces)
        for proxy in proxies {
            let prefix = withoutScheme(proxy)
            guard !prefix.isEmpty, address.lowercased().hasPrefix(prefix.lowercased()) else { continue }
            let rest = String(address.dropFirst(prefix.count))
            return (proxy, rest.isEmpty ? nil : target(fromEncoded: rest))
        }
        return nil
    }

    /// A pattern for the proxies' prefixes written in text (any scheme) before an unencoded web address, for
    /// code in which the proxy rewrote an `<img>` tag that was an example. Nil when there are no proxies.
    /// A profile's proxies are the same for every post: the pattern is compiled once (`CompiledPattern.shared`).
    static func proxyPrefixPattern(_ proxies: [String]) -> NSRegularExpression? {
        let alternatives = proxyPrefixes(proxies).map(NSRegularExpression.escapedPattern(for:))
        guard !alternatives.isEmpty else { return nil }
        return try? CompiledPattern.shared(
            #"(?:https?:)?//(?:"# + alternatives.joined(separator: "|") + #")(?=(?:https?|ftp)://)"#,
            options: [.caseInsensitive])
    }

    /// False only when `proxyPrefixPattern(proxies)` cannot match `text`: every match holds `//` followed by one
    /// of the prefixes under the pattern's case folding.
    static func mayHoldProxyPrefix(_ proxies: [String], in text: String) -> Bool {
        CaseInsensitivePrefilter.mayHold("//", followedByOneOf: proxyPrefixes(proxies), in: text)
    }

    /// The proxies' prefixes as `proxyPrefixPattern` spells them after `//`.
    private static func proxyPrefixes(_ proxies: [String]) -> [String] {
        proxies.map { String(withoutScheme($0).dropFirst(2)) }.filter { !$0.isEmpty }
    }

    /// `url` after its `scheme:` when `//` follows it (`https://a` → `//a`); else `url` as it is.
    private static func withoutScheme<Text: StringProtocol>(_ url: Text) -> Text.SubSequence {
        let bytes = url.utf8
        var index = bytes.startIndex
        guard index < bytes.endIndex, bytes[index].isASCIILetter else { return url[...] }
        bytes.formIndex(after: &index)
        while index < bytes.endIndex, bytes[index].isASCIILetter || bytes[index].isASCIIDigit
                || bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: ".")
                || bytes[index] == UInt8(ascii: "-") {
            bytes.formIndex(after: &index)
        }
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return url[...] }
        let afterColon = bytes.index(after: index)
        guard bytes[afterColon...].starts(with: "//".utf8) else { return url[...] }
        return url[afterColon...]
    }

    // MARK: Tracking parameters

    /// `url` without the query and fragment items that match `patterns` (`utm_*`, `from=pc`, `id_token`),
    /// keeping the other items and their order. Nil when nothing matches.
    static func removingParameters(from url: String, matching patterns: [String])
        -> (url: String, removed: [QueryItem])? {
        guard !patterns.isEmpty, url.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
        else { return nil }
        var parts = Parts(url)
        var removed: [QueryItem] = []
        /// The items of `list` that match no pattern, joined again; the others go to `removed`.
        func keptItems(of list: String) -> String? {
            var kept: [QueryItem] = []
            for item in items(of: list) {
                if matches(item, patterns) { removed.append(item) } else { kept.append(item) }
            }
            return kept.isEmpty ? nil : kept.map(\.raw).joined(separator: "&")
        }
        if let query = parts.query {
            parts.query = keptItems(of: query)
        }
        // OAuth-style fragments (`#id_token=…&state=…`) are parameters too; a plain anchor is not, unless it is
        // exactly a listed name (WeChat's `#wechat_redirect`).
        if let fragment = parts.fragment, fragment.contains("=") {
            parts.fragment = keptItems(of: fragment)
        } else if let fragment = parts.fragment, !fragment.isEmpty,
                  patterns.contains(where: { $0 == fragment.lowercased() && !$0.hasSuffix("*") }) {
            removed.append(QueryItem(raw: fragment))
            parts.fragment = nil
        }
        return removed.isEmpty ? nil : (parts.string, removed)
    }

    /// `patterns` are lower case (as `SiteProfile.trackingParameters` holds them).
    private static func matches(_ item: QueryItem, _ patterns: [String]) -> Bool {
        let name = item.name.lowercased()
        guard !name.isEmpty else { return false }
        // Decoded only for a `name=value` pattern whose name matches, and then once.
        lazy var value = item.value?.lowercased()
        return patterns.contains { pattern in
            let bytes = pattern.utf8
            if bytes.last == UInt8(ascii: "*") { return name.utf8.starts(with: bytes.dropLast()) }
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                return name.utf8.elementsEqual(bytes[..<equals])
                    && value == String(pattern[bytes.index(after: equals)...])
            }
            return name == pattern
        }
    }

    /// True for parameters that carry a credential (`id_token`, `access_token` …) rather than a campaign.
    static func isCredential(_ item: QueryItem) -> Bool {
        item.name.lowercased().contains("token")
    }

    // MARK: DOM edits

    /// Points a link at `url`. When the link's text is its old address, the text follows, so that the reader
    /// does not see one address and go to another.
    static func setHref(of link: Node, to url: String) {
        let old = link.attribute("href") ?? ""
        link.setAttribute("href", url)
        let children = link.children
        guard children.count == 1, let text = children.first, text.isText,
              String(text.text.trimmingWhitespace) == old, !old.isEmpty else { return }
        text.setText(url)
    }

    /// The nodes a URL fix must declare to the content-loss guard: the old address of a link or an image
    /// goes away (the link's text stays, but the guard only knows whole nodes).
    static func declared(_ node: Node) -> [Node] {
        node.isElement(named: "a") || node.isElement(named: "img") ? [node] : []
    }

    /// Shortens a URL for a message.
    static func shown(_ url: String, limit: Int = 80) -> String {
        url.count <= limit ? url : String(url.prefix(limit)) + "…"
    }
}

/// A URL written in a Markdown body: a link or image destination, an autolink, a link reference
/// definition, or an `href`/`src` of an inline HTML tag. Ranges are UTF-8 offsets into the body.
struct MarkdownURL {
    enum Kind: Equatable {
        case link, image, autolink, definition
        /// An attribute of an inline HTML tag; `tag` is its lower-case element name.
        case attribute(name: String, tag: String)
    }

    let kind: Kind
    /// The address as a renderer reads it: backslash escapes and entities decoded.
    let url: String
    /// The address as written (inside `<…>` when bracketed; with its quotes for an attribute).
    let urlRange: Range<Int>
    /// The whole construct: `[text](url)`, `![alt](url)`, `<url>`, the definition line or the tag.
    let range: Range<Int>
    /// The link text or image alt, as written; nil for autolinks, definitions and tags.
    let text: String?

    /// `url` written for this construct's slot, so that a renderer reads back exactly `url`.
    func written(_ url: String) -> String {
        switch kind {
        case .link, .image, .definition, .autolink: MarkdownURLs.destination(url)
        case .attribute: "\"" + HTMLImage.escape(url) + "\""
        }
    }

    var isLink: Bool {
        switch kind {
        case .link, .autolink, .definition: true
        case .attribute(let name, let tag): name == "href" && tag == "a"
        case .image: false
        }
    }

    var isImage: Bool {
        switch kind {
        case .image: true
        case .attribute(let name, let tag): name == "src" && tag == "img"
        default: false
        }
    }
}

/// An inline HTML tag in a Markdown body, with its attributes' UTF-8 ranges.
struct MarkdownTag: Equatable {
    struct Attribute: Equatable {
        let name: String
        /// The value with entities decoded; nil for a bare attribute.
        let value: String?
        /// The attribute with its leading whitespace, for removing it.
        let range: Range<Int>
        /// The value as written, with its quotes.
        let valueRange: Range<Int>?
    }

    /// Lower-case element name.
    let name: String
    let range: Range<Int>
    let attributes: [Attribute]

    func attribute(_ name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }
}

/// Finds the URLs and inline tags of a Markdown body that are markup: not in code, not backslash-escaped.
enum MarkdownURLs {
    /// The URLs of the context's Markdown body, found once per state of the post and shared by the rules.
    static func all(_ context: RuleContext) -> [MarkdownURL] {
        guard let markdown = context.markdown else { return [] }
        return context.derived("markdown-urls") {
            all(in: markdown, tags: tags(context), comments: comments(context))
        }
    }

    /// The inline HTML start tags of the context's Markdown body, optionally only those named `names`; found
    /// once per state of the post.
    static func tags(_ context: RuleContext, named names: Set<String>? = nil) -> [MarkdownTag] {
        guard let markdown = context.markdown else { return [] }
        let all = context.derived("markdown-tags") { tags(in: markdown, comments: comments(context)) }
        guard let names else { return all }
        return all.filter { names.contains($0.name) }
    }

    /// Each pattern with a piece of text every match contains, to skip the regex on a body without it. Made once,
    /// not for every body.
    private static let urlPatterns: [(pattern: NSRegularExpression, kind: MarkdownURL.Kind, marker: String)] =
        [(image, .image, "]("), (link, .link, "]("), (definition, .definition, "]:")]

    /// The HTML comments of the context's Markdown body that are markup, found once per state of the post:
    /// a match inside one is not a link or a tag.
    private static func comments(_ context: RuleContext) -> [Range<Int>] {
        guard let markdown = context.markdown else { return [] }
        return context.derived("markdown-comments") {
            let text = markdown.text
            guard text.containsBytes("<!--") else { return [] }
            return matches(of: comment, in: text, within: 0..<text.utf8.count)
                .filter { !markdown.isLiteral($0.range.lowerBound) }.map(\.range)
        }
    }

    static func all(in markdown: MarkdownBody, tags: [MarkdownTag], comments: [Range<Int>]) -> [MarkdownURL] {
        urls(in: markdown, tags: tags) { pattern, kind in
            scannedMatches(of: kind, in: markdown, comments: comments)
                ?? matches(of: pattern, in: markdown.text, markdown: markdown, comments: comments)
        }
    }

    /// `all(in:tags:comments:)` by the image, link, definition and autolink patterns: what the scanner reads, and
    /// the path for the texts it declines.
    static func allByPattern(in markdown: MarkdownBody, tags: [MarkdownTag], comments: [Range<Int>]) -> [MarkdownURL] {
        urls(in: markdown, tags: tags) { pattern, _ in
            matches(of: pattern, in: markdown.text, markdown: markdown, comments: comments)
        }
    }

    /// The URLs of the body, in the order of the text: those of the markup matches `find` gives for each kind's
    /// pattern, and the `href` and `src` of `tags`.
    private static func urls(in markdown: MarkdownBody, tags: [MarkdownTag],
                             matching find: (NSRegularExpression, MarkdownURL.Kind) -> [Match]) -> [MarkdownURL] {
        let text = markdown.text
        var result: [MarkdownURL] = []
        for (pattern, kind, marker) in urlPatterns where text.containsBytes(marker) {
            for match in find(pattern, kind) {
                guard let destination = match.group(3) ?? match.group(2) else { continue }
                result.append(MarkdownURL(kind: kind, url: decodedDestination(destination.text),
                                          urlRange: destination.range, range: match.range,
                                          text: kind == .definition ? nil : match.group(1)?.text ?? ""))
            }
        }
        for match in text.containsBytes("<") ? find(autolink, .autolink) : [] {
            guard let destination = match.group(1) else { continue }
            result.append(MarkdownURL(kind: .autolink, url: destination.text, urlRange: destination.range,
                                      range: match.range, text: nil))
        }
        for tag in tags {
            for attribute in tag.attributes where ["href", "src"].contains(attribute.name) {
                guard let value = attribute.value, let valueRange = attribute.valueRange else { continue }
                result.append(MarkdownURL(kind: .attribute(name: attribute.name, tag: tag.name), url: value,
                                          urlRange: valueRange, range: tag.range, text: nil))
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The matches of `kind`'s pattern that `MarkdownLinkScanner` reads, those that are markup, as the regex path
    /// gives them; nil when the scanner declines the text.
    private static func scannedMatches(of kind: MarkdownURL.Kind, in markdown: MarkdownBody,
                                       comments: [Range<Int>]) -> [Match]? {
        let pattern: MarkdownLinkScanner.Pattern
        switch kind {
        case .image: pattern = .image
        case .link: pattern = .link
        case .definition: pattern = .definition
        case .autolink: pattern = .autolink
        case .attribute: return nil
        }
        let text = markdown.text
        guard let scanned = MarkdownLinkScanner.matches(of: pattern, in: text) else { return nil }
        return scanned.compactMap { match -> Match? in
            let start = match.range.lowerBound
            guard !markdown.isLiteral(start), !comments.contains(where: { $0.contains(start) }),
                  let whole = group(match.range, in: text) else { return nil }
            return Match(range: match.range, groups: [whole] + match.groups.map { $0.flatMap { group($0, in: text) } })
        }
    }

    /// A UTF-8 range of `text` with its text, as the regex path reads a match's range with `Range(_:in:)`: nil when
    /// a bound falls inside a character (before a combining mark, between CR and LF), where no index of `text`
    /// stands.
    private static func group(_ range: Range<Int>, in text: String) -> Group? {
        let utf8 = text.utf8
        guard let lower = String.Index(utf8.index(utf8.startIndex, offsetBy: range.lowerBound), within: text),
              let upper = String.Index(utf8.index(utf8.startIndex, offsetBy: range.upperBound), within: text)
        else { return nil }
        return Group(text: String(text[lower..<upper]), range: range)
    }

    /// The inline HTML start tags of the body outside code, optionally only those named `names`.
    static func tags(in markdown: MarkdownBody, named names: Set<String>? = nil,
                     comments: [Range<Int>]) -> [MarkdownTag] {
        let text = markdown.text
        guard text.containsBytes("<") else { return [] }
        guard let scanned = MarkdownTagScanner.tags(in: text) else {
            return tagsByPattern(in: markdown, named: names, comments: comments)
        }
        return scanned.compactMap { tag -> MarkdownTag? in
            let start = tag.range.lowerBound
            // As on the patterns' path, a tag or an attribute with a bound inside a character is dropped, and so
            // is a value or its range.
            guard !markdown.isLiteral(start), !comments.contains(where: { $0.contains(start) }),
                  group(tag.range, in: text) != nil else { return nil }
            let name = tag.name.lowercased()
            guard names?.contains(name) ?? true else { return nil }
            // The patterns read the attributes as one group: when it ends inside a character (a Prepend
            // character before the `>`), they are all dropped.
            if let first = tag.attributes.first, let last = tag.attributes.last,
               group(first.range.lowerBound..<last.range.upperBound, in: text) == nil {
                return MarkdownTag(name: name, range: tag.range, attributes: [])
            }
            let attributes = tag.attributes.compactMap { attribute -> MarkdownTag.Attribute? in
                guard group(attribute.range, in: text) != nil else { return nil }
                let value = attribute.contentRange.flatMap { group($0, in: text) }?.text
                return MarkdownTag.Attribute(name: attribute.name.lowercased(), value: value.map(decodedEntities),
                                             range: attribute.range,
                                             valueRange: attribute.valueRange.flatMap { group($0, in: text) }?.range)
            }
            return MarkdownTag(name: name, range: tag.range, attributes: attributes)
        }
    }

    /// `tags(in:named:comments:)` by the tag and attribute patterns: what the scanner reads, and the path for
    /// the texts it declines.
    static func tagsByPattern(in markdown: MarkdownBody, named names: Set<String>? = nil,
                              comments: [Range<Int>]) -> [MarkdownTag] {
        let text = markdown.text
        return matches(of: tag, in: text, markdown: markdown, comments: comments).compactMap { match -> MarkdownTag? in
            guard let name = match.group(1)?.text.lowercased(), names?.contains(name) ?? true else { return nil }
            let parsed = match.group(2).map { attributes(in: $0.range, of: text) } ?? []
            return MarkdownTag(name: name, range: match.range, attributes: parsed)
        }
    }

    private static func attributes(in range: Range<Int>, of text: String) -> [MarkdownTag.Attribute] {
        matches(of: attribute, in: text, within: range).compactMap { attribute -> MarkdownTag.Attribute? in
            guard let name = attribute.group(1)?.text.lowercased() else { return nil }
            let value = (attribute.group(3) ?? attribute.group(4) ?? attribute.group(5))?.text
            return MarkdownTag.Attribute(name: name, value: value.map(decodedEntities), range: attribute.range,
                                         valueRange: attribute.group(2)?.range)
        }
    }

    /// A link or image destination as CommonMark renderers write it back: bytes they would percent-encode are
    /// encoded, `&` that starts an entity is written `&amp;`, unbalanced parentheses are escaped.
    static func destination(_ url: String) -> String {
        // Entities are read as in `MarkdownURLs.decodedEntities` (names of two characters or more), so only the
        // percent-encoding is the writer's.
        let encoded = LinkSyntax.percentEncoded(url)
        let balanced = encoded.reduce(into: (depth: 0, ok: true)) { state, character in
            if character == "(" { state.depth += 1 }
            if character == ")" { state.depth -= 1; if state.depth < 0 { state.ok = false } }
        }
        let parenthesesBalanced = balanced.ok && balanced.depth == 0
        var result = ""
        let characters = Array(encoded)
        for (index, character) in characters.enumerated() {
            if character == "&", startsEntity(characters[(index + 1)...]) {
                result += "&amp;"
                continue
            }
            if (character == "(" || character == ")") && !parenthesesBalanced { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The edits that remove a link and keep its text: `[text](url)` becomes `text`; an inline `<a href>` loses
    /// its start tag and the next `</a>`. None for autolinks and definitions, whose only text is the address.
    static func unlinking(_ url: MarkdownURL, in markdown: MarkdownBody) -> [(range: Range<Int>, replacement: String)] {
        switch url.kind {
        case .link:
            return [(url.range, url.text ?? "")]
        case .attribute(_, let tag) where tag == "a":
            guard let end = closingTag("a", after: url.range.upperBound, in: markdown) else { return [] }
            return [(url.range, ""), (end, "")]
        default:
            return []
        }
    }

    /// The first `</name>` after a UTF-8 offset that is markup (not in code, not escaped).
    static func closingTag(_ name: String, after offset: Int, in markdown: MarkdownBody) -> Range<Int>? {
        let text = markdown.text
        let pattern = MarkdownEdits.pattern("</" + NSRegularExpression.escapedPattern(for: name) + #"\s*>"#,
                                            options: [.caseInsensitive])
        return matches(of: pattern, in: text, within: offset..<text.utf8.count)
            .first { !markdown.isLiteral($0.range.lowerBound) }?.range
    }

    /// Link text for a Markdown link whose text is an address: ASCII punctuation that could start
    /// markup is escaped.
    static func escapedText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\[]*_`<>&!".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    // MARK: Private

    private struct Group {
        let text: String
        let range: Range<Int>
    }

    private struct Match {
        let range: Range<Int>
        let groups: [Group?]
        func group(_ index: Int) -> Group? { index < groups.count ? groups[index] : nil }
    }

    private static let linkText = #"((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)"#
    private static let destinationPattern =
        #"\(\s*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))"#
        + #"(?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)"#
    private static let image = MarkdownEdits.pattern(#"(?<!\\)!\[((?:[^\[\]\\]|\\.)*)\]"# + destinationPattern)
    private static let link = MarkdownEdits.pattern(#"(?<![!\\])\["# + linkText + #"\]"# + destinationPattern)
    private static let definition = MarkdownEdits.pattern(
        #"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<([^<>\n]*)>|(\S+))"#, options: [.anchorsMatchLines])
    private static let autolink = MarkdownEdits.pattern(#"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"#)
    /// White space inside a tag. In a block quote a tag may go on over lines that start with `>` markers
    /// (the writer breaks a lone `<img>` so that it does not start an HTML block); the markers belong to the
    /// quote, not to the tag, so a line break with them is white space and never the tag's end.
    private static let tagSpace = #"(?:\n(?:[ \t]{0,3}>)+|\s)"#
    private static let tag = MarkdownEdits.pattern(
        #"<([A-Za-z][A-Za-z0-9-]*)((?:"# + tagSpace + #"+[A-Za-z_:][-A-Za-z0-9_:.]*"#
            + #"(?:"# + tagSpace + #"*="# + tagSpace + #"*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)"# + tagSpace + #"*/?>"#)
    private static let attribute = MarkdownEdits.pattern(
        #"\s+([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#)

    /// Matches that are markup (not starting in code or at an escaped character) and outside the HTML
    /// `comments` (which `ad-comment` owns).
    private static func matches(of pattern: NSRegularExpression, in text: String, markdown: MarkdownBody,
                                comments: [Range<Int>]) -> [Match] {
        matches(of: pattern, in: text, within: 0..<text.utf8.count).filter { match in
            !markdown.isLiteral(match.range.lowerBound) && !comments.contains { $0.contains(match.range.lowerBound) }
        }
    }

    private static let comment = MarkdownEdits.pattern(#"<!--[\s\S]*?-->"#)

    private static func matches(of pattern: NSRegularExpression, in text: String, within bytes: Range<Int>) -> [Match] {
        // The regex engine copies the whole string it is given into UTF-16, whatever the range: a part (one tag's
        // attributes) is given alone. The matches are the same: by default a search range's bounds are opaque to
        // look-around and anchor `^` and `$`, as the ends of a string do.
        let utf8 = text.utf8
        let part = bytes == 0..<utf8.count ? text
            : String(text[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex,
                                                                                           offsetBy: bytes.upperBound)])
        func offsets(_ range: NSRange) -> (Range<Int>, String)? {
            guard range.location != NSNotFound, let swiftRange = Range(range, in: part) else { return nil }
            let lower = bytes.lowerBound + part.utf8.distance(from: part.utf8.startIndex, to: swiftRange.lowerBound)
            let upper = bytes.lowerBound + part.utf8.distance(from: part.utf8.startIndex, to: swiftRange.upperBound)
            return (lower..<upper, String(part[swiftRange]))
        }
        return pattern.matches(in: part, range: NSRange(part.startIndex..., in: part)).compactMap { match in
            guard let whole = offsets(match.range) else { return nil }
            let groups = (0..<match.numberOfRanges).map { index in
                offsets(match.range(at: index)).map { Group(text: $0.1, range: $0.0) }
            }
            return Match(range: whole.0, groups: groups)
        }
    }

    private static func decodedDestination(_ text: String) -> String {
        decodedEntities(MarkdownText.unescape(text))
    }

    /// Decodes the entities a renderer decodes in URLs and attributes: named `&amp;` `&lt;` `&gt;` `&quot;`
    /// `&apos;` and numeric references.
    static func decodedEntities(_ text: String) -> String {
        // Every entity the pattern reads ends with `;`: without one (a query's `&` alone) there is none to decode,
        // and the text is not copied to UTF-16 for the pattern.
        guard text.containsByte(UInt8(ascii: ";")) else { return text }
        return decodedEntitiesByPattern(text)
    }

    /// `decodedEntities(_:)` by the entity pattern, whatever the text holds.
    static func decodedEntitiesByPattern(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "&")) else { return text }
        let expression = MarkdownURLs.entity
        var result = ""
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let body = Range(match.range(at: 1), in: text) else {
                continue
            }
            result += text[last..<range.lowerBound]
            let name = String(text[body])
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let replacement = named[name.lowercased()] {
                result += replacement
            } else if name.hasPrefix("#"), let scalar = numericScalar(name.dropFirst()) {
                result.unicodeScalars.append(scalar)
            } else {
                result += text[range]
            }
            last = range.upperBound
        }
        return result + text[last...]
    }

    private static let entity = MarkdownEdits.pattern(
        #"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"#)

    private static func numericScalar(_ digits: Substring) -> Unicode.Scalar? {
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }

    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        let candidate = String(rest.prefix(34))
        return candidate.range(of: #"^(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"#,
                               options: .regularExpression) != nil
    }

}
