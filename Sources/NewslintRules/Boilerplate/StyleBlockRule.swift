import Foundation
import NewslintCore
import NewslintDOM

/// `<style>` and `<script>` elements inside the article body.
///
/// Check: reports each element.
/// Fix (safe): removes it.
struct StyleBlockRule: Rule {
    let description = RuleDescription(
        id: "style-block",
        summary: "Inline <style> and <script> elements in the article body",
        rationale: """
            Scrapers copy the page's inline CSS and scripts along with the article: Sina's QR-box styles, \
            掘金's 3 KB `.markdown-body` stylesheet. A static site renders them into every page, where the CSS \
            restyles the theme and the script runs on the reader's machine. They are never article text.
            """,
        kind: .boilerplate,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample("<div>\n↓<style>\n.appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;\n</style>\n<p>正文</p></div>"),
            RuleExample("<div><p>正文</p>↓<script>var ad = 1;</script></div>"),
            RuleExample("Paragraph.\n\n↓<style>.x{color:red}</style>\n"),
        ],
        nonTriggering: [
            RuleExample("<div><pre><code>&lt;style&gt;.x {}&lt;/style&gt;</code></pre></div>"),
            RuleExample("Use `<style>` for CSS.\n"),
            RuleExample("Escaped, it is text: \\<style>.x{color:red}\\</style>\n"),
        ],
        corrections: [
            RuleCorrection(RuleExample("<div><style>.a&#123;&#125;</style><p>正文</p></div>"), "<div><p>正文</p></div>"),
            RuleCorrection(RuleExample("Paragraph.\n\n<script>track()</script>\n\nMore.\n"), "Paragraph.\n\nMore.\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        if let body = context.body {
            return body.descendants.filter { $0.isElement(StyleBlockRule.elements) }.map { element in
                Violation(at: context.location(of: element), message(for: element.name),
                          fix: Fix("remove the <\(element.name)> element") { element.remove() })
            }
        }
        guard let markdown = context.markdown, StyleBlockRule.mayHoldBlock(markdown.text) else { return [] }
        return markdown.matches(of: StyleBlockRule.blockPattern).map { match in
            let name = (match.groups[1] ?? "style").lowercased()
            let removal = MarkdownEdits.removalRange(for: match.range, in: markdown.text)
            return Violation(at: context.location(ofMarkdownOffset: match.range.lowerBound), message(for: name),
                             fix: Fix("remove the <\(name)> element") { markdown.replace(removal, with: "") })
        }
    }
}

extension StyleBlockRule {
    static let blockPattern = MarkdownEdits.pattern(
        "<(style|script)\\b[^>]*>[\\s\\S]*?</\\1\\s*>", options: [.caseInsensitive])

    /// False only when `blockPattern` cannot match `text`, proved from its bytes: no regex is run (on Linux each
    /// search copies the whole body to UTF-16), and most bodies close `<strong>` but no `<style>`. Every match
    /// ends in `</` and the text the backreference matched: `style` or `script` under the regex's case folding.
    static func mayHoldBlock(_ text: String) -> Bool {
        CaseInsensitivePrefilter.mayHold("</", followedByOneOf: ["style", "script"], in: text)
    }
}

private extension StyleBlockRule {
    static let elements: TagNames = ["style", "script"]

    func message(for name: String) -> String {
        name == "style" ? "inline <style> block in article body" : "<script> element in article body"
    }
}
