import Foundation
import NewslintCore
import NewslintDOM

/// Front-matter `title` with the generator's quote-wrapping bug, or that is a truncated excerpt of the body.
///
/// Check: reports a title line wrapped in runs of double quotes (`title: """""'…'"""""`), which is invalid
/// YAML that the front-matter reader tolerates only for this line; and a title that ends in `...` and is the
/// start of the article's text.
/// Fix (safe): the quote bug becomes `title: '…'`. A truncated title needs a human, so it is only reported.
struct FrontMatterTitleRule: Rule {
    let description = RuleDescription(
        id: "front-matter-title",
        summary: "Title with the quote-wrapping bug, or a truncated excerpt of the body ending in ...",
        rationale: """
            One generation of the feed generator quoted titles twice over and wrote \
            `title: \"\"\"\"\"\"\"\"\"\"\"'网易开年第一款MMO'\"\"\"\"\"\"\"\"\"\"\"`, which is not YAML at all: Hexo, Jekyll and Hugo \
            stop on the post. The title meant is the single-quoted part. Sources without headlines \
            (金色财经 flash news) get the first 80 characters of the body plus `...` as their title; only a \
            person can write the headline, so that is reported, not fixed.
            """,
        kind: .frontMatter,
        fixAvailability: .safe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"""
                ---
                title: ↓"""""""""""'一款手游的引擎选型'"""""""""""
                author: GameRes 游资网
                ---
                <div><p>正文</p></div>
                """#),
            RuleExample("""
                ---
                title: '【安全团队：某协议遭闪电贷攻击】8月8日消息，某协议遭受黑客攻击，导致其池子中资金被非预期↓...'
                ---
                <div>
                【安全团队：某协议遭闪电贷攻击】8月8日消息，某协议遭受黑客攻击，导致其池子中资金被非预期取出。<br>
                </div>
                """),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: '网易开年第一款MMO'\n---\n<div><p>正文</p></div>\n"),
            RuleExample("---\ntitle: 'Waiting for the release...'\n---\n<div><p>新版本的发布计划仍未公布。</p></div>\n"),
            RuleExample(#"---\ntitle: "She said \"yes\""\n---\n<div><p>正文</p></div>\n"#),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"""
                    ---
                    title: """""""""'《天谕》手游背后的技术'"""""""""
                    date: 2021-01-11T00:00:00Z
                    ---
                    <div><p>正文</p></div>
                    """#),
                """
                ---
                title: '《天谕》手游背后的技术'
                date: 2021-01-11T00:00:00Z
                ---

                <div><p>正文</p></div>
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        if let bug = frontMatter.quoteWrappedTitle {
            return [Violation(at: context.location(ofKey: "title"),
                              "title is wrapped in \(bug.quoteCount) stray double quotes on each side (invalid YAML)",
                              fix: Fix("unwrap the title to its single-quoted form") {
                                  context.editFrontMatter { $0.repairQuoteWrappedTitle() }
                              })]
        }
        guard let title = frontMatter.string("title"), title.hasSuffix(FrontMatterTitleRule.ellipsis),
              FrontMatterTitleRule.isExcerpt(title, of: context) else { return [] }
        return [Violation(at: ellipsisLocation(context, frontMatter),
                          "title is a truncated excerpt of the body ('\(TextClasses.snippet(title, limit: 30))'); "
                              + "write a headline")]
    }
}

private extension FrontMatterTitleRule {
    static let ellipsis = "..."
    static let invisible: TagNames = ["style", "script", "template", "noscript"]

    /// The title without its `...` is how the article's text begins (`_` in the title stands for any character:
    /// the generator replaces `/`, `|`, `:` and quotes with it).
    static func isExcerpt(_ title: String, of context: RuleContext) -> Bool {
        let head = Array(normalised(String(title.dropLast(ellipsis.count))).prefix(24))
        guard head.count >= 8 else { return false }
        let text = bodyStart(context, characters: head.count)
        guard text.count == head.count else { return false }
        return zip(head, text).allSatisfy { $0 == "_" || $0 == $1 }
    }

    /// The first `count` characters of the article's normalised text: the DOM's text, or the Markdown with its
    /// link and emphasis syntax dropped. The DOM's text nodes are read only as far as they are needed.
    static func bodyStart(_ context: RuleContext, characters count: Int) -> [Character] {
        guard let body = context.body else {
            guard let markdown = context.markdown?.text else { return [] }
            return markdownStart(of: markdown, characters: count)
        }
        var text = ""
        var checkedAt = 0
        for node in body.descendants where node.isText && !node.hasAncestor(named: invisible) {
            text += node.text
            // Checked as the text doubles, so that many small nodes cost no more than one big one.
            guard text.utf8.count >= 2 * checkedAt + 64 else { continue }
            checkedAt = text.utf8.count
            if let start = settledStart(of: text, characters: count) { return start }
        }
        return start(of: text, characters: count)
    }

    /// The first `count` characters of `normalised(text)`, reading no more of `text` than they need.
    static func start(of text: String, characters count: Int) -> [Character] {
        settledStart(of: text, characters: count) ?? Array(normalised(text).prefix(count))
    }

    /// The first `count` characters of `normalised(text)` if nothing added after `text` can change them, else nil.
    /// Text added to the end of a string changes at most its last character, so the characters before the last
    /// are settled, and so is the start of what they normalise to, up to its own last character. Reads a prefix
    /// of `text`, doubled until it is enough.
    static func settledStart(of text: String, characters count: Int) -> [Character]? {
        var length = 2 * count + 16
        while true {
            let prefix = text.prefix(length)
            let settled = normalised(String(prefix.dropLast()))
            if settled.count > count { return Array(settled.prefix(count)) }
            guard prefix.endIndex < text.endIndex else { return nil }
            length *= 2
        }
    }

    /// Where the last `...` stands on the title line.
    func ellipsisLocation(_ context: RuleContext, _ frontMatter: FrontMatter) -> Location {
        guard let line = frontMatter.line(ofKey: "title") else { return context.location(ofKey: "title") }
        let text = frontMatter.lines[line - frontMatter.firstLine]
        guard let range = text.range(of: FrontMatterTitleRule.ellipsis, options: .backwards) else {
            return context.location(ofKey: "title")
        }
        let column = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound) + 1
        return Location(line: line, column: column)
    }
}

extension FrontMatterTitleRule {
    /// The text without blank characters. The rest is read as characters again: a mark that followed a removed
    /// space joins the character before it.
    static func normalised(_ text: String) -> String {
        // Text whose every scalar is a character of its own holds no zero-width character (none stands alone),
        // and its blank characters are its white-space scalars: it is filtered by scalars, without finding the
        // characters' boundaries.
        var text = text
        let kept = text.withUTF8 { bytes -> [UInt8]? in
            guard UTF8Scalar.allStandAlone(bytes) else { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let (scalar, width) = UTF8Scalar.decode(bytes, at: index)
                if !scalar.isWhiteSpace { kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)])) }
                index += width
            }
            return kept
        }
        if let kept { return String(decoding: kept, as: UTF8.self) }
        return String(text.filter { !TextClasses.isBlank($0) })
    }

    /// The first `count` characters of a Markdown body's normalised text without link and emphasis syntax: the
    /// characters `*#>`\` are dropped from a prefix of the text, doubled until its start is settled.
    static func markdownStart(of markdown: String, characters count: Int) -> [Character] {
        let withoutLinks = MarkdownLinkText.replacingLinks(in: markdown)
        var length = 4 * count + 64
        while true {
            let prefix = withoutLinks.prefix(length)
            // A prefix of the text, filtered, is a prefix of the whole text filtered.
            let kept = String(prefix.filter { !isMarkdownSyntax($0) })
            guard prefix.endIndex < withoutLinks.endIndex else { return start(of: kept, characters: count) }
            if let settled = settledStart(of: kept, characters: count) { return settled }
            length *= 2
        }
    }

    /// One of `*#>`\`: a character of a single ASCII scalar (`asciiValue` is nil for any other, but for `\r\n`).
    /// A set of characters hashed each character it was asked about, most of the rule's time on a Markdown post.
    static func isMarkdownSyntax(_ character: Character) -> Bool {
        switch character.asciiValue {
        case UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "\\"): true
        default: false
        }
    }
}
