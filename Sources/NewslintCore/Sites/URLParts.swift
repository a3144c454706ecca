import Foundation

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (`CharacterSet.whitespaces`: tab and the Unicode
    /// space separators), without bridging to `NSString`.
    public var trimmingSpaces: SubSequence {
        let isSpace = { (character: Character) -> Bool in
            character == "\t" || character.unicodeScalars.first?.properties.generalCategory == .spaceSeparator
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

/// Minimal URL inspection that does not depend on Foundation's strict parser (scraped URLs are often invalid).
public enum URLParts {
    /// The lower-case host of an absolute or protocol-relative URL.
    public static func host(of url: String) -> String? {
        let trimmed = url.trimmingSpaces
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
}
