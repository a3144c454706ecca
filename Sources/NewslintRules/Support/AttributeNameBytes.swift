import NewslintDOM

/// Comparisons on an attribute name's bytes as `Node.containsAttributeName(where:)` hands them out, standing in
/// for comparisons on the lower-cased `String` that `Node.attributeNames` makes.
///
/// Why they agree: for a name of ASCII bytes, `attributeNames` gives the bytes with ASCII capitals made small
/// (`String.lowercased()` of ASCII text is exactly that), and two strings of ASCII text are equal, or one starts
/// with the other, exactly when their bytes are and do: an ASCII character is canonically equivalent to itself
/// alone. A name with any other byte may lower-case or compare otherwise (`K` KELVIN SIGN equals `K`), so callers
/// treat such a name as a possible match and leave it to the string test.
enum AttributeNameBytes {
    /// True when every byte is ASCII.
    static func isASCII(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.allSatisfy { $0 < 0x80 }
    }

    /// True when every byte of `text` is ASCII: only such texts are compared as bytes.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// True when `name`, lower-cased as ASCII, is `other` (ASCII bytes, compared as they are: a capital in
    /// `other` never matches, as it never equals a lower-cased string).
    static func name(_ name: UnsafeBufferPointer<UInt8>, equals other: [UInt8]) -> Bool {
        name.count == other.count && self.name(name, hasPrefix: other)
    }

    /// True when `name`, lower-cased as ASCII, starts with `prefix` (ASCII bytes, compared as they are).
    static func name(_ name: UnsafeBufferPointer<UInt8>, hasPrefix prefix: [UInt8]) -> Bool {
        guard name.count >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where name[index].asciiLowercased != byte { return false }
        return true
    }
}
