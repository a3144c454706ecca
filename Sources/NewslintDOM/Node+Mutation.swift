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
            xmlAddPrevSibling(pointer, child.pointer)
        }
        remove()
    }

    /// Inserts `node` (new or moved) just before this one.
    public func insertBefore(_ node: Node) {
        document.didEdit()
        detachForMove(node)
        xmlAddPrevSibling(pointer, node.pointer)
    }

    /// Inserts `node` (new or moved) just after this one.
    public func insertAfter(_ node: Node) {
        document.didEdit()
        detachForMove(node)
        xmlAddNextSibling(pointer, node.pointer)
    }

    /// Appends `node` (new or moved) as the last child.
    public func appendChild(_ node: Node) {
        document.didEdit()
        detachForMove(node)
        xmlAddChild(pointer, node.pointer)
    }

    /// Moves all children of this element into a new element named `name`, which becomes the only child.
    @discardableResult
    public func wrapChildren(in name: String) -> Node {
        document.didEdit()
        let wrapper = document.createElement(name)
        for child in children {
            xmlUnlinkNode(child.pointer)
            xmlAddChild(wrapper.pointer, child.pointer)
        }
        appendChild(wrapper)
        return wrapper
    }

    /// Renames an element in place, keeping attributes and children.
    public func rename(to name: String) {
        guard isElement else { return }
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
        LibXMLString.with(name) { namePointer in
            LibXMLString.with(value) { valuePointer in _ = xmlSetProp(pointer, namePointer, valuePointer) }
        }
    }

    public func removeAttribute(_ name: String) {
        guard isElement else { return }
        // libxml2 keeps the source's case in attribute names; remove every spelling.
        var attribute = pointer.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            if LibXMLString.borrowed(current.pointee.name)?.lowercased() == name.lowercased() {
                xmlRemoveProp(current)
            }
        }
    }

    private func detachForMove(_ node: Node) {
        if node.isAttached {
            xmlUnlinkNode(node.pointer)
        } else {
            document.releaseDetached(node.pointer)
        }
    }
}
