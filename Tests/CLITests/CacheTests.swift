import Foundation
import Testing

/// `--cache` (on by default): results of unchanged files are reused, and never when anything changed.
@Suite struct CacheTests {
    static let post = OutputFormatTests.post

    /// Every cache entry file under the directory (the files of `v3/<two hex digits>/`).
    func entries(in directory: TemporaryDirectory) throws -> [URL] {
        let root = directory.url.appendingPathComponent(".newslint_cache/v3")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? []).filter { url in
            (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// Rewrites every message in the cached entries, so a served entry is recognisable.
    func tamper(_ directory: TemporaryDirectory) throws {
        for entry in try entries(in: directory) {
            let text = try String(contentsOf: entry, encoding: .utf8)
                .replacingOccurrences(of: "left in article body", with: "SERVED FROM CACHE")
            try text.write(to: entry, atomically: false, encoding: .utf8)
        }
    }

    @Test func unchangedFileIsServedFromTheCache() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        let first = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(first.status == 1)
        #expect(try entries(in: directory).count == 1)
        #expect(try directory.read(".newslint_cache/.gitignore").contains("*"))
        let folder = try #require(try entries(in: directory).first).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1, "a temporary file was left")
        try tamper(directory)
        let second = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(second.stdout.contains("HTML comment 'ad' SERVED FROM CACHE"), "the file was parsed again")
        #expect(second.status == 1)
    }

    @Test func changedContentMissesTheCache() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["check", "post.md"], in: directory.url)
        try tamper(directory)
        try directory.write("post.md", Self.post.replacingOccurrences(of: "<!-- ad -->", with: "<!-- ad2 -->"))
        let result = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(result.stdout.contains("HTML comment 'ad2' left in article body"))
        #expect(!result.stdout.contains("SERVED FROM CACHE"))
    }

    @Test func changedSettingsMissTheCache() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["check", "post.md"], in: directory.url)
        try tamper(directory)
        for settings in [["--select", "ad-comment"], ["--ignore", "style-block"], ["--site", "sina-finance"]] {
            let result = try CLIRunner.run(["check"] + settings + ["post.md"], in: directory.url)
            #expect(!result.stdout.contains("SERVED FROM CACHE"), "\(settings) was served a stale entry")
            #expect(result.stdout.contains("left in article body"))
        }
    }

    @Test func corruptEntryIsRebuiltWithANote() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["check", "post.md"], in: directory.url)
        let entry = try #require(try entries(in: directory).first)
        let written = try String(contentsOf: entry, encoding: .utf8)
        // Cut short, as a crash before the data reached the disk can leave it.
        try String(written.dropLast(5)).write(to: entry, atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(result.stderr.contains("newslint: note: cache entry"))
        #expect(result.stderr.contains("is corrupt; rebuilding it"))
        #expect(result.stdout.contains("HTML comment 'ad' left in article body"))
        #expect(try String(contentsOf: entry, encoding: .utf8) == written)
        let again = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(again.stderr.isEmpty)
        #expect(again.stdout == result.stdout)
    }

    @Test func fixUsesAndRefreshesTheCache() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        let fixed = try CLIRunner.run(["fix", "--write", "post.md"], in: directory.url)
        #expect(fixed.status == 0)
        let check = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(check.stdout == "No findings in 1 file.\n")
        let again = try CLIRunner.run(["fix", "--write", "post.md"], in: directory.url)
        #expect(again.stdout == "Fixed 0 files (0 findings resolved). No findings left.\n")
    }

    /// `fix --write` stores the entry of the file it writes, so the check that follows is served from the cache.
    @Test func aCheckAfterFixIsServedFromTheCache() throws {
        let directory = try TemporaryDirectory()
        // `date: Invalid Date` has no fix: the fixed post keeps one finding.
        try directory.write("post.md", "---\ntitle: x\ndate: Invalid Date\n---\n\n<!-- ad --><div><p>正文</p></div>\n")
        let fixed = try CLIRunner.run(["fix", "--write", "post.md"], in: directory.url)
        #expect(fixed.stdout.contains("front-matter-date"), "\(fixed.stdout)")
        for entry in try entries(in: directory) {
            let text = try String(contentsOf: entry, encoding: .utf8).replacingOccurrences(of: "is not a date", with: "SERVED")
            try text.write(to: entry, atomically: false, encoding: .utf8)
        }
        let check = try CLIRunner.run(["check", "post.md"], in: directory.url)
        #expect(check.stdout.contains("SERVED"), "the fixed file was checked again: \(check.stdout)")
    }

    /// A JSON or SARIF check stores the edits of the safe fixes with the findings; a warm run serves them without
    /// fixing the post again, and prints what a fresh run does.
    @Test func jsonEditsAreServedFromTheCache() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        let fresh = try CLIRunner.run(["check", "--no-cache", "--format", "json", "post.md"], in: directory.url)
        let first = try CLIRunner.run(["check", "--format", "json", "post.md"], in: directory.url)
        #expect(first.stdout == fresh.stdout)
        let entry = try #require(try entries(in: directory).first)
        let stored = try String(contentsOf: entry, encoding: .utf8)
        #expect(stored.contains("\nk\ne\t"), "\(stored)")
        let warm = try CLIRunner.run(["check", "--format", "json", "post.md"], in: directory.url)
        #expect(warm.stdout == fresh.stdout)
        #expect(warm.status == fresh.status)
        // Served, not worked out again: a changed edit shows.
        try stored.replacingOccurrences(of: "正文", with: "SERVED").write(to: entry, atomically: false, encoding: .utf8)
        let served = try CLIRunner.run(["check", "--format", "sarif", "post.md"], in: directory.url)
        #expect(served.stdout.contains("SERVED"), "the post was fixed again: \(served.stdout)")
    }

    /// A hit is not written again, unless the run adds edits to an entry stored without them.
    @Test func hitsAreNotRewrittenButGainTheirEdits() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["check", "post.md"], in: directory.url)
        let entry = try #require(try entries(in: directory).first)
        let inode = { try FileManager.default.attributesOfItem(atPath: entry.path)[.systemFileNumber] as? Int }
        let stored = try inode()
        #expect(!(try String(contentsOf: entry, encoding: .utf8)).contains("\nk\n"))
        _ = try CLIRunner.run(["check", "post.md"], in: directory.url)
        _ = try CLIRunner.run(["fix", "post.md"], in: directory.url)
        #expect(try inode() == stored, "a hit was stored again")
        _ = try CLIRunner.run(["check", "--format", "json", "post.md"], in: directory.url)
        #expect(try String(contentsOf: entry, encoding: .utf8).contains("\nk\ne\t"))
        let withEdits = try inode()
        #expect(withEdits != stored)
        _ = try CLIRunner.run(["check", "--format", "json", "post.md"], in: directory.url)
        _ = try CLIRunner.run(["fix", "--unsafe-fixes", "--format", "json", "post.md"], in: directory.url)
        #expect(try inode() == withEdits, "a hit was stored again")
    }

    /// Edits that unsafe fixes went into are not what `check` reports: they are not stored.
    @Test func unsafeFixesStoreNoEdits() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["fix", "--unsafe-fixes", "--format", "json", "post.md"], in: directory.url)
        let entry = try #require(try entries(in: directory).first)
        #expect(!(try String(contentsOf: entry, encoding: .utf8)).contains("\nk\n"))
    }

    /// Over the example posts, a check served by the entries `fix --write` stored prints what a fresh check does.
    @Test func entriesStoredByFixMatchAFreshCheck() throws {
        let directory = try TemporaryDirectory()
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: CLIRunner.repositoryRoot.appendingPathComponent("Examples").path).filter { $0.hasSuffix(".md") }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("posts"),
                                                withIntermediateDirectories: true)
        for name in examples { _ = try directory.copy(fromRepository: "Examples/\(name)", as: "posts/\(name)") }
        _ = try CLIRunner.run(["fix", "--write", "--format", "json", "posts"], in: directory.url)
        let cached = try CLIRunner.run(["check", "--format", "json", "posts"], in: directory.url)
        let fresh = try CLIRunner.run(["check", "--no-cache", "--format", "json", "posts"], in: directory.url)
        #expect(cached.stdout == fresh.stdout)
        #expect(cached.status == fresh.status)
        let text = try CLIRunner.run(["check", "posts"], in: directory.url)
        let freshText = try CLIRunner.run(["check", "--no-cache", "posts"], in: directory.url)
        #expect(text.stdout == freshText.stdout)
    }

    @Test func noCacheWritesNothing() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["check", "--no-cache", "post.md"], in: directory.url)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".newslint_cache").path))
    }

    @Test func cacheDirCanBeMoved() throws {
        let directory = try TemporaryDirectory()
        try directory.write("post.md", Self.post)
        _ = try CLIRunner.run(["check", "--cache-dir", "build/cache", "post.md"], in: directory.url)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("build/cache/.gitignore").path))
    }
}
