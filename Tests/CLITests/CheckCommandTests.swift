import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func seedFindingsPointAtTheirLines() throws {
        let directory = try TemporaryDirectory()
        try directory.copy(fromRepository: "Examples/sina-finance-2022-01-04.md", as: "seed.md")
        let result = try CLIRunner.run(["check", "seed.md"], in: directory.url)
        #expect(result.status == 1)
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        let expected = [
            "seed.md:8:10: error: headimg points at a known ad image (https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png) [ad-thumbnail]",
            "seed.md:12:12: error: thumbnail points at a known ad image (https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png) [ad-thumbnail]",
            "seed.md:16:4: warning: paragraph indented with U+3000 ideographic spaces [fullwidth-indent]",
            "seed.md:25:1: warning: template comment 'article_adlist' left in article body [ad-comment]",
            "seed.md:33:1: warning: template comment '正文下iframe' left in article body [ad-comment]",
            "seed.md:38:1: warning: template comment '总声明' left in article body [ad-comment]",
            "seed.md:55:13: warning: template comment '文末二维码' left in article body [ad-comment]",
            "seed.md:56:13: warning: inline <style> block in article body [style-block]",
            "seed.md:57:27: error: escaped braces shown literally in <style> [escaped-braces]",
            "seed.md:62:13: warning: promotional widget (新浪财经 APP QR code box) in article body [promo-block]",
            "seed.md:70:1: warning: template comment '编辑姓名及工作代码' left in article body [ad-comment]",
            "seed.md:15:1: warning: post body is raw HTML [html-body]",
        ]
        for line in expected {
            #expect(lines.contains(line), "missing: \(line)\n\(result.stdout)")
        }
        #expect(result.stdout.hasSuffix("43 findings in 1 file (41 fixable, 2 more with --unsafe-fixes)\n"))
    }

    @Test func findingsAreSortedByPathAndPosition() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.md", "---\ntitle: b\n---\n<div><p>　　缩进</p><!-- x --></div>\n")
        try directory.write("a.md", "---\ntitle: a\n---\n<div><style>.a{}</style></div>\n")
        let result = try CLIRunner.run(["check", "."], in: directory.url)
        let locations = result.stdout.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
            .map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        #expect(locations == ["./a.md:4:1", "./a.md:4:6", "./b.md:4:1", "./b.md:4:9", "./b.md:4:17"])
        #expect(result.stdout.hasSuffix("5 findings in 2 files (5 fixable)\n"))
    }

    @Test func cleanMarkdownExitsZero() throws {
        let directory = try TemporaryDirectory()
        try directory.write("clean.md", "---\ntitle: '干净的文章'\n---\n\n正文一段。\n\n![图](https://example.com/a.png)\n")
        let result = try CLIRunner.run(["check", "clean.md"], in: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout == "No findings in 1 file.\n")
    }

    @Test func walksDirectoriesForPostsOnly() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n\nText <!-- ad -->\n"
        try directory.write("content/a.md", post)
        try directory.write("content/sub/b.markdown", post)
        try directory.write("content/c.html", "<div><p>x</p><!-- ad --></div>\n")
        try directory.write("content/notes.txt", post)
        try directory.write("content/.hidden/d.md", post)
        try directory.write("content/node_modules/e.md", post)
        try directory.write("content/.git/f.md", post)
        let result = try CLIRunner.run(["check", "content"], in: directory.url)
        let files = Set(result.stdout.split(separator: "\n").compactMap { line -> String? in
            line.contains("[") ? String(line.split(separator: ":")[0]) : nil
        })
        #expect(files == ["content/a.md", "content/sub/b.markdown"])
        #expect(result.stderr == "", "HTML files are not walked, so not refused either")
    }

    @Test func aPostNamedTwiceIsCheckedOnce() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n\nText <!-- ad -->\n"
        try directory.write("content/b.md", post)
        try directory.write("content/a.md", post)
        let result = try CLIRunner.run(["check", "content/b.md", "content", "content/b.md", "content/a.md"],
                                       in: directory.url)
        let files = result.stdout.split(separator: "\n").filter { $0.contains("[ad-comment]") }
            .map { String($0.split(separator: ":")[0]) }
        #expect(files == ["content/a.md", "content/b.md"])
        #expect(result.stdout.hasSuffix("2 findings in 2 files (2 fixable)\n"))
    }

    @Test func reportsUnreadableFilesByNameAndGoesOn() throws {
        let directory = try TemporaryDirectory()
        try directory.writeBytes("bad.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28, 0x0A])
        try directory.write("broken.md", "---\ntitle: 'unclosed\nauthor: [x\n---\nbody\n")
        try directory.writeBytes("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        try directory.write("ok.md", "---\ntitle: x\n---\n\nText <!-- ad -->\n")
        let result = try CLIRunner.run(["check", ".", "missing.md"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("./bad.md: error: not valid UTF-8 (first bad byte at offset 4)"))
        #expect(result.stderr.contains("./broken.md: error: invalid YAML front matter at line"))
        #expect(result.stderr.contains("./image.md: error: binary file"))
        #expect(result.stderr.contains("missing.md: error: no such file or directory"))
        #expect(result.stdout.contains("./ok.md:5:6: warning: HTML comment 'ad' left in article body [ad-comment]"))
    }

    @Test func summaryReadsWellWhateverWasChecked() throws {
        // It once read "No findings in 0 files.; 2 files could not be read (see above)".
        let directory = try TemporaryDirectory()
        try directory.write("empty/.keep", "")
        try directory.write("clean.md", "---\ntitle: x\n---\n\nText.\n")
        try directory.write("dirty.md", "---\ntitle: x\n---\n\nText <!-- ad -->\n")
        try directory.writeBytes("bad.md", [0xC3, 0x28])
        let cases: [([String], String)] = [
            (["empty"], "No files checked.\n"),
            (["bad.md", "gone.md"], "No files checked; 2 files could not be read (see above).\n"),
            (["clean.md"], "No findings in 1 file.\n"),
            (["clean.md", "bad.md"], "No findings in 1 file; 1 file could not be read (see above).\n"),
            (["dirty.md", "bad.md"], "1 finding in 1 file (1 fixable); 1 file could not be read (see above)\n"),
        ]
        for (paths, summary) in cases {
            let result = try CLIRunner.run(["check", "--no-cache", "--select", "ad-comment"] + paths, in: directory.url)
            let lastLine = result.stdout.split(separator: "\n").last.map { String($0) + "\n" }
            #expect(lastLine == summary, "\(paths): \(result.stdout)")
        }
    }

    @Test func unknownSiteIsAUsageError() throws {
        let result = try CLIRunner.run(["check", "--site", "nowhere", "."])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown site 'nowhere'"))
    }
}
