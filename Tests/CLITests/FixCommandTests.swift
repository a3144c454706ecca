import Foundation
import Testing

@Suite struct FixCommandTests {
    /// The post the hostile-input tests use too: three safe-fixable findings.
    static let dirtyPost = HostileInput.dirtyPost

    /// `fix --out DIR DIR` (or a folder inside DIR): the posts are listed before anything is written, as before
    /// the walk went on while writing, so the folder is fixed and its output not taken for posts.
    @Test func theFolderToFixMayBeTheOutputFolder() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n<div><p>Text<!-- ad --></p></div>\n"
        for name in (0..<40).map({ String(format: "a%02d.md", $0) }) { try directory.write("content/" + name, post) }
        let result = try CLIRunner.run(["fix", "--no-cache", "--jobs", "2", "--format", "json", "--out", "content",
                                        "content"], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.contains("\"path\"") }.count == 40)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("content/content/a39.md").path))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("content/content/content").path))
    }

    /// Posts are found while `fix --out` writes: the output folder, even inside the walked tree, is not input.
    @Test func anOutputFolderInsideTheTreeIsNotWalked() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n<div><p>Text<!-- ad --></p></div>\n"
        // Enough posts before zz/ that batches are written before the walk gets there, with every job's lead.
        let names = (0..<80).map { String(format: "a%02d.md", $0) }
        for name in names { try directory.write("content/" + name, post) }
        try directory.write("content/zz/b.md", post)
        let inputs = names + ["zz/b.md"]
        // Twice: the second run starts with the first one's output in the tree.
        for _ in 1...2 {
            let result = try CLIRunner.run(["fix", "--no-cache", "--jobs", "2", "--format", "json", "--out", "content/zz/out",
                                            "content"], in: directory.url)
            #expect(result.status == 0, "\(result.stderr)")
            let reported = result.stdout.split(separator: "\n").filter { $0.contains("\"path\"") }
            #expect(reported.count == inputs.count)
            #expect(!reported.contains { $0.contains("zz/out") })
        }
        let root = directory.url.appendingPathComponent("content").path
        let written = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(written == (inputs + inputs.map { "zz/out/content/" + $0 }).sorted())
    }

    @Test func withoutWritePrintsADiffAndLeavesTheFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.dirtyPost)
        let result = try CLIRunner.run(["fix", "post.md"], in: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout == """
            --- a/post.md
            +++ b/post.md
            @@ -3,8 +3,6 @@
             author: 新浪财经
             ---
             
            -<div>
            -<p>　　正文第一段。</p>
            -<!-- 正文下iframe -->
            -<p class="article-editor">责任编辑：刘万里 SF014</p>
            -</div>
            +正文第一段。
            +
            +责任编辑：刘万里 SF014

            """)
        #expect(result.stderr == "1 file would change.\n")
        #expect(try directory.read("post.md") == Self.dirtyPost)
    }

    @Test func writeRewritesInPlaceAndIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("post.md", Self.dirtyPost)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let first = try CLIRunner.run(["fix", "--write", "post.md"], in: directory.url)
        #expect(first.status == 0)
        #expect(first.stdout == "Fixed 1 file (3 findings resolved). No findings left.\n")
        let fixed = try directory.read("post.md")
        #expect(fixed == "---\ntitle: '新闻'\nauthor: 新浪财经\n---\n\n正文第一段。\n\n责任编辑：刘万里 SF014\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)

        let second = try CLIRunner.run(["fix", "--write", "post.md"], in: directory.url)
        #expect(second.status == 0)
        #expect(second.stdout == "Fixed 0 files (0 findings resolved). No findings left.\n")
        #expect(try directory.read("post.md") == fixed)
        let check = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(check.status == 0)
        let leftovers = try directory.url.path
        #expect(try FileManager.default.contentsOfDirectory(atPath: leftovers).filter { $0 != ".newslint_cache" } == ["post.md"],
                "temporary files left")
    }

    @Test func unsafeFixesNeedTheFlag() throws {
        let directory = try TemporaryDirectory()
        try directory.copy(fromRepository: "Examples/sina-finance-2022-01-04.md", as: "seed.md")
        let safe = try CLIRunner.run(["fix", "--write", "seed.md"], in: directory.url)
        #expect(safe.status == 1)
        #expect(try directory.read("seed.md").contains("thumbnail: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'"))
        #expect(safe.stdout.contains("seed.md:12:12: error: thumbnail points at a known ad image"))

        let unsafe = try CLIRunner.run(["fix", "--write", "--unsafe-fixes", "seed.md"], in: directory.url)
        #expect(unsafe.status == 0)
        let fixed = try directory.read("seed.md")
        #expect(!fixed.contains("thumbnail:") && !fixed.contains("headimg:"))
        #expect(fixed.contains("title: '外交部官员：中国为推动五核国发表联合声明作出重要贡献'\n"))
    }

    @Test func symlinkIsWrittenThrough() throws {
        let directory = try TemporaryDirectory()
        try directory.write("real/post.md", Self.dirtyPost)
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("link.md").path,
                                                   withDestinationPath: "real/post.md")
        let result = try CLIRunner.run(["fix", "--write", "link.md"], in: directory.url)
        #expect(result.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.url.appendingPathComponent("link.md").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try directory.read("real/post.md").contains("正文第一段。\n"))
    }

    @Test func unreadableFileIsReportedAndOthersAreFixed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("good.md", Self.dirtyPost)
        try directory.write("bad.md", "---\ntitle: [unclosed\n---\n<div><p>x</p></div>\n")
        let result = try CLIRunner.run(["fix", "--write", "."], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("./bad.md: error: invalid YAML front matter at line 3: did not find expected ',' or ']' (while parsing a flow sequence from line 2)"))
        #expect(try directory.read("good.md").contains("正文第一段。\n"))
        #expect(try directory.read("bad.md") == "---\ntitle: [unclosed\n---\n<div><p>x</p></div>\n")
    }

    @Test func htmlFilesAreNotWalkedAndAreRefusedWhenNamed() throws {
        // fix used to write Markdown into page.html, which the next run read as HTML again: never idempotent.
        let page = "<div><p>　　正文</p><!-- ad --></div>\n"
        let refusal = "an HTML file, not a Markdown post: fix writes the body as Markdown, which a .html file "
            + "cannot hold (rename it to .md to convert it)"
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.dirtyPost)
        try directory.write("page.html", page)
        try directory.write("old.HTM", page)

        let walked = try CLIRunner.run(["fix", "--write", "--no-cache", "."], in: directory.url)
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stdout == "Fixed 1 file (3 findings resolved). No findings left.\n")
        #expect(try directory.read("page.html") == page)

        let named = try CLIRunner.run(["fix", "--write", "--no-cache", "page.html", "old.HTM", "post.md"],
                                      in: directory.url)
        #expect(named.status == 2)
        #expect(named.stderr == "old.HTM: error: \(refusal)\npage.html: error: \(refusal)\n"
            + "2 files could not be fixed (see above).\n")
        #expect(try directory.read("page.html") == page)
        let check = try CLIRunner.run(["check", "--no-cache", "page.html"], in: directory.url)
        #expect(check.status == 2)
        #expect(check.stderr == "page.html: error: \(refusal)\n")

        let standardInput = try CLIRunner.run(["fix", "--stdin", "--stdin-filename", "page.html"], in: directory.url,
                                              standardInput: directory.url.appendingPathComponent("page.html"))
        #expect(standardInput.status == 2)
        #expect(standardInput.stdout == page, "the input is passed through unchanged")
        #expect(standardInput.stderr == "page.html: error: \(refusal)\n")
    }
}

@Suite struct RulesCommandTests {
    @Test func listsEveryRule() throws {
        let result = try CLIRunner.run(["rules"])
        #expect(result.status == 0)
        let ids = result.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(ids.first == "ad-comment")
        #expect(Array(ids.suffix(4)) == ["html-body", "content-loss", "unused-suppression", "unknown-suppression"])
        #expect(ids.count == Set(ids).count, "a rule is listed twice")
        for id in ["style-block", "promo-block", "escaped-braces", "presentational-markup", "fullwidth-indent",
                   "empty-paragraph", "editor-line", "hotlinked-image", "ad-thumbnail", "redirect-link",
                   "affiliate-link", "proxied-image", "lazy-image", "protocol-relative-url", "tracking-parameter",
                   "placeholder-thumbnail", "front-matter-date", "front-matter-title", "credit-line",
                   "related-articles", "page-chrome", "hardwrapped-text", "unsafe-html"] {
            #expect(ids.contains(id), "\(id) is not listed")
        }
        #expect(result.stdout.contains("ad-thumbnail           fix: safe or unsafe  Thumbnail or header image"))
    }

    @Test func explainsOneRuleWithExamples() throws {
        let result = try CLIRunner.run(["rules", "ad-comment"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ad-comment: HTML comments left by the source's templates"))
        #expect(result.stdout.contains("Why:\n"))
        #expect(result.stdout.contains("Flagged (↓ marks the finding):\n"))
        #expect(result.stdout.contains("↓<!-- 正文下iframe -->"))
        #expect(result.stdout.contains("Fixed:\n"))
    }

    @Test func unknownRuleIsAUsageError() throws {
        let result = try CLIRunner.run(["rules", "no-such-rule"])
        #expect(result.status == 2)
        #expect(result.stderr == "newslint: error: unknown rule 'no-such-rule'; run `newslint rules` for the list\n")
    }

    @Test func versionNamesLibxml2() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("newslint 0.1.0 (libxml2 2."))
    }
}
