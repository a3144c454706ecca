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

    @Test func aFolderIsWalkedInTheOrderOfThePaths() throws {
        let scratch = try Scratch()
        for path in Self.tree { try scratch.write(path) }
        try scratch.write("notes.txt")
        try scratch.write(".hidden/h.md")
        try scratch.write("node_modules/n.md")
        let found = posts([scratch.root])
        #expect(found == Self.tree.map { scratch.root + "/" + $0 }.sorted())
        #expect(found.count == Self.tree.count)
    }

    @Test func overlappingFoldersAndNamedFilesGiveEachPostOnce() throws {
        let scratch = try Scratch()
        for path in Self.tree { try scratch.write(path) }
        let root = scratch.root
        let found = posts([root + "/a", root + "/zzz-missing.md", root + "/ab.md", root, root + "/a/c.md", root + "/a"])
        #expect(found == Self.tree.map { root + "/" + $0 }.sorted())
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

    /// A skipped folder is skipped however it is named, also when it is made after the walk began (as
    /// `fix --out` makes its folder), through a symbolic link that Foundation does not resolve in a path that
    /// does not exist yet.
    @Test func skippedFoldersAreSkippedEvenIfMadeLater() throws {
        let scratch = try Scratch()
        try scratch.write("real/b.md")
        try scratch.write("real/sub/kept.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/link", withDestinationPath: "real")
        let walk = FileDiscovery.walk([scratch.root + "/real"], skipping: [scratch.root + "/link/sub/later"])
        // Made after the walk listed real/, before it lists real/sub/.
        try scratch.write("real/sub/later/made-later.md")
        #expect(Array(IteratorSequence(walk)).map(\.path)
            == [scratch.root + "/real/b.md", scratch.root + "/real/sub/kept.md"])
    }

    @Test func aSymbolicLinkLoopEnds() throws {
        let scratch = try Scratch()
        try scratch.write("real/p.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/real/again", withDestinationPath: "..")
        #expect(posts([scratch.root]) == [scratch.root + "/real/p.md"])
    }
}
