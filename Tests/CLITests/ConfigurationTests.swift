import Foundation
import Testing

/// `.newslint.yml`: discovery, extends, levels, options, exclusions, and errors that name file, key and line.
@Suite struct ConfigurationTests {
    static let post = "---\ntitle: x\n---\n\n<div><p>　　正文</p><!-- ad --><style>p{}</style></div>\n"

    @Test func nearestConfigurationWinsAndExtendsItsParent() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".newslint.yml", "rules:\n  ad-comment: off\n  style-block: error\n")
        try directory.write("content/.newslint.yml", "extends: ../.newslint.yml\nrules:\n  style-block: warning\n")
        try directory.write("content/a.md", Self.post)
        try directory.write("b.md", Self.post)
        let result = try CLIRunner.run(["check", "--no-cache", "--ignore", "html-body,fullwidth-indent", "."],
                                       in: directory.url)
        #expect(result.stdout == """
            ./b.md:5:28: error: inline <style> block in article body [style-block]
            ./content/a.md:5:28: warning: inline <style> block in article body [style-block]
            2 findings in 2 files (2 fixable)

            """)
    }

    @Test func explicitConfigAndRuleOptions() throws {
        let directory = try TemporaryDirectory()
        try directory.write("ci.yml", "rules:\n  ad-comment: {keep: [ad]}\n  fullwidth-indent: off\n")
        try directory.write("a.md", Self.post)
        let result = try CLIRunner.run(["check", "--no-cache", "--config", "ci.yml", "a.md"], in: directory.url)
        #expect(!result.stdout.contains("[ad-comment]"), "the kept comment was reported")
        #expect(!result.stdout.contains("[fullwidth-indent]"))
        #expect(result.stdout.contains("[style-block]"))
    }

    @Test func excludedFilesAreSkipped() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".newslint.yml", "exclude: [\"drafts/**\", \"*.draft.md\"]\n")
        try directory.write("drafts/a.md", Self.post)
        try directory.write("page.draft.md", "<div><!-- x --></div>\n")
        try directory.write("post.md", "---\ntitle: x\n---\n\nText.\n")
        let result = try CLIRunner.run(["check", "--no-cache", "."], in: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout == "No findings in 1 file.\n")
    }

    @Test(arguments: [
        ("rules:\n  ad-coment: off\n", "cfg.yml:2: key 'rules.ad-coment': unknown rule 'ad-coment'"),
        ("rules:\n  ad-comment: loud\n", "cfg.yml:2: key 'rules.ad-comment': expected off, warning or error, found 'loud'"),
        ("target: wordpress\n", "cfg.yml:1: key 'target': expected one of commonmark, hexo, hugo, jekyll"),
        ("colour: red\n", "cfg.yml:1: key 'colour': unknown key; expected one of exclude, extends, rules, sites, target"),
        ("rules: [\n", "cfg.yml:2:"),
        ("extends: missing.yml\n", "cfg.yml:1: key 'extends': no such file: missing.yml"),
    ])
    func badConfigurationNamesFileKeyAndLine(_ yaml: String, _ expected: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("cfg.yml", yaml)
        try directory.write("a.md", Self.post)
        let result = try CLIRunner.run(["check", "--no-cache", "--config", "cfg.yml", "a.md"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test func badNearestConfigurationIsAFileError() throws {
        let directory = try TemporaryDirectory()
        try directory.write("broken/.newslint.yml", "rules:\n  nope: off\n")
        try directory.write("broken/a.md", Self.post)
        try directory.write("good.md", "---\ntitle: x\n---\n\nText.\n")
        let result = try CLIRunner.run(["check", "--no-cache", "."], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("./broken/a.md: error: configuration: "))
        #expect(result.stderr.contains(".newslint.yml:2: key 'rules.nope': unknown rule 'nope'"))
        #expect(result.stdout.contains("No findings in 1 file"))
    }

    /// The linter (and its site profiles) is built only for files the cache does not serve; a broken profile
    /// must still stop every file, on the first run and on the next.
    @Test func brokenSiteProfileIsAFileErrorWithTheCacheOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".newslint.yml", "sites: [profiles]\n")
        try directory.write("profiles/broken.yml", "site: [unclosed\n")
        try directory.write("a.md", Self.post)
        for run in 1...2 {
            let result = try CLIRunner.run(["check", "a.md"], in: directory.url)
            #expect(result.status == 2, "run \(run)")
            #expect(result.stderr.contains("a.md: error: configuration: "), "run \(run): \(result.stderr)")
        }
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("profiles/broken.yml"))
        let fixed = try CLIRunner.run(["check", "a.md"], in: directory.url)
        #expect(fixed.stderr.isEmpty, "\(fixed.stderr)")
        let cached = try CLIRunner.run(["check", "a.md"], in: directory.url)
        #expect(cached.stdout == fixed.stdout)
    }

    /// A profile folder that goes missing after a run is reported, not hidden behind the cached result.
    @Test func aProfileFolderGoneSinceTheLastRunIsReported() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".newslint.yml", "sites: [profiles]\n")
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("profiles"),
                                                withIntermediateDirectories: true)
        try directory.write("a.md", Self.post)
        let first = try CLIRunner.run(["check", "a.md"], in: directory.url)
        #expect(first.status != 2, "\(first.stderr)")
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("profiles"))
        let second = try CLIRunner.run(["check", "a.md"], in: directory.url)
        #expect(second.status == 2)
        #expect(second.stderr.contains("a.md: error: configuration: "), "\(second.stderr)")
    }

    @Test func configPrintShowsTheEffectiveConfiguration() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".newslint.yml", "target: hexo\nrules:\n  ad-comment: off\n  editor-line: {required: false}\n")
        let result = try CLIRunner.run(["config", "--print", "post.md"], in: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("target: hexo\n"))
        #expect(result.stdout.contains("  ad-comment: off\n"))
        #expect(result.stdout.contains("  editor-line: {level: warning, required: false}\n"))
        #expect(result.stdout.contains("  style-block: warning\n"))
    }
}

/// Suppression comments and the front-matter key.
@Suite struct SuppressionTests {
    func check(_ post: String, _ extra: [String] = []) throws -> CLIResult {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", post)
        return try CLIRunner.run(["check", "--no-cache"] + extra + ["a.md"], in: directory.url)
    }

    @Test func disableNextLineSuppressesOneLine() throws {
        let result = try check("""
            ---
            title: x
            ---
            <div>
            <!-- newslint-disable-next-line style-block -->
            <style>p{}</style>
            <style>q{}</style>
            </div>

            """, ["--select", "style-block"])
        #expect(result.stdout == "a.md:7:1: warning: inline <style> block in article body [style-block]\n"
                + "1 finding in 1 file (1 fixable)\n")
    }

    @Test func disableAndEnableBoundARange() throws {
        let result = try check("""
            ---
            title: x
            ---
            <div>
            <!-- newslint-disable style-block, fullwidth-indent -->
            <style>p{}</style>
            <p>　　缩进</p>
            <!-- newslint-enable -->
            <style>q{}</style>
            </div>

            """, ["--select", "style-block,fullwidth-indent"])
        #expect(result.stdout == "a.md:9:1: warning: inline <style> block in article body [style-block]\n"
                + "1 finding in 1 file (1 fixable)\n")
    }

    @Test func frontMatterDisablesForTheWholeFile() throws {
        let result = try check("---\ntitle: x\nnewslint: {disable: [style-block]}\n---\n<div><style>p{}</style></div>\n",
                               ["--select", "style-block"])
        #expect(result.status == 0)
        #expect(result.stdout == "No findings in 1 file.\n")
    }

    @Test func suppressionCommentsAreNotAdComments() throws {
        let result = try check("---\ntitle: x\n---\n<div>\n<!-- newslint-disable-next-line style-block -->\n<style>p{}</style></div>\n",
                               ["--select", "ad-comment,style-block"])
        #expect(result.status == 0)
    }

    @Test func unknownRuleInASuppressionIsAFinding() throws {
        let result = try check("---\ntitle: x\n---\n<div>\n<!-- newslint-disable style-blocks -->\n<p>x</p></div>\n",
                               ["--select", "style-block"])
        #expect(result.stdout.contains("a.md:5:1: error: suppression names unknown rule 'style-blocks' [unknown-suppression]"))
        #expect(result.status == 1)
    }

    @Test func unusedSuppressionIsReportedAndFixed() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n\nText.\n\n<!-- newslint-disable-next-line style-block -->\n\nMore.\n"
        try directory.write("a.md", post)
        let check = try CLIRunner.run(["check", "--no-cache", "a.md"], in: directory.url)
        #expect(check.stdout == "a.md:7:1: warning: '<!-- newslint-disable-next-line style-block -->' suppresses nothing "
                + "[unused-suppression]\n1 finding in 1 file (1 fixable)\n")
        let fix = try CLIRunner.run(["fix", "--no-cache", "--write", "a.md"], in: directory.url)
        #expect(fix.status == 0)
        #expect(try directory.read("a.md") == "---\ntitle: x\n---\n\nText.\n\nMore.\n")
    }

    /// A suppressed finding is not reported, so `fix` leaves it too: only the unsuppressed block goes.
    @Test func fixLeavesWhatIsSuppressed() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n<div>\n<!-- newslint-disable-next-line style-block -->\n<style>p{}</style>\n"
            + "<style>q{}</style>\n<p>正文。</p>\n</div>\n"
        try directory.write("a.md", post)
        let fix = try CLIRunner.run(["fix", "--no-cache", "--write", "--select", "style-block", "a.md"], in: directory.url)
        #expect(fix.status == 0)
        let fixed = try directory.read("a.md")
        #expect(fixed.contains("<style>p{}</style>") && !fixed.contains("<style>q{}</style>"))
        // Suppressed for the whole file, the rule fixes nothing and the file is not touched.
        let wholeFile = "---\ntitle: x\nnewslint: {disable: [style-block]}\n---\n<div><style>p{}</style></div>\n"
        try directory.write("b.md", wholeFile)
        let untouched = try CLIRunner.run(["fix", "--no-cache", "--write", "--select", "style-block", "b.md"],
                                          in: directory.url)
        #expect(untouched.status == 0)
        #expect(try directory.read("b.md") == wholeFile)
    }

    /// With nothing to fix, `fix` leaves the file byte for byte as it was (it used to write the body again, which
    /// rewrote its HTML), and says so alike with an empty and with a filled result cache.
    @Test func fixWithNothingToApplyLeavesTheFileAlone() throws {
        let directory = try TemporaryDirectory()
        let post = "---\ntitle: x\n---\n<P>正文。<BR></P>\n"
        try directory.write("a.md", post)
        for _ in 0..<2 {
            let fix = try CLIRunner.run(["fix", "--select", "credit-line", "a.md"], in: directory.url)
            #expect(fix.status == 0)
            #expect(fix.stderr.contains("No file would change."), "\(fix.stderr)")
        }
        let write = try CLIRunner.run(["fix", "--no-cache", "--write", "--select", "credit-line", "a.md"],
                                      in: directory.url)
        #expect(write.status == 0)
        #expect(try directory.read("a.md") == post)
    }

    @Test func suppressionOfARuleThatDidNotRunIsNotUnused() throws {
        let result = try check("---\ntitle: x\n---\n\nText.\n\n<!-- newslint-disable-next-line style-block -->\n\nMore.\n",
                               ["--ignore", "style-block"])
        #expect(result.status == 0)
    }
}
