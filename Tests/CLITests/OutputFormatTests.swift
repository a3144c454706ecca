import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every `--format`, checked against exact expected output on a small post.
@Suite struct OutputFormatTests {
    /// Two findings: an ad comment (line 5) and a style block (line 6).
    static let post = "---\ntitle: x\n---\n\n<!-- ad --><div>\n<style>p{}</style><p>正文</p></div>\n"

    func run(_ arguments: [String]) throws -> (CLIResult, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        return (try CLIRunner.run(arguments + ["--no-cache", "post.md"], in: directory.url), directory)
    }

    @Test func textIsOneLinePerFindingThenASummary() throws {
        let (result, _) = try run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            post.md:5:1: warning: HTML comment 'ad' left in article body [ad-comment]
            post.md:5:12: warning: post body is raw HTML [html-body]
            post.md:6:1: warning: inline <style> block in article body [style-block]
            3 findings in 1 file (3 fixable)

            """)
    }

    @Test func githubWritesWorkflowCommands() throws {
        let (result, _) = try run(["check", "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            ::warning file=post.md,line=5,col=1,title=ad-comment::HTML comment 'ad' left in article body
            ::warning file=post.md,line=5,col=12,title=html-body::post body is raw HTML
            ::warning file=post.md,line=6,col=1,title=style-block::inline <style> block in article body

            """)
    }

    /// `check`'s JSON edits, applied to the file, give what `fix` writes: also when the fixes leave a suppression
    /// comment unused, which `fix` then removes (`check` computes the fixed text without checking it again, but for
    /// posts with a suppression comment).
    @Test func jsonEditsApplyToWhatFixWrites() throws {
        let posts = [
            "unused.md": "---\ntitle: x\n---\n\n<!-- newslint-disable-next-line fullwidth-indent -->\n"
                + "<!-- ad --><div>\n<style>p{}</style><p>正文</p></div>\n",
            "plain.md": Self.post,
        ]
        for (name, text) in posts {
            let directory = try TemporaryDirectory()
            try directory.write(name, text)
            let checked = try CLIRunner.run(["check", "--no-cache", "--format", "json", name], in: directory.url)
            #expect(checked.status == 1)
            let fixed = try CLIRunner.run(["fix", "--no-cache", "--out", "out", name], in: directory.url)
            #expect(fixed.status == 0 || fixed.status == 1, "\(fixed.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
            let findings = try #require(((report["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
            var edits: [Int: (end: Int, content: String)] = [:]
            for finding in findings {
                for edit in ((finding["fix"] as? [String: Any])?["edits"] as? [[String: Any]]) ?? [] {
                    let start = try #require((edit["start"] as? [String: Any])?["offset"] as? Int)
                    let end = try #require((edit["end"] as? [String: Any])?["offset"] as? Int)
                    edits[start] = (end, try #require(edit["content"] as? String))
                }
            }
            #expect(!edits.isEmpty)
            var bytes = Array(text.utf8)
            for (start, edit) in edits.sorted(by: { $0.key > $1.key }) {
                bytes.replaceSubrange(start..<edit.end, with: Array(edit.content.utf8))
            }
            #expect(String(decoding: bytes, as: UTF8.self) == (try directory.read("out/" + name)), "\(name)")
        }
    }

    @Test func jsonCarriesLocationsOffsetsAndFixEdits() throws {
        let (result, _) = try run(["check", "--format", "json", "--select", "ad-comment"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            {
              "files" : [
                {
                  "error" : null,
                  "findings" : [
                    {
                      "fix" : {
                        "applicability" : "safe",
                        "edits" : [
                          {
                            "content" : "<div>\\n<style>p{}</style>\\n<p>正文</p>\\n</div>\\n",
                            "end" : {
                              "line" : 7,
                              "offset" : 73
                            },
                            "start" : {
                              "line" : 5,
                              "offset" : 18
                            }
                          }
                        ],
                        "title" : "remove the comment"
                      },
                      "location" : {
                        "column" : 1,
                        "line" : 5,
                        "offset" : 18
                      },
                      "message" : "HTML comment 'ad' left in article body",
                      "rule" : "ad-comment",
                      "severity" : "warning"
                    }
                  ],
                  "path" : "post.md"
                }
              ],
              "summary" : {
                "errors" : 0,
                "files" : 1,
                "files_with_findings" : 1,
                "findings" : 1,
                "fixable" : 1,
                "unsafe_fixable" : 0
              },
              "version" : "0.1.0"
            }

            """)
    }

    @Test func jsonKeepsEditsUnderWrite() throws {
        let (result, directory) = try run(["fix", "--write", "--format", "json", "--select", "ad-comment,style-block"])
        #expect(result.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let files = document?["files"] as? [[String: Any]]
        #expect((files?.first?["findings"] as? [Any])?.isEmpty == true, "nothing is left after the fix")
        #expect(try directory.read("post.md") == "---\ntitle: x\n---\n\n<div>\n<p>正文</p>\n</div>\n")
    }

    @Test func junitIsOneCasePerFinding() throws {
        let (result, _) = try run(["check", "--format", "junit", "--select", "ad-comment"])
        #expect(result.stdout == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="newslint" tests="1" failures="1" errors="0">
              <testsuite name="newslint" tests="1" failures="1" errors="0" time="0">
                <testcase classname="post.md" name="ad-comment" time="0"><failure message="HTML comment &apos;ad&apos; left in article body" type="warning">post.md:5:1: warning: HTML comment 'ad' left in article body</failure></testcase>
              </testsuite>
            </testsuites>

            """.replacingOccurrences(of: "&apos;", with: "'"))
        let parsed = try XMLDocument(xmlString: result.stdout)
        #expect(try parsed.nodes(forXPath: "//testcase/failure").count == 1)
    }

    @Test func sarifDescribesRulesAndResults() throws {
        let (result, _) = try run(["check", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == Set(ids).count && ids.count > 20, "every rule once: \(ids)")
        #expect(ids.contains("ad-comment") && ids.contains("content-loss") && ids.contains("unused-suppression"))
        #expect(rules.allSatisfy { ($0["help"] as? [String: Any])?["text"] != nil })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["ad-comment", "html-body", "style-block"])
        #expect(results.allSatisfy { ($0["fixes"] as? [Any])?.isEmpty == false })
    }

    @Test(.enabled(if: Tools.available("sarif") || Tools.requiredInCI, "sarif-tools (pip install sarif-tools) is not installed"))
    func sarifIsAcceptedBySarifTools() throws {
        let (result, directory) = try run(["check", "--format", "sarif:report.sarif"])
        #expect(result.status == 1)
        let summary = try Tools.run("sarif", ["summary", directory.url.appendingPathComponent("report.sarif").path])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("warning: 3"))
        #expect(summary.stdout.contains("ad-comment"))
    }

    @Test(.enabled(if: Tools.pythonModule("junitparser") || Tools.requiredInCI,
                   "junitparser (pip install junitparser) is not installed"))
    func junitIsAcceptedByJunitparser() throws {
        let (result, directory) = try run(["check", "--format", "junit:report.xml"])
        #expect(result.status == 1)
        let script = """
            from junitparser import JUnitXml
            xml = JUnitXml.fromfile("report.xml")
            cases = [case for suite in xml for case in suite]
            print(len(cases), sum(1 for case in cases if not case.is_passed))
            """
        let parsed = try Tools.run("python3", ["-c", script], in: directory.url)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout == "3 3\n")
    }

    @Test func severalFormatsInOneRun() throws {
        let (result, directory) = try run(["check", "--format", "github", "--format", "json:out/newslint.json",
                                           "--format", "junit:out/junit.xml"])
        #expect(result.stdout.hasPrefix("::warning file=post.md,line=5,col=1,title=ad-comment::"))
        let json = try directory.read("out/newslint.json")
        #expect(json.contains("\"rule\" : \"style-block\""))
        #expect(try directory.read("out/junit.xml").contains("<testsuites name=\"newslint\" tests=\"3\""))
    }

    /// The JSON report is written as files complete: every file in path order, failures and missing paths
    /// included, one valid document on standard output and in a report file.
    @Test func jsonStreamsEveryFileInPathOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", Self.post)
        try directory.writeBytes("b.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
        try directory.write("c.md", "---\ntitle: 干净\n---\n\n正文。\n")
        for arguments in [["--format", "json"], ["--format", "json:out/report.json"]] {
            let result = try CLIRunner.run(["check", "--no-cache"] + arguments + ["a.md", "b.md", "c.md", "gone.md"],
                                           in: directory.url)
            #expect(result.status == 2)
            let text = arguments[1] == "json" ? result.stdout : try directory.read("out/report.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let files = try #require(document["files"] as? [[String: Any]])
            #expect(files.map { $0["path"] as? String } == ["a.md", "b.md", "c.md", "gone.md"])
            #expect((files[0]["findings"] as? [Any])?.count == 3)
            #expect(files[1]["error"] is String)
            #expect((files[2]["findings"] as? [Any])?.isEmpty == true)
            let summary = try #require(document["summary"] as? [String: Any])
            #expect(summary["files"] as? Int == 2)
            #expect(summary["findings"] as? Int == 3)
            #expect(summary["errors"] as? Int == 2)
            #expect(document["version"] is String)
        }
    }

    /// SARIF, GitHub commands and JUnit are written as files complete too: each file's results in path order, and
    /// the files that could not be read at the end (JUnit's in their place).
    @Test func machineFormatsStreamEveryFileInPathOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", Self.post)
        try directory.writeBytes("b.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
        try directory.write("c.md", "---\ntitle: 干净\n---\n\n正文。\n")
        try directory.write("d.md", Self.post)
        let files = ["a.md", "b.md", "c.md", "d.md", "gone.md"]
        for arguments in [["--format", "sarif"], ["--format", "sarif:out/report.sarif"]] {
            let result = try CLIRunner.run(["check", "--no-cache"] + arguments + files, in: directory.url)
            #expect(result.status == 2)
            let text = arguments[1] == "sarif" ? result.stdout : try directory.read("out/report.sarif")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            let uris = results.map { result in
                ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                    .flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
            }
            #expect(uris == Array(repeating: "a.md", count: 3) + Array(repeating: "d.md", count: 3))
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            let failed = (invocation["toolExecutionNotifications"] as? [[String: Any]])?.map { notification in
                ((notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                    .flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
            }
            #expect(failed == ["gone.md", "b.md"])
            #expect(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] is [Any])
            #expect(log["version"] as? String == "2.1.0")
        }
        // JUnit opens with the run's counts: its cases wait in a temporary file until the end.
        let junit = try CLIRunner.run(["check", "--no-cache", "--format", "junit"] + files, in: directory.url)
        #expect(junit.stdout.contains("<testsuites name=\"newslint\" tests=\"9\" failures=\"6\" errors=\"2\">"))
        let classes = junit.stdout.split(separator: "\n").filter { $0.contains("<testcase") }.map { line in
            line.split(separator: "\"")[1] + ":" + line.split(separator: "\"")[3]
        }
        #expect(classes == ["a.md:ad-comment", "a.md:html-body", "a.md:style-block", "b.md:read", "c.md:newslint",
                            "d.md:ad-comment", "d.md:html-body", "d.md:style-block", "gone.md:read"])
        let github = try CLIRunner.run(["check", "--no-cache", "--format", "github"] + files, in: directory.url)
        let lines = github.stdout.split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(lines == Array(repeating: "::warning file=a.md", count: 3) + Array(repeating: "::warning file=d.md", count: 3)
            + ["::error file=gone.md", "::error file=b.md"])
    }

    /// A report path that is a pipe or a device (`/dev/stdout`, `/dev/null`) is written to as it is: it cannot be
    /// replaced by a temporary file, as a regular report file is.
    @Test func reportsGoToDevicesAndPipes() throws {
        for format in ["json", "sarif", "junit", "github"] {
            let (toNull, _) = try run(["check", "--format", "\(format):/dev/null"])
            #expect(toNull.status == 1, "\(format): \(toNull.stderr)")
            #expect(toNull.stderr.isEmpty, "\(format): \(toNull.stderr)")
            // The runner's standard output is a pipe.
            let (toPipe, _) = try run(["check", "--format", "\(format):/dev/stdout", "--format", "text:/dev/stderr"])
            #expect(toPipe.status == 1)
            #expect(toPipe.stdout.contains("style-block"), "\(format): \(toPipe.stdout)")
            #expect(toPipe.stderr.contains("3 findings in 1 file (3 fixable)"), "\(format): \(toPipe.stderr)")
        }
    }

    /// Text written to a file is what standard output gets: each file's findings as it completes, the summary
    /// at the end (none with `--quiet`).
    @Test func textReportFileIsWhatStandardOutputGets() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", Self.post)
        try directory.write("b.md", "---\ntitle: 干净\n---\n\n正文。\n")
        try directory.write("c.md", Self.post)
        let plain = try CLIRunner.run(["check", "--no-cache", "."], in: directory.url)
        let toFile = try CLIRunner.run(["check", "--no-cache", "--format", "json", "--format", "text:out/report.txt", "."],
                                       in: directory.url)
        #expect(toFile.status == plain.status)
        #expect(try directory.read("out/report.txt") == plain.stdout)
        #expect(plain.stdout.hasSuffix("6 findings in 2 files (6 fixable)\n"))
        _ = try CLIRunner.run(["check", "--no-cache", "--quiet", "--output-file", "out/quiet.txt", "."], in: directory.url)
        #expect(try directory.read("out/quiet.txt") == plain.stdout.replacingOccurrences(
            of: "6 findings in 2 files (6 fixable)\n", with: ""))
        let fixed = try CLIRunner.run(["fix", "--write", "--no-cache", "--output-file", "out/fix.txt", "."], in: directory.url)
        #expect(fixed.stdout.isEmpty)
        let fixReport = try directory.read("out/fix.txt")
        #expect(fixReport.hasPrefix("Fixed 2 files"), "\(fixReport)")
    }

    /// `fix` without `--write` prints its diff on standard output, and writes report files as files complete: the
    /// findings as read and the edits its safe fixes make, as `check` reports them.
    @Test func fixDiffRunWritesTheReportFilesCheckWrites() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", Self.post)
        try directory.write("b.md", "---\ntitle: 干净\n---\n\n正文。\n")
        let fix = try CLIRunner.run(["fix", "--no-cache", "--format", "json:out/fix.json", "--format", "junit:out/fix.xml",
                                     "."], in: directory.url)
        #expect(fix.status == 1)
        #expect(fix.stdout.hasPrefix("--- a/./a.md\n+++ b/./a.md\n"), "\(fix.stdout)")
        _ = try CLIRunner.run(["check", "--no-cache", "--format", "json:out/check.json", "--format", "junit:out/check.xml",
                               "."], in: directory.url)
        #expect(try directory.read("out/fix.json") == directory.read("out/check.json"))
        #expect(try directory.read("out/fix.xml") == directory.read("out/check.xml"))
    }

    @Test func outputFileTakesTheReport() throws {
        let (result, directory) = try run(["check", "--format", "json", "--output-file", "report.json"])
        #expect(result.stdout.isEmpty)
        #expect(try directory.read("report.json").contains("\"files_with_findings\" : 1"))
    }

    @Test func reportFilesAreWrittenLikePosts() throws {
        // Foundation's `String.write(toFile:atomically: true)` replaced a symbolic link with a file and a 0600
        // report with a 0644 one; reports now go through the writer `fix --write` uses.
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        try directory.write("artefacts/report.json", "old\n")
        #expect(chmod(directory.path("artefacts/report.json"), 0o600) == 0)
        try FileManager.default.createDirectory(atPath: directory.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path("out/report.json"),
                                                   withDestinationPath: "../artefacts/report.json")
        try FileManager.default.createDirectory(atPath: directory.path("tmp"), withIntermediateDirectories: true)
        let result = try CLIRunner.run(["check", "--no-cache", "--format", "json:out/report.json",
                                        "--format", "junit:out/junit.xml", "post.md"],
                                       in: directory.url, environment: ["TMPDIR": directory.path("tmp")])
        #expect(result.status == 1)
        #expect(try directory.read("artefacts/report.json").contains("\"files_with_findings\" : 1"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("out/report.json"))
            == "../artefacts/report.json")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path("artefacts/report.json"))
        #expect((mode[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")).sorted()
            == ["junit.xml", "report.json"], "temporary files left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("tmp")) == [])
    }

    @Test func twoFormatsOnStandardOutputAreAUsageError() throws {
        let (result, _) = try run(["check", "--format", "json", "--format", "github"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("only one format can write to standard output"))
    }
}

/// External tools some tests drive.
enum Tools {
    static var requiredInCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func available(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)")
        }
    }

    /// True when `python3 -c "import module"` succeeds.
    static func pythonModule(_ module: String) -> Bool {
        (try? run("python3", ["-c", "import \(module)"]).status) == 0
    }

    static func run(_ name: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> CLIResult {
        try CLIRunner.launch(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory,
                             environment: environment)
    }
}
