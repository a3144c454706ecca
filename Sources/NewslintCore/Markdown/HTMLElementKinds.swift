import NewslintDOM

/// How the writer treats each HTML element name.
enum HTMLElementKinds {
    /// Elements whose content becomes blocks and that add no markup of their own.
    static let containers: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "center", "figure", "figcaption",
        "address", "dl", "dt", "dd", "nav", "details", "summary", "form", "fieldset", "legend", "hgroup", "body",
        "html", "noscript", "li", "caption", "search", "dialog", "tbody", "thead", "tfoot", "tr", "td", "th",
    ]
    /// Containers whose bare text is split into paragraphs at blank lines. Not `<p>`, which is one paragraph
    /// by definition, and not table cells, which hold one line in GFM and keep no blank line as raw HTML.
    static let blankLineContainers: Set<String> = containers
        .subtracting(["p", "caption", "tbody", "thead", "tfoot", "tr", "td", "th"]).union(["blockquote"])
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let lists: Set<String> = ["ul", "ol", "menu", "dir"]
    static let preformatted: Set<String> = ["pre", "listing", "xmp", "plaintext"]
    /// Embedded or scripted content that Markdown cannot express: written as raw HTML blocks.
    static let embedded: Set<String> = [
        "video", "audio", "iframe", "embed", "object", "svg", "canvas", "math", "frame", "frameset", "applet",
        "script", "style",
    ]
    /// Elements whose content is not body content.
    static let dropped: Set<String> = [
        "meta", "link", "title", "base", "template", "head", "param", "col", "colgroup", "area", "input",
    ]
    /// Inline elements kept as raw HTML tags, without attributes, because Markdown has no syntax for them.
    static let keptInlineTags: Set<String> = ["sup", "sub", "del", "s", "ins", "u", "mark", "kbd"]
    /// Form controls: only their text is written.
    static let formControls: Set<String> = ["button", "select", "textarea"]
    static let strong: Set<String> = ["strong", "b"]
    static let emphasis: Set<String> = ["em", "i"]

    static let blockNames: Set<String> = containers.union(headings).union(lists).union(preformatted)
        .union(embedded).union(["blockquote", "hr", "table"])

    // The tests asked of every node, on libxml2's name in place: no string is made for them.
    private static let blockTags = TagNames(blockNames)
    private static let droppedTags = TagNames(dropped)

    /// True when `node` starts a block of its own wherever it appears.
    static func isBlockLevel(_ node: Node) -> Bool {
        guard node.isElement else { return false }
        if node.isElement(blockTags) { return true }
        guard node.isElement(named: "code") else { return false }
        let code = CodeText.text(of: node)
        return code.containsByte(where: { $0 == 0x0A }) && code.contains("\n")
    }

    /// True when an element below `node` is block-level. Code is a block only by its newlines, whatever it
    /// holds, so the walk does not enter it. The children are walked along their sibling links, without an
    /// array of them for each element below.
    static func containsBlock(_ node: Node) -> Bool {
        if node.isElement(named: "code") { return false }
        var child = node.firstChild
        while let current = child {
            if current.isElement, isBlockLevel(current) || containsBlock(current) { return true }
            child = current.nextSibling
        }
        return false
    }

    /// True for elements written neither as markup nor as content. `source`, `track` and `wbr` are not among
    /// them: libxml2 2.9 does not know they are void and nests the following content inside them.
    static func isDropped(_ node: Node) -> Bool {
        node.isElement(droppedTags)
    }
}
