import Foundation
import Testing

/// The command-line habits: selection, quiet and statistics modes, standard input, diffs, output trees.
@Suite struct CLIFlagsTests {
    static let post = OutputFormatTests.post

    func directoryWithPost() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        return directory
    }

    @Test func statisticsCountFindingsPerRule() throws {
        let directory = try directoryWithPost()
        try directory.write("second.md", "---\ntitle: y\n---\n\n<div><p>a</p><!-- x --><!-- y --></div>\n")
        let result = try CLIRunner.run(["check", "--no-cache", "--statistics", "."], in: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout == """
            3  ad-comment   [*]  HTML comments left by the source's templates (ad slots, include markers, empty comments)
            2  html-body    [*]  The post body is raw HTML copied from the source page
            1  style-block  [*]  Inline <style> and <script> elements in the article body
            6 findings in 2 files (6 fixable)

            """)
    }

    /// The table is made from counts, in a report file too, and after `fix --write` it counts what is left.
    @Test func statisticsGoToAFileAndCountWhatFixLeft() throws {
        let directory = try directoryWithPost()
        try directory.write("second.md", "---\ntitle: y\n---\n\n<div><p>a</p><!-- x --><!-- y --></div>\n")
        let check = try CLIRunner.run(["check", "--no-cache", "--statistics", "--format", "text:out/stats.txt",
                                       "--format", "json", "."], in: directory.url)
        #expect(check.status == 1)
        #expect(try directory.read("out/stats.txt").hasPrefix("3  ad-comment   [*]  "))
        #expect(try directory.read("out/stats.txt").hasSuffix("\n6 findings in 2 files (6 fixable)\n"))
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "--statistics", "--select", "ad-comment,style-block", "."],
                                    in: directory.url)
        #expect(fix.status == 0)
        #expect(!fix.stdout.contains("[*]"), "\(fix.stdout)")
    }

    @Test func quietPrintsOnlyFindings() throws {
        let directory = try directoryWithPost()
        let result = try CLIRunner.run(["check", "--no-cache", "--quiet", "--select", "style-block", "post.md"],
                                       in: directory.url)
        #expect(result.stdout == "post.md:6:1: warning: inline <style> block in article body [style-block]\n")
        #expect(result.status == 1)
    }

    @Test func exitZeroKeepsFindingsButSucceeds() throws {
        let directory = try directoryWithPost()
        let result = try CLIRunner.run(["check", "--no-cache", "--exit-zero", "post.md"], in: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("3 findings in 1 file (3 fixable)\n"))
    }

    @Test func selectAndIgnoreChooseRules() throws {
        let directory = try directoryWithPost()
        let selected = try CLIRunner.run(["check", "--no-cache", "--select", "ad-comment", "post.md"], in: directory.url)
        #expect(selected.stdout.components(separatedBy: "[ad-comment]").count == 2)
        #expect(!selected.stdout.contains("[style-block]"))
        let ignored = try CLIRunner.run(["check", "--no-cache", "--ignore", "ad-comment,html-body", "post.md"],
                                        in: directory.url)
        #expect(ignored.stdout == """
            post.md:6:1: warning: inline <style> block in article body [style-block]
            1 finding in 1 file (1 fixable)

            """)
        let unknown = try CLIRunner.run(["check", "--select", "no-such-rule", "post.md"], in: directory.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "newslint: error: unknown rule 'no-such-rule'; run `newslint rules` for the list\n")
    }

    @Test func ignoringHTMLBodyKeepsTheBodyAsCleanedHTML() throws {
        let directory = try directoryWithPost()
        let result = try CLIRunner.run(["fix", "--no-cache", "--write", "--ignore", "html-body", "post.md"],
                                       in: directory.url)
        #expect(result.status == 0)
        #expect(try directory.read("post.md") == "---\ntitle: x\n---\n\n<div>\n<p>正文</p>\n</div>\n")
    }

    @Test func standardInputIsCheckedUnderItsFilename() throws {
        let input = try TemporaryDirectory()
        try input.write("in.md", Self.post)
        let result = try CLIRunner.run(["check", "--stdin", "--stdin-filename", "content/post.md"],
                                       standardInput: input.url.appendingPathComponent("in.md"))
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("content/post.md:5:1: warning: HTML comment 'ad' left in article body"))
    }

    @Test func standardInputIsFixedToStandardOutput() throws {
        let input = try TemporaryDirectory()
        try input.write("in.md", Self.post)
        let result = try CLIRunner.run(["fix", "--stdin", "--stdin-filename", "post.md"],
                                       standardInput: input.url.appendingPathComponent("in.md"))
        #expect(result.status == 0)
        #expect(result.stdout == "---\ntitle: x\n---\n\n正文\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func diffAlsoShowsTheRenderedText() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", """
            ---
            title: x
            ---

            <div><p>正文</p>
            <pre><code>let a = 1<span class="copy-code-btn">复制代码</span></code></pre></div>

            """)
        let result = try CLIRunner.run(["fix", "--no-cache", "--diff", "post.md"], in: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout == """
            --- a/post.md
            +++ b/post.md
            @@ -2,5 +2,8 @@
             title: x
             ---
             
            -<div><p>正文</p>
            -<pre><code>let a = 1<span class="copy-code-btn">复制代码</span></code></pre></div>
            +正文
            +
            +```
            +let a = 1
            +```
            --- a/post.md (rendered text)
            +++ b/post.md (rendered text)
            @@ -1,2 +1,2 @@
             正文
            -let a = 1复制代码
            +let a = 1

            """)
    }

    @Test func outWritesAMirroredTreeAndLeavesTheOriginals() throws {
        let directory = try directoryWithPost()
        try directory.write("sub/other.md", Self.post)
        let result = try CLIRunner.run(["fix", "--no-cache", "--out", "cleaned", "post.md", "sub"], in: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout == "Wrote 2 files (6 findings resolved). No findings left.\n")
        #expect(try directory.read("cleaned/post.md") == "---\ntitle: x\n---\n\n正文\n")
        #expect(try directory.read("cleaned/sub/other.md") == "---\ntitle: x\n---\n\n正文\n")
        #expect(try directory.read("post.md") == Self.post)
    }

    @Test func outNeverWritesOutsideItsDirectory() throws {
        // Run from site/: `../other/post.md` once went to `out/../other/post.md`, that is site/other/post.md.
        let directory = try TemporaryDirectory()
        try directory.write("other/post.md", Self.post)
        try directory.write("elsewhere/abs.md", Self.post)
        try directory.write("site/inside/../kept.md", Self.post)
        let absolute = directory.path("elsewhere/abs.md")
        let result = try CLIRunner.run(["fix", "--no-cache", "--out", "out", "../other/post.md", absolute,
                                        "./inside/../kept.md"], in: directory.url.appendingPathComponent("site"))
        #expect(result.status == 0, "\(result.stderr)")
        let fixed = "---\ntitle: x\n---\n\n正文\n"
        #expect(try directory.read("site/out/other/post.md") == fixed)
        #expect(try directory.read("site/out/" + absolute.dropFirst()) == fixed)
        #expect(try directory.read("site/out/kept.md") == fixed)
        #expect(try directory.allEntries().filter { !$0.hasPrefix("site/out") }.sorted() == [
            "elsewhere", "elsewhere/abs.md", "other", "other/post.md", "site", "site/inside", "site/kept.md",
        ])
        #expect(try directory.read("other/post.md") == Self.post)
    }

    @Test func outRefusesToWriteTwoPostsToOneFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("other/post.md", Self.post)
        try directory.write("site/other/post.md", Self.post.replacingOccurrences(of: "title: x", with: "title: y"))
        try directory.write("site/same.md", Self.post)
        let result = try CLIRunner.run(["fix", "--no-cache", "--out", "out", "../other/post.md", "other/post.md",
                                        "same.md", "./same.md"], in: directory.url.appendingPathComponent("site"))
        #expect(result.status == 2)
        #expect(result.stderr == "other/post.md: error: cannot write out/other/post.md: it was written for "
            + "../other/post.md in this run\n1 file could not be fixed (see above).\n")
        #expect(try directory.read("site/out/other/post.md") == "---\ntitle: x\n---\n\n正文\n")
        #expect(try directory.read("site/out/same.md") == "---\ntitle: x\n---\n\n正文\n")
    }

    @Test func colourFollowsTheFlag() throws {
        let directory = try directoryWithPost()
        let always = try CLIRunner.run(["check", "--no-cache", "--color", "always", "post.md"], in: directory.url)
        #expect(always.stdout.contains("\u{1B}[33mwarning\u{1B}[0m"))
        #expect(always.stdout.contains("  \u{1B}[36mfix: remove the comment\u{1B}[0m"))
        let never = try CLIRunner.run(["check", "--no-cache", "--color", "never", "post.md"], in: directory.url)
        #expect(!never.stdout.contains("\u{1B}["))
        let auto = try CLIRunner.run(["check", "--no-cache", "post.md"], in: directory.url,
                                     environment: ["NO_COLOR": "1"])
        #expect(!auto.stdout.contains("\u{1B}["))
    }

    @Test func excerptsPointACaretAtTheColumn() throws {
        let directory = try directoryWithPost()
        let result = try CLIRunner.run(["check", "--no-cache", "--color", "always", "--select", "html-body", "post.md"],
                                       in: directory.url)
        #expect(result.stdout.contains("  |\n5 | <!-- ad --><div>\n  |            \u{1B}[31m^\u{1B}[0m\n"))
    }

    @Test func excerptsOfWhatFixLeavesQuoteTheLineOfACRLFPost() throws {
        // What is left after fixing is quoted from the output; a CRLF output was read as one line before.
        let directory = try TemporaryDirectory()
        try directory.write("post.md", "---\r\ntitle: t\r\ndate: Invalid Date\r\n---\r\n<p>正文 <b>一</b>。</p>\r\n")
        let result = try CLIRunner.run(["fix", "--no-cache", "--out", "out", "--color", "always", "post.md"],
                                       in: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("  |\n3 | date: Invalid Date\n  |       \u{1B}[31m^\u{1B}[0m\n"), "\(result.stdout)")
    }

    @Test func versionNamesLibxml2AndTheRuleSet() throws {
        let result = try CLIRunner.run(["--version"])
        let pattern = #"^newslint 0\.1\.0 \(libxml2 2\.\d+\.\d+, rule set [0-9a-f]{12}\)\n$"#
        #expect(result.stdout.range(of: pattern, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test func progressNeverGoesToPipes() throws {
        let directory = try TemporaryDirectory()
        for index in 0..<320 { try directory.write("p\(index).md", "---\ntitle: t\n---\n\nText.\n") }
        let result = try CLIRunner.run(["check", "--no-cache", "."], in: directory.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "No findings in 320 files.\n")
    }

    @Test func helpCarriesExamples() throws {
        let result = try CLIRunner.run(["check", "--help"])
        #expect(result.stdout.contains("newslint check --format github --format json:out/newslint.json content/"))
    }
}

/// Parallel runs and shards must not change what is reported.
@Suite struct ParallelAndShardTests {
    static func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let examples = CLIRunner.repositoryRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".md") {
            for copy in 0..<6 {
                _ = try directory.copy(fromRepository: "Examples/\(name)", as: "\(copy)-\(name)")
            }
        }
        return directory
    }

    @Test func oneJobAndAllCoresPrintTheSameBytes() throws {
        let directory = try Self.corpus()
        for command in [["check"], ["fix"], ["check", "--format", "json"]] {
            let serial = try CLIRunner.run(command + ["--no-cache", "--jobs", "1", "."], in: directory.url)
            let parallel = try CLIRunner.run(command + ["--no-cache", "--jobs", "4", "."], in: directory.url)
            #expect(serial.stdout == parallel.stdout, "\(command) differs between --jobs 1 and --jobs 4")
            #expect(serial.status == parallel.status)
            #expect(!serial.stdout.isEmpty)
        }
    }

    @Test func shardsPartitionTheFiles() throws {
        let directory = try Self.corpus()
        let full = try CLIRunner.run(["check", "--no-cache", "--quiet", "."], in: directory.url)
        let fullLines = full.stdout.split(separator: "\n").map(String.init)
        var union: [String] = []
        var filesSeen: [String] = []
        for shard in 1...3 {
            let part = try CLIRunner.run(["check", "--no-cache", "--quiet", "--shard", "\(shard)/3", "."],
                                         in: directory.url)
            let lines = part.stdout.split(separator: "\n").map(String.init)
            union += lines
            filesSeen += Set(lines.map { String($0.split(separator: ":")[0]) })
        }
        #expect(union.sorted() == fullLines.sorted())
        #expect(filesSeen.count == Set(filesSeen).count, "a file appeared in two shards")
        #expect(Set(filesSeen).count == 30)
        let invalid = try CLIRunner.run(["check", "--shard", "4/3", "."], in: directory.url)
        #expect(invalid.status == 2)
    }
}
