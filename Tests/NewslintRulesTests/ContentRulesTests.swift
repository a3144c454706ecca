import Foundation
import NewslintCore
import NewslintRules
import Testing

/// Behaviour of the content and front-matter rules that their examples cannot show: the tolerated title quote
/// bug, date conversions, a site that requires a credit line, locations across lines.
@Suite struct ContentRulesTests {
    static func rule(_ id: String) throws -> any Rule {
        try #require(builtInRules.first { $0.id == id })
    }

    static func findings(_ id: String, _ text: String, catalog: SiteCatalog = ExampleRunner.catalog,
                         site: String? = nil, options: [String: ConfigValue] = [:]) throws -> [Finding] {
        let linter = Linter(rules: [try rule(id)], catalog: catalog, forcedSite: site, options: [id: options])
        return try linter.check(try PostReader.read(text: text, path: "post.md"))
    }

    static func fixed(_ id: String, _ text: String, unsafe: Bool = false,
                      options: [String: ConfigValue] = [:]) throws -> String {
        let linter = Linter(rules: [try rule(id)], catalog: ExampleRunner.catalog, options: [id: options])
        return try linter.fix(try PostReader.read(text: text, path: "post.md"), original: text, unsafe: unsafe).output
    }

    // MARK: The quote-wrapped title

    static let quoteBugPost = """

        ---
        title: \"\"\"\"\"\"\"\"\"\"\"'网易开年第一款MMO，《天谕》手游背后的技术究竟有多强？'\"\"\"\"\"\"\"\"\"\"\"
        categories:\u{20}
            - 游戏
            - GameRes 游资网 - 列表
        author: GameRes 游资网 - 列表
        date: Mon, 11 Jan 2021 00:00:00 GMT
        ---
        <div><p>正文。</p></div>
        """

    @Test func quoteWrappedTitleIsReadAndKeptUntilRepaired() throws {
        let post = try PostReader.read(text: Self.quoteBugPost, path: "post.md")
        let frontMatter = try #require(post.frontMatter)
        #expect(frontMatter.string("title") == "网易开年第一款MMO，《天谕》手游背后的技术究竟有多强？")
        #expect(frontMatter.string("author") == "GameRes 游资网 - 列表")
        let bug = try #require(frontMatter.quoteWrappedTitle)
        #expect(bug.quoteCount == 11)
        #expect(frontMatter.lines[bug.lineIndex].hasPrefix("title: \"\"\"\""))
        #expect(post.assembled(body: post.body) == Self.quoteBugPost, "reading must not change the file")

        var repaired = frontMatter
        repaired.repairQuoteWrappedTitle()
        #expect(repaired.lines[bug.lineIndex] == "title: '网易开年第一款MMO，《天谕》手游背后的技术究竟有多强？'")
        #expect(repaired.quoteWrappedTitle == nil)
        #expect(repaired.string("title") == frontMatter.string("title"))
    }

    @Test func otherYAMLErrorsStayErrors() {
        let broken = [
            // The bug with unequal runs of quotes is not the known bug.
            "---\ntitle: \"\"\"'a'\"\"\"\"\"\n---\nbody\n",
            // The known bug plus a second problem.
            "---\ntitle: \"\"\"'a'\"\"\"\nauthor: [\n---\nbody\n",
            // Quote runs around an unquoted title.
            "---\ntitle: \"\"\"a\"\"\"\n---\nbody\n",
            // The bug on another key.
            "---\nsummary: \"\"\"'a'\"\"\"\n---\nbody\n",
        ]
        for text in broken {
            #expect(throws: PostError.self, "\(text)") { try PostReader.read(text: text, path: "a.md") }
        }
    }

    @Test func titleRuleRepairsTheQuoteBug() throws {
        let findings = try Self.findings("front-matter-title", Self.quoteBugPost)
        #expect(findings.map(\.location) == [Location(line: 3, column: 8)])
        let output = try Self.fixed("front-matter-title", Self.quoteBugPost)
        #expect(output.contains("\ntitle: '网易开年第一款MMO，《天谕》手游背后的技术究竟有多强？'\ncategories: \n    - 游戏\n"))
        #expect(try Self.findings("front-matter-title", output).isEmpty)
    }

    @Test func truncatedTitleWithSanitisedCharactersIsAnExcerpt() throws {
        let post = """
            ---
            title: '【安全团队：EGD_Finance被黑】8月8日消息，BSC上的 EGD/Finance 项目遭受黑客攻击，导致其池子中...'
            ---
            <div>
            【安全团队：EGD_Finance被黑】8月8日消息，BSC上的 EGD/Finance 项目遭受黑客攻击，导致其池子中的代币被取出。
            </div>
            """
        let findings = try Self.findings("front-matter-title", post)
        #expect(findings.count == 1)
        #expect(findings.first?.fixApplicability == nil)
    }

    // MARK: Dates

    @Test(arguments: [
        ("Tue, 04 Jan 2022 11:52:42 GMT", "2022-01-04T11:52:42Z"),
        ("Thu, 30 Nov 2017 01:13:11 GMT", "2017-11-30T01:13:11Z"),
        ("Mon, 11 Jan 2021 00:00:00 GMT", "2021-01-11T00:00:00Z"),
        ("2021-03-21 16:40:59", "2021-03-21T16:40:59Z"),
        ("'2022-08-23 03:34:24'", "2022-08-23T03:34:24Z"),
        ("Sat, 06 Jul 2019 10:00:00 +0800", "2019-07-06T10:00:00+08:00"),
    ])
    func datesBecomeISO8601(_ input: String, _ expected: String) throws {
        let iso: [String: ConfigValue] = ["iso8601": .scalar("true")]
        let output = try Self.fixed("front-matter-date", "---\ndate: \(input)\n---\n<div><p>Text.</p></div>\n",
                                    options: iso)
        #expect(output == "---\ndate: \(expected)\n---\n\n<div><p>Text.</p></div>\n")
        #expect(try Self.findings("front-matter-date", output, options: iso).isEmpty)
    }

    @Test func validRFC1123DatesStayUnlessISO8601IsWanted() throws {
        let post = "---\ndate: Tue, 04 Jan 2022 11:52:42 GMT\n---\n<div><p>Text.</p></div>\n"
        #expect(try Self.findings("front-matter-date", post).isEmpty)
        #expect(try Self.findings("front-matter-date", post, options: ["iso8601": .scalar("true")]).count == 1)
    }

    @Test func zonelessDateInAMarkdownPostIsConvertedOnlyWithUnsafeFixes() throws {
        let post = "---\ndate: 2022-01-04 11:52:42\n---\n\n手写的文章。\n"
        #expect(try Self.findings("front-matter-date", post).first?.fixApplicability == .unsafe)
        #expect(try Self.fixed("front-matter-date", post) == post)
    }

    @Test func unrecoverableDatesHaveNoFix() throws {
        let values = ["Invalid Date", "'Invalid Date'", "''", "Tue, 31 Feb 2022 10:00:00 GMT", "Sun, 31 Dec 1970 10:00:00 GMT"]
        for value in values {
            let findings = try Self.findings("front-matter-date", "---\ndate: \(value)\n---\n\nText.\n")
            #expect(findings.count == 1, "\(value)")
            #expect(findings.first?.fixApplicability == nil, "\(value)")
        }
    }

    @Test func epochBugIsRecoveredOnlyWithUnsafeFixes() throws {
        let post = "---\ndate: Mon, 19 Jan 1970 10:51:32 GMT\n---\n\nText.\n"
        #expect(try Self.findings("front-matter-date", post).first?.fixApplicability == .unsafe)
        #expect(try Self.fixed("front-matter-date", post) == post)
        let recovered = try Self.fixed("front-matter-date", post, unsafe: true)
        #expect(recovered == "---\ndate: 2020-07-09T10:53:20Z\n---\n\nText.\n")
    }

    // MARK: Thumbnails

    @Test func placeholderIsNotReplacedByAPlaceholderImage() throws {
        let post = """
            ---
            thumbnail: https://segmentfault.com/a/undefined
            ---
            <div><p><img src="https://segmentfault.com/a/undefined"></p></div>
            """
        let findings = try Self.findings("placeholder-thumbnail", post)
        #expect(findings.first?.fixApplicability == .unsafe)
    }

    // MARK: Credit lines

    static let requiringCatalog: SiteCatalog = {
        let site = RuleFile(path: "rules/sites/credited.yml", contents: """
            id: credited
            name: 示例站
            match:
              authors: [示例站]
            credit_lines:
              patterns: ['^转载请注明']
              required: true
            """)
        do {
            let defaults = SiteCatalog.embeddedFiles.filter { $0.path.hasSuffix("defaults.yml") }
            return try SiteCatalog(files: defaults + [site])
        } catch {
            fatalError("test catalog does not load: \(error)")
        }
    }()

    @Test func siteThatRequiresACreditLineReportsItsAbsence() throws {
        let missing = "---\nauthor: 示例站\n---\n<div><p>正文。</p></div>\n"
        let findings = try Self.findings("credit-line", missing, catalog: Self.requiringCatalog)
        #expect(findings.map(\.location) == [Location(line: 4, column: 1)])
        #expect(findings.first?.fixApplicability == nil)

        let credited = "---\nauthor: 示例站\n---\n<div><p>正文。</p><p>来源：示例站</p></div>\n"
        #expect(try Self.findings("credit-line", credited, catalog: Self.requiringCatalog).isEmpty)
        let markdown = "---\nauthor: 示例站\n---\n\n正文。\n"
        #expect(try Self.findings("credit-line", markdown, catalog: Self.requiringCatalog).count == 1)
        #expect(try Self.findings("credit-line", missing).isEmpty, "the defaults require nothing")
    }

    @Test func creditLineMovesBeforeNothingAndEditorLineStaysLast() throws {
        let post = """
            ---
            title: x
            ---
            <div><p>来源：示例</p><p>正文。</p><p class="article-editor">责任编辑：某人</p></div>
            """
        let linter = Linter(rules: builtInRules.filter { ["credit-line", "editor-line"].contains($0.id) },
                            catalog: ExampleRunner.catalog, forcedSite: "sina-finance")
        let output = try linter.fix(try PostReader.read(text: post, path: "p.md"), original: post).output
        let credit = try #require(output.range(of: "来源：示例"))
        let editor = try #require(output.range(of: "责任编辑：某人"))
        let text = try #require(output.range(of: "正文。"))
        #expect(text.lowerBound < credit.lowerBound && credit.lowerBound < editor.lowerBound, "\(output)")
    }

    // MARK: Hard-wrapped text

    @Test func hardwrapLocationsCountTheLinesOfTheTextNode() throws {
        let post = "---\ntitle: x\n---\n<div><p>第一行\n在Windows \n11中，以及Linux\nTorvalds。</p></div>\n"
        let findings = try Self.findings("hardwrapped-text", post)
        #expect(findings.map(\.location) == [Location(line: 5, column: 9), Location(line: 6, column: 12)])
        let output = try Self.fixed("hardwrapped-text", post)
        #expect(output.contains("<p>第一行\n在Windows 11中，以及Linux Torvalds。</p>"))
    }
}
