internal import CLibXML2

extension Node {
    /// True when `predicate` holds for the bytes of one of the element's attribute names, tested in source order
    /// until one does. The bytes are the name as libxml2 keeps it (not lower-cased, no terminating NUL), read in
    /// place, and valid only during the call.
    ///
    /// The cheap way to ask whether an element may carry an attribute of interest: `attributeNames` makes a
    /// lower-cased `String` of every name of every element. A predicate that stands in for a test on those strings
    /// must answer true for every name the string test would accept; `AttributeNameBytes` has the comparisons.
    public func containsAttributeName(where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                if predicate(UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))) { return true }
            } else if predicate(UnsafeBufferPointer(start: nil, count: 0)) {
                // `attributeNames` gives "" for a name libxml2 did not record.
                return true
            }
            attribute = current.pointee.next
        }
        return false
    }
}
