internal import CLibXML2

/// Attribute names read as bytes in place, where `attributeNames` makes a lower-cased `String` of every name.
///
/// A predicate gets a name as libxml2 keeps it (not lower-cased, no terminating NUL; empty for a name libxml2 did
/// not record, which `attributeNames` gives as ""), valid only during the call. A predicate that stands in for a
/// test on `attributeNames`' strings must pass every name the string test would accept; `AttributeNameBytes` (in
/// NewslintRules) has the comparisons that do.
extension Node {
    /// True when `predicate` passes one of the attribute names, tested in source order until one does: the cheap
    /// way to ask whether an element may carry an attribute of interest.
    public func containsAttributeName(where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if predicate(Node.nameBytes(of: current)) { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// The names `attributeNames` gives, in source order, of the attributes whose names pass `predicate`: the
    /// same as `attributeNames` filtered by the predicate on each name's bytes, with strings made for those only.
    public func attributeNames(where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> [String] {
        var result: [String] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if predicate(Node.nameBytes(of: current)) {
                result.append(LibXMLString.borrowedLowercased(current.pointee.name) ?? "")
            }
            attribute = current.pointee.next
        }
        return result
    }

    private static func nameBytes(of attribute: xmlAttrPtr) -> UnsafeBufferPointer<UInt8> {
        guard let name = attribute.pointee.name else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
    }
}
