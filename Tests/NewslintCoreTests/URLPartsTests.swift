import Testing
@testable import NewslintCore

@Suite struct URLPartsTests {
    @Test(arguments: [
        ("//sinaimg.cn\n", "sinaimg.cn"),
        ("\n\t //n.sinaimg.cn/a.jpg ", "n.sinaimg.cn"),
        ("https://n.sina\nimg.cn/a.jpg", "n.sinaimg.cn"),
        ("HTTPS://Example.COM:8080/x", "example.com"),
    ])
    func hostsAreReadAsBrowsersReadAttributes(_ url: String, _ host: String) {
        // A fuzz finding: an unclosed `src` ran to the line break, so the hotlink rule saw no host while the
        // writer, which trims the value, wrote a hotlinked `![]()`.
        #expect(URLParts.host(of: url) == host)
    }

    @Test(arguments: [
        ("n.sinaimg.cn", "sinaimg.cn", true), ("sinaimg.cn", "sinaimg.cn", true), ("xsinaimg.cn", "sinaimg.cn", false),
        ("sinaimg.cn.evil.com", "sinaimg.cn", false), ("cn", "sinaimg.cn", false), ("a.b.zhimg.com", "zhimg.com", true),
    ])
    func hostsAreWithinTheirDomains(_ host: String, _ domain: String, _ within: Bool) {
        #expect(URLParts.host(host, isWithin: domain) == within)
    }
}
