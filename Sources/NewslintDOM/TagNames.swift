internal import CLibXML2

/// A set of lower-case tag names that an element's name is tested against in place.
///
/// Rules ask "is this element one of …" and "is this node inside one of …" for nearly every node of every post.
/// With a `Set<String>`, each question made a Swift string from libxml2's name and hashed it; here the name's
/// bytes are compared with the few names that share its first letter, and no string is made.
public struct TagNames: Sendable, ExpressibleByArrayLiteral {
    /// The names (as bytes), by their first byte; names starting with a non-ASCII byte are under index 0.
    private var buckets: [[[UInt8]]] = Array(repeating: [], count: 128)

    public init(arrayLiteral names: String...) {
        self.init(names)
    }

    public init<Names: Sequence>(_ names: Names) where Names.Element == String {
        for name in names where !name.isEmpty {
            let bytes = Array(name.utf8)
            buckets[TagNames.bucket(of: bytes[0])].append(bytes)
        }
    }

    /// True when `name` is one of the names, compared exactly.
    public func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let first = bytes.first else { return false }
            return buckets[TagNames.bucket(of: first)].contains { $0.elementsEqual(bytes) }
        }
    }

    /// True when `name` is one of the names, compared exactly.
    public func contains(_ name: Substring) -> Bool {
        contains(String(name))
    }

    /// True when the NUL-terminated name `tag`, lower-cased as `Node.name` lower-cases it, is one of the names.
    func contains(tag: UnsafePointer<xmlChar>) -> Bool {
        let first = tag[0].asciiLowercased
        guard first != 0 else { return false }
        candidates: for candidate in buckets[TagNames.bucket(of: first)] {
            for (index, byte) in candidate.enumerated() where tag[index].asciiLowercased != byte {
                continue candidates
            }
            if tag[candidate.count] == 0 { return true }
        }
        return false
    }

    private static func bucket(of byte: UInt8) -> Int {
        byte < 128 ? Int(byte) : 0
    }
}
