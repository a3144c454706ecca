import Foundation
import Testing
@testable import NewslintRules

/// The byte walk replaces links with their text exactly as the regex it stands for does.
@Suite struct MarkdownLinkTextTests {
    private func byPattern(_ text: String) -> String {
        text.replacingOccurrences(of: MarkdownLinkText.pattern, with: "$1", options: .regularExpression)
    }

    /// Texts made of link syntax, its near misses, and characters of one to four bytes.
    @Test func walkAgreesWithTheRegexOnRandomTexts() {
        let pieces = ["[", "]", "(", ")", "!", "](", "![", "[a](b)", "![i](u)", "a", "中文", "é", "e\u{301}",
                      "🇨🇳", " ", "\n", "\r\n", "$1", "\\", "[x]", "(y)"]
        var generator = SystemRandomNumberGenerator()
        var replaced = 0
        for _ in 0..<8_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = byPattern(text)
            if expected != text { replaced += 1 }
            #expect(MarkdownLinkText.replacingLinks(in: text) == expected, "\(text.debugDescription)")
        }
        // The comparison means something only if many texts hold links.
        #expect(replaced > 2_000, "\(replaced)")
    }

    @Test func walkAgreesWithTheRegexOnRealPosts() throws {
        var replaced = 0
        for url in Repository.examplePosts + Repository.corpusPosts {
            let text = try String(contentsOf: url, encoding: .utf8)
            let expected = byPattern(text)
            if expected != text { replaced += 1 }
            #expect(MarkdownLinkText.replacingLinks(in: text) == expected, "\(url.lastPathComponent)")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(line)
                #expect(MarkdownLinkText.replacingLinks(in: line) == byPattern(line), "\(url.lastPathComponent)")
            }
        }
        #expect(replaced > 0)
    }

    @Test func readsImagesNearMissesAndLongTexts() {
        #expect(MarkdownLinkText.replacingLinks(in: "见![图](a.png)和[链接](https://x.y/(z)) 完") == "见图和链接) 完")
        #expect(MarkdownLinkText.replacingLinks(in: "![no] (gap) [open](never closed") == "![no] (gap) [open](never closed")
        #expect(MarkdownLinkText.replacingLinks(in: "!![a](b)[[c](d)") == "!a[c")
        let long = "[" + String(repeating: "字", count: 30_000) + "](" + String(repeating: "u", count: 30_000) + ") end"
        #expect(MarkdownLinkText.replacingLinks(in: long) == byPattern(long))
        let unclosed = String(repeating: "[a](", count: 2_000)
        #expect(MarkdownLinkText.replacingLinks(in: unclosed) == byPattern(unclosed))
    }
}
