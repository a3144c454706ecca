import NewslintDOM

/// Where `InlineCollector` puts the tokens it collects, in order.
protocol InlineTokenSink {
    mutating func append(_ token: InlineToken)
}

/// Flattens inline DOM content into tokens.
///
/// Nested emphasis of one kind is written once, and a link inside a link becomes plain content, because
/// CommonMark can express neither.
struct InlineCollector<Tokens: InlineTokenSink> {
    /// True in headings and table cells: block elements inside are flattened to their inline content.
    var flattensBlocks: Bool
    /// The tokens collected so far, or what the sink made of them.
    var tokens: Tokens
    private var nextIdentifier = 0
    private var strongDepth = 0
    private var emphasisDepth = 0
    private var linkDepth = 0

    init(flattensBlocks: Bool, into tokens: Tokens) {
        self.flattensBlocks = flattensBlocks
        self.tokens = tokens
    }

    /// Collects `nodes` inside the marks of `wrappers` (inline elements that enclose the block).
    mutating func collect(_ nodes: [Node], wrappers: [Node]) {
        guard let wrapper = wrappers.first else {
            visitSiblings(nodes)
            return
        }
        withMark(for: wrapper) { collector in collector.collect(nodes, wrappers: Array(wrappers.dropFirst())) }
    }

    /// Adjacent text nodes count as one text, as in a normalised DOM: a blank line may span two of them once
    /// a rule has unwrapped the element between.
    private mutating func visitSiblings(_ nodes: [Node]) {
        var index = 0
        while index < nodes.count {
            guard nodes[index].isText else {
                visit(nodes[index])
                index += 1
                continue
            }
            let parent = nodes[index].parent
            var text = ""
            while index < nodes.count, nodes[index].isText {
                text += nodes[index].text
                index += 1
            }
            appendText(text, parent: parent)
        }
    }

    private mutating func visit(_ node: Node) {
        if node.isText {
            appendText(node.text, parent: node.parent)
            return
        }
        if node.isComment {
            tokens.append(.comment(node.text))
            return
        }
        guard node.isElement else { return }
        let kind = InlineElement.kinds[node.name]
        switch kind {
        case .lineBreak?:
            tokens.append(.lineBreak)
        case .image?:
            if let image = Self.image(node) { tokens.append(.atom(.image(image))) }
        case .code?:
            let text = CodeText.text(of: node)
            if !text.isEmpty { tokens.append(.atom(.code(text))) }
        case .rule?:
            tokens.append(.text(" "))
        case .formControl?:
            tokens.append(.text(node.textContent))
        case .dropped?:
            return
        case .scriptOrStyle?:
            // Only reachable inside a heading or cell, where a script cannot be written as its own block.
            return
        case .embedded?:
            tokens.append(.atom(.html(RawHTMLWriter(policy: .all).html(for: node))))
        case .block? where flattensBlocks:
            tokens.append(.text(" "))
            visitChildren(of: node)
            tokens.append(.text(" "))
        default:
            withMark(mark(for: node, kind: kind)) { collector in collector.visitChildren(of: node) }
        }
    }

    /// Visits the children of `node` in order, along their sibling links: no array of them is made.
    private mutating func visitChildren(of node: Node) {
        var child = node.firstChild
        while let current = child {
            visit(current)
            child = current.nextSibling
        }
    }

    /// A blank line in text directly inside a block container separates paragraphs: in the scraped file it
    /// ended the HTML block, so renderers showed two paragraphs.
    private mutating func appendText(_ text: String, parent: Node?) {
        guard !flattensBlocks, BlankLines.mayHoldBlankLine(text), let parent, HTMLElementKinds.blankLineContainers.contains(parent.name) else {
            tokens.append(.text(text))
            return
        }
        for (index, part) in BlankLines.split(text).enumerated() {
            if index > 0 { tokens.append(.paragraphBreak) }
            tokens.append(.text(part))
        }
    }

    /// Runs `body` inside the mark `node` stands for, or directly when it stands for none.
    private mutating func withMark(for node: Node, _ body: (inout InlineCollector) -> Void) {
        withMark(mark(for: node, kind: InlineElement.kinds[node.name]), body)
    }

    /// Runs `body` inside `mark`, or directly when there is none.
    private mutating func withMark(_ mark: InlineMark?, _ body: (inout InlineCollector) -> Void) {
        guard let mark else {
            body(&self)
            return
        }
        let identifier = nextIdentifier
        nextIdentifier += 1
        tokens.append(.open(identifier, mark))
        adjustDepth(of: mark, by: 1)
        body(&self)
        adjustDepth(of: mark, by: -1)
        tokens.append(.close(identifier))
    }

    /// The mark of `node`, an element of the given kind.
    private func mark(for node: Node, kind: InlineElement?) -> InlineMark? {
        switch kind {
        case .strong?:
            return strongDepth == 0 ? .strong : nil
        case .emphasis?:
            return emphasisDepth == 0 ? .emphasis : nil
        case .link?:
            guard linkDepth == 0, let href = node.attribute("href") else { return nil }
            let title = node.attribute("title").flatMap { $0.isEmpty ? nil : $0 }
            return .link(url: href.trimmingHTMLWhitespace(), title: title)
        case .keptTag?:
            return .tag(node.name)
        default:
            return nil
        }
    }

    private mutating func adjustDepth(of mark: InlineMark, by delta: Int) {
        switch mark {
        case .strong: strongDepth += delta
        case .emphasis: emphasisDepth += delta
        case .link: linkDepth += delta
        case .tag: break
        }
    }

    private static func image(_ node: Node) -> InlineImage? {
        guard let source = node.attribute("src")?.trimmingHTMLWhitespace(), !source.isEmpty else { return nil }
        return InlineImage(
            source: source,
            alt: node.attribute("alt") ?? "",
            title: node.attribute("title").flatMap { $0.isEmpty ? nil : $0 },
            referrerPolicy: node.attribute("referrerpolicy")
        )
    }
}

/// How `InlineCollector` treats an element, by its name.
enum InlineElement {
    case lineBreak, image, code, rule, formControl, dropped, scriptOrStyle, embedded, block
    case strong, emphasis, link, keptTag

    /// The kind of each name that has one: one lookup per element where the name was tested against each set
    /// in turn. A name in two sets gets the kind that was tested first (`script` is also embedded content, and
    /// embedded content is block-level).
    static let kinds: [String: InlineElement] = {
        let byPrecedence: [(names: Set<String>, kind: InlineElement)] = [
            (["br"], .lineBreak), (["img"], .image), (["code"], .code), (["hr"], .rule),
            (HTMLElementKinds.formControls, .formControl), (HTMLElementKinds.dropped, .dropped),
            (["script", "style"], .scriptOrStyle), (HTMLElementKinds.embedded, .embedded),
            (HTMLElementKinds.blockNames, .block), (HTMLElementKinds.strong, .strong),
            (HTMLElementKinds.emphasis, .emphasis), (["a"], .link), (HTMLElementKinds.keptInlineTags, .keptTag),
        ]
        var kinds: [String: InlineElement] = [:]
        for (names, kind) in byPrecedence {
            for name in names where kinds[name] == nil { kinds[name] = kind }
        }
        return kinds
    }()
}

extension String {
    func trimmingHTMLWhitespace() -> String {
        var characters = Substring(self)
        while characters.first?.isHTMLWhitespace == true { characters.removeFirst() }
        while characters.last?.isHTMLWhitespace == true { characters.removeLast() }
        return String(characters)
    }
}
