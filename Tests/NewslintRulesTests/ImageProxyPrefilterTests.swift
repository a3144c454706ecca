import Foundation
import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct ImageProxyPrefilterTests {
    static let proxyLists = [
        ["https://cors.zfour.workers.dev/?"], ["https://cors.zfour.workers.dev/?", "http://p.example/"],
        ["HTTPS://Cors.Zfour.Workers.Dev/?"], ["//x.example/"], ["cors:"], [""], ["https://a\r/"], ["https://中.cn/"],
        ["https://\u{212A}.example/"], [],
    ]

    /// An address the byte test turns away is one `URLRewriting.proxy(of:in:)` finds no proxy in: over random
    /// addresses made of the proxies' prefixes in either case, schemes, spaces, line breaks, the Kelvin sign and
    /// combining marks, and over every quoted value and Markdown destination of the examples and the corpus.
    @Test func anAddressTurnedAwayHasNoProxy() throws {
        let pieces = ["https:", "http:", "HTTPS:", "//", "PROXY", "proxy", "cors.zfour.workers.dev", "/?", "?", " ",
                      "\t", "\r\n", "\r", "\u{212A}", "é", "a", "/", "x.png", "ftp:", "h", ":", "\u{301}", "\u{3000}"]
        var generator = SystemRandomNumberGenerator()
        var turnedAway = 0
        var proxied = 0
        for _ in 0..<6_000 {
            let proxies = Self.proxyLists.randomElement(using: &generator)!
            let proxy = proxies.first ?? "https://cors.zfour.workers.dev/?"
            let url = pieces.randomText(count: 0...7, using: &generator)
                .replacingOccurrences(of: "PROXY", with: proxy)
                .replacingOccurrences(of: "proxy", with: proxy.uppercased())
            let found = URLRewriting.proxy(of: url, in: proxies)
            if found != nil { proxied += 1 }
            if ImageProxyPrefilter.cannotBeProxied(url, by: proxies) {
                turnedAway += 1
                #expect(found == nil, "\(url.debugDescription) \(proxies)")
            }
        }
        #expect(turnedAway > 2_000)
        #expect(proxied > 300)
        for value in try RepositoryImageAddresses.all() {
            for proxies in Self.proxyLists where ImageProxyPrefilter.cannotBeProxied(value, by: proxies) {
                #expect(URLRewriting.proxy(of: value, in: proxies) == nil, "\(value.debugDescription)")
            }
        }
    }
}
