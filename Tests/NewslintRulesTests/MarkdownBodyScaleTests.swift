import Foundation
import NewslintCore
import NewslintRules
import Testing

/// Markdown bodies far longer than articles have, through every rule: the work must grow with the text.
/// The expectations are on the findings only; a regression shows as a test run that takes minutes.
@Suite struct MarkdownBodyScaleTests {
    @Test func megabyteParagraphOfInlineTagsIsCheckedOnce() throws {
        // What the writer makes of emphasis CommonMark cannot express: thousands of inline tags on one line.
        // unsafe-html placed every tag (not only findings) by indexing the whole body again.
        let unit = "文字，<strong>“引号”</strong>文字 *斜体*。"
        let paragraph = String(repeating: unit, count: 1_048_576 / unit.utf8.count + 1)
        let post = "---\ntitle: x\n---\n\n" + paragraph + "<iframe src=\"https://ads.example.net/x\"></iframe>\n"
        let findings = try PostFixing.check(post, path: "post.md")
        #expect(findings.map(\.ruleID) == ["unsafe-html"])
        #expect(findings.first?.location == Location(line: 5, column: paragraph.unicodeScalars.count + 1))
    }
}
