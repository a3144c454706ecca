import Foundation
import Testing
@testable import NewslintCore

/// `FrontMatter` takes the key lines of front matter `SimpleYAML` read from the reader instead of reading the
/// lines again with `FrontMatter.keyLines(in:)`; the two must agree wherever the simple reader takes the lines.
@Suite struct SimpleYAMLKeyLinesTests {
    @Test func generatedFrontMatterHasTheKeyLinesOfTheLineReader() throws {
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<6000 {
            let lines = (0..<Int.random(in: 1...8, using: &generator))
                .map { _ in SimpleYAMLTests.pieces.randomElement(using: &generator)! }
            taken += try agree(lines) ? 1 : 0
        }
        #expect(taken > 300, "too few generated front matters were in the simple form (\(taken))")
    }

    @Test func repositoryFrontMatterHasTheKeyLinesOfTheLineReader() throws {
        var taken = 0
        for folder in ["../shared/corpus/posts", "Examples", "Tests/Fixtures/hostile", "Fuzz/seeds"] {
            let directory = RepositoryPaths.path(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                let path = directory + "/" + name
                guard let data = FileManager.default.contents(atPath: path),
                      let lines = (try? PostReader.read(bytes: Array(data), path: path))?.frontMatter?.lines
                else { continue }
                taken += try agree(lines) ? 1 : 0
            }
        }
        #expect(taken > 50)
    }

    /// A front matter read whole keeps the key lines, and an edit (which re-reads them line by line) agrees.
    @Test func frontMatterFindsEachKeyOnItsLine() throws {
        var frontMatter = try FrontMatter(lines: ["title: a", "tags:", "- x", "- y", "date: b"], firstLine: 2)
        #expect(["title", "tags", "date", "none"].map { frontMatter.line(ofKey: $0) } == [2, 3, 6, nil])
        frontMatter.removeKey("tags")
        #expect(["title", "tags", "date"].map { frontMatter.line(ofKey: $0) } == [2, nil, 3])
    }

    /// True when the simple reader took `lines`; then its key lines must be the line reader's.
    private func agree(_ lines: [String]) throws -> Bool {
        guard let simple = try? SimpleYAML.read(lines: lines, firstLine: 1) else { return false }
        #expect(simple.keyLines == FrontMatter.keyLines(in: lines), "\(lines)")
        let frontMatter = try FrontMatter(lines: lines, firstLine: 1)
        for key in simple.keyLines.keys {
            #expect(frontMatter.line(ofKey: key) == FrontMatter.keyLines(in: lines)[key].map { $0 + 1 }, "\(lines)")
        }
        return true
    }
}
