import Foundation
import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct HotlinkDestinationPrefilterTests {
    /// The prefilter also turns away a body whose protected hosts are in no image destination (a `)` or `>` lies
    /// between the host and the `](` behind it). Whenever it does, the image pattern finds no image on a protected
    /// host: over random bodies of destinations with white space, `<`, parentheses, tags and text around the
    /// hosts, and over the example and corpus posts, for the profile of every site.
    @Test func aBodyTurnedAwayHasNoProtectedImage() throws {
        let catalog = try SiteCatalog.builtIn()
        let profiles = [catalog.defaults] + catalog.siteIDs.compactMap { catalog.profile(id: $0) }
        let hosts = ["n.sinaimg.cn", "SinaImg.CN", "mmbiz.qpic.cn", "example.com", "user@zhimg.com:8080"]
        let pieces = ["![图](", "](", "![a](", "( ", " <", "<", ">", ")", "(", "]", "\n", " ", "https://", "//", "HOST",
                      "/a.png", " \"t\"", "<img src=\"https://HOST/d.png\">", "[x](https://HOST/)", "文", "\\]",
                      "![图](<https://HOST/a.png>)", "![a]( \n<//HOST/b(1).jpg> \"t\")", "![b](https://x.cn/HOST/c)",
                      "![c](HTTPS://HOST)", "![d](https://a.b/(x)https://HOST/e)"]
        var generator = SystemRandomNumberGenerator()
        var turnedAway = 0
        var mentioned = 0
        for _ in 0..<4_000 {
            let body = pieces.randomText(count: 1...12, using: &generator)
                .replacingOccurrences(of: "HOST", with: hosts.randomElement(using: &generator)!)
            for profile in profiles {
                if HotlinkedImageRule.mayMention(profile.hotlinkProtectedHosts, in: body) { continue }
                turnedAway += 1
                if body.lowercased().contains("sinaimg") { mentioned += 1 }
                #expect(Self.protectedSources(in: body, profile: profile).isEmpty, "\(body.debugDescription)")
            }
        }
        #expect(turnedAway > 1_000)
        #expect(mentioned > 300)
        for url in Repository.examplePosts + Repository.corpusPosts {
            let text = try String(contentsOf: url, encoding: .utf8)
            for profile in profiles where !HotlinkedImageRule.mayMention(profile.hotlinkProtectedHosts, in: text) {
                #expect(Self.protectedSources(in: text, profile: profile).isEmpty, "\(url.lastPathComponent)")
            }
        }
    }

    static func protectedSources(in body: String, profile: SiteProfile) -> [String] {
        HotlinkedImageRule.markdownImage.matches(in: body, range: NSRange(body.startIndex..., in: body))
            .compactMap { Range($0.range(at: 2), in: body).map { String(body[$0]) } }
            .filter(profile.isHotlinkProtected)
    }
}
