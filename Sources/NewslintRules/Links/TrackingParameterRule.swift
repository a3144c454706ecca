import NewslintCore
import NewslintDOM

/// Tracking parameters (`utm_*`, `from=pc` …) and leaked credentials (`#id_token=…`) in link and image addresses.
///
/// Check: reports each `<a href>` and `<img src>` (in HTML bodies also URLs in text that the Markdown writer turns
/// into autolinks, see `TextAutolinks`; in Markdown bodies: every link, image, autolink, definition and inline tag
/// address; in the front matter: `headimg` and `thumbnail`) whose query or `#k=v` fragment carries a parameter
/// listed in `links.tracking_parameters`. A leaked token is named as a security error in the message.
/// Fix (safe): removes those parameters, keeping the others and their order.
struct TrackingParameterRule: Rule {
    let description = RuleDescription(
        id: "tracking-parameter",
        summary: "Tracking parameters (utm_*, from=pc …) and leaked tokens (#id_token=…) in addresses",
        rationale: """
            Links copied from a browser or a newsletter carry campaign parameters \
            (`?utm_source=hootsuite&utm_medium=…`, 阿里云's `utm_content=g_1000254188`, 头条's `?from=pc`) that \
            report every reader's click to the source's analytics and make one page look like many. Worse, a \
            link copied after signing in can carry the session itself: `…#id_token=eyJhbGciOiJSUzI1NiIs…` gives \
            anyone who reads the post the author's identity token. That is an error, not a style issue: the fix \
            removes it, and the token must also be revoked. The fix keeps every other parameter in its order. \
            Parameters are listed in `links.tracking_parameters` (`utm_*` is a prefix, `from=pc` one value). \
            A bare address in the text counts too: the Markdown writer turns it into a link.
            """,
        kind: .content,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<p>论文见↓<a href="https://ai.example.com/research/?utm_source=hootsuite&utm_medium=social&ref=36kr">Facebook AI 博客</a>。</p>"#),
            RuleExample(#"<p>来源：↓<a href="https://medium.com/@example/audit-report-1a2b3c#id_token=eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.e30.sig">审计报告</a></p>"#),
            RuleExample(#"<p>↓<img src="https://p3-tt.byteimg.com/origin/pgc-image/example.jpeg?from=pc" alt></p>"#),
            RuleExample("---\nheadimg: ↓'https://p3-tt.byteimg.com/origin/pgc-image/example.jpeg?from=pc'\n---\n<div><p>正文</p></div>\n"),
            RuleExample("**↓[原文链接](https://developer.aliyun.com/article/782390?utm_content=g_1000254188)**\n"),
            RuleExample(#"<p>上一篇：↓<a href="http://mp.weixin.qq.com/s?__biz=MzI0MDQ4MTM5NQ==&mid=2247510011&idx=3&sn=example#wechat_redirect">每天学一个 Linux 命令（66）</a></p>"#),
        ],
        nonTriggering: [
            RuleExample(#"<p><a href="https://example.com/search?q=utm&page=2#results">搜索</a></p>"#),
            RuleExample(#"<p><a href="https://example.com/?from=mobile">移动版</a></p>"#),
            RuleExample("命令：`curl 'https://api.example.com/?access_token=$TOKEN'`\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<p><a href="https://ai.example.com/research/?utm_source=hootsuite&utm_medium=social&ref=36kr&utm_campaign=x">博客</a></p>"#),
                #"<p><a href="https://ai.example.com/research/?ref=36kr">博客</a></p>"#),
            RuleCorrection(
                RuleExample(#"<p><a href="https://medium.com/@example/audit-report-1a2b3c#id_token=eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.e30.sig">审计报告</a></p>"#),
                #"<p><a href="https://medium.com/@example/audit-report-1a2b3c">审计报告</a></p>"#),
            RuleCorrection(
                RuleExample("---\nheadimg: 'https://p3-tt.byteimg.com/origin/pgc-image/example.jpeg?from=pc'\n---\n<div><p>正文</p></div>\n"),
                "---\nheadimg: 'https://p3-tt.byteimg.com/origin/pgc-image/example.jpeg'\n---\n\n<div><p>正文</p></div>\n"),
            RuleCorrection(
                RuleExample("**[原文链接](https://developer.aliyun.com/article/782390?utm_content=g_1000254188)** 和 <https://example.com/a?x=1&utm_source=rss>\n"),
                "**[原文链接](https://developer.aliyun.com/article/782390)** 和 <https://example.com/a?x=1>\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let patterns = context.profile.trackingParameters
        guard !patterns.isEmpty else { return [] }
        let prefilter = ProfileDerived.value("tracking-prefilter", of: context.profile) {
            TrackingParameterPrefilter(patterns)
        }
        var violations = frontMatterViolations(context, patterns: patterns, prefilter: prefilter)
        if context.body != nil {
            violations += BodyAddress.all(context, images: true).compactMap { address in
                guard prefilter.mayRemove(from: address.url),
                      let cleaned = URLRewriting.removingParameters(from: address.url, matching: patterns) else {
                    return nil
                }
                return Violation(at: address.location(in: context), TrackingParameterRule.message(cleaned.removed),
                                 severity: TrackingParameterRule.severity(cleaned.removed),
                                 fix: Fix(TrackingParameterRule.fixTitle(cleaned.removed), removing: [address.node]) {
                                     address.replace(with: cleaned.url)
                                 })
            }
        } else if let markdown = context.markdown {
            violations += MarkdownURLs.all(context).compactMap { url -> Violation? in
                guard prefilter.mayRemove(from: url.url),
                      let cleaned = URLRewriting.removingParameters(from: url.url, matching: patterns) else {
                    return nil
                }
                return Violation(at: context.location(ofMarkdownOffset: url.range.lowerBound),
                                 TrackingParameterRule.message(cleaned.removed),
                                 severity: TrackingParameterRule.severity(cleaned.removed),
                                 fix: Fix(TrackingParameterRule.fixTitle(cleaned.removed)) {
                                     markdown.replace(url.urlRange, with: url.written(cleaned.url))
                                 })
            }
        }
        return violations
    }
}

private extension TrackingParameterRule {
    func frontMatterViolations(_ context: RuleContext, patterns: [String],
                               prefilter: TrackingParameterPrefilter) -> [Violation] {
        guard let frontMatter = context.frontMatter else { return [] }
        return FrontMatter.imageKeys.compactMap { key -> Violation? in
            guard let value = frontMatter.string(key), prefilter.mayRemove(from: value),
                  let cleaned = URLRewriting.removingParameters(from: value, matching: patterns) else { return nil }
            let message = "\(key): " + TrackingParameterRule.message(cleaned.removed)
            return Violation(at: context.location(ofKey: key), message,
                             severity: TrackingParameterRule.severity(cleaned.removed),
                             fix: Fix(TrackingParameterRule.fixTitle(cleaned.removed)) {
                                 context.editFrontMatter { $0.setString(key, to: cleaned.url) }
                             })
        }
    }

    static func message(_ removed: [URLRewriting.QueryItem]) -> String {
        let credentials = removed.filter(URLRewriting.isCredential)
        let tracking = removed.filter { !URLRewriting.isCredential($0) }
        var parts: [String] = []
        if !credentials.isEmpty {
            let shown = credentials.map { item in
                item.name + "=" + String((item.rawValue ?? "").prefix(8)) + "…"
            }
            parts.append("the URL leaks a credential (\(shown.joined(separator: ", "))); "
                + "anyone who reads the post can use it, so remove it and revoke the token")
        }
        if !tracking.isEmpty {
            let names = tracking.map { TextClasses.snippet($0.raw, limit: 30) }
            parts.append("URL carries tracking parameter\(names.count == 1 ? "" : "s") "
                + names.joined(separator: ", "))
        }
        return parts.joined(separator: "; also ")
    }

    /// A leaked credential is an error whatever the rule's level: anyone reading the post can use it.
    static func severity(_ removed: [URLRewriting.QueryItem]) -> Severity? {
        removed.contains(where: URLRewriting.isCredential) ? .error : nil
    }

    static func fixTitle(_ removed: [URLRewriting.QueryItem]) -> String {
        removed.contains(where: URLRewriting.isCredential) ? "remove the leaked token from the URL"
            : "remove the tracking parameter\(removed.count == 1 ? "" : "s")"
    }
}
