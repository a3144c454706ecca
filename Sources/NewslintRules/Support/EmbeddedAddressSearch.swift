import Foundation
import NewslintCore
import NewslintDOM

/// Finds the URL an affiliate link embeds in its path (Commission Junction's `…/sid//https://dest`): the part of the
/// address from the first `(https?|ftp)(://|%3A%2F%2F)` (case-insensitive) after the host.
enum EmbeddedAddressSearch {
    /// What `byPattern(in:)` gives, read from the bytes of an ASCII address: in ASCII a byte is a character (the
    /// `\r\n` pair aside, which the needles do not hold), Foundation's plain search finds the needle's bytes, and
    /// the case-insensitive pattern matches the ASCII letters of either case and nothing else. Other addresses go to
    /// the searches.
    static func embeddedAddress(in url: String) -> Substring? {
        guard !url.containsByte(where: { $0 >= 0x80 }) else { return byPattern(in: url) }
        var bytes = url
        let offset = bytes.withUTF8(embeddedOffset(in:))
        return offset.map { url[url.utf8.index(url.utf8.startIndex, offsetBy: $0)...] }
    }

    /// The searches the byte path replaces, for addresses that are not ASCII.
    static func byPattern(in url: String) -> Substring? {
        guard let authority = url.range(of: "://") ?? url.range(of: "//") else { return nil }
        let afterHost = url[authority.upperBound...].drop { $0 != "/" }
        guard let embedded = afterHost.range(of: #"(https?|ftp)(://|%3A%2F%2F)"#,
                                             options: [.regularExpression, .caseInsensitive]) else { return nil }
        return afterHost[embedded.lowerBound...]
    }

    /// The offset where the embedded address starts in ASCII `bytes`, nil when there is none.
    private static func embeddedOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let authority = ByteSearch.firstOffset(of: schemeSeparator, in: bytes).map({ $0 + 3 })
                ?? ByteSearch.firstOffset(of: slashes, in: bytes).map({ $0 + 2 }),
              let path = ByteSearch.firstOffset(of: UInt8(ascii: "/"), in: bytes, from: authority) else { return nil }
        return (path..<bytes.count).first { start in
            let rest = bytes[start...]
            return schemes.contains { scheme in
                startsLowered(rest, with: scheme) && separators.contains { separator in
                    startsLowered(rest.dropFirst(scheme.count), with: separator)
                }
            }
        }
    }

    private static func startsLowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, with prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0.asciiLowercased == $1 }
    }

    private static let schemeSeparator = Array("://".utf8)
    private static let slashes = Array("//".utf8)
    private static let schemes = ["http", "https", "ftp"].map { Array($0.utf8) }
    private static let separators = ["://", "%3a%2f%2f"].map { Array($0.utf8) }
}
