/// A list of domains a host is tested against, as `SiteProfile.host(_:isIn:)` tests it (the host is a domain or
/// one of its subdomains, byte for byte), with the domains' bytes read once rather than through two reversed
/// UTF-8 views for every host and domain.
struct DomainList {
    private let domains: [[UInt8]]

    init(_ domains: [String]) {
        self.domains = domains.map { Array($0.utf8) }
    }

    /// True when `host` ends with a domain's bytes, either all of it or after a `.`.
    func contains(_ host: String) -> Bool {
        var host = host
        return host.withUTF8 { bytes in
            domains.contains { domain in
                guard bytes.count >= domain.count,
                      bytes[(bytes.count - domain.count)...].elementsEqual(domain) else { return false }
                return bytes.count == domain.count || bytes[bytes.count - domain.count - 1] == UInt8(ascii: ".")
            }
        }
    }
}
