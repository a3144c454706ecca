import NewslintCore
import NewslintDOM

/// Links wrapped in a site's outbound redirect: oschina's `GoToLink?url=`, `links.jianshu.com/go?to=`,
/// `link.zhihu.com/?target=`.
///
/// Check: reports `<a href>` (in Markdown bodies: links, autolinks, reference definitions and inline `<a href>`)
/// whose address is a wrapper listed in `links.redirects`; in HTML bodies also URLs in text that the Markdown
/// writer turns into autolinks (see `TextAutolinks`).
/// Fix (safe): points the link at the target, decoded (double encoding and the `http://https//` double scheme
/// repaired). A wrapper whose target is not a web address is reported without a fix.
struct RedirectLinkRule: Rule {
    let description = RuleDescription(
        id: "redirect-link",
        summary: "Links wrapped in a site's redirect (GoToLink?url=, links.jianshu.com/go?to=, link.zhihu.com …)",
        rationale: """
            Source sites send outbound links through their own redirect page, which warns "you are leaving" \
            or counts the click: `https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fgithub.com%2F…`. \
            Republished, the link depends on the source site staying up, hides where it goes, and carries the \
            wrapper's encoding mistakes (`http%3A%2F%2Fhttps%2F%2F…`, 知乎's double-encoded `%25E7…`). The \
            target is in the URL, so the fix links to it directly. The wrappers are listed in \
            `links.redirects` of `rules/defaults.yml` and the site profiles. A bare address in the text counts \
            too: the Markdown writer turns it into a link.
            """,
        kind: .content,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<p>项目地址：↓<a href="https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fgitee.com%2Fexample%2Fdemo" target="_blank">gitee.com/example/demo</a></p>"#),
            RuleExample(#"<p>详见↓<a href="https://www.oschina.net/action/GoToLink?url=http%3A%2F%2Fhttps%2F%2Fwww.yuque.com%2Fexample%2Fdocs" target="_blank">使用文档</a>。</p>"#),
            RuleExample(#"<p>换用↓<a href="https://links.jianshu.com/go?to=https%3A%2F%2Fmirrors.example.edu.cn%2Fpypi%2F" target="_blank">国内镜像</a>即可。</p>"#),
            RuleExample("""
                ---
                title: '参考资料'
                ---
                <div>
                <ol><li>↓<a href="http://link.zhihu.com/?target=https%3A//zh.wikipedia.org/wiki/%25E7%25BE%258E" class=" wrap external" rel="nofollow noreferrer">维基百科</a></li></ol>
                </div>
                """),
            RuleExample("参考 ↓[Kilo](https://link.zhihu.com/?target=http%3A//antirez.com/news/108) 的实现。\n"),
        ],
        nonTriggering: [
            RuleExample(#"<p><a href="https://gitee.com/example/demo">gitee.com/example/demo</a></p>"#),
            RuleExample(#"<p><a href="https://www.oschina.net/news/150000/typescript-4-4">资讯原文</a></p>"#),
            RuleExample("示例：`[x](https://link.zhihu.com/?target=https%3A//a.example.com)`\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<p>项目地址：<a href="https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fgitee.com%2Fexample%2Fdemo" target="_blank">gitee.com/example/demo</a></p>"#),
                #"<p>项目地址：<a href="https://gitee.com/example/demo" target="_blank">gitee.com/example/demo</a></p>"#),
            RuleCorrection(
                RuleExample(#"<p>详见<a href="https://www.oschina.net/action/GoToLink?url=http%3A%2F%2Fhttps%2F%2Fwww.yuque.com%2Fexample%2Fdocs">使用文档</a>。</p>"#),
                #"<p>详见<a href="https://www.yuque.com/example/docs">使用文档</a>。</p>"#),
            RuleCorrection(
                RuleExample(#"<ul><li><a href="http://link.zhihu.com/?target=https%3A//zh.wikipedia.org/wiki/%25E7%25BE%258E">维基百科</a></li></ul>"#),
                #"<ul><li><a href="https://zh.wikipedia.org/wiki/%E7%BE%8E">维基百科</a></li></ul>"#),
            RuleCorrection(
                RuleExample("参考 [Kilo](https://link.zhihu.com/?target=http%3A//antirez.com/news/108) 的实现。\n"),
                "参考 [Kilo](http://antirez.com/news/108) 的实现。\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let redirects = context.profile.redirects
        guard !redirects.isEmpty else { return [] }
        let hosts = ProfileDerived.value("redirect-hosts", of: context.profile) {
            URLRewriting.redirectHosts(redirects)
        }
        if context.body != nil {
            return BodyAddress.all(context).compactMap { address -> Violation? in
                guard let found = URLRewriting.redirect(of: address.url, in: redirects, hosts: hosts) else {
                    return nil
                }
                let message = RedirectLinkRule.message(found.redirect, target: found.target)
                guard let target = found.target else { return Violation(at: address.location(in: context), message) }
                return Violation(at: address.location(in: context), message,
                                 fix: Fix("link to \(URLRewriting.shown(target, limit: 60)) directly",
                                          removing: [address.node]) { address.replace(with: target) })
            }
        }
        guard let markdown = context.markdown else { return [] }
        return MarkdownURLs.all(context).filter(\.isLink).compactMap { url -> Violation? in
            guard let found = URLRewriting.redirect(of: url.url, in: redirects, hosts: hosts) else { return nil }
            let location = context.location(ofMarkdownOffset: url.range.lowerBound)
            let message = RedirectLinkRule.message(found.redirect, target: found.target)
            guard let target = found.target else { return Violation(at: location, message) }
            return Violation(at: location, message,
                             fix: Fix("link to \(URLRewriting.shown(target, limit: 60)) directly") {
                                 markdown.replace(url.urlRange, with: url.written(target))
                             })
        }
    }
}

private extension RedirectLinkRule {
    static func message(_ redirect: SiteProfileData.Redirect, target: String?) -> String {
        let wrapper = redirect.host + (redirect.path.map { $0 == "/" ? "" : $0 } ?? "")
        guard let target else {
            return "link goes through the redirect \(wrapper), and its \(redirect.parameter)= target "
                + "is not a web address"
        }
        return "link goes through the redirect \(wrapper) instead of linking to \(URLRewriting.shown(target))"
    }
}
