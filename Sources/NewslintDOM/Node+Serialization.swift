internal import CLibXML2

extension Node {
    /// The node serialised as HTML, including its own tag.
    public var outerHTML: String {
        let buffer = xmlBufferCreate()
        defer { xmlBufferFree(buffer) }
        htmlNodeDump(buffer, pointer.pointee.doc, pointer)
        return LibXMLString.borrowed(xmlBufferContent(buffer)) ?? ""
    }

    /// The children serialised as HTML.
    public var innerHTML: String {
        children.map(\.outerHTML).joined()
    }
}
