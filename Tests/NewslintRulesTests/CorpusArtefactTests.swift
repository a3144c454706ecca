import Foundation
import NewslintCore
import NewslintDOM
import NewslintRules
import Testing

/// The artefacts `MANIFEST.tsv` flags on each corpus post are found by `check` and gone after
/// `fix --unsafe-fixes`. Runs when `../shared/corpus` (or `NEWSLINT_CORPUS`) is beside the checkout.
///
/// Each manifest column is an artefact class with the rules that cover it, what counts as *detected* in the post
/// as read, and what counts as a *survivor* in the fixed file (see `ArtefactClass.all`). Detection is judged
/// against the post's own evidence (its comments, widgets, credit lines …, found with the matched site profile),
/// not only "some finding of the rule exists". `detectionTable` prints posts / detected / fixed per class.
@Suite(.serialized) struct CorpusArtefactTests {
    static let corpusPresent = Repository.corpusDirectory != nil && Manifest.url.map {
        FileManager.default.fileExists(atPath: $0.path)
    } == true

    @Test(.enabled(if: corpusPresent, "../shared/corpus is not beside this checkout; the artefact suite is skipped"))
    func manifestDescribesTheCorpus() {
        let listed = Set(Manifest.entries.map(\.name))
        let files = Set(Repository.corpusPosts.map(\.lastPathComponent))
        #expect(listed == files, "posts without a manifest row: \(files.subtracting(listed).sorted()); rows without a post: \(listed.subtracting(files).sorted())")
        let known = Set(ArtefactClass.all.map(\.column))
        let unknown = Manifest.columns.filter { !known.contains($0) }
        #expect(unknown.isEmpty, "manifest columns no artefact class covers: \(unknown)")
    }

    @Test(.enabled(if: corpusPresent, "no corpus"), arguments: Manifest.entries)
    func postIsMatchedToItsSite(_ entry: ManifestEntry) throws {
        let expected = try #require(SiteExpectation.siteID(forSource: entry.baseSource),
                                    "no expected profile for source '\(entry.source)'")
        let result = CorpusRun.result(for: entry)
        #expect(result.siteID == expected, "\(entry.name) (\(entry.source)) matched '\(result.siteID)', expected '\(expected)'")
        // Without the author, the categories still name the site.
        #expect(result.siteIDWithoutAuthor == expected,
                "\(entry.name) without its author matched '\(result.siteIDWithoutAuthor)', expected '\(expected)'")
    }

    @Test(.enabled(if: corpusPresent, "no corpus"), arguments: ArtefactClass.all)
    func everyFlaggedArtefactIsFound(_ artefact: ArtefactClass) {
        let missed = CorpusRun.results.filter { $0.entry.flags.contains(artefact.column) }.compactMap { result in
            artefact.detection(result).missed.map { "\(result.entry.name) (\(result.entry.source)): \($0)" }
        }
        #expect(missed.isEmpty, """
            \(artefact.column) [\(artefact.rules.joined(separator: ", "))] not detected in \(missed.count) post(s):
            \(missed.joined(separator: "\n"))
            """)
    }

    @Test(.enabled(if: corpusPresent, "no corpus"), arguments: ArtefactClass.all)
    func nothingIsLeftAfterFix(_ artefact: ArtefactClass) {
        let survivors = CorpusRun.results.filter { $0.entry.flags.contains(artefact.column) }.compactMap { result in
            let left = artefact.survivors(result)
            return left.isEmpty ? nil : "\(result.entry.name) (\(result.entry.source)): \(left.prefix(3).joined(separator: "; "))"
        }
        #expect(survivors.isEmpty, """
            \(artefact.column) survives fix --unsafe-fixes in \(survivors.count) post(s):
            \(survivors.joined(separator: "\n"))
            """)
    }

    /// Prints, per artefact class, how many posts carry it, in how many it is detected and in how many it is fixed.
    @Test(.enabled(if: corpusPresent, "no corpus"))
    func detectionTable() {
        var lines = ["| artefact | rules | posts | detected | fixed |", "|---|---|---|---|---|"]
        for artefact in ArtefactClass.all {
            let carrying = CorpusRun.results.filter { $0.entry.flags.contains(artefact.column) }
            let detected = carrying.filter { artefact.detection($0).missed == nil }.count
            let fixed = carrying.filter { artefact.survivors($0).isEmpty }.count
            lines.append("| \(artefact.column) | \(artefact.rules.joined(separator: ", ")) | \(carrying.count) | \(detected) | \(fixed) |")
        }
        let sites = Dictionary(grouping: CorpusRun.results, by: \.siteID).map { "\($0.key)×\($0.value.count)" }.sorted()
        lines.append("")
        lines.append("posts per matched profile: \(sites.joined(separator: ", "))")
        let needless = CorpusRun.results.filter { !ArtefactClass.needlessReferrerPolicies(in: $0).isEmpty }
        lines.append("")
        lines.append("posts whose fixed images keep referrerpolicy on hosts that are not hotlink-protected: \(needless.count)")
        let registered = Set(builtInRules.map(\.id))
        let pending = Set(ArtefactClass.all.flatMap(\.rules)).subtracting(registered).sorted()
        print(lines.joined(separator: "\n"))
        if !pending.isEmpty { print("rules not registered yet: \(pending.joined(separator: ", "))") }
    }
}

/// The profile each manifest source must be matched to.
enum SiteExpectation {
    static let ids: [String: String] = [
        "新浪财经": "sina-finance", "cnBeta": "cnbeta", "技术头条": "blogread", "金色财经": "jinse",
        "开源中国": "oschina", "3DMGame": "3dmgame", "知乎": "zhihu", "Dockone": "dockone",
        "GameRes 游资网": "gameres", "segmentfault": "segmentfault", "人人都是产品经理": "woshipm", "简书": "jianshu",
        "掘金": "juejin", "少数派 sspai": "sspai", "InfoQ 中文": "infoq", "36kr": "36kr", "Telegram": "telegram",
        "美团技术团队": "meituan", "游戏时光": "vgtime", "LaTeX 开源小屋": "latexstudio",
        "阿里云系统组技术博客": "alibaba-kernel", "Hexo": "hexo-yilia",
    ]

    static func siteID(forSource source: String) -> String? { ids[source] }
}

// MARK: - Running the corpus once

/// What a post looked like before the fix, and what `check` and `fix --unsafe-fixes` made of it.
struct CorpusResult: Sendable {
    let entry: ManifestEntry
    var readError: String?
    var siteID = "defaults"
    var siteIDWithoutAuthor = "defaults"
    var profile: SiteProfile?
    /// Findings of `check` on the post as read.
    var findings: [Finding] = []
    /// The file after `fix --unsafe-fixes` (the original when the fix refused or failed).
    var output = ""
    var fixError: String?
    /// Findings of `check` on the fixed file.
    var remaining: [Finding] = []
    var evidence = Evidence()

    func findings(of rules: [String]) -> [Finding] { findings.filter { rules.contains($0.ruleID) } }
    func remaining(of rules: [String]) -> [Finding] { remaining.filter { rules.contains($0.ruleID) } }

    /// The fixed file's body and front matter.
    var fixedPost: Post? { try? PostReader.read(text: output, path: entry.name) }

    /// The fixed body without code (fenced blocks, `{% raw %}` regions and code spans), where leftovers show.
    var fixedProse: String { MarkdownProse.withoutCode(fixedPost?.body ?? output) }
}

/// Facts read from the post's DOM with its site profile, before any fix.
struct Evidence: Sendable {
    /// HTML comments outside code that the profile does not keep.
    var comments: [String] = []
    /// `<style>` and `<script>` elements.
    var styleElements = 0
    /// Whether a brace entity is shown literally (raw-text element or double escape) or sits in the title.
    var visibleBraceEntities = false
    var braceEntities = false
    /// Promo widgets and navigation blocks: label, text chunks, link targets and image sources.
    var widgets: [Widget] = []
    /// Paragraph texts the profile recognises as editor or credit lines.
    var creditLines: [String] = []
    /// `<img>` sources.
    var images: [String] = []
    /// Link targets of WeChat's `#wechat_redirect` form or with a `redirect=` parameter.
    var redirectLinks: [String] = []
    /// `<pre>` blocks, and `<code>` outside `<pre>`.
    var codeBlocks = 0
    var codeSpans = 0
    var indentedParagraphs = 0

    struct Widget: Sendable {
        let label: String
        let texts: [String]
        let links: [String]
        let images: [String]
    }
}

enum CorpusRun {
    static let catalog = ExampleRunner.catalog
    static let linter = Linter(rules: builtInRules, catalog: catalog)

    static let results: [CorpusResult] = Manifest.entries.map(run)

    static func result(for entry: ManifestEntry) -> CorpusResult {
        results.first { $0.entry.file == entry.file } ?? run(entry)
    }

    static func run(_ entry: ManifestEntry) -> CorpusResult {
        var result = CorpusResult(entry: entry)
        guard let url = Manifest.postURL(of: entry), let text = try? String(contentsOf: url, encoding: .utf8) else {
            result.readError = "cannot read \(entry.file)"
            return result
        }
        result.output = text
        let post: Post
        do {
            post = try PostReader.read(text: text, path: entry.name)
        } catch {
            result.readError = "\(error)"
            // Match the site anyway, from a copy without the unreadable title.
            if let repaired = try? PostReader.read(text: Self.withoutTitle(text), path: entry.name) {
                result.siteID = siteID(of: repaired).id
                result.siteIDWithoutAuthor = siteID(of: repaired, dropAuthor: true).id
            }
            return result
        }
        let (siteID, profile, document) = siteID(of: post)
        result.siteID = siteID
        result.siteIDWithoutAuthor = self.siteID(of: post, dropAuthor: true).id
        result.profile = profile
        if let document { result.evidence = EvidenceReader.read(document, post: post, profile: profile) }
        do {
            result.findings = try linter.check(post)
            let fixed = try linter.fix(post, original: text, unsafe: true)
            result.output = fixed.output
            result.remaining = fixed.remaining
        } catch {
            result.fixError = "\(error)"
        }
        return result
    }

    /// The profile `Linter` would pick: author, categories, then link and image hosts.
    static func siteID(of post: Post, dropAuthor: Bool = false) -> (id: String, profile: SiteProfile, document: HTMLDocument?) {
        let document = post.bodyFormat == .html ? try? HTMLBody.parse(post.body) : nil
        var subject = post
        if dropAuthor, let frontMatter = post.frontMatter {
            var edited = frontMatter
            edited.removeKey("author")
            subject.frontMatter = edited
        }
        let profile = catalog.profile(for: subject, hosts: document.map(hosts(in:)) ?? [])
        return (profile.id, profile, document)
    }

    static func hosts(in document: HTMLDocument) -> [String] {
        document.body.descendants.compactMap { node -> String? in
            guard node.isElement else { return nil }
            let url = node.name == "a" ? node.attribute("href") : node.name == "img" ? node.attribute("src") : nil
            return url.flatMap(URLParts.host(of:))
        }
    }

    static func withoutTitle(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("title:") }.joined(separator: "\n")
    }
}

enum EvidenceReader {
    static let codeContainers: TagNames = ["pre", "code", "textarea", "xmp", "kbd", "samp"]
    static let blockElements: TagNames = [
        "p", "div", "section", "article", "blockquote", "ul", "ol", "li", "table", "pre", "h1", "h2", "h3", "h4",
        "h5", "h6", "figure",
    ]

    static func read(_ document: HTMLDocument, post: Post, profile: SiteProfile) -> Evidence {
        var evidence = Evidence()
        let body = document.body
        for node in body.descendants {
            if node.isComment, !node.hasAncestor(named: codeContainers), !profile.keepsComment(node.text) {
                evidence.comments.append(node.text)
            }
            if node.isElement(["style", "script"]) { evidence.styleElements += 1 }
            if node.isText {
                if node.text.contains("&#123;") || node.text.contains("&#125;") { evidence.visibleBraceEntities = true }
            }
            if node.isElement(["img"]), let src = node.attribute("src"), !src.isEmpty { evidence.images.append(src) }
            if node.isElement(["a"]), let href = node.attribute("href"),
               href.range(of: #"#wechat_redirect|/redirect\?|[?&]redirect(_ur[il])?="#,
                          options: [.regularExpression, .caseInsensitive]) != nil {
                evidence.redirectLinks.append(href)
            }
            if node.isElement(["pre"]) { evidence.codeBlocks += 1 }
            if node.isElement(["code"]), !node.hasAncestor(named: ["pre"]) { evidence.codeSpans += 1 }
            if node.isElement(["p"]), node.textContent.first == "\u{3000}",
               node.textContent.contains(where: { !$0.isWhitespace && $0 != "\u{3000}" }) {
                evidence.indentedParagraphs += 1
            }
        }
        let title = post.frontMatter?.string("title") ?? ""
        if title.contains("&#123;") || title.contains("&#125;") { evidence.visibleBraceEntities = true }
        evidence.braceEntities = post.body.contains("&#123;") || post.body.contains("&#125;") || title.contains("&#12")
        evidence.widgets = widgets(in: body, profile: profile)
        let patterns = profile.editorLinePatterns + profile.creditLinePatterns
        evidence.creditLines = body.descendants.filter { node in
            node.isElement(["p", "div", "span", "section", "font", "blockquote", "td"])
                && !node.descendants.contains { $0.isElement(blockElements) }
        }.compactMap { node -> String? in
            let text = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{3000}", "\u{00A0}"]))
            return patterns.contains { $0.matches(text) } ? text : nil
        }
        // Bare text lines in <br>-separated bodies (GameRes, 金色财经) are credit lines too.
        for node in body.descendants where node.isText && !node.hasAncestor(named: codeContainers) {
            let text = node.text.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{3000}", "\u{00A0}"]))
            if !text.isEmpty, patterns.contains(where: { $0.matches(text) }), !evidence.creditLines.contains(text) {
                evidence.creditLines.append(text)
            }
        }
        return evidence
    }

    /// Outermost promo widgets and navigation blocks, by the profile's selectors and headings.
    static func widgets(in body: Node, profile: SiteProfile) -> [Evidence.Widget] {
        var found: [(node: Node, label: String)] = []
        for node in body.descendants where node.isElement {
            guard !found.contains(where: { node.isInside($0.node) }) else { continue }
            if let promo = profile.promoBlocks.first(where: { $0.selector.matches(node) }) {
                found.append((node, promo.label))
            } else if let block = profile.relatedBlocks.first(where: { block in
                if let selector = block.selector { return selector.matches(node) }
                guard node.isElement(["p"]) else { return false }
                let text = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
                return block.headings.contains { text.hasPrefix($0) }
            }) {
                found.append((node, block.label))
            }
        }
        return found.map { widget in
            let texts = ([widget.node] + Array(widget.node.descendants)).filter(\.isText).map(\.text)
                .map(SentenceCheck.normalise).filter { $0.count >= 4 }
            let links = widget.node.descendants.filter { $0.isElement(["a"]) }.compactMap { $0.attribute("href") }
            let images = widget.node.descendants.filter { $0.isElement(["img"]) }.compactMap { $0.attribute("src") }
            return Evidence.Widget(label: widget.label, texts: texts, links: links, images: images)
        }
    }
}

// MARK: - Artefact classes

/// Whether an artefact was detected, and if not, why.
struct Detection {
    var missed: String?
    static let found = Detection(missed: nil)
    static func missed(_ reason: String) -> Detection { Detection(missed: reason) }
}

/// One manifest column: the rules that cover it, what detection means, and what survives a fix.
struct ArtefactClass: Sendable, CustomTestStringConvertible {
    let column: String
    let rules: [String]
    let detection: @Sendable (CorpusResult) -> Detection
    let survivors: @Sendable (CorpusResult) -> [String]

    var testDescription: String { column }

    static let all: [ArtefactClass] = [
        // Template comments: every comment outside code that the profile does not keep has its own finding.
        comments("ad_comment"),
        comments("html_comment_other"),
        // Every <style>/<script> element has a finding; none is left outside code.
        ArtefactClass(column: "style_block", rules: ["style-block"], detection: { result in
            count(result, of: ["style-block"], expected: result.evidence.styleElements, what: "<style>/<script> element")
        }, survivors: { result in
            matches(of: #"<(style|script)\b[^>]*>"#, in: result.fixedProse)
        }),
        // Entities a reader sees (in <style>/<script>, double-escaped, in the title) are `escaped-braces` findings;
        // entities in ordinary text or code are decoded by the HTML parser, and the `html-body` conversion writes
        // real braces (protected for the publishing target), so there the html-body finding is the detection.
        // Survivors: an `escaped-braces` finding after the fix, `&amp;#123;` in text, or an entity inside code,
        // where Markdown shows it as typed.
        ArtefactClass(column: "escaped_braces", rules: ["escaped-braces", "html-body"], detection: { result in
            if let failure = notRun(result) { return failure }
            if result.evidence.visibleBraceEntities {
                return result.findings(of: ["escaped-braces"]).isEmpty
                    ? .missed("brace entities shown literally, but no escaped-braces finding") : .found
            }
            guard result.evidence.braceEntities else { return .missed("no brace entity in the post") }
            return result.findings(of: ["html-body"]).isEmpty
                ? .missed("brace entities in HTML text, but no html-body finding converts them") : .found
        }, survivors: { result in
            var left = result.remaining(of: ["escaped-braces"]).map { "\($0.location) \($0.message)" }
            left += matches(of: #"&amp;#12[35];"#, in: result.output)
            let code = MarkdownProse.code(of: result.fixedPost?.body ?? "")
            left += matches(of: #"&#12[35];"#, in: code).map { "in code: \($0)" }
            return left
        }),
        widgets("qr_block", rules: ["promo-block"]),
        credits("editor_line"),
        credits("credit_line"),
        // The generator adds referrerpolicy="no-referrer" to every <img>. The body's conversion (`html-body`)
        // carries each image into Markdown; `hotlinked-image` reports an image on a hotlink-protected host
        // without the policy. Survivor: an image in the fixed file that needs the policy and lacks it. (The
        // attribute kept on images of other hosts is counted by `detectionTable`, not failed: it is harmless.)
        ArtefactClass(column: "no_referrer_img", rules: ["html-body", "hotlinked-image"], detection: { result in
            if let failure = notRun(result) { return failure }
            guard !result.evidence.images.isEmpty else { return .missed("no <img> in the body") }
            return result.findings(of: ["html-body"]).isEmpty ? .missed("no html-body finding") : .found
        }, survivors: { result in
            result.remaining(of: ["hotlinked-image"]).map { "\($0.location) \($0.message)" }
        }),
        // Wrapped links: oschina GoToLink, link.zhihu.com, links.jianshu.com, duomai track.php; a WeChat
        // `#wechat_redirect` link in a 推荐阅读 block goes with `related-articles`. Survivors: a link in the fixed
        // file through a wrapper or affiliate host of the profile, or an original redirect link still there.
        ArtefactClass(column: "redirect_link", rules: ["redirect-link", "affiliate-link", "related-articles"],
                      detection: { result in
            any(result, of: ["redirect-link", "affiliate-link", "related-articles"])
        }, survivors: { result in
            wrappedLinks(in: result) + result.evidence.redirectLinks.filter { result.fixedProse.contains($0) }
        }),
        // Images through the dead cors.zfour.workers.dev proxy, in the body or the front matter (code excluded).
        ArtefactClass(column: "proxy_img", rules: ["proxied-image"], detection: { result in
            any(result, of: ["proxied-image"])
        }, survivors: { result in
            let proxies = Set((result.profile?.imageProxies ?? []) + ["https://cors.zfour.workers.dev/?"])
            let frontMatter = result.fixedPost?.frontMatter?.text ?? ""
            return proxies.flatMap { proxy in
                [result.fixedProse, frontMatter].filter { $0.contains(proxy) }.map { _ in "\(proxy)… still used" }
            }
        }),
        // headimg/thumbnail empty, picsum, …/undefined or another placeholder of the profile.
        ArtefactClass(column: "placeholder_thumb", rules: ["placeholder-thumbnail"], detection: { result in
            any(result, of: ["placeholder-thumbnail"])
        }, survivors: { result in
            guard let frontMatter = result.fixedPost?.frontMatter else { return ["fixed file has no front matter"] }
            let patterns = (result.profile?.placeholderThumbnails ?? [])
                + [try! CompiledPattern(#"^https?://picsum\.photos/"#), try! CompiledPattern(#"/undefined$"#)]
            return ["headimg", "thumbnail"].compactMap { key -> String? in
                guard frontMatter.hasKey(key) else { return nil }
                let value = (frontMatter.string(key) ?? "").trimmingCharacters(in: .whitespaces)
                if value.isEmpty { return "\(key) is empty" }
                return patterns.contains { $0.matches(value) } ? "\(key): \(value)" : nil
            }
        }),
        // Content structures, not leftovers: the conversion (`html-body`) must carry them into Markdown.
        // Code blocks become fenced blocks and inline code becomes code spans; no raw <pre> is left.
        structure("code_block", survivors: { result in
            let body = result.fixedPost?.body ?? result.output
            var left = matches(of: #"<pre\b[^>]*>"#, in: result.fixedProse)
            if result.evidence.codeBlocks > 0, !body.contains("```"), !body.contains("~~~") {
                left.append("no fenced code block for \(result.evidence.codeBlocks) <pre>")
            }
            if result.evidence.codeBlocks == 0, result.evidence.codeSpans > 0, !body.contains("`") {
                left.append("no code span for \(result.evidence.codeSpans) <code>")
            }
            return left
        }),
        structure("table", survivors: { result in
            matches(of: #"<(table|td|th)\b[^>]*>"#, in: result.fixedProse)
        }),
        structure("list", survivors: { result in
            var left = matches(of: #"<(ul|ol|li)\b[^>]*>"#, in: result.fixedProse)
            if result.fixedProse.range(of: #"(?m)^\s*([-*+]|\d+[.)])\s"#, options: .regularExpression) == nil {
                left.append("no list item left")
            }
            return left
        }),
        ArtefactClass(column: "u3000_indent", rules: ["fullwidth-indent"], detection: { result in
            count(result, of: ["fullwidth-indent"], expected: result.evidence.indentedParagraphs, what: "U+3000 indent",
                  atLeast: true)
        }, survivors: { result in
            result.fixedProse.split(separator: "\n").filter { line in
                line.drop { $0 == ">" || $0 == " " }.first == "\u{3000}"
            }.map { "indented line: \($0.prefix(20))" }
        }),
        // Paragraphs, captions and wrappers holding only whitespace, NBSP, U+3000 or <br>.
        ArtefactClass(column: "empty_p", rules: ["empty-paragraph"], detection: { result in
            any(result, of: ["empty-paragraph"])
        }, survivors: { result in
            var left = result.remaining(of: ["empty-paragraph"]).map { "\($0.location) \($0.message)" }
            left += matches(of: #"<(p|div|figcaption|span)\b[^>]*>(\s|&nbsp;|<br\s*/?>)*</\1>"#, in: result.fixedProse)
            left += result.fixedProse.split(separator: "\n", omittingEmptySubsequences: true).filter { line in
                line.allSatisfy { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{00A0}" } || line == "\\"
            }.map { "blank paragraph line '\($0.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " "))'" }
            return left
        }),
        // cnBeta's duomai/pvxt/anrdoezrs links (36kr's entity links elsewhere).
        ArtefactClass(column: "affiliate_or_entity_link", rules: ["affiliate-link"], detection: { result in
            any(result, of: ["affiliate-link"])
        }, survivors: { result in
            affiliateLinks(in: result)
        }),
        widgets("share_or_tip_widget", rules: ["promo-block", "related-articles"]),
    ]
}

private extension ArtefactClass {
    static func comments(_ column: String) -> ArtefactClass {
        ArtefactClass(column: column, rules: ["ad-comment"], detection: { result in
            count(result, of: ["ad-comment"], expected: result.evidence.comments.count, what: "template comment")
        }, survivors: { result in
            let prose = result.fixedProse
            return result.evidence.comments.filter { comment in
                prose.contains("<!--" + comment + "-->")
            }.map { "<!--\($0.prefix(30))-->" }
        })
    }

    /// Promo widgets and navigation blocks: one finding per widget; after the fix none of their text, links or
    /// images is left.
    static func widgets(_ column: String, rules: [String]) -> ArtefactClass {
        ArtefactClass(column: column, rules: rules, detection: { result in
            count(result, of: rules, expected: result.evidence.widgets.count, what: "widget", atLeast: true)
        }, survivors: { result in
            let prose = SentenceCheck.normalise(SentenceCheck.stripMarkdown(result.fixedProse))
            let output = result.fixedProse
            return result.evidence.widgets.flatMap { widget -> [String] in
                let texts = widget.texts.filter { prose.contains($0) }.map { "\(widget.label): '\($0.prefix(20))'" }
                let links = (widget.links + widget.images).filter { !$0.isEmpty && output.contains("(" + $0) }
                    .map { "\(widget.label): \($0)" }
                return texts + links
            }
        })
    }

    /// Editor and credit lines are kept, not removed: detected when the profile recognises the line (and, when
    /// the line is out of place, `editor-line`/`credit-line` reports it); after the fix every recognised line is
    /// still there and neither rule has a fixable finding left.
    static func credits(_ column: String) -> ArtefactClass {
        let rules = ["editor-line", "credit-line"]
        return ArtefactClass(column: column, rules: rules, detection: { result in
            if let failure = notRun(result) { return failure }
            if !result.evidence.creditLines.isEmpty || !result.findings(of: rules).isEmpty { return .found }
            return .missed("no editor or credit line recognised by profile '\(result.siteID)'")
        }, survivors: { result in
            let prose = SentenceCheck.normalise(SentenceCheck.stripMarkdown(result.fixedPost?.body ?? result.output))
            var left = result.evidence.creditLines.filter { !prose.contains(SentenceCheck.normalise($0)) }
                .map { "lost: \($0.prefix(30))" }
            left += result.remaining(of: rules).filter(\.isFixable).map { "\($0.location) \($0.message)" }
            return left
        })
    }

    static func structure(_ column: String, survivors: @escaping @Sendable (CorpusResult) -> [String]) -> ArtefactClass {
        ArtefactClass(column: column, rules: ["html-body"], detection: { result in
            any(result, of: ["html-body"])
        }, survivors: survivors)
    }

    /// `<img>` tags of the fixed file that carry `referrerpolicy` although their host is not hotlink-protected.
    static func needlessReferrerPolicies(in result: CorpusResult) -> [String] {
        guard let profile = result.profile else { return [] }
        return matches(of: #"<img\b[^>]*>"#, in: result.fixedProse).filter { tag in
            tag.contains("referrerpolicy") && !profile.isHotlinkProtected(attribute("src", in: tag) ?? "")
        }
    }

    static func notRun(_ result: CorpusResult) -> Detection? {
        if let error = result.readError { return .missed("post not read: \(error.prefix(80))") }
        if let error = result.fixError { return .missed("check or fix failed: \(error.prefix(80))") }
        return nil
    }

    static func unregistered(_ rules: [String]) -> String? {
        let registered = Set(builtInRules.map(\.id))
        let missing = rules.filter { !registered.contains($0) }
        return missing.count == rules.count ? "rule \(missing.joined(separator: "/")) not registered" : nil
    }

    static func any(_ result: CorpusResult, of rules: [String]) -> Detection {
        if let failure = notRun(result) { return failure }
        if let missing = unregistered(rules) { return .missed(missing) }
        return result.findings(of: rules).isEmpty ? .missed("no \(rules.joined(separator: "/")) finding") : .found
    }

    static func count(_ result: CorpusResult, of rules: [String], expected: Int, what: String,
                      atLeast: Bool = false) -> Detection {
        if let failure = notRun(result) { return failure }
        if let missing = unregistered(rules) { return .missed(missing) }
        guard expected > 0 else { return .missed("no \(what) recognised with profile '\(result.siteID)'") }
        let found = result.findings(of: rules).count
        let ok = atLeast ? found >= expected : found == expected
        return ok ? .found : .missed("\(expected) \(what)(s), \(found) \(rules.joined(separator: "/")) finding(s)")
    }

    /// Link and image targets in the fixed file: Markdown `](…)` and HTML `href`/`src`.
    static func urls(in text: String) -> [String] {
        matches(of: #"\]\(<?[^)\s>]+"#, in: text).map { String($0.drop { $0 == "]" || $0 == "(" || $0 == "<" }) }
            + matches(of: #"(href|src)="[^"]+""#, in: text).compactMap { $0.split(separator: "\"").dropFirst().first.map(String.init) }
    }

    static func wrappedLinks(in result: CorpusResult) -> [String] {
        let redirects = result.profile?.redirects ?? []
        return urls(in: result.fixedProse).filter { url in
            guard let host = URLParts.host(of: url) else { return false }
            return redirects.contains { redirect in
                (host == redirect.host || host.hasSuffix("." + redirect.host))
                    && url.contains(redirect.parameter + "=")
                    && (redirect.path.map { path in path == "/" || url.contains(path) } ?? true)
            }
        }.map { "wrapped link \($0.prefix(60))" } + affiliateLinks(in: result)
    }

    static func affiliateLinks(in result: CorpusResult) -> [String] {
        let hosts = (result.profile?.affiliateHosts ?? []) + ["c.duomai.com", "pvxt.net", "anrdoezrs.net"]
        return urls(in: result.fixedProse).filter { url in
            URLParts.host(of: url).map { SiteProfile.host($0, isIn: hosts) } ?? false
        }.map { "affiliate link \($0.prefix(60))" }
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        matches(of: "\\s\(name)=\"[^\"]*\"", in: tag).first.map {
            String($0.drop { $0 != "\"" }.dropFirst().dropLast())
        }
    }
}

/// Splits a Markdown body into prose and code.
enum MarkdownProse {
    /// The body without fenced code blocks, `{% raw %}` regions and code spans.
    static func withoutCode(_ markdown: String) -> String { split(markdown).prose }

    /// The text of fenced code blocks and code spans.
    static func code(of markdown: String) -> String { split(markdown).code }

    static func split(_ markdown: String) -> (prose: String, code: String) {
        var prose: [String] = []
        var code: [String] = []
        var fence: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == ">" }
            if let open = fence {
                code.append(String(line))
                if trimmed.hasPrefix(open) && trimmed.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == open.first }) {
                    fence = nil
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
                code.append(String(line))
            } else {
                prose.append(String(line))
            }
        }
        var text = prose.joined(separator: "\n")
        text = text.replacingOccurrences(of: #"\{% raw %\}[\s\S]*?\{% endraw %\}"#, with: "", options: .regularExpression)
        var spans: [String] = []
        if let expression = try? NSRegularExpression(pattern: #"(`+)[\s\S]+?\1"#) {
            let range = NSRange(text.startIndex..., in: text)
            spans = expression.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
            text = expression.stringByReplacingMatches(in: text, range: range, withTemplate: "")
        }
        return (text, (code + spans).joined(separator: "\n"))
    }
}
