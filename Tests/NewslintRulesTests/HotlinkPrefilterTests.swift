import Foundation
import NewslintCore
import Testing
@testable import NewslintRules

@Suite struct HotlinkPrefilterTests {
    /// The image pattern is run over a Markdown body only when the body may mention a protected host. Whenever
    /// the prefilter says it cannot, no image the pattern finds may be on a protected host: over random bodies of
    /// images whose addresses mix cases, subdomains, look-alike hosts, user info, ports and the Kelvin sign, for
    /// the profile of every site.
    @Test func aBodyTurnedAwayHasNoProtectedImage() throws {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        let hosts = ["n.sinaimg.cn", "SinaImg.CN", "sinaimg.cn.example.com", "mmbiz.qpic.cn", "user@zhimg.com:8080",
                     "example.com", "upload-images.jianshu.io", "cdn.\u{212A}ujiale.com", "i.byteimg.com", "pic1.zhimg.com"]
        let pieces = ["正文。", "\n\n", "![图](https://HOST/a.png)", "![](//HOST/b.jpg \"t\")", "![a\\]b](<http://HOST/c>)",
                      "[link](https://HOST/)", "<img src=\"https://HOST/d.png\">", " HOST "]
        var generator = SystemRandomNumberGenerator()
        var turnedAway = 0
        for _ in 0..<2000 {
            let body = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
                    .replacingOccurrences(of: "HOST", with: hosts.randomElement(using: &generator)!)
            }.joined()
            for profile in profiles where !HotlinkedImageRule.mayMention(profile.hotlinkProtectedHosts, in: body) {
                turnedAway += 1
                let sources = HotlinkedImageRule.markdownImage
                    .matches(in: body, range: NSRange(body.startIndex..., in: body))
                    .compactMap { Range($0.range(at: 2), in: body).map { String(body[$0]) } }
                #expect(!sources.contains(where: profile.isHotlinkProtected), "\(body.debugDescription)")
            }
        }
        #expect(turnedAway > 1000)
    }
}
