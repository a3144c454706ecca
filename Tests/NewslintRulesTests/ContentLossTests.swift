import Foundation
import NewslintCore
import NewslintDOM
import NewslintRules
import Testing

/// A deliberately over-eager rule: it removes every paragraph that mentions 第一段, and declares the
/// removal as boilerplate only when told to.
struct OverEagerRule: Rule {
    let declares: Bool

    var description: RuleDescription {
        RuleDescription(id: "over-eager", summary: "removes paragraphs", rationale: "test only", kind: .boilerplate,
                        fixAvailability: .safe, triggering: [], nonTriggering: [], corrections: [])
    }

    func check(_ context: RuleContext) -> [Violation] {
        guard let body = context.body else { return [] }
        return body.descendants.filter { $0.name == "p" && $0.textContent.contains("第一段") }.map { paragraph in
            Violation(at: context.location(of: paragraph), "paragraph",
                      fix: Fix("remove it", removing: declares ? [paragraph] : []) { paragraph.remove() })
        }
    }
}

@Suite struct ContentLossTests {
    static let post = "---\ntitle: x\n---\n\n<div><p>正文第一段。</p><p>正文第二段。</p></div>\n"

    func fix(_ text: String, rules: [any Rule]) throws -> FixResult {
        let linter = Linter(rules: rules, catalog: ExampleRunner.catalog)
        return try linter.fix(try PostReader.read(text: text, path: "post.md"), original: text)
    }

    @Test func overEagerRuleIsCaughtAndTheFileStaysUntouched() throws {
        let result = try fix(Self.post, rules: [OverEagerRule(declares: false)] + builtInRules)
        #expect(result.output == Self.post)
        #expect(!result.changed)
        let loss = try #require(result.remaining.first { $0.ruleID == ContentLoss.id })
        #expect(loss.message == "fixing would lose text '正文第一段。' (removed by over-eager); the file was not changed")
        #expect(loss.severity == .error)
        #expect(loss.location == Location(line: 5, column: 9))
    }

    @Test func declaredBoilerplateMayGo() throws {
        let result = try fix(Self.post, rules: [OverEagerRule(declares: true)] + builtInRules)
        #expect(result.output == "---\ntitle: x\n---\n\n正文第二段。\n")
        #expect(!result.remaining.contains { $0.ruleID == ContentLoss.id })
    }

    @Test func lostLinksAndImagesAreNamed() throws {
        let text = "---\ntitle: x\n---\n\n<div><p>第一段<a href=\"https://example.com/a\">链接</a></p><p>别的</p></div>\n"
        let result = try fix(text, rules: [OverEagerRule(declares: false)])
        let loss = try #require(result.remaining.first { $0.ruleID == ContentLoss.id })
        #expect(loss.message.contains("link https://example.com/a"))
        #expect(result.output == text)
    }

    @Test func documentedExamplesBehave() throws {
        let description = ContentLoss.description
        for example in description.triggering {
            let result = try fix(example.postText, rules: [OverEagerRule(declares: false)] + builtInRules)
            let locations = result.remaining.filter { $0.ruleID == ContentLoss.id }.map(\.location)
            #expect(locations == ExampleRunner.markerLocations(in: example.text))
        }
        for example in description.nonTriggering {
            let result = try fix(example.postText, rules: [OverEagerRule(declares: false)] + builtInRules)
            #expect(!result.remaining.contains { $0.ruleID == ContentLoss.id })
        }
    }

    @Test func builtInRulesNeverLoseContentOnTheExamples() throws {
        for url in Repository.examplePosts {
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = try fix(text, rules: builtInRules)
            #expect(!result.remaining.contains { $0.ruleID == ContentLoss.id }, "\(url.lastPathComponent)")
        }
    }
}
