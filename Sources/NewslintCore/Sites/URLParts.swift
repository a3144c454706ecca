import Foundation

/// Minimal URL inspection that does not depend on Foundation's strict parser (scraped URLs are often invalid).
public enum URLParts {
    /// The lower-case host of an absolute or protocol-relative URL.
    ///
    /// The URL is read the way browsers read an attribute value (WHATWG URL parsing): leading and trailing
    /// spaces and control characters are dropped and tabs and line breaks inside are ignored, so
    /// `src="//n.sinaimg.cn/a.jpg⏎"` (an unclosed attribute running to the end of the line) is on
    /// `n.sinaimg.cn`, as the Markdown writer, which trims the value, will write it.
    public static func host(of url: String) -> String? {
        // Most addresses have nothing for the browser form to remove; they are read without a copy.
        let form = url.containsByte { $0 <= 0x20 } ? browserForm(url) : url
        return form.utf8.withContiguousStorageIfAvailable(host(inBytes:)) ?? host(inBytes: Array(form.utf8))
    }

    private static func host(inBytes bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start: Int
        if let separator = ByteSearch.firstOffset(of: schemeSeparator, in: bytes) {
            start = separator + schemeSeparator.count
        } else if bytes.starts(with: "//".utf8) {
            start = 2
        } else {
            return nil
        }
        // The authority runs to the first `/`, `?` or `#`; the host follows its last `@` and ends at a `:`.
        var end = start
        while end < bytes.count, !authorityEnds.contains(bytes[end]) {
            if bytes[end] == UInt8(ascii: "@") { start = end + 1 }
            end += 1
        }
        let host = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let length = host.firstIndex(of: UInt8(ascii: ":")) ?? host.count
        guard length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: host[0..<length]), as: UTF8.self).lowercased()
    }

    private static func host(inBytes bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(host(inBytes:))
    }

    private static let schemeSeparator = Array("://".utf8)
    private static let authorityEnds: [UInt8] = Array("/?#".utf8)

    /// True when `host` is `domain` or one of its subdomains (`n.sinaimg.cn` is within `sinaimg.cn`), compared
    /// byte for byte without building `.domain`.
    public static func host(_ host: String, isWithin domain: String) -> Bool {
        // Compared in place: reading both through reversed UTF-8 views cost more than the rest of a host lookup,
        // and every link and image of a post is looked up against a profile's lists.
        var host = host
        var domain = domain
        return host.withUTF8 { hostBytes in
            domain.withUTF8 { domainBytes in
                guard hostBytes.count >= domainBytes.count else { return false }
                let start = hostBytes.count - domainBytes.count
                guard hostBytes[start...].elementsEqual(domainBytes) else { return false }
                return start == 0 || hostBytes[start - 1] == UInt8(ascii: ".")
            }
        }
    }

    /// `url` without leading and trailing C0 controls and spaces, and without tabs and line breaks inside.
    static func browserForm(_ url: String) -> String {
        let ignoredInside: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        var scalars = url.unicodeScalars.filter { !ignoredInside.contains($0) }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
