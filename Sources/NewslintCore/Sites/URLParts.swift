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
        let trimmed = browserForm(url)
        let afterScheme: Substring
        if let range = trimmed.byteRange(of: "://") {
            afterScheme = trimmed[range.upperBound...]
        } else if trimmed.hasPrefix("//") {
            afterScheme = trimmed.dropFirst(2)
        } else {
            return nil
        }
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPart = authority.split(separator: "@").last ?? authority
        let host = hostPart.split(separator: ":").first.map(String.init) ?? ""
        return host.isEmpty ? nil : host.lowercased()
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
