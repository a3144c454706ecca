import Foundation
import NewslintCore
import NewslintRules
import Testing

/// The rule-level cause of each fuzz finding in `Tests/Fixtures/hostile/`, through every built-in rule: the
/// fix converges, fixing its output changes nothing, and nothing fixable is left.
@Suite struct FuzzFindingRulesTests {
    /// Fixes `text` twice and checks the promises; returns the first output.
    func fixSettles(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let first = try PostFixing.fix(text, path: "post.md")
        #expect(first.remaining.filter(\.isFixable).isEmpty, "\(first.remaining.map(\.message))",
                sourceLocation: sourceLocation)
        let second = try PostFixing.fix(first.output, path: "post.md")
        #expect(second.output == first.output, "fix is not idempotent", sourceLocation: sourceLocation)
        return first.output
    }

    @Test func hotlinkedImageWithAnUnclosedSourceKeepsItsPolicy() throws {
        // `src` runs to the line break; the writer trims it, so the hotlink rule must read it trimmed too.
        let output = try fixSettles("<div><img src=\"//sinaimg.cn\n")
        #expect(output == "<img src=\"https://sinaimg.cn\" alt=\"\"\nreferrerpolicy=\"no-referrer\">\n")
    }

    @Test func escapedStyleTagInMarkdownIsText() throws {
        let post = "---\ntitle: x\n---\n\nCSS: \\<style>.a{}\\</style> and `<style>`.\n"
        #expect(try PostFixing.check(post, path: "post.md").isEmpty)
        #expect(try fixSettles(post) == post)
        // The HTML body the fuzzer found: its `<style>` inside `<code>` is code text, written escaped.
        #expect(try fixSettles("<div<code><style></style>") == "\\<style>\\</style>\n")
    }

    @Test func escapedIframeTagInMarkdownIsText() throws {
        let post = "Embed with \\<iframe src=\"https://ads.example.net/x\">.\n"
        #expect(try PostFixing.check(post, path: "post.md").isEmpty)
        #expect(try fixSettles(post) == post)
        #expect(try fixSettles("<!DOCTYPE<code><iframe>") == "\\<iframe>\n")
    }

    @Test func nestedIframesGoInOnePass() throws {
        // More levels than the fixer's passes: one fix must remove them all.
        let depth = Linter.maximumFixPasses + 2
        let html = "<div><p>正文</p>" + (1...depth).map { "<iframe src=\"https://ads.example.net/\($0)\">" }.joined()
            + String(repeating: "</iframe>", count: depth) + "</div>\n"
        let output = try fixSettles(html)
        #expect(!output.contains("iframe"))
        #expect(output.contains("正文"))
        #expect(output.contains("<https://ads.example.net/1>") && output.contains("<https://ads.example.net/\(depth)>"))
        #expect(try fixSettles("<!DOCTYPE>" + String(repeating: "<iframe>", count: 9) + "<g one") == "")
    }
}
