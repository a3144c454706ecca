import Foundation
import Testing
@testable import NewslintCore

/// The walk finds posts in the order of their paths, each once, without listing the tree first.
@Suite struct FileDiscoveryTests {
    /// A scratch folder, removed when the test ends.
    final class Scratch {
        let root: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ relative: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try "---\ntitle: x\n---\n\nText\n".write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// Names around `/` in sort order: `-`, `.`, space and `!` sort before it, letters and CJK after it.
    static let tree = [
        "a.md", "a-b.md", "a b.md", "a!.md", "a/c.md", "a/b/d.md", "a/b.md", "ab.md", "ab/x.md", "b.markdown",
        "新闻/一.md", "新闻.md", "新闻-二.md", "Z.md", "z/Z.md", "x.md/inside.md", "deep/1/2/3/4/5/post.md",
    ]

    func posts(_ paths: [String]) -> [String] {
        FileDiscovery.walk(paths).compactMap { found in
            if case .post(let path) = found { path } else { nil }
        }
    }

    /// The paths as a list sorted by their bytes would hold them.
    func byteSorted(_ paths: [String]) -> [String] {
        paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test func aFolderIsWalkedInTheOrderOfThePaths() throws {
        let scratch = try Scratch()
        for path in Self.tree { try scratch.write(path) }
        try scratch.write("notes.txt")
        try scratch.write(".hidden/h.md")
        try scratch.write("node_modules/n.md")
        let found = posts([scratch.root])
        #expect(found == byteSorted(Self.tree.map { scratch.root + "/" + $0 }))
        #expect(found.count == Self.tree.count)
    }

    /// `café` composed and decomposed are two folders on Linux; Swift's string comparison finds them equal.
    @Test func canonicallyEquivalentNamesAreTwoFolders() throws {
        let scratch = try Scratch()
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        try scratch.write(composed + "/a.md")
        try scratch.write(decomposed + "/a.md")
        try scratch.write(composed + ".md")
        try scratch.write(decomposed + ".md")
        let expected = [composed + "/a.md", decomposed + "/a.md", composed + ".md", decomposed + ".md"]
            .map { scratch.root + "/" + $0 }
        #expect(posts([scratch.root]).map { Array($0.utf8) } == byteSorted(expected).map { Array($0.utf8) })
        // Named too: each post once, none lost.
        let named = posts([scratch.root + "/" + decomposed + "/a.md", scratch.root, scratch.root + "/" + composed])
        #expect(named.map { Array($0.utf8) } == byteSorted(expected).map { Array($0.utf8) })
    }

    /// Many folder arguments (`check $(ls -d posts/*)`) merge in path order.
    @Test func manyFolderArgumentsMergeInOrder() throws {
        let scratch = try Scratch()
        var expected: [String] = []
        for folder in 0..<60 {
            for post in 0..<3 {
                let relative = String(format: "f%02d/p%d.md", 59 - folder, post)
                try scratch.write(relative)
                expected.append(scratch.root + "/" + relative)
            }
        }
        let folders = (0..<60).map { String(format: "%@/f%02d", scratch.root, $0) }.reversed()
        #expect(posts(Array(folders)) == byteSorted(expected))
    }

    @Test func overlappingFoldersAndNamedFilesGiveEachPostOnce() throws {
        let scratch = try Scratch()
        for path in Self.tree { try scratch.write(path) }
        let root = scratch.root
        let found = posts([root + "/a", root + "/zzz-missing.md", root + "/ab.md", root, root + "/a/c.md", root + "/a"])
        #expect(found == byteSorted(Self.tree.map { root + "/" + $0 }))
        let missing = FileDiscovery.walk([root + "/zzz-missing.md", root]).compactMap { found -> String? in
            if case .unusable(let path, let reason) = found { "\(path): \(reason)" } else { nil }
        }
        #expect(missing == [root + "/zzz-missing.md: no such file or directory"])
    }

    @Test func unusablePostsComeInTheirPlace() throws {
        let scratch = try Scratch()
        try scratch.write("a.md")
        try scratch.write("c.md")
        #expect(mkfifo(scratch.root + "/b.md", 0o600) == 0)
        let found = FileDiscovery.walk([scratch.root]).map { found -> String in
            switch found {
            case .post(let path): String(path.dropFirst(scratch.root.count + 1))
            case .unusable(let path, let reason): "\(path.dropFirst(scratch.root.count + 1)) (\(reason))"
            }
        }
        #expect(found == ["a.md", "b.md (not a regular file (a FIFO))", "c.md"])
    }

    /// Walks `root` skipping `skip` in a scratch tree of `files` and a symbolic link `link` to `target`, with
    /// `madeLater` written after the walk began (as `fix --out` makes its folder); the posts found.
    func walkSkipping(files: [String], target: String, root: String, skip: String, madeLater: String) throws
        -> (found: [String], scratch: Scratch) {
        let scratch = try Scratch()
        for file in files { try scratch.write(file) }
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/link", withDestinationPath: target)
        let walk = FileDiscovery.walk([scratch.root + "/" + root], skipping: [scratch.root + "/" + skip])
        try scratch.write(madeLater)
        return (Array(IteratorSequence(walk)).map { String($0.path.dropFirst(scratch.root.count + 1)) }, scratch)
    }

    /// A skipped folder is skipped however it is named, also when it is made after the walk began, through a
    /// symbolic link that Foundation does not resolve in a path that does not exist yet.
    @Test func skippedFoldersAreSkippedEvenIfMadeLater() throws {
        let (found, _) = try walkSkipping(files: ["real/b.md", "real/sub/kept.md"], target: "real", root: "real",
                                          skip: "link/sub/later", madeLater: "real/sub/later/made-later.md")
        #expect(found == ["real/b.md", "real/sub/kept.md"])
    }

    /// `..` after a symbolic link goes where the kernel goes: up from the link's target.
    @Test func aSkippedFolderNamedThroughALinkAndDotDot() throws {
        let (found, scratch) = try walkSkipping(files: ["posts/a.md", "posts/zz/sub/b.md"], target: "posts/zz/sub",
                                                root: "posts", skip: "link/../fixed", madeLater: "posts/zz/fixed/out.md")
        #expect(found == ["posts/a.md", "posts/zz/sub/b.md"])
        #expect(FileDiscovery.anyFolder(in: [scratch.root + "/posts/zz/fixed"], isWithin: scratch.root + "/link/.."))
        #expect(!FileDiscovery.anyFolder(in: [scratch.root + "/posts"], isWithin: scratch.root + "/link/.."))
    }

    /// A folder named on the command line is walked even when it is the skipped one.
    @Test func aNamedFolderIsWalkedEvenIfSkipped() throws {
        let scratch = try Scratch()
        try scratch.write("posts/a.md")
        #expect(posts([scratch.root + "/posts"]) == [scratch.root + "/posts/a.md"])
        let walk = FileDiscovery.walk([scratch.root + "/posts"], skipping: [scratch.root + "/posts"])
        #expect(Array(IteratorSequence(walk)).map(\.path) == [scratch.root + "/posts/a.md"])
    }

    @Test func aSymbolicLinkLoopEnds() throws {
        let scratch = try Scratch()
        try scratch.write("real/p.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/real/again", withDestinationPath: "..")
        #expect(posts([scratch.root]) == [scratch.root + "/real/p.md"])
    }
}
