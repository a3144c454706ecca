internal import CLibXML2

/// Tree edits. Every edit keeps the document the owner of all memory: a removed node stays valid
/// until the document is freed.
extension Node {
    /// Takes the node out of the tree.
    public func remove() {
        document.didEdit()
        guard isAttached else { return }
        xmlUnlinkNode(pointer)
        document.retainDetached(pointer)
    }

    /// Replaces the element with its children, in place.
    public func unwrap() {
        document.didEdit()
        guard isAttached else { return }
        for child in children {
            xmlUnlinkNode(child.pointer)
            Node.link(child.pointer, parent: pointer.pointee.parent, previous: pointer.pointee.prev, next: pointer)
        }
        remove()
    }

    /// Inserts `node` (new or moved) just before this one.
    public func insertBefore(_ node: Node) {
        document.didEdit()
        guard !isInside(node) else { return }
        detachForMove(node)
        Node.link(node.pointer, parent: pointer.pointee.parent, previous: pointer.pointee.prev, next: pointer)
    }

    /// Inserts `node` (new or moved) just after this one.
    public func insertAfter(_ node: Node) {
        document.didEdit()
        guard !isInside(node) else { return }
        detachForMove(node)
        Node.link(node.pointer, parent: pointer.pointee.parent, previous: pointer, next: pointer.pointee.next)
    }

    /// Appends `node` (new or moved) as the last child.
    public func appendChild(_ node: Node) {
        document.didEdit()
        guard !isInside(node) else { return }
        detachForMove(node)
        Node.link(node.pointer, parent: pointer, previous: pointer.pointee.last, next: nil)
    }

    /// Moves all children of this element into a new element named `name`, which becomes the only child.
    @discardableResult
    public func wrapChildren(in name: String) -> Node {
        document.didEdit()
        let wrapper = document.createElement(name)
        for child in children {
            xmlUnlinkNode(child.pointer)
            Node.link(child.pointer, parent: wrapper.pointer, previous: wrapper.pointer.pointee.last, next: nil)
        }
        appendChild(wrapper)
        return wrapper
    }

    /// Renames an element in place, keeping attributes and children.
    public func rename(to name: String) {
        guard isElement else { return }
        document.didEditMarkup()
        LibXMLString.with(name) { xmlNodeSetName(pointer, $0) }
    }

    /// Replaces the text of a text, CDATA or comment node. The text is stored as is, not parsed.
    public func setText(_ text: String) {
        document.didEdit()
        guard isText || isComment else { return }
        LibXMLString.with(text) { xmlNodeSetContent(pointer, $0) }
    }

    public func setAttribute(_ name: String, _ value: String) {
        guard isElement else { return }
        document.didEditMarkup()
        LibXMLString.with(name) { namePointer in
            LibXMLString.with(value) { valuePointer in _ = xmlSetProp(pointer, namePointer, valuePointer) }
        }
    }

    public func removeAttribute(_ name: String) {
        guard isElement else { return }
        document.didEditMarkup()
        // libxml2 keeps the source's case in attribute names; remove every spelling.
        var attribute = pointer.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            if LibXMLString.borrowed(current.pointee.name)?.lowercased() == name.lowercased() {
                xmlRemoveProp(current)
            }
        }
    }

    /// Links the unlinked `node` under `parent` (nil for a node outside any tree), between `previous` and `next`
    /// (nil at either end).
    ///
    /// libxml2's `xmlAddChild`, `xmlAddPrevSibling` and `xmlAddNextSibling` merge a text node into a text
    /// neighbour and free it, which left a `Node` handle to freed memory: a fix that moved two text nodes next to
    /// each other, then read the second (the content-loss guard does), read freed memory. Here every node keeps a
    /// place of its own; text nodes side by side are what removing an element between two already makes.
    private static func link(_ node: xmlNodePtr, parent: xmlNodePtr?, previous: xmlNodePtr?, next: xmlNodePtr?) {
        if let document = parent?.pointee.doc, node.pointee.doc != document { xmlSetTreeDoc(node, document) }
        node.pointee.parent = parent
        node.pointee.prev = previous
        node.pointee.next = next
        if let previous { previous.pointee.next = node } else { parent?.pointee.children = node }
        if let next { next.pointee.prev = node } else { parent?.pointee.last = node }
    }

    private func detachForMove(_ node: Node) {
        if node.isAttached {
            xmlUnlinkNode(node.pointer)
        } else {
            document.releaseDetached(node.pointer)
        }
    }
}
