import NewslintTestSupport
import Testing
@testable import NewslintCore

@Suite struct HostWithinDomainTests {
    /// The in-place comparison answers as the reading through reversed UTF-8 views did: over random hosts and
    /// lists made of labels, dots, capitals, non-ASCII labels and empty domains.
    @Test func agreesWithTheReversedReading() {
        let labels = ["a", "duomai", "c", ".", "pvxt", "net", "com", "中文", "\u{301}", "Net", "", "e\u{301}", "-"]
        var generator = SystemRandomNumberGenerator()
        var within = 0
        var outside = 0
        for _ in 0..<20_000 {
            let pieces = (0..<Int.random(in: 0...5, using: &generator))
                .map { _ in labels.randomElement(using: &generator)! }
            let host = pieces.joined()
            // Half the domains are tails of the host's pieces, so that many hosts are within one.
            let domains = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                Bool.random(using: &generator) ? pieces.suffix(Int.random(in: 0...pieces.count)).joined()
                    : labels.randomText(count: 0...3, using: &generator)
            }
            let expected = domains.contains { Self.isWithinReadingReversed(host, $0) }
            if expected { within += 1 } else { outside += 1 }
            #expect(SiteProfile.host(host, isIn: domains) == expected, "\(host.debugDescription) \(domains)")
        }
        #expect(within > 2_000 && outside > 2_000, "\(within) \(outside)")
    }

    /// `URLParts.host(_:isWithin:)` as it was written before it compared in place.
    static func isWithinReadingReversed(_ host: String, _ domain: String) -> Bool {
        let hostBytes = host.utf8
        let domainBytes = domain.utf8
        guard hostBytes.count >= domainBytes.count, hostBytes.reversed().starts(with: domainBytes.reversed()) else {
            return false
        }
        guard hostBytes.count > domainBytes.count else { return true }
        return hostBytes.reversed().dropFirst(domainBytes.count).first == UInt8(ascii: ".")
    }
}
