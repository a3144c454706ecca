import Foundation
import NewslintCore
@testable import NewslintRules
import NewslintTestSupport
import Testing

/// The URL helpers behind the link and image rules, and whole posts through every rule: what the rule
/// examples cannot show (decoding corner cases, Markdown constructs, embeds whose content libxml2 nests).
@Suite struct LinkRulesTests {
    // MARK: Decoding redirect targets

    @Test(arguments: [
        // oschina: encoded once
        ("https%3A%2F%2Fgithub.com%2Fdromara%2Fsoul", "https://github.com/dromara/soul"),
        // oschina's broken double scheme
        ("http%3A%2F%2Fhttps%2F%2Fwww.yuque.com%2Fexample", "https://www.yuque.com/example"),
        ("https://http://example.com/a", "http://example.com/a"),
        // 知乎: `:` encoded, path already percent-encoded once more; the target keeps its own escapes
        ("https%3A//zh.wikipedia.org/wiki/%25E7%25BE%258E", "https://zh.wikipedia.org/wiki/%E7%BE%8E"),
        // the whole target encoded twice
        ("https%253A%252F%252Fexample.com%252Fa%253Fb%253D1", "https://example.com/a?b=1"),
        // an Apache mail-archive id: `%253C` is the target's own `%3C`
        ("http%3A%2F%2Fmail-archives.apache.org%2Fmod_mbox%2F202103.mbox%2F%253Cid%40apache.org%253E",
         "http://mail-archives.apache.org/mod_mbox/202103.mbox/%3Cid@apache.org%3E"),
        // unencoded targets are taken as written
        ("https://www.microsoftstore.com.cn/a%20b", "https://www.microsoftstore.com.cn/a%20b"),
        ("//upload-images.jianshu.io/a.png", "https://upload-images.jianshu.io/a.png"),
    ])
    func decodesTargets(_ raw: String, _ expected: String) {
        #expect(URLRewriting.target(fromEncoded: raw) == expected)
    }

    @Test func refusesTargetsThatAreNotWebAddresses() {
        #expect(URLRewriting.target(fromEncoded: "javascript%3Aalert(1)") == nil)
        #expect(URLRewriting.target(fromEncoded: "%2Fnews%2F1") == nil)
        #expect(URLRewriting.target(fromEncoded: "") == nil)
    }

    @Test func keepsEscapesThatAreNotUTF8() {
        // A GBK page's `%C3%C0` is not UTF-8: the escapes stay, the ASCII ones are decoded.
        #expect(URLRewriting.percentDecoded("a%2Fb%C3%C0") == "a/b%C3%C0")
        #expect(URLRewriting.percentDecoded("100%") == "100%")
    }

    @Test func matchesRedirectPaths() {
        let redirects = ExampleRunner.catalog.defaults.redirects
        let oschina = "https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fa.com"
        #expect(URLRewriting.redirect(of: oschina, in: redirects)?.target == "https://a.com")
        #expect(URLRewriting.redirect(of: "https://www.oschina.net/action/GoToLinkX?url=https%3A%2F%2Fa.com",
                                      in: redirects) == nil)
        #expect(URLRewriting.redirect(of: "https://links.jianshu.com/go?to=https%3A%2F%2Fa.com", in: redirects)?
            .target == "https://a.com")
        #expect(URLRewriting.redirect(of: "https://link.zhihu.com/", in: redirects) == nil)
    }

    // MARK: Affiliate destinations

    @Test(arguments: [
        ("https://c.duomai.com/track.php?site_id=242986&euid=&t=https://www.microsoftstore.com.cn/",
         "https://www.microsoftstore.com.cn/"),
        ("https://c.duomai.com/track.php?site_id=242986&t=https%3A%2F%2Flist.jd.com%2Flist.html%3Fcat%3D737%2C738",
         "https://list.jd.com/list.html?cat=737,738"),
        ("https://apple.pvxt.net/c/1251234/435400/7639?u=https%3A%2F%2Fwww.apple.com%2Fcn%2Fmac%2F",
         "https://www.apple.com/cn/mac/"),
        ("http://www.anrdoezrs.net/links/9019719/type/dlg/sid//https://www.dell.com/zh-cn/shop/deals",
         "https://www.dell.com/zh-cn/shop/deals"),
    ])
    func recoversAffiliateDestinations(_ url: String, _ expected: String) {
        #expect(URLRewriting.affiliateDestination(of: url) == expected)
    }

    @Test func shortAffiliateCodesHaveNoDestination() {
        #expect(URLRewriting.affiliateDestination(of: "https://microsoft.pvxt.net/x9Vg1") == nil)
    }

    // MARK: Tracking parameters

    @Test func removesOnlyTheListedParametersInOrder() throws {
        let patterns = ["utm_*", "from=pc", "id_token"]
        let cleaned = try #require(URLRewriting.removingParameters(
            from: "https://a.com/p?x=1&utm_source=rss&y=&from=pc&z=3#sec", matching: patterns))
        #expect(cleaned.url == "https://a.com/p?x=1&y=&z=3#sec")
        #expect(cleaned.removed.map(\.name) == ["utm_source", "from"])
        #expect(URLRewriting.removingParameters(from: "https://a.com/?from=mobile#utm_x", matching: patterns) == nil)
        let token = try #require(URLRewriting.removingParameters(
            from: "https://medium.com/@a/b#id_token=eyJ.x.y&state=1", matching: patterns))
        #expect(token.url == "https://medium.com/@a/b#state=1")
        #expect(token.removed.allSatisfy(URLRewriting.isCredential))
        let wechat = "http://mp.weixin.qq.com/s?__biz=MzI0&mid=22&idx=3&sn=ac31#wechat_redirect"
        #expect(URLRewriting.removingParameters(from: wechat, matching: ["wechat_redirect"])?.url
            == "http://mp.weixin.qq.com/s?__biz=MzI0&mid=22&idx=3&sn=ac31")
        #expect(URLRewriting.removingParameters(from: "https://a.com/#wechat_redirect_x",
                                                matching: ["wechat_redirect"]) == nil)
    }

    @Test func leakedTokenIsReportedAsAnError() throws {
        let text = #"<p><a href="https://medium.com/@a/report#id_token=eyJhbGciOiJSUzI1NiJ9.e30.sig">报告</a></p>"#
        let findings = try ExampleRunner.findings(of: TrackingParameterRule(), in: RuleExample(text))
        let message = try #require(findings.first?.message)
        #expect(message.hasPrefix("the URL leaks a credential (id_token=eyJhbGci…)"))
        #expect(!message.contains("e30.sig"), "the message must not repeat the whole token")
    }

    // MARK: Markdown constructs

    @Test func rewritesEveryKindOfMarkdownLink() throws {
        let text = """
            正文见 [![封面](https://cdn.example.com/a.png)](https://link.zhihu.com/?target=https%3A//a.example.com/p)，\
            <https://link.zhihu.com/?target=https%3A//b.example.com/> 和 [参考][1]。

            [1]: https://links.jianshu.com/go?to=https%3A%2F%2Fc.example.com%2F%E7%BE%8E

            `[x](https://link.zhihu.com/?target=https%3A//code.example.com)`

            """
        let findings = try ExampleRunner.findings(of: RedirectLinkRule(), in: RuleExample(text))
        #expect(findings.map(\.location) == [Location(line: 1, column: 5), Location(line: 1, column: 102),
                                             Location(line: 3, column: 1)])
        let fixed = try ExampleRunner.corrected(by: RedirectLinkRule(), RuleExample(text), unsafe: false)
        #expect(fixed.contains("[![封面](https://cdn.example.com/a.png)](https://a.example.com/p)"))
        #expect(fixed.contains("<https://b.example.com/>"))
        #expect(fixed.contains("[1]: https://c.example.com/美".replacingOccurrences(of: "美", with: "%E7%BE%8E")))
        #expect(fixed.contains("`[x](https://link.zhihu.com/?target=https%3A//code.example.com)`"))
    }

    @Test func markdownDestinationsAreWrittenTheWayRenderersReadThem() {
        #expect(MarkdownURLs.destination("https://a.com/a b") == "https://a.com/a%20b")
        #expect(MarkdownURLs.destination("https://a.com/美") == "https://a.com/%E7%BE%8E")
        #expect(MarkdownURLs.destination("https://a.com/?a=1&amp;b") == "https://a.com/?a=1&amp;amp;b")
        #expect(MarkdownURLs.destination("https://a.com/x)") == "https://a.com/x\\)")
        #expect(MarkdownURLs.destination("https://a.com/(x)") == "https://a.com/(x)")
    }

    @Test func unlinksInlineAnchorsInMarkdown() throws {
        let text = "升级 <a data-link=\"1\" href=\"https://microsoft.pvxt.net/x9Vg1\">Windows</a> 11。\n"
        let fixed = try ExampleRunner.corrected(by: AffiliateLinkRule(), RuleExample(text), unsafe: true)
        #expect(fixed == "升级 Windows 11。\n")
        let safe = try ExampleRunner.corrected(by: AffiliateLinkRule(), RuleExample(text), unsafe: false)
        #expect(safe == text, "the affiliate fix is unsafe")
    }

    // MARK: Whole posts

    @Test func embedsBecomeLinksAndNothingElseIsLost() throws {
        let post = """
            ---
            title: '视频'
            ---
            <div>
            <p>官方预告：</p>
            <embed src="https://static.example.com/flash/player.swf?vid=1" type="application/x-shockwave-flash">
            <p>预告片之后的这一段不能丢。</p>
            <p><iframe src="https://player.youku.com/embed/XNTE5Nzc4MjM2MA" allowfullscreen></iframe></p>
            <p><a href="javascript:void(0)" onclick="more()">展开全文</a></p>
            </div>
            """
        let found = try PostFixing.check(post, path: "post.md").filter { $0.ruleID == "unsafe-html" }
        #expect(found.map(\.location) == [Location(line: 6, column: 1), Location(line: 9, column: 4),
                                          Location(line: 9, column: 4)],
                "what libxml2 nests inside <embed> is checked too: \(found.map(\.message))")
        let result = try PostFixing.fix(post, path: "post.md")
        #expect(!result.remaining.contains { $0.ruleID == ContentLoss.id }, "\(result.remaining.map(\.message))")
        #expect(result.output.contains("预告片之后的这一段不能丢。"))
        #expect(result.output.contains("https://static.example.com/flash/player.swf?vid=1"))
        #expect(!result.output.contains("<embed"))
        #expect(result.output.contains("<iframe src=\"https://player.youku.com/embed/XNTE5Nzc4MjM2MA\""))
        #expect(result.output.contains("展开全文"))
        #expect(!result.output.contains("javascript:"))
        #expect(!result.output.contains("onclick"))
        let again = try PostFixing.fix(result.output, path: "post.md")
        #expect(again.output == result.output)
        #expect(try PostFixing.check(result.output, path: "post.md").filter(\.isFixable).isEmpty)
    }

    @Test func anObjectWithItsFlashFallbackBecomesOneLink() throws {
        let text = #"<p>视频：<object data="https://static.example.com/v.swf"><param name="movie" value="https://static.example.com/v.swf"><embed src="https://static.example.com/v.swf">旧版浏览器请下载。</object></p>"#
        let findings = try ExampleRunner.findings(of: UnsafeHTMLRule(), in: RuleExample(text))
        #expect(findings.count == 1)
        let fixed = try ExampleRunner.corrected(by: UnsafeHTMLRule(), RuleExample(text), unsafe: false)
        #expect(fixed.trimmingCharacters(in: .whitespacesAndNewlines)
            == #"<p>视频：<a href="https://static.example.com/v.swf">https://static.example.com/v.swf</a>旧版浏览器请下载。</p>"#)
    }

    @Test func linkAndImageFixesConvergeThroughEveryRule() throws {
        let post = """
            ---
            title: '链接'
            headimg: 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/07/a.png'
            thumbnail: 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/07/a.png'
            ---
            <div>
            <p>原文：<a href="https://link.zhihu.com/?target=https%3A//developer.aliyun.com/article/1%3Futm_content%3Dg_1" rel="nofollow">原文链接</a></p>
            <p><img src="https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/07/a.png" alt></p>
            <p><img data-original-src="//upload-images.jianshu.io/upload_images/b.png"></p>
            <p><a href="//www.bilibili.com/video/BV1">//www.bilibili.com/video/BV1</a></p>
            </div>
            """
        let result = try PostFixing.fix(post, path: "post.md")
        #expect(!result.remaining.contains { $0.ruleID == ContentLoss.id }, "\(result.remaining.map(\.message))")
        #expect(result.output.contains("(https://developer.aliyun.com/article/1)"))
        #expect(result.output.contains("headimg: 'http://image.woshipm.com/wp-files/2021/07/a.png'"))
        #expect(!result.output.contains("cors.zfour"))
        #expect(result.output.contains("https://upload-images.jianshu.io/upload_images/b.png"))
        #expect(result.output.contains("https://www.bilibili.com/video/BV1"))
        #expect(!result.output.contains("](//"))
        let again = try PostFixing.fix(result.output, path: "post.md")
        #expect(again.output == result.output)
        #expect(try PostFixing.check(result.output, path: "post.md").isEmpty)
    }
}

@Suite struct QueryItemSplitTests {
    /// An ASCII query is cut at its `&` bytes; the items must be those cutting at `&` characters gives, for
    /// queries with empty items, `\r\n` and every other ASCII character, and for non-ASCII queries (cut by
    /// characters, where `&` followed by a combining mark is no separator).
    @Test func cuttingBytesAgreesWithCuttingCharacters() {
        let pieces = ["&", "&&", "a", "utm_source=x", "=", "%26", "\r\n", "\r", "\n", "#", "?", " ", "é", "&\u{301}", "中"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let query = pieces.randomText(count: 0...10, using: &generator)
            let expected = query.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
            #expect(URLRewriting.items(of: query).map(\.raw) == expected, "\(query.debugDescription)")
        }
    }
}
