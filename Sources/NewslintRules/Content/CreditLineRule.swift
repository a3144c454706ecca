import NewslintCore
import NewslintDOM

/// Credit and source lines (`本文由 @… 原创发布于…`, `作者 | … 来源 | …`, `来源：…`, `原文链接`, credit-style
/// `编者按：本文来自…`): kept as the post's closing lines, and required where the site always prints one.
///
/// Check: reports each credit line that has article content after it, and a post whose site requires a credit
/// line but has none. A line is a paragraph, or a run of a paragraph between `<br>`s; a line right under an
/// image is that image's caption and stays where it is.
/// Fix (safe): moves the line to the end of the body (the element itself when it is the whole paragraph, else a
/// new paragraph), after which `editor-line` keeps the editor's line last. A missing line cannot be fixed.
struct CreditLineRule: Rule {
    let description = RuleDescription(
        id: "credit-line",
        summary: "Credit or source line not among the post's closing lines, or missing where the site requires it",
        rationale: """
            Republishing keeps the attribution the source asks for: 人人都是产品经理's \
            `本文由 @… 原创发布于人人都是产品经理，未经作者许可，禁止转载。`, 36氪's \
            `编者按：本文来自微信公众号…`, Dockone's `作者 | … 来源 | …`, GameRes's `来源：游戏葡萄` and \
            `原文：https://…`, the `原文链接` of 金色财经 and segmentfault. Cleaning must never drop them with \
            the boilerplate around them, and a reader expects them together at the end of the post, as \
            `editor-line` keeps `责任编辑` last. The patterns are `credit_lines` in the rule files; a site that \
            always credits its source sets `required: true`. Image credits right under a picture \
            (`（图自：Microsoft 官网）`) are captions and stay with the picture.
            """,
        kind: .content,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(
                "<div>↓<p>编者按：本文来自微信公众号“示例号”，36氪经授权发布。</p><p>正文第一段。</p><p>正文第二段。</p></div>"),
            RuleExample(#"<div>↓作者 | 某团队<br>↓来源 | <a href="https://example.com">某公众号</a><br><p>正文。</p></div>"#),
        ],
        nonTriggering: [
            RuleExample("<div><p>正文。</p><p>本文由 @山水 原创发布于人人都是产品经理，未经作者许可，禁止转载。</p><p>题图来自Unsplash，基于 CC0 协议</p></div>"),
            RuleExample(#"<div><p>正文。<br><a href="https://example.com/tx">原文链接</a></p></div>"#),
            RuleExample(#"<div><p><img src="https://example.com/chart.png"></p><p>来源：国家统计局</p><p>正文继续。</p></div>"#),
            RuleExample(#"<div><p>正文。</p><p>来源：游戏葡萄</p><div class="support-author"><button>赞赏</button></div></div>"#),
            RuleExample("<div><p>来源不明的消息称，该公司将裁员。</p><p>正文。</p></div>"),
            RuleExample("---\ntitle: 已修复的文章\n---\n\n正文。\n\n来源：游戏葡萄\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("<div><p>本文由 @山水 原创发布于人人都是产品经理，未经许可，禁止转载。</p><p>正文。</p></div>"),
                "<div><p>正文。</p></div>\n<p>本文由 @山水 原创发布于人人都是产品经理，未经许可，禁止转载。</p>"),
            RuleCorrection(
                RuleExample(#"<div>作者 | 某团队<br>来源 | <a href="https://example.com">某公众号</a><br><p>正文。</p></div>"#),
                """
                <div><p>正文。</p></div>
                <p>作者 | 某团队</p>
                <p>来源 | <a href="https://example.com">某公众号</a></p>
                """),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let profile = context.profile
        guard !profile.creditLinePatterns.isEmpty else { return [] }
        if let markdown = context.markdown {
            guard profile.requiresCreditLine else { return [] }
            let hasLine = markdown.text.linesCutAtLineFeeds.contains { line in
                CreditLineRule.isCredit(CreditLineRule.markdownText(String(line)), profile: profile)
            }
            return hasLine ? [] : [missing(context)]
        }
        guard let body = context.body else { return [] }
        let lines = CreditLineRule.visibleLines(in: body, context)
        let kinds = CreditLineRule.classify(lines, profile: profile)
        if !kinds.contains(.credit) {
            return profile.requiresCreditLine ? [missing(context)] : []
        }
        guard let lastContent = kinds.lastIndex(of: .content) else { return [] }
        return zip(lines, kinds).prefix(lastContent).filter { $0.1 == .credit }.map { line, _ in
            Violation(at: location(of: line, context), "credit line '\(TextClasses.snippet(line.text))' is not "
                          + "among the post's closing lines",
                      fix: Fix("move the credit line to the end") { CreditLineRule.moveToEnd(line, in: body) })
        }
    }
}

/// One visual line of the body: a paragraph, or the run of a paragraph between `<br>`s.
private struct TextLine {
    let nodes: [Node]
    /// The line's text, read once: every classification reads it.
    let text: String

    /// Whether the line shows an image or other replaced element, found once: the classification asks for
    /// each line and its neighbour.
    let hasMedia: Bool

    init(nodes: [Node]) {
        self.nodes = nodes
        text = nodes.count == 1 ? nodes[0].textContent : nodes.map(\.textContent).joined()
        hasMedia = nodes.contains { node in
            node.isElement(TextClasses.replacedElements)
                || node.descendants.contains { $0.isElement(TextClasses.replacedElements) }
        }
    }
    var trimmedText: String {
        var text = String(text.drop(while: TextClasses.isBlank))
        while let last = text.last, TextClasses.isBlank(last) { text.removeLast() }
        return text
    }

    var isVisible: Bool { hasMedia || !TextClasses.isBlank(text) }
}

private enum LineKind { case credit, editor, content }

private extension CreditLineRule {
    /// A credit line is short: a paragraph that merely starts like one is article text.
    static let maximumLength = 120
    static let invisible: TagNames = ["style", "script", "template", "noscript"]
    static let opaque: TagNames = ["pre", "textarea", "xmp"]
    static let movableContainers: TagNames = ["p", "div", "section", "center"]
    static let figures: TagNames = ["figure", "figcaption"]
    /// Where a line's paragraph stops being its own: the body, a table cell, a list item.
    static let lineContainers: TagNames = ["body", "td", "th", "li"]

    static func isCredit(_ text: String, profile: SiteProfile) -> Bool {
        let trimmed = text.drop(while: TextClasses.isBlank)
        guard !trimmed.isEmpty else { return false }
        let line = String(trimmed)
        // Cheapest first: the patterns' prefilters turn nearly every paragraph away on its first character, the
        // length is counted only to the limit, and only a short line is given to the regex engine.
        let candidates = profile.creditLines.candidates(for: line)
        guard !candidates.isEmpty, isShort(trimmed) else { return false }
        return candidates.contains { $0.matchesPrefiltered(line) }
    }

    /// The visible lines of the body in reading order, without what the boilerplate rules remove.
    static func visibleLines(in body: Node, _ context: RuleContext) -> [TextLine] {
        let promo = PromoBlockRule.widgets(context).map(\.node)
        let related = RelatedArticlesRule.blocks(context).flatMap(\.nodes)
        let chrome = PageChromeRule.chrome(context).map(\.node)
        let skipped = Set(promo + related + chrome)
        var lines: [TextLine] = []
        var current: [Node] = []
        func flush() {
            if !current.isEmpty { lines.append(TextLine(nodes: current)) }
            current = []
        }
        func walk(_ parent: Node) {
            var next = parent.firstChild
            while let child = next {
                next = child.nextSibling
                if child.isComment || child.isElement(invisible) || !skipped.isEmpty && skipped.contains(child) {
                    continue
                }
                if child.isElement(named: "br") {
                    flush()
                } else if child.isElement(opaque) {
                    flush()
                    lines.append(TextLine(nodes: [child]))
                } else if child.isElement(TextClasses.blockElements) || holdsBlocks(child) {
                    flush()
                    walk(child)
                    flush()
                } else {
                    current.append(child)
                }
            }
        }
        walk(body)
        flush()
        return lines.filter(\.isVisible)
    }

    static func holdsBlocks(_ node: Node) -> Bool {
        node.isElement && node.descendants.contains { $0.isElement(TextClasses.blockElements) }
    }

    /// Credit, editor or article content, per line. A credit right under an image is the image's caption.
    static func classify(_ lines: [TextLine], profile: SiteProfile) -> [LineKind] {
        lines.enumerated().map { index, line in
            if EditorLineRule.matches(line.text, profile: profile) { return .editor }
            guard !line.hasMedia, isCredit(line.text, profile: profile) else { return .content }
            let underImage = index > 0 && lines[index - 1].hasMedia && TextClasses.isBlank(lines[index - 1].text)
            let inFigure = line.nodes.contains { $0.hasAncestor(named: figures) }
            return underImage || inFigure || followsTable(line) ? .content : .credit
        }
    }

    /// True when the element before the line (or before its paragraph) is a table: the line is its source note.
    static func followsTable(_ line: TextLine) -> Bool {
        guard let first = line.nodes.first else { return false }
        var anchor = first
        while isBlankSiblingChain(before: anchor), let parent = anchor.parent,
              !parent.isElement(lineContainers) {
            anchor = parent
        }
        var sibling = anchor.previousSibling
        while let current = sibling, current.isComment || current.isElement(named: "br")
                || current.isText && TextClasses.isBlank(current.text) {
            sibling = current.previousSibling
        }
        return sibling?.isElement(named: "table") == true
    }

    static func isBlankSiblingChain(before node: Node) -> Bool {
        var sibling = node.previousSibling
        while let current = sibling {
            guard current.isComment || current.isText && TextClasses.isBlank(current.text) else { return false }
            sibling = current.previousSibling
        }
        return true
    }

    /// Moves the line after everything else: its paragraph when the line is all of it, else a new `<p>`.
    static func moveToEnd(_ line: TextLine, in body: Node) {
        guard let first = line.nodes.first, first.isAttached else { return }
        if let paragraph = wholeParagraph(of: line, in: body) {
            body.appendChild(paragraph)
            return
        }
        let breakAfter = line.nodes.last?.nextSibling.flatMap { $0.isElement(named: "br") ? $0 : nil }
        let paragraph = body.document.createElement("p")
        body.appendChild(paragraph)
        for node in line.nodes { paragraph.appendChild(node) }
        TextClasses.trimEdges(of: paragraph)
        breakAfter?.remove()
    }

    /// The paragraph the line is all of, if any.
    static func wholeParagraph(of line: TextLine, in body: Node) -> Node? {
        guard let parent = line.nodes.first?.parent, parent != body, parent.isElement(movableContainers),
              line.nodes.allSatisfy({ $0.parent == parent }) else { return nil }
        let onlyLine = parent.children.allSatisfy { child in
            line.nodes.contains(child) || child.isComment || child.isElement(named: "br")
                || child.isText && TextClasses.isBlank(child.text)
        }
        return onlyLine ? parent : nil
    }

    /// A Markdown line's text without link, emphasis and escape syntax.
    static func markdownText(_ line: String) -> String {
        let withoutLinks = line.containsBytes("](")
            ? line.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression) : line
        // Most lines hold none of the marks: those are kept whole without reading their characters.
        let isMark = { (byte: UInt8) in byte == 0x2A || byte == 0x5F || byte == 0x60 || byte == 0x5C }
        guard withoutLinks.containsByte(where: isMark) else { return withoutLinks }
        return withoutLinks.filter { !"*_`\\".contains($0) }
    }

    func location(of line: TextLine, _ context: RuleContext) -> Location {
        if let body = context.body, let paragraph = CreditLineRule.wholeParagraph(of: line, in: body) {
            return context.location(of: paragraph)
        }
        for node in line.nodes {
            if node.isElement { return context.location(of: node) }
            if let character = node.text.first(where: { !TextClasses.isBlank($0) }) {
                return context.location(of: String(character), from: node)
            }
        }
        return context.bodyStart
    }

    func missing(_ context: RuleContext) -> Violation {
        let start = context.body?.descendants.first(where: \.isElement).map { context.location(of: $0) }
            ?? context.bodyStart
        return Violation(at: start, "post has no credit line, which \(context.profile.name) articles carry "
                             + "(e.g. 来源：… or 原文链接)")
    }
}

extension CreditLineRule {
    /// True when the words of `text`, each counted with one space, are at most `maximumLength` characters:
    /// runs of layout whitespace do not make a line long. Stops counting past the limit.
    static func isShort(_ text: Substring) -> Bool {
        // Most lines are Chinese, Latin and ASCII text and punctuation, where every scalar is a character of its
        // own (see `alwaysStandsAlone`): counted by scalars, without finding character boundaries. A line with any
        // other scalar is counted by characters.
        // The scalars are decoded from the UTF-8 bytes in place: a line near the limit has over a hundred of them,
        // and the scalar view's iterator cost several times the counting.
        let byScalars = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var length = LineLength()
            var index = 0
            while index < bytes.count {
                let (scalar, width) = UTF8Scalar.decode(bytes, at: index)
                guard scalar.alwaysStandsAlone else { return nil }
                guard length.add(isBlank: scalar.isWhiteSpace) else { return false }
                index += width
            }
            return true
        }
        return (byScalars ?? nil) ?? isShortByCharacters(text)
    }

    static func isShortByCharacters(_ text: Substring) -> Bool {
        var length = LineLength()
        return text.allSatisfy { length.add(isBlank: TextClasses.isBlank($0)) }
    }

    /// The length `isShort` counts: each word's characters, plus one for the space before it.
    private struct LineLength {
        var count = 0
        var inWord = false

        /// Counts one character; false once the line is longer than `maximumLength`.
        mutating func add(isBlank: Bool) -> Bool {
            guard !isBlank else {
                inWord = false
                return true
            }
            count += inWord ? 1 : 2
            inWord = true
            return count <= CreditLineRule.maximumLength
        }
    }
}
