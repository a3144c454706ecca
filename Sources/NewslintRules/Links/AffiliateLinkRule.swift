import NewslintCore
import NewslintDOM

/// Links through tracking or affiliate redirects: cnBeta's duomai, pvxt and Commission Junction links.
///
/// Check: reports `<a href>` (in Markdown bodies: links, autolinks, reference definitions and inline `<a href>`;
/// in HTML bodies also URLs in text that the Markdown writer turns into autolinks, see `TextAutolinks`) whose
/// host is in `links.affiliate_hosts` (subdomains too), with the destination when the URL carries it (`t=`, `u=`,
/// or a URL embedded in the path).
/// Fix (unsafe): links to the destination; when it cannot be recovered (a short code such as
/// `microsoft.pvxt.net/x9Vg1`), removes the link and keeps its text.
struct AffiliateLinkRule: Rule {
    let description = RuleDescription(
        id: "affiliate-link",
        summary: "Links through tracking or affiliate redirects (duomai, pvxt, Commission Junction …)",
        rationale: """
            News sites turn brand names into affiliate links: cnBeta's 微软 goes to \
            `https://c.duomai.com/track.php?site_id=…&t=https://www.microsoftstore.com.cn/`, Windows to \
            `https://microsoft.pvxt.net/x9Vg1`, 戴尔 to \
            `http://www.anrdoezrs.net/links/…/sid//https://www.dell.com/…`. \
            Republished, they earn the source site a commission, track the reader and break when the program \
            ends. The finding names the destination when the URL carries it. The fix is unsafe: it links to \
            the destination when known, and otherwise removes the link and keeps its text, so a link the \
            author meant may go. Hosts are listed in `links.affiliate_hosts`. A bare address in the text \
            counts too: the Markdown writer turns it into a link.
            """,
        kind: .content,
        fixAvailability: .unsafe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<p>此前，↓<a data-link="1" href="https://c.duomai.com/track.php?site_id=242986&euid=&t=https://www.microsoftstore.com.cn/" target="_blank">微软</a>已推送更新。</p>"#),
            RuleExample(#"<p>升级到最新版 ↓<a data-link="1" href="https://microsoft.pvxt.net/x9Vg1" target="_blank">Windows</a> 11 即可。</p>"#),
            RuleExample(#"<p>新款 ↓<a href="https://apple.pvxt.net/c/1251234/435400/7639?u=https%3A%2F%2Fwww.apple.com%2Fcn%2Fmac%2F">MacBook</a> 已上市。</p>"#),
            RuleExample(#"<p>OEM 厂商如↓<a href="http://www.anrdoezrs.net/links/9019719/type/dlg/sid//https://www.dell.com/zh-cn/shop/deals">戴尔</a>也将跟进。</p>"#),
            RuleExample("厂商如 ↓[英特尔](https://c.duomai.com/track.php?site_id=242986&euid=&t=https://intel.jd.com/) 已确认。\n"),
        ],
        nonTriggering: [
            RuleExample(#"<p><a href="https://www.microsoftstore.com.cn/">微软商城</a></p>"#),
            RuleExample(#"<p><a href="https://www.duomai.com/about">多麦</a>是一家联盟营销平台。</p>"#),
            RuleExample("代码：`https://c.duomai.com/track.php?t=https://intel.jd.com/`\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<p>此前，<a href="https://c.duomai.com/track.php?site_id=242986&euid=&t=https://www.microsoftstore.com.cn/" target="_blank">微软</a>已推送更新。</p>"#),
                #"<p>此前，<a href="https://www.microsoftstore.com.cn/" target="_blank">微软</a>已推送更新。</p>"#,
                unsafe: true),
            RuleCorrection(
                RuleExample(#"<p>升级到最新版 <a data-link="1" href="https://microsoft.pvxt.net/x9Vg1" target="_blank">Windows</a> 11 即可。</p>"#),
                "<p>升级到最新版 Windows 11 即可。</p>", unsafe: true),
            RuleCorrection(
                RuleExample(#"<p>如<a href="http://www.anrdoezrs.net/links/9019719/type/dlg/sid//https://www.dell.com/zh-cn/shop/deals">戴尔</a>。</p>"#),
                #"<p>如<a href="https://www.dell.com/zh-cn/shop/deals">戴尔</a>。</p>"#, unsafe: true),
            RuleCorrection(
                RuleExample("厂商如 [英特尔](https://c.duomai.com/track.php?site_id=242986&euid=&t=https://intel.jd.com/) 和 [Windows](https://microsoft.pvxt.net/x9Vg1) 已确认。\n"),
                "厂商如 [英特尔](https://intel.jd.com/) 和 Windows 已确认。\n", unsafe: true),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard !context.profile.affiliateHosts.isEmpty else { return [] }
        let hosts = context.profile.affiliateHosts
        if context.body != nil {
            return BodyAddress.all(context).compactMap { address -> Violation? in
                guard let host = AffiliateLinkRule.affiliateHost(of: address.url, hosts: hosts) else { return nil }
                let destination = URLRewriting.affiliateDestination(of: address.url)
                let location = address.location(in: context)
                let message = AffiliateLinkRule.message(host: host, destination: destination)
                if let destination {
                    return Violation(at: location, message,
                                     fix: Fix("link to \(URLRewriting.shown(destination, limit: 60)) directly",
                                              applicability: .unsafe, removing: [address.node]) {
                                         address.replace(with: destination)
                                     })
                }
                // A bare URL is all its own text: without a destination there is nothing to keep.
                guard !address.isAutolink else { return Violation(at: location, message) }
                return Violation(at: location, message,
                                 fix: Fix("remove the link, keeping its text", applicability: .unsafe,
                                          removing: [address.node]) { address.node.unwrap() })
            }
        }
        guard let markdown = context.markdown else { return [] }
        return MarkdownURLs.all(context).filter(\.isLink).compactMap { url -> Violation? in
            guard let host = AffiliateLinkRule.affiliateHost(of: url.url, hosts: hosts) else { return nil }
            let destination = URLRewriting.affiliateDestination(of: url.url)
            let location = context.location(ofMarkdownOffset: url.range.lowerBound)
            let message = AffiliateLinkRule.message(host: host, destination: destination)
            if let destination {
                return Violation(at: location, message,
                                 fix: Fix("link to \(URLRewriting.shown(destination, limit: 60)) directly",
                                          applicability: .unsafe) {
                                     markdown.replace(url.urlRange, with: url.written(destination))
                                 })
            }
            let edits = MarkdownURLs.unlinking(url, in: markdown)
            guard !edits.isEmpty else { return Violation(at: location, message) }
            return Violation(at: location, message,
                             fix: Fix("remove the link, keeping its text", applicability: .unsafe) {
                                 for edit in edits { markdown.replace(edit.range, with: edit.replacement) }
                             })
        }
    }
}

private extension AffiliateLinkRule {
    static func affiliateHost(of url: String, hosts: [String]) -> String? {
        guard let host = URLParts.host(of: url), SiteProfile.host(host, isIn: hosts) else { return nil }
        return host
    }

    static func message(host: String, destination: String?) -> String {
        guard let destination else {
            return "affiliate link through \(host); its destination is not in the URL"
        }
        return "affiliate link through \(host) to \(URLRewriting.shown(destination))"
    }
}
