import Foundation
import NewslintCore
import Testing

/// Properties every real post must keep: fix does not fail, is idempotent, leaves nothing fixable, and loses
/// no sentence of the article. Runs over `../shared/corpus/posts` when present (CI has it) and over the
/// bundled examples always.
@Suite struct CorpusPropertyTests {
    static let posts: [URL] = Repository.examplePosts + Repository.corpusPosts

    @Test(.enabled(if: Repository.corpusDirectory != nil,
                   "../shared/corpus/posts is not beside this checkout; the corpus suite is skipped"))
    func corpusIsPresent() {
        #expect(Repository.corpusPosts.count > 0)
    }

    @Test(arguments: posts)
    func fixKeepsItsPromises(_ url: URL) throws {
        let name = url.lastPathComponent
        let original = try String(contentsOf: url, encoding: .utf8)
        let first: FixResult
        do {
            first = try PostFixing.fix(original, path: name)
        } catch let error as PostError {
            // Every post must read, the generator's quote-wrapping bug (title: """""'…'""""") included: the
            // front matter tolerates that one line and `front-matter-title` repairs it.
            Issue.record("\(name) could not be fixed: \(error)")
            return
        }
        let second = try PostFixing.fix(first.output, path: name)
        #expect(second.output == first.output, "fix is not idempotent on \(name)")

        let fixable = try PostFixing.check(first.output, path: name).filter(\.isFixable)
        #expect(fixable.isEmpty, "\(name): fixable findings after fix: \(fixable.map { "\($0.location) [\($0.ruleID)] \($0.message)" })")

        let lost = SentenceCheck.lostSentences(
            original: try HTMLParagraphs.articleText(ofBody: original, catalog: ExampleRunner.catalog),
            fixed: first.output)
        #expect(lost.isEmpty, "\(name): sentences lost: \(lost.prefix(3))")
    }
}

/// Compares article sentences, ignoring whitespace and Markdown syntax, which the writer may add or move.
enum SentenceCheck {
    static func lostSentences(original texts: [String], fixed: String) -> [String] {
        let haystack = normalise(stripMarkdown(fixed))
        return sentences(in: texts.joined(separator: "\n")).filter { sentence in
            let needle = normalise(stripMarkdown(sentence))
            return needle.count >= 4 && !haystack.contains(needle)
        }
    }

    static func sentences(in text: String) -> [String] {
        // ASCII `?` and `!` are not terminators: they occur inside URLs and code.
        let terminators: Set<Character> = ["。", "！", "？", "；", "\n"]
        var result: [String] = []
        var current = ""
        for character in text {
            if terminators.contains(character) {
                if normalise(current).count >= 4 { result.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if normalise(current).count >= 4 { result.append(current) }
        return result
    }

    static let htmlTag = #"</?(img|strong|em|b|i|sup|sub|del|s|ins|u|mark|kbd|br|table|thead|tbody|tr|td|th|"#
        + #"video|iframe|audio|source|embed|figure|figcaption|a|span|p|div|code|pre|ul|ol|li|h[1-6])\b[^>\n]*>"#

    /// Removes link targets, HTML tags and entity forms the writer may introduce.
    static func stripMarkdown(_ text: String) -> String {
        var result = text.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "]", options: .regularExpression)
        result = result.replacingOccurrences(of: htmlTag, with: "", options: [.regularExpression, .caseInsensitive])
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    static func normalise(_ text: String) -> String {
        let ignored: Set<Character> = ["*", "_", "`", "[", "]", "#", ">", "|", "!", "\\", "<", "~"]
        return String(text.filter { !$0.isWhitespace && !ignored.contains($0) && $0 != "\u{3000}" && $0 != "\u{00A0}" })
    }
}
