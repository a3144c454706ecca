import NewslintDOM
import Testing
@testable import NewslintCore

/// Paragraphs far longer than articles have: the writer's work must grow with the text, not its square.
/// The expectations are on the output only; a regression shows as a test run that takes minutes.
@Suite struct MarkdownWriterScaleTests {
    func markdown(_ html: String) throws -> String {
        MarkdownWriter(target: .commonmark).markdown(for: try HTMLDocument(html: html).body)
    }

    @Test func megabyteParagraphWithEmphasisThatFallsBackToHTML() throws {
        // `**“引号”**文字` would not close in CommonMark, so every <b> falls back to <strong>: each pair took a
        // simulation round over the whole paragraph, and each round joined the text piece by piece.
        let unit = "文字，<b>“引号”</b>文字 <i>斜体</i>。"
        let count = 1_048_576 / unit.utf8.count + 1
        let output = try markdown("<div><p>" + String(repeating: unit, count: count) + "</p></div>")
        #expect(output == String(repeating: "文字，<strong>“引号”</strong>文字 *斜体*。", count: count) + "\n")
    }

    @Test func megabyteParagraphOfPlainText() throws {
        let unit = "plain words and 中文 text, "
        let count = 1_048_576 / unit.utf8.count + 1
        let output = try markdown("<p>" + String(repeating: unit, count: count) + "end.</p>")
        #expect(output == String(repeating: unit, count: count) + "end.\n")
    }
}
