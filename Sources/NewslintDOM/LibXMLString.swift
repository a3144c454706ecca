internal import CLibXML2

/// Conversions between Swift strings and libxml2's `xmlChar*`.
///
/// Every `xmlChar*` that libxml2 hands out and expects the caller to free goes through
/// `takeOwnedString`, so there is exactly one place where `xmlFree` is called on strings.
enum LibXMLString {
    /// Copies a string libxml2 owns (e.g. `node->name`); does not free it.
    static func borrowed(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Copies a name libxml2 owns in lower case. The HTML parser already lower-cases tag names, so the
    /// bytes are usually copied as they are; `lowercased()` only runs when there is an ASCII capital.
    static func borrowedLowercased(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        var probe = pointer
        while probe.pointee != 0 {
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(probe.pointee) { return String(cString: pointer).lowercased() }
            probe += 1
        }
        return String(cString: pointer)
    }

    /// Copies a string the caller owns and frees it with libxml2's allocator.
    static func takeOwned(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { newslint_xmlFree(pointer) }
        return String(cString: pointer)
    }

    /// Calls `body` with a NUL-terminated `xmlChar*` view of `string`, valid only inside the call.
    static func with<Result>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        string.withCString { cString in
            cString.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1) { body($0) }
        }
    }
}
