import Foundation
import Testing
@testable import NewslintCore
@testable import NewslintRules

/// The fixer asks a rule again only when an edit touched a part of the post its last check read (`RuleCheck`).
/// These tests hold that shortcut to the fixer that asks every rule again after every change, and check that a
/// check records what it read.
@Suite struct FixerCheckReuseTests {
    private static let reusing = Linter(rules: builtInRules, catalog: ExampleRunner.catalog)
    private static let askingAgain: Linter = {
        var linter = Linter(rules: builtInRules, catalog: ExampleRunner.catalog)
        linter.reusesChecks = false
        return linter
    }()

    /// Every example post, corpus post and rule example, and each of them again with dates the fixes rewrite (so
    /// that front-matter edits come between body edits), fixes the same with and without the shortcut, safe fixes
    /// and unsafe ones.
    @Test func fixesAsAskingEveryRuleAgain() throws {
        var compared = 0
        for (text, path) in Self.posts() {
            for variant in [text, Self.withRewrittenDates(text)] {
                guard let post = try? PostReader.read(bytes: Array(variant.utf8), path: path) else { continue }
                for unsafe in [false, true] {
                    let reused = Result { try Self.reusing.fix(post, original: variant, unsafe: unsafe) }
                    let asked = Result { try Self.askingAgain.fix(post, original: variant, unsafe: unsafe) }
                    switch (reused, asked) {
                    case (.success(let reused), .success(let asked)):
                        #expect(reused.output == asked.output, "\(path)")
                        #expect(reused.remaining == asked.remaining, "\(path)")
                        #expect(reused.findings == asked.findings, "\(path)")
                    case (.failure(let reused), .failure(let asked)):
                        #expect("\(reused)" == "\(asked)", "\(path)")
                    default:
                        Issue.record("\(path): one fixer failed, the other did not")
                    }
                    compared += 1
                }
            }
        }
        #expect(compared > 400)
    }

    /// The fixed text is read with the post's front matter when its lines are the same: the post and its
    /// findings are those of reading it afresh.
    @Test func fixedTextReadWithTheEarlierFrontMatterIsReadAfresh() throws {
        var reused = 0
        for (text, path) in Self.posts() {
            guard let post = try? PostReader.read(bytes: Array(text.utf8), path: path),
                  let fixed = try? Self.reusing.fix(post, original: text).output,
                  let afresh = try? PostReader.read(text: fixed, path: path) else { continue }
            let withEarlier = try PostReader.read(text: fixed, path: path, usesCRLF: false, reusing: post.frontMatter)
            if let earlier = post.frontMatter, withEarlier.frontMatter?.lines == earlier.lines { reused += 1 }
            #expect(withEarlier.assembled(body: withEarlier.body) == afresh.assembled(body: afresh.body), "\(path)")
            #expect(withEarlier.frontMatter?.lines == afresh.frontMatter?.lines, "\(path)")
            for key in afresh.frontMatter.map({ FrontMatter.keyLines(in: $0.lines).keys.sorted() }) ?? [] {
                #expect(withEarlier.frontMatter?.string(key) == afresh.frontMatter?.string(key), "\(path) \(key)")
                #expect(withEarlier.frontMatter?.strings(key) == afresh.frontMatter?.strings(key), "\(path) \(key)")
                #expect(withEarlier.frontMatter?.line(ofKey: key) == afresh.frontMatter?.line(ofKey: key), "\(path)")
            }
            #expect(try Self.reusing.check(withEarlier) == Self.reusing.check(afresh), "\(path)")
        }
        #expect(reused > 50)
    }

    /// A rule that reads only the front matter records only the front matter; one that walks the body, only the
    /// body; reading `post` counts as reading everything.
    @Test func aCheckRecordsThePartsItRead() throws {
        let text = "---\ntitle: 新闻\ndate: Tue, 04 Jan 2022 00:00:00 GMT\n---\n<div><!-- ad --><p>正文</p></div>\n"
        let context = try Self.reusing.makeContext(for: PostReader.read(bytes: Array(text.utf8), path: "post.md"))
        let date = try #require(builtInRules.first { $0.id == "front-matter-date" })
        let comments = try #require(builtInRules.first { $0.id == "ad-comment" })
        #expect(RuleCheck(date, in: context).parts == .frontMatter)
        #expect(RuleCheck(comments, in: context).parts == .body)
        context.startReading()
        _ = context.post
        #expect(context.partsRead == .all)
    }

    /// A derived value read back counts as reading what computing it read, and computing one inside a check adds
    /// to what the check read.
    @Test func derivedValuesCarryWhatComputingThemRead() throws {
        let text = "---\ntitle: 新闻\n---\n<p>正文</p>\n"
        let context = try Self.reusing.makeContext(for: PostReader.read(bytes: Array(text.utf8), path: "post.md"))
        context.startReading()
        _ = context.frontMatter
        _ = context.derived("test.body") { context.body?.textContent ?? "" }
        #expect(context.partsRead == .all)
        context.startReading()
        _ = context.derived("test.body") { "" }
        #expect(context.partsRead == .body)
    }

    /// An edit of the front matter leaves a body-only check current; an edit of the body ends it.
    @Test func editsEndTheChecksThatReadWhatTheyChanged() throws {
        let text = "---\ntitle: 新闻\ndate: Tue, 04 Jan 2022 00:00:00 GMT\n---\n<div><!-- ad --><p>正文</p></div>\n"
        let context = try Self.reusing.makeContext(for: PostReader.read(bytes: Array(text.utf8), path: "post.md"))
        let date = try #require(builtInRules.first { $0.id == "front-matter-date" })
        let comments = try #require(builtInRules.first { $0.id == "ad-comment" })
        let dateCheck = RuleCheck(date, in: context)
        let commentCheck = RuleCheck(comments, in: context)
        context.editFrontMatter { $0.setRawValue("date", to: "2022-01-04T00:00:00Z") }
        #expect(!dateCheck.isCurrent(in: context))
        #expect(commentCheck.isCurrent(in: context))
        let refreshed = RuleCheck(date, in: context)
        try #require(context.body).descendants.first { $0.isComment }?.remove()
        #expect(refreshed.isCurrent(in: context))
        #expect(!commentCheck.isCurrent(in: context))
    }

    /// The texts fixed: example and corpus posts, and every rule's examples.
    private static func posts() -> [(text: String, path: String)] {
        var posts: [(String, String)] = []
        for url in Repository.examplePosts + Repository.corpusPosts {
            if let text = try? String(contentsOf: url, encoding: .utf8) { posts.append((text, url.path)) }
        }
        for rule in builtInRules {
            let examples = rule.description.triggering + rule.description.nonTriggering
                + rule.description.corrections.map(\.input)
            for (index, example) in examples.enumerated() {
                posts.append((example.postText, "\(rule.id)-\(index).md"))
            }
        }
        return posts
    }

    /// The post with its `date:` (or a new one) in RFC 1123 with a forced midnight, which `front-matter-date` fixes.
    private static func withRewrittenDates(_ text: String) -> String {
        guard text.hasPrefix("---\n") else { return text }
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("date:") }) {
            lines[index] = "date: Fri, 22 Jan 2021 00:00:00 GMT"
        } else {
            lines.insert("date: Fri, 22 Jan 2021 00:00:00 GMT", at: 1)
        }
        return lines.joined(separator: "\n")
    }
}
