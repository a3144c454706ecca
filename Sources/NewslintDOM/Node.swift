internal import CLibXML2

/// A handle on one node of an `HTMLDocument`.
///
/// A handle keeps its document alive, so it can never outlive the memory it points at.
/// Two handles are equal when they point at the same node.
public struct Node: Hashable {
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    /// What kind of node this is.
    public enum Kind: Sendable {
        case element, text, comment, cdata, other
    }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE: .text
        case XML_COMMENT_NODE: .comment
        case XML_CDATA_SECTION_NODE: .cdata
        default: .other
        }
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }
    public var isComment: Bool { pointer.pointee.type == XML_COMMENT_NODE }

    /// The lower-case tag name of an element; `#text`, `#comment` … for other nodes.
    public var name: String {
        switch kind {
        case .element: LibXMLString.borrowedLowercased(pointer.pointee.name) ?? ""
        case .text: "#text"
        case .comment: "#comment"
        case .cdata: "#cdata"
        case .other: "#other"
        }
    }

    /// True when this is an element named `name` (lower case). Compares libxml2's bytes in place, without
    /// making a string: the cheap test for one tag name.
    public func isElement(named name: String) -> Bool {
        guard isElement, let tag = pointer.pointee.name else { return false }
        // Most elements asked about are not the one named, and differ in their first letter: told from the first
        // bytes alone, without going through the name's bytes.
        guard let first = name.utf8.first, tag[0].asciiLowercased == first else { return false }
        var index = 0
        for byte in name.utf8 {
            let other = tag[index]
            guard other != 0, other.asciiLowercased == byte else { return false }
            index += 1
        }
        return tag[index] == 0
    }

    /// True when this is an element with one of `names` (lower case).
    public func isElement(_ names: TagNames) -> Bool {
        guard isElement, let tag = pointer.pointee.name else { return false }
        return names.contains(tag: tag)
    }

    /// The 1-based line of the node in the parsed input, or 0 when libxml2 did not record one.
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    // MARK: Tree

    public var parent: Node? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return Node(document: document, pointer: parent)
    }

    public var firstChild: Node? { pointer.pointee.children.map { Node(document: document, pointer: $0) } }
    public var lastChild: Node? { pointer.pointee.last.map { Node(document: document, pointer: $0) } }
    public var nextSibling: Node? { pointer.pointee.next.map { Node(document: document, pointer: $0) } }
    public var previousSibling: Node? { pointer.pointee.prev.map { Node(document: document, pointer: $0) } }

    /// The direct children, in order.
    public var children: [Node] {
        var result: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(Node(document: document, pointer: current))
            child = current.pointee.next
        }
        return result
    }

    /// The element children, in order.
    public var elementChildren: [Node] { children.filter(\.isElement) }

    /// Every node below this one, in document order (pre-order), not including this node.
    public var descendants: DescendantSequence { DescendantSequence(root: self) }

    /// The element ancestors, nearest first.
    public var ancestors: [Node] {
        var result: [Node] = []
        var current = parent
        while let node = current {
            result.append(node)
            current = node.parent
        }
        return result
    }

    /// True when an ancestor element has one of `names`.
    public func hasAncestor(named names: TagNames) -> Bool {
        var current = pointer.pointee.parent
        while let node = current, node.pointee.type == XML_ELEMENT_NODE {
            if let name = node.pointee.name, names.contains(tag: name) { return true }
            current = node.pointee.parent
        }
        return false
    }

    /// True when `self` is `other` or lies inside it.
    public func isInside(_ other: Node) -> Bool {
        var current: xmlNodePtr? = pointer
        while let node = current {
            if node == other.pointer { return true }
            current = node.pointee.parent
        }
        return false
    }

    /// True while the node is attached below the document (not removed).
    public var isAttached: Bool {
        var current: xmlNodePtr? = pointer
        while let node = current {
            if node.pointee.type == XML_HTML_DOCUMENT_NODE || node.pointee.type == XML_DOCUMENT_NODE { return true }
            current = node.pointee.parent
        }
        return false
    }

    // MARK: Text

    /// The raw text of a text, CDATA or comment node (entities already decoded by the parser).
    public var text: String {
        guard let content = pointer.pointee.content else { return "" }
        if let known = document.rememberedText(of: pointer) { return known }
        let text = String(cString: content)
        document.remember(text, of: pointer)
        return text
    }

    /// The concatenated text of every text node below, as libxml2 reports it.
    public var textContent: String {
        if isText || isComment { return text }
        return LibXMLString.takeOwned(xmlNodeGetContent(pointer)) ?? ""
    }

    // MARK: Attributes

    /// Attributes in source order.
    public var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = LibXMLString.borrowed(current.pointee.name) ?? ""
            let value = LibXMLString.takeOwned(xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1))
            result.append((name.lowercased(), value ?? ""))
            attribute = current.pointee.next
        }
        return result
    }

    /// The attribute names in source order, lower case, without reading the values.
    public var attributeNames: [String] {
        var result: [String] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            result.append(LibXMLString.borrowedLowercased(current.pointee.name) ?? "")
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of attribute `name`, or nil when absent.
    public func attribute(_ name: String) -> String? {
        guard isElement else { return nil }
        return LibXMLString.with(name) { LibXMLString.takeOwned(xmlGetProp(pointer, $0)) }
    }

    /// What `readAttributeBytes` found.
    enum AttributeBytesRead<Result> {
        /// The element has no such attribute.
        case absent
        /// The value, read in place.
        case read(Result)
        /// The value is not one plain text node (read it with `attribute(_:)`).
        case notPlain
    }

    /// Calls `read` with the bytes of attribute `name`'s value where libxml2 keeps them, without making a
    /// string; the bytes are valid only during the call.
    func readAttributeBytes<Result>(_ name: String, _ read: (UnsafeBufferPointer<UInt8>) -> Result)
        -> AttributeBytesRead<Result> {
        guard isElement else { return .absent }
        return LibXMLString.with(name) { xmlName in
            guard let attribute = xmlHasProp(pointer, xmlName) else { return .absent }
            guard let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
                  let content = text.pointee.content else { return .notPlain }
            return .read(read(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))))
        }
    }

    public func hasAttribute(_ name: String) -> Bool {
        guard isElement else { return false }
        return LibXMLString.with(name) { xmlHasProp(pointer, $0) != nil }
    }

    /// The class names, split on whitespace.
    public var classes: [String] {
        (attribute("class") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public func hasClass(_ className: String) -> Bool {
        classes.contains(className)
    }
}

/// A pre-order walk below a node that reads the next pointer lazily, so it is cheap to start.
public struct DescendantSequence: Sequence {
    let root: Node

    public func makeIterator() -> Iterator { Iterator(root: root) }

    public struct Iterator: IteratorProtocol {
        let root: Node
        var upcoming: xmlNodePtr?

        init(root: Node) {
            self.root = root
            upcoming = root.pointer.pointee.children
        }

        public mutating func next() -> Node? {
            guard let current = upcoming else { return nil }
            if let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                upcoming = child
            } else {
                upcoming = Iterator.following(current, root: root.pointer)
            }
            return Node(document: root.document, pointer: current)
        }

        static func following(_ node: xmlNodePtr, root: xmlNodePtr) -> xmlNodePtr? {
            var current: xmlNodePtr? = node
            while let candidate = current, candidate != root {
                if let sibling = candidate.pointee.next { return sibling }
                current = candidate.pointee.parent
            }
            return nil
        }
    }
}
