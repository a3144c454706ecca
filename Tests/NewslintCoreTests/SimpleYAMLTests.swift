import Foundation
import Testing
@testable import NewslintCore

@Suite struct SimpleYAMLTests {
    /// Lines of the forms the reader takes, and of many it must leave to Yams.
    static let pieces: [String] = [
        "title: 新闻标题", "title: a:b", "link: https://example.com/a?b=1#c", "date: 2022-01-04 11:52:42",
        "count: 100", "empty:", "empty:   ", "tilde: ~", "flag: yes", "quoted: 'it''s here'", "double: \"两个 空格\"",
        "tags:", "- 新闻", "  - 科技", "- 'quoted item'", "- \"item\"", "-", "- a: b", "- -1", "categories: [a, b]",
        "map: {a: 1}", "comment: a # b", "colon: a: b", "ends: a:", "dash: -5", "tab: a\tb", "trailing: a ",
        "anchor: &x a", "alias: *x", "block: |", "  continued", "nested:", "  inner: value", "'quoted key': v",
        "title: 'open", "title: \"a \\\" b\"", "title: \"\"\"'wrapped'\"\"\"", "", "# comment", "emoji: 😀 é",
        "bom: \u{FEFF}x", "nel: a\u{85}b", "sep: a\u{2028}b", "key : v", "x-y_z: v", "9lives: v", "title: 新闻标题",
        "percent: %x", "at: @x", "space:  two  spaces", "del: a\u{7F}b", "control: a\u{1}b", "tilde: a~b",
    ]

    /// Whenever the simple reader takes front matter, it reads what Yams reads.
    @Test func simpleFormIsReadAsYamsReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<4000 {
            let lines = (0..<Int.random(in: 1...6, using: &generator))
                .map { _ in Self.pieces.randomElement(using: &generator)! }
            taken += try agreeWithYams(lines) ? 1 : 0
        }
        #expect(taken > 200, "too few generated front matters were in the simple form (\(taken))")
    }

    /// The front matter of every post of the corpus and of the examples is read alike by both readers.
    @Test func corpusFrontMatterIsReadAsYamsReadsIt() throws {
        var taken = 0
        for folder in ["../shared/corpus/posts", "Examples"] {
            let directory = RepositoryPaths.path(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".md") {
                let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard lines.first == "---", let closing = lines.dropFirst().firstIndex(of: "---") else { continue }
                taken += try agreeWithYams(Array(lines[1..<closing])) ? 1 : 0
            }
        }
        #expect(taken > 0)
    }

    @Test func keyWrittenTwiceIsRefusedAsTheYAMLCheckRefusesIt() {
        #expect(throws: PostError.invalidYAML(line: 4, reason: "duplicate key 'title' (first at line 2)")) {
            try SimpleYAML.read(lines: ["title: a", "date: b", "title: c"], firstLine: 2)
        }
    }

    /// True when the simple reader took `lines`; then its values must be those Yams composes.
    private func agreeWithYams(_ lines: [String]) throws -> Bool {
        guard let simple = try? SimpleYAML.read(lines: lines, firstLine: 1) else { return false }
        let composed = try #require(try? FrontMatter.compose(lines: lines, firstLine: 1), "\(lines)")
        #expect(simple.scalars == composed.0, "\(lines)")
        #expect(simple.sequences == composed.1, "\(lines)")
        return true
    }
}
