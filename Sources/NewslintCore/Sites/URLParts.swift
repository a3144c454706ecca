import Foundation

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
