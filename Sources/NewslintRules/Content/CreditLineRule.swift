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
        guard CreditLineRule.mayHoldCreditLine(body, profile: profile) else {
            return profile.requiresCreditLine ? [missing(context)] : []
        }
        let lines = CreditLineRule.visibleLines(in: body, context)
        let kinds = CreditLineRule.classify(lines, profile: profile)
        if !kinds.contains(.credit) {
            return profile.requiresCreditLine ? [missing(context)] : []
        }
        guard let lastContent = kinds.lastIndex(of: .content) else { return [] }
        return zip(lines, kinds).prefix(lastContent).filter { $0.1 == .credit }.map { line, _ in
            Violation(at: location(of: line.nodes, context), "credit line '\(TextClasses.snippet(line.text))' is not "
                          + "among the post's closing lines",
                      fix: Fix("move the credit line to the end") { CreditLineRule.moveToEnd(line.nodes, in: body) })
        }
    }
}

private enum LineKind { case credit, editor, content }

private extension CreditLineRule {
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

    /// False when no line of the body can be a credit line, told from its text nodes alone, before the lines and
    /// the boilerplate they skip are worked out: every pattern is start-anchored, and no text node starts (after
    /// white space) with a scalar that starts one. A line's text, trimmed, starts with the first scalar of one of
    /// its text nodes that is not white space, whatever nodes the lines leave out, when that scalar is a character
    /// of its own; any other scalar, or a node that is neither text, element nor comment, gives up.
    static func mayHoldCreditLine(_ body: Node, profile: SiteProfile) -> Bool {
        let patterns = profile.creditLines
        guard patterns.isStartAnchored else { return true }
        for node in body.descendants {
            if node.isText {
                guard let first = CreditTextLine.firstNonWhiteSpace(node.text) else { continue }
                guard first.alwaysStandsAlone, !TextClasses.isZeroWidth(first),
                      !patterns.mayMatch(textStartingWith: first) else { return true }
            } else if !node.isElement && !node.isComment {
                return true
            }
        }
        return false
    }

    /// `isCredit(line.text)`, without making the text of a line whose first character starts no pattern.
    static func isCredit(_ line: CreditTextLine, profile: SiteProfile) -> Bool {
        switch line.lead {
        case .whiteSpace: return false
        case .scalar(let first) where !profile.creditLines.mayMatch(textStartingWith: first): return false
        case .scalar, .unknown: return isCredit(line.text, profile: profile)
        }
    }

    /// The visible lines of the body in reading order, without what the boilerplate rules remove.
    static func visibleLines(in body: Node, _ context: RuleContext) -> [CreditTextLine] {
        let promo = PromoBlockRule.widgets(context).map(\.node)
        let related = RelatedArticlesRule.blocks(context).flatMap(\.nodes)
        let chrome = PageChromeRule.chrome(context).map(\.node)
        let skipped = Set(promo + related + chrome)
        var lines: [CreditTextLine] = []
        var current: [Node] = []
        // True while every node of `current` is a text node of white space alone (the line breaks and indents
        // between blocks, most of the runs): such a line is not visible, and is dropped without reading it.
        var currentIsWhiteSpace = true
        func flush() {
            if !current.isEmpty {
                if !currentIsWhiteSpace {
                    let line = CreditTextLine(nodes: current)
                    if line.isVisible { lines.append(line) }
                }
                current.removeAll(keepingCapacity: true)
            }
            currentIsWhiteSpace = true
        }
        func walk(_ parent: Node) {
            var next = parent.firstChild
            while let child = next {
                next = child.nextSibling
                if child.isComment || !skipped.isEmpty && skipped.contains(child) { continue }
                if child.isText {
                    if currentIsWhiteSpace && !isWhiteSpaceOnly(child.text) { currentIsWhiteSpace = false }
                    current.append(child)
                } else if child.isElement(invisible) {
                    continue
                } else if child.isElement(named: "br") {
                    flush()
                } else if child.isElement(opaque) {
                    flush()
                    let line = CreditTextLine(nodes: [child])
                    if line.isVisible { lines.append(line) }
                } else if child.isElement(TextClasses.blockElements) || holdsBlocks(child) {
                    flush()
                    walk(child)
                    flush()
                } else {
                    currentIsWhiteSpace = false
                    current.append(child)
                }
            }
        }
        walk(body)
        flush()
        return lines
    }

    /// True when every byte of `text` is ASCII white space (tab, line feed, vertical tab, form feed, carriage
    /// return, space), all White_Space scalars: every character of any text made of such texts starts with white
    /// space, so it is blank (`TextClasses.isBlank`).
    static func isWhiteSpaceOnly(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(\.isASCIIWhiteSpace) }
            ?? text.utf8.allSatisfy(\.isASCIIWhiteSpace)
    }

    static func holdsBlocks(_ node: Node) -> Bool {
        node.isElement && node.descendants.contains { $0.isElement(TextClasses.blockElements) }
    }

    /// Credit, editor or article content, per line. A credit right under an image is the image's caption.
    static func classify(_ lines: [CreditTextLine], profile: SiteProfile) -> [LineKind] {
        // Without editor patterns no line is the editor's, and no line's text is made to ask.
        let hasEditorPatterns = !profile.editorLinePatterns.isEmpty
        return lines.enumerated().map { index, line in
            if hasEditorPatterns && EditorLineRule.matches(line.text, profile: profile) { return .editor }
            guard !line.hasMedia, isCredit(line, profile: profile) else { return .content }
            let underImage = index > 0 && lines[index - 1].hasMedia && lines[index - 1].isBlank
            let inFigure = line.nodes.contains { $0.hasAncestor(named: figures) }
            return underImage || inFigure || followsTable(line.nodes) ? .content : .credit
        }
    }

    /// A Markdown line's text without link, emphasis and escape syntax.
    static func markdownText(_ line: String) -> String {
        let withoutLinks = MarkdownLinkText.replacingLinks(in: line)
        // Most lines hold none of the marks: those are kept whole without reading their characters.
        let isMark = { (byte: UInt8) in byte == 0x2A || byte == 0x5F || byte == 0x60 || byte == 0x5C }
        guard withoutLinks.containsByte(where: isMark) else { return withoutLinks }
        return withoutLinks.filter { !"*_`\\".contains($0) }
    }
}

/// Where a line stands and where its fix moves it, told from its nodes (also the reference reading of
/// `CreditLineReadingTests` asks these).
extension CreditLineRule {
    /// True when the element before the line (or before its paragraph) is a table: the line is its source note.
    static func followsTable(_ nodes: [Node]) -> Bool {
        guard let first = nodes.first else { return false }
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

    /// Moves the line of `nodes` after everything else: its paragraph when the line is all of it, else a new `<p>`.
    static func moveToEnd(_ nodes: [Node], in body: Node) {
        guard let first = nodes.first, first.isAttached else { return }
        if let paragraph = wholeParagraph(of: nodes, in: body) {
            body.appendChild(paragraph)
            return
        }
        let breakAfter = nodes.last?.nextSibling.flatMap { $0.isElement(named: "br") ? $0 : nil }
        let paragraph = body.document.createElement("p")
        body.appendChild(paragraph)
        for node in nodes { paragraph.appendChild(node) }
        TextClasses.trimEdges(of: paragraph)
        breakAfter?.remove()
    }

    /// The paragraph the line of `nodes` is all of, if any.
    static func wholeParagraph(of nodes: [Node], in body: Node) -> Node? {
        guard let parent = nodes.first?.parent, parent != body, parent.isElement(movableContainers),
              nodes.allSatisfy({ $0.parent == parent }) else { return nil }
        let onlyLine = parent.children.allSatisfy { child in
            nodes.contains(child) || child.isComment || child.isElement(named: "br")
                || child.isText && TextClasses.isBlank(child.text)
        }
        return onlyLine ? parent : nil
    }

    /// Where the line of `nodes` starts: its paragraph, its first element, or its first visible character.
    func location(of nodes: [Node], _ context: RuleContext) -> Location {
        if let body = context.body, let paragraph = CreditLineRule.wholeParagraph(of: nodes, in: body) {
            return context.location(of: paragraph)
        }
        for node in nodes {
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
