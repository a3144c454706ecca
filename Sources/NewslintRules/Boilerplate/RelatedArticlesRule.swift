import NewslintCore
import NewslintDOM

/// Navigation to other articles of the source: cnBeta's 相关文章 box, segmentfault's 推荐阅读 line, and similar.
///
/// Check: reports each element matching a `related_blocks` selector, and each paragraph that starts with one of
/// their `headings` (bold or not) and otherwise holds only links; a paragraph holding only the heading takes
/// the link-only paragraphs and lists right after it along.
/// Fix (safe): removes the block (declared as boilerplate to the content-loss guard).
struct RelatedArticlesRule: Rule {
    let description = RuleDescription(
        id: "related-articles",
        summary: "Related-articles and recommended-reading blocks (相关文章, 推荐阅读)",
        rationale: """
            Source pages link their other articles from inside the article body: cnBeta appends a \
            `div.article-relation` box headed 相关文章, segmentfault series open with \
            `<p><strong>推荐阅读：</strong><a …>每天学一个 Linux 命令（68）</a></p>`. Republished, they are the \
            source's navigation, not the article: they point readers back to the source and go stale. The \
            blocks are listed in `related_blocks` of the rule files, by selector or by their leading label; \
            a labelled paragraph is removed only when everything after the label is links.
            """,
        kind: .boilerplate,
        fixAvailability: .safe,
        triggering: [
            RuleExample("""
                <div><p>正文。</p>↓<div class="article-relation"><p><strong>相关文章:</strong></p><p><a href="https://www.cnbeta.com/articles/tech/1.htm">另一篇文章</a></p></div></div>
                """),
            RuleExample("""
                <div>↓<p><strong>推荐阅读：</strong><a href="https://example.com/68">每天学一个命令（68）</a></p><h2>命令简介</h2><p>正文。</p></div>
                """),
            RuleExample("""
                <div><p>正文。</p>↓<p>相关阅读：</p><ul><li><a href="https://example.com/1">第一篇</a></li><li><a href="https://example.com/2">第二篇</a></li></ul></div>
                """),
        ],
        nonTriggering: [
            RuleExample("<div><p><strong>推荐阅读：</strong>《深入理解计算机系统》，这本书讲得很透彻。</p></div>"),
            RuleExample(#"<div><p>相关文章很多，<a href="https://example.com">这一篇</a>最好。</p></div>"#),
            RuleExample("<div><p>正文。</p></div>"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("""
                    <div><p>正文。</p><div class="article-relation"><p><strong>相关文章:</strong></p><p><a href="https://www.cnbeta.com/articles/tech/1.htm">另一篇</a></p></div></div>
                    """),
                "<div><p>正文。</p></div>"),
            RuleCorrection(
                RuleExample("""
                    <div><p><strong>推荐阅读：</strong><a href="https://example.com/68">上一篇</a></p><p>正文。</p></div>
                    """),
                "<div><p>正文。</p></div>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        RelatedArticlesRule.blocks(context).map { block in
            Violation(at: context.location(of: block.nodes[0]), "\(block.label) block in article body",
                      fix: Fix("remove the \(block.label) block", removing: block.nodes) {
                          for node in block.nodes { node.remove() }
                      })
        }
    }

    /// The related-article blocks of a body, outermost only; each is one or more sibling elements.
    /// Shared with rules that must ignore what this rule removes.
    static func blocks(_ context: RuleContext) -> [(nodes: [Node], label: String)] {
        guard let body = context.body else { return [] }
        return context.derived("related-articles.blocks") { blocks(in: body, profile: context.profile) }
    }

    static func blocks(in body: Node, profile: SiteProfile) -> [(nodes: [Node], label: String)] {
        var found: [(nodes: [Node], label: String)] = []
        let headed = profile.headedRelatedBlocks
        let startFilter = HeadingStartFilter(headed.headingStarts)
        for node in body.descendants where node.isElement {
            guard !found.contains(where: { block in block.nodes.contains { node.isInside($0) } }) else { continue }
            guard !node.hasAncestor(named: TextClasses.codeContainers) else { continue }
            if let position = profile.relatedBlockIndex.firstIndex(matching: node) {
                found.append(([node], profile.relatedBlocks[position].label))
                continue
            }
            guard !headed.blocks.isEmpty, node.isElement(paragraphs),
                  !node.descendants.contains(where: { $0.isElement(TextClasses.blockElements) }) else { continue }
            if !headed.includesEmptyHeading {
                // Most paragraphs are turned away on their first scalars; the others on their first character
                // (characters compare as `hasPrefix` does), read two characters, so that the first is final: text
                // read after it could only join the last.
                guard startFilter.mayStartWithHeading(node), let first = leadingText(of: node, characters: 2).first,
                      headed.headingStarts.contains(first) else { continue }
            }
            let lead = leadingText(of: node, characters: headed.longestHeading)
            for block in headed.blocks {
                guard let rest = remainder(of: node, lead: lead, after: block.headings) else { continue }
                if rest.isEmpty {
                    let following = linkOnlySiblings(after: node)
                    guard !following.isEmpty else { continue }
                    found.append(([node] + following, block.label))
                } else if onlyLinks(rest) {
                    found.append(([node], block.label))
                } else {
                    continue
                }
                break
            }
        }
        return found
    }
}

/// Turns away paragraphs that cannot start with a heading on the first scalars of their text, before their
/// characters are read: for a paragraph whose first character after blanks is not one of the headings' first
/// characters, `mayStartWithHeading` is false (and true for the others, and for the few it cannot decide).
struct HeadingStartFilter {
    /// The headings' first characters as scalars, or nil when one of them is not a single CJK ideograph: only
    /// ideographs are known never to equal a character that starts with another scalar.
    private let startScalars: Set<Unicode.Scalar>?

    init(_ headingStarts: Set<Character>) {
        let scalars = headingStarts.map(\.unicodeScalars)
        let allIdeographs = scalars.allSatisfy { $0.count == 1 && $0.first!.isCJKUnifiedIdeograph }
        startScalars = allIdeographs ? Set(scalars.map { $0.first! }) : nil
    }

    /// False when the element's text, past blank characters, starts with a character that is no heading start.
    ///
    /// The first scalar past white space and zero-width controls starts the first non-blank character when it is
    /// an ideograph or ASCII (nothing before it can join it); an ideograph or ASCII scalar starts a character
    /// equal to a heading's ideograph only if it is that ideograph. Any other scalar, ZWJ and ZWNJ (which join
    /// characters) included, is left to the characters.
    func mayStartWithHeading(_ element: Node) -> Bool {
        guard let startScalars else { return true }
        for node in element.descendants where node.isText {
            for scalar in node.text.unicodeScalars {
                if scalar.isWhiteSpace || HeadingStartFilter.isZeroWidthControl(scalar) { continue }
                if scalar.isCJKUnifiedIdeograph { return startScalars.contains(scalar) }
                return !scalar.isASCII
            }
        }
        return false
    }

    /// The zero-width characters that always stand alone (grapheme break Control), blank like white space.
    static func isZeroWidthControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || scalar.value == 0xFEFF || scalar.value == 0x2060
    }
}

private extension RelatedArticlesRule {
    static let paragraphs: TagNames = ["p", "div", "section", "h2", "h3", "h4", "h5", "h6"]
    /// The siblings that continue a list of related links.
    static let listHolders: TagNames = ["p", "ul", "ol", "div"]
    /// Separators between links in a link list: punctuation and whitespace.
    static let separators = Set(" \t\n\u{00A0}\u{3000}、，,;；|｜/·•-—:：")

    /// The nodes of `paragraph` (which holds no block) after a leading heading (`推荐阅读：`, alone or in its own
    /// `<strong>`), or nil when the paragraph does not start with one; `lead` is the start of its text, as long as
    /// the longest heading. Plain text right after the heading comes back as a text node, which is not a link, so
    /// the paragraph is not taken for a block.
    static func remainder(of paragraph: Node, lead: Substring, after headings: [String]) -> [Node]? {
        guard let heading = headings.first(where: { lead.hasPrefixOfCharacters($0) }) else { return nil }
        var remaining = heading.count
        var rest: [Node] = []
        for child in paragraph.children where !child.isComment {
            guard remaining > 0 else {
                rest.append(child)
                continue
            }
            let childText = child.textContent.drop(while: TextClasses.isBlank)
            if childText.count <= remaining {
                remaining -= childText.count
                continue
            }
            let tail = childText.dropFirst(remaining)
            remaining = 0
            if tail.allSatisfy(separators.contains) { continue }
            guard child.isText else { return nil }
            rest.append(child)
        }
        return rest.filter { !($0.isText && $0.text.allSatisfy(separators.contains)) }
    }

    /// The start of the element's text (what `textContent` begins with), without leading blanks: at least
    /// `characters` characters when there are that many. Reads only the first text nodes, not the whole element.
    static func leadingText(of element: Node, characters: Int) -> Substring {
        var text = ""
        for node in element.descendants where node.isText {
            text += node.text
            // At least `characters` characters: dropping one fewer leaves some (without counting them all).
            if !text.drop(while: TextClasses.isBlank).dropFirst(max(characters - 1, 0)).isEmpty { break }
        }
        return text.drop(while: TextClasses.isBlank)
    }

    /// True when every node is a link (or holds only links) and there is at least one.
    static func onlyLinks(_ nodes: [Node]) -> Bool {
        var links = 0
        for node in nodes {
            if node.isElement(named: "a"), node.hasAttribute("href") { links += 1; continue }
            if node.isElement(named: "br") { continue }
            guard node.isElement, !node.isElement(TextClasses.replacedElements) else { return false }
            let texts = node.descendants.filter { $0.isText && !$0.text.allSatisfy { separators.contains($0) } }
            guard texts.allSatisfy({ text in text.ancestors.contains { $0.isElement(named: "a") && $0.isInside(node) } }),
                  node.descendants.contains(where: { $0.isElement(named: "a") }) else { return false }
            links += 1
        }
        return links > 0
    }

    /// The siblings right after a heading-only paragraph that are paragraphs or lists of links.
    static func linkOnlySiblings(after node: Node) -> [Node] {
        var result: [Node] = []
        var sibling = node.nextSibling
        while let current = sibling {
            defer { sibling = current.nextSibling }
            if current.isText, TextClasses.isBlank(current.text) { continue }
            if current.isComment { continue }
            guard current.isElement(listHolders),
                  onlyLinks(current.children.flatMap(linkCandidates)) else { break }
            result.append(current)
        }
        return result
    }

    /// A list's items stand for their content; other nodes for themselves.
    static func linkCandidates(_ node: Node) -> [Node] {
        if node.isText, node.text.allSatisfy({ separators.contains($0) }) { return [] }
        if node.isComment { return [] }
        if node.isElement(named: "li") { return node.children.flatMap(linkCandidates) }
        return [node]
    }
}
