import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct DomainListTests {
    /// A domain list answers as `SiteProfile.host(_:isIn:)` does: over random hosts and lists made of labels, dots,
    /// capitals, non-ASCII labels and empty domains.
    @Test func agreesWithTheProfileTest() {
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
            let expected = SiteProfile.host(host, isIn: domains)
            if expected { within += 1 } else { outside += 1 }
            #expect(DomainList(domains).contains(host) == expected, "\(host.debugDescription) \(domains)")
        }
        #expect(within > 2_000 && outside > 2_000, "\(within) \(outside)")
    }
}
