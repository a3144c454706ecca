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
}
