import Foundation
import Testing

/// The hooks in `.pre-commit-hooks.yaml`, driven by the real pre-commit (PyPI) on a scratch repository.
///
/// pre-commit builds newslint from this repository's HEAD (`language: swift`) once per test run, into a
/// shared PRE_COMMIT_HOME; that first build takes a few minutes.
@Suite(.serialized, .enabled(if: Tools.available("pre-commit") || Tools.requiredInCI,
                             "pre-commit is not installed (pip install pre-commit); the hook tests are skipped"))
struct PreCommitTests {
    static let home = FileManager.default.temporaryDirectory.appendingPathComponent("newslint-pre-commit-home")
    static let dirtyPost = "---\ntitle: x\n---\n\n<div><p>　　正文</p><!-- ad --></div>\n"

    /// A git repository whose pre-commit config installs the hooks from this checkout.
    func makeRepository() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let head = try git(["rev-parse", "HEAD"], in: CLIRunner.repositoryRoot).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try directory.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(CLIRunner.repositoryRoot.path)
                rev: \(head)
                hooks:
                  - id: newslint-check
                  - id: newslint-fix

            """)
        _ = try git(["init", "-q"], in: directory.url)
        _ = try git(["config", "user.email", "test@example.com"], in: directory.url)
        _ = try git(["config", "user.name", "newslint tests"], in: directory.url)
        _ = try git(["add", ".pre-commit-config.yaml"], in: directory.url)
        _ = try git(["commit", "-q", "--no-verify", "-m", "config"], in: directory.url)
        let install = try preCommit(["install"], in: directory.url)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        return directory
    }

    func git(_ arguments: [String], in directory: URL) throws -> CLIResult {
        try Tools.run("git", arguments, in: directory, environment: ["PRE_COMMIT_HOME": Self.home.path])
    }

    func preCommit(_ arguments: [String], in directory: URL) throws -> CLIResult {
        try Tools.run("pre-commit", arguments, in: directory, environment: ["PRE_COMMIT_HOME": Self.home.path])
    }

    @Test func dirtyPostIsRefusedFixedAndThenCommits() throws {
        let repository = try makeRepository()
        try repository.write("post.md", Self.dirtyPost)
        _ = try git(["add", "post.md"], in: repository.url)
        let refused = try git(["commit", "-m", "add post"], in: repository.url)
        let output = refused.stdout + refused.stderr
        #expect(refused.status != 0, "the commit of a dirty post went through")
        #expect(output.contains("post.md:5:9: warning: paragraph indented with U+3000 ideographic spaces [fullwidth-indent]"),
                "\(output)")
        #expect(output.contains("[ad-comment]"))
        #expect(output.contains("files were modified by this hook"))
        #expect(try repository.read("post.md") == "---\ntitle: x\n---\n\n正文\n")

        _ = try git(["add", "post.md"], in: repository.url)
        let accepted = try git(["commit", "-m", "add fixed post"], in: repository.url)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
    }

    @Test func chunkedFileListsGiveTheSameFindings() throws {
        let repository = try makeRepository()
        var names: [String] = []
        let examples = CLIRunner.repositoryRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".md") {
            for copy in 0..<8 {
                let target = "posts/\(copy)-\(name)"
                try FileManager.default.createDirectory(at: repository.url.appendingPathComponent("posts"),
                                                        withIntermediateDirectories: true)
                _ = try repository.copy(fromRepository: "Examples/\(name)", as: target)
                names.append(target)
            }
        }
        let hook = try preCommit(["run", "newslint-check", "--verbose", "--files"] + names, in: repository.url)
        let direct = try CLIRunner.run(["check", "--no-cache"] + names, in: repository.url)
        func findings(_ text: String) -> [String] {
            text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("posts/") && $0.hasSuffix("]") }.sorted()
        }
        #expect(hook.status != 0)
        #expect(!findings(direct.stdout).isEmpty)
        #expect(findings(hook.stdout + hook.stderr) == findings(direct.stdout))
    }
}
