internal import CLibXML2

/// An HTML document parsed by libxml2, and the owner of all of its memory.
///
/// The document frees its tree in `deinit`. Nodes removed from the tree are kept until then, so a
/// `Node` handle taken before a removal never dangles. Documents are not `Sendable`: use one
/// document per task and parallelise across files.
///
/// After parsing, everything libxml2 placed outside `<body>` (comments before `<html>`, and the
/// `<style>`, `<script>` or `<meta>` it moved into an implied `<head>`) is moved back to the start of
/// `body`, in source order, so that rules see the body as the author wrote it.
public final class HTMLDocument {
    let pointer: htmlDocPtr
    private var detached: [xmlNodePtr] = []
    /// The text of text nodes already read (`Node.text`): rules read the same text nodes one after the other.
    /// A node finds its entry through its `_private` field, which holds the entry's index + 1 (libxml2 leaves
    /// the field to the application); an entry counts only if it names the node, so a stale index is a miss.
    /// Emptied by every edit, since libxml2 merges adjacent text nodes and reuses freed memory. A dictionary by
    /// node cost a hash per read, 3% of a check.
    private var textsRead: [(node: xmlNodePtr, text: String)] = []

    /// Parses `html` as UTF-8 with `options`.
    public convenience init(html: String, options: ParseOptions = .default) throws {
        try self.init(utf8: Array(html.utf8), options: options)
    }

    /// Parses UTF-8 bytes with `options`.
    public init(utf8 bytes: [UInt8], options: ParseOptions = .default) throws {
        HTMLDocument.initialiseLibXML
        guard bytes.count < Int(Int32.max) else { throw DOMError.tooLarge(bytes: bytes.count) }
        // An empty buffer makes htmlReadMemory fail; an empty body is still a valid post.
        let input = bytes.isEmpty ? Array("<body></body>".utf8) : bytes
        let parsed: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options.rawValue)
            }
        }
        guard let parsed else { throw DOMError.parseFailed("no document produced") }
        if HTMLDocument.depth(of: parsed, exceeds: HTMLDocument.maximumDepth) {
            xmlFreeDoc(parsed)
            throw DOMError.tooDeep(limit: HTMLDocument.maximumDepth)
        }
        pointer = parsed
        normaliseBody()
        didEdit()
    }

    /// How deeply elements may nest. Browsers stop nesting at 512 (Blink's HTML parser); a post never comes
    /// close, and walks that look at every ancestor of every node stay fast below it.
    public static let maximumDepth = 512

    deinit {
        // Detached nodes still point into the document's dictionary: free them first.
        for node in detached { xmlFreeNode(node) }
        xmlFreeDoc(pointer)
    }

    /// The `<body>` element, which holds the whole post body after normalisation.
    public var body: Node {
        Node(document: self, pointer: bodyPointer)
    }

    /// libxml2's version, e.g. "2.9.14".
    public static var libxmlVersion: String {
        let raw = String(cString: newslint_xmlVersion())
        guard let number = Int(raw) else { return raw }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }

    // MARK: Creating nodes

    /// A new element, not yet in the tree.
    public func createElement(_ name: String) -> Node {
        didEdit()
        let created = LibXMLString.with(name) { xmlNewDocNode(pointer, nil, $0, nil) }!
        return adopt(created)
    }

    /// A new text node, not yet in the tree.
    public func createText(_ text: String) -> Node {
        didEdit()
        let created = LibXMLString.with(text) { xmlNewDocText(pointer, $0) }!
        return adopt(created)
    }

    /// A number that changes with every edit of the tree (and every node made for one): equal revisions mean an
    /// unchanged tree.
    public private(set) var revision = 0

    /// Forgets what was read from the tree, before an edit.
    func didEdit() {
        revision &+= 1
        if !textsRead.isEmpty { textsRead.removeAll(keepingCapacity: true) }
    }

    /// Counts an edit that changes no text (a name or an attribute): what was read of the texts still holds.
    func didEditMarkup() {
        revision &+= 1
    }

    /// The text `remember(_:of:)` recorded for `node` since the last edit, or nil.
    func rememberedText(of node: xmlNodePtr) -> String? {
        let index = Int(bitPattern: node.pointee._private) - 1
        guard index >= 0, index < textsRead.count, textsRead[index].node == node else { return nil }
        return textsRead[index].text
    }

    /// Records the text read from `node`, until the next edit.
    func remember(_ text: String, of node: xmlNodePtr) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: textsRead.count + 1)
        textsRead.append((node, text))
    }

    // MARK: Ownership

    /// Records a node that is out of the tree, so it is freed with the document.
    func retainDetached(_ node: xmlNodePtr) {
        detached.append(node)
    }

    /// Forgets a node that went back into the tree.
    func releaseDetached(_ node: xmlNodePtr) {
        if let index = detached.lastIndex(of: node) { detached.remove(at: index) }
    }

    private func adopt(_ node: xmlNodePtr) -> Node {
        detached.append(node)
        return Node(document: self, pointer: node)
    }

    private static let initialiseLibXML: Void = {
        xmlInitParser()
        newslint_silenceErrors()
    }()
}

private extension HTMLDocument {
    var bodyPointer: xmlNodePtr {
        if let found = findElement(named: "body", under: UnsafeMutablePointer(OpaquePointer(pointer))) {
            return found
        }
        // libxml2 always implies <html><body> for content; an input of only a DOCTYPE has neither.
        let html = htmlElement ?? {
            let created = xmlNewDocNode(pointer, nil, "html", nil)!
            xmlDocSetRootElement(pointer, created)
            return created
        }()
        return xmlNewChild(html, nil, "body", nil)
    }

    var htmlElement: xmlNodePtr? {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return current }
            child = current.pointee.next
        }
        return nil
    }

    /// The first element named `name` below `root`, in document order. Iterative: the tree may be deep.
    func findElement(named name: String, under root: xmlNodePtr) -> xmlNodePtr? {
        var next = root.pointee.children
        while let current = next {
            if current.pointee.type == XML_ELEMENT_NODE {
                // Compared in place: `body` is looked up for every rule, and a copy of each name was 0.4% of a check.
                if let elementName = current.pointee.name, xmlStrEqual(elementName, name) != 0 { return current }
                if let child = current.pointee.children {
                    next = child
                    continue
                }
            }
            next = HTMLDocument.following(current, root: root)
        }
        return nil
    }

    /// Moves nodes libxml2 put outside `<body>` back into it, keeping source order.
    func normaliseBody() {
        let body = bodyPointer
        var moved: [xmlNodePtr] = []
        var child = pointer.pointee.children
        while let current = child {
            child = current.pointee.next
            if current.pointee.type == XML_DTD_NODE { continue }
            if current.pointee.type == XML_ELEMENT_NODE {
                collectOutsideBody(of: current, body: body, into: &moved)
            } else {
                moved.append(current)
            }
        }
        guard !moved.isEmpty else { return }
        let anchor = body.pointee.children
        for node in moved {
            xmlUnlinkNode(node)
            if let anchor {
                xmlAddPrevSibling(anchor, node)
            } else {
                xmlAddChild(body, node)
            }
        }
    }

    /// The node after `node` in document order once its subtree is done, staying below `root`;
    /// `depth` goes down by one for every parent climbed.
    static func following(_ node: xmlNodePtr, root: xmlNodePtr, depth: inout Int) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        while let candidate = current, candidate != root {
            if let sibling = candidate.pointee.next { return sibling }
            current = candidate.pointee.parent
            depth -= 1
        }
        return nil
    }

    static func following(_ node: xmlNodePtr, root: xmlNodePtr) -> xmlNodePtr? {
        var depth = 0
        return following(node, root: root, depth: &depth)
    }

    /// True when elements nest more than `limit` levels below the document (`<html>` is level 1), found
    /// without recursion.
    static func depth(of document: htmlDocPtr, exceeds limit: Int) -> Bool {
        let root = UnsafeMutablePointer<xmlNode>(OpaquePointer(document))
        var next = root.pointee.children
        var depth = 1
        while let current = next {
            if current.pointee.type == XML_ELEMENT_NODE {
                if depth > limit { return true }
                if let child = current.pointee.children {
                    depth += 1
                    next = child
                    continue
                }
            }
            next = following(current, root: root, depth: &depth)
        }
        return false
    }

    /// Collects the children of `<html>` and `<head>` that precede `<body>`.
    func collectOutsideBody(of html: xmlNodePtr, body: xmlNodePtr, into moved: inout [xmlNodePtr]) {
        var child = html.pointee.children
        while let current = child {
            child = current.pointee.next
            if current == body { return }
            if current.pointee.type == XML_ELEMENT_NODE, LibXMLString.borrowed(current.pointee.name) == "head" {
                var headChild = current.pointee.children
                while let inHead = headChild {
                    headChild = inHead.pointee.next
                    moved.append(inHead)
                }
            } else {
                moved.append(current)
            }
        }
    }
}
