import Foundation
import Testing

/// `fix --write` replaces files atomically: whatever fails or whoever else writes, each post is either
/// exactly as it was or exactly fixed, and no temporary file is left behind.
@Suite struct SafeWriteTests {
    @Test func fullDiskLeavesTheOriginalByteIdentical() throws {
        let directory = try TemporaryDirectory()
        let disk = directory.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try Mount.tmpfs(at: disk.path, size: "64k")
        defer { Mount.unmount(disk.path) }
        // 40 KB: the original and its temporary copy cannot both fit in 64 KiB.
        let post = HostileInput.dirtyPost.replacingOccurrences(
            of: "<p>　　正文第一段。</p>", with: String(repeating: "<p>　　正文第一段。</p>\n", count: 1300))
        try directory.write("disk/post.md", post)
        try directory.write("elsewhere/good.md", HostileInput.dirtyPost)
        let before = try directory.bytes("disk/post.md")

        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "disk", "elsewhere"], in: directory.url)
        #expect(fix.status == 2)
        #expect(fix.stderr == "disk/post.md: error: cannot write the file: No space left on device\n"
            + "1 file could not be fixed (see above).\n")
        #expect(try directory.bytes("disk/post.md") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["post.md"], "temporary file left")
        #expect(try directory.read("elsewhere/good.md") == HostileInput.fixedPost)
    }

    @Test func killedRunLeavesEveryFileOriginalOrFixed() throws {
        let directory = try TemporaryDirectory()
        let posts = try Self.writeTree(in: directory, count: 300)
        let expected = try Self.fixedReference(of: posts)

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["fix", "--write", "--no-cache", "--jobs", "2", "posts"]
        process.currentDirectoryURL = directory.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill as soon as some files are fixed and before all are.
        let deadline = Date().addingTimeInterval(120)
        var fixedCount = 0
        while process.isRunning, Date() < deadline {
            fixedCount = try posts.keys.filter { try directory.read($0) == expected[$0] }.count
            if fixedCount > 0 { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run finished before it could be killed")

        var fixedAfterKill = 0
        for (name, original) in posts {
            let now = try directory.read(name)
            #expect(now == original || now == expected[name], "\(name) is neither original nor fixed")
            if now == expected[name] { fixedAfterKill += 1 }
        }
        #expect(fixedAfterKill > 0 && fixedAfterKill < posts.count, "kill came at \(fixedAfterKill) of \(posts.count)")
        // SIGKILL can leave a hidden temporary file, never a visible one and never a partial post.
        let leftovers = try directory.allEntries().filter { !$0.hasPrefix("posts/post-") || !$0.hasSuffix(".md") }
            .filter { $0 != "posts" }
        for leftover in leftovers {
            #expect(leftover.range(of: #"^posts/\.post-\d+\.md\.newslint-\d+-\d+\.tmp$"#, options: .regularExpression)
                != nil, "unexpected file \(leftover)")
        }

        let rerun = try CLIRunner.run(["fix", "--write", "--no-cache", "posts"], in: directory.url)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for name in posts.keys { #expect(try directory.read(name) == expected[name]) }
    }

    @Test func concurrentRunsNeverCorruptAFile() throws {
        let directory = try TemporaryDirectory()
        let posts = try Self.writeTree(in: directory, count: 120)
        let expected = try Self.fixedReference(of: posts)
        let runs = try (0..<2).map { _ in
            try StreamingRun(["fix", "--write", "--no-cache", "--jobs", "1", "posts"], in: directory.url)
        }
        for run in runs {
            let result = run.finish()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "")
        }
        for name in posts.keys { #expect(try directory.read(name) == expected[name], "\(name) is corrupt") }
        #expect(try directory.allEntries() == Set(["posts"] + posts.keys), "temporary files left")
    }

    @Test func ownerGroupAndModeAreKept() throws {
        guard Machine.isRoot else { try Test.cancel("only root can give a file to another owner") }
        let directory = try TemporaryDirectory()
        try directory.write("post.md", HostileInput.dirtyPost)
        #expect(chown(directory.path("post.md"), 1234, 5678) == 0)
        #expect(chmod(directory.path("post.md"), 0o640) == 0)
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "post.md"], in: directory.url)
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(try directory.read("post.md") == HostileInput.fixedPost)
        var info = stat()
        #expect(stat(directory.path("post.md"), &info) == 0)
        #expect(info.st_uid == 1234)
        #expect(info.st_gid == 5678)
        #expect(info.st_mode & 0o7777 == 0o640)
    }

    @Test func symlinkedPostIsWrittenThroughAndKeepsTheTargetsOwner() throws {
        guard Machine.isRoot else { try Test.cancel("only root can give a file to another owner") }
        let directory = try TemporaryDirectory()
        try directory.write("real/post.md", HostileInput.dirtyPost)
        #expect(chown(directory.path("real/post.md"), 1234, 5678) == 0)
        try FileManager.default.createSymbolicLink(atPath: directory.path("link.md"),
                                                   withDestinationPath: "real/post.md")
        let fix = try CLIRunner.run(["fix", "--write", "--no-cache", "link.md"], in: directory.url)
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("link.md")) == "real/post.md")
        #expect(try directory.read("real/post.md") == HostileInput.fixedPost)
        var info = stat()
        #expect(stat(directory.path("real/post.md"), &info) == 0)
        #expect(info.st_uid == 1234 && info.st_gid == 5678)
        #expect(try directory.allEntries() == ["link.md", "real", "real/post.md"], "temporary files left")
    }
}

private extension SafeWriteTests {
    /// `count` dirty posts under `posts/`, each slightly different, by relative path.
    static func writeTree(in directory: TemporaryDirectory, count: Int) throws -> [String: String] {
        var posts: [String: String] = [:]
        for index in 0..<count {
            let name = "posts/post-\(index).md"
            let text = HostileInput.dirtyPost.replacingOccurrences(of: "正文第一段。", with: "正文第\(index)段。")
            try directory.write(name, text)
            posts[name] = text
        }
        return posts
    }

    /// What a complete `fix --write` makes of each post, computed in a copy of the tree.
    static func fixedReference(of posts: [String: String]) throws -> [String: String] {
        let reference = try TemporaryDirectory()
        for (name, text) in posts { try reference.write(name, text) }
        let run = try CLIRunner.run(["fix", "--write", "--no-cache", "posts"], in: reference.url)
        #expect(run.status == 0, "\(run.stderr)")
        var fixed: [String: String] = [:]
        for name in posts.keys {
            fixed[name] = try reference.read(name)
            #expect(fixed[name] != posts[name], "\(name) was not changed by fix")
        }
        return fixed
    }
}

/// Mounting a small tmpfs, for filling a disk. Needs root (or CAP_SYS_ADMIN).
enum Mount {
    /// Mounts a tmpfs of `size` at `path`. Cancels the test when mounting is not permitted here; any other
    /// failure cancels it too, except under `CI=true`, where the machine is set up for it and it fails.
    static func tmpfs(at path: String, size: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return }
        let denied = ["permission denied", "operation not permitted", "must be superuser", "only root"]
            .contains { message.lowercased().contains($0) }
        if denied { try Test.cancel("mounting a tmpfs is not permitted here: \(message)") }
        if !Machine.isCI { try Test.cancel("mount -t tmpfs failed: \(message)") }
        throw MountError(message: message)
    }

    struct MountError: Error, CustomStringConvertible {
        let message: String
        var description: String { "mount -t tmpfs failed: \(message)" }
    }

    static func unmount(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [path]
        try? process.run()
        process.waitUntilExit()
    }
}
