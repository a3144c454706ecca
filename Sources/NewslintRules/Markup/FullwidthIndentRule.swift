import NewslintCore
import NewslintDOM

/// U+3000 (ideographic space) indentation at the start of a paragraph or of a line after `<br>`.
///
/// Check: reports the text node that starts a paragraph or line with U+3000.
/// Fix (safe): removes the leading whitespace of that text.
struct FullwidthIndentRule: Rule {
    let description = RuleDescription(
        id: "fullwidth-indent",
        summary: "Paragraphs indented with U+3000 ideographic spaces",
        rationale: """
            Chinese print style indents paragraphs by two ideographic spaces (`　　`). Sina and other CMSs type \
            them into the text. In Markdown the indent is kept literally, doubles the theme's own indent and \
            breaks search snippets and excerpts. Indentation is the theme's job.
            """,
        kind: .markup,
        fixAvailability: .safe,
        triggering: [
            RuleExample("<div><p>↓　　原标题：外交部官员</p></div>"),
            RuleExample(#"<div><p cms-style="font-L">↓　　<font cms-style="font-L">新华社北京1月4日电</font></p></div>"#),
            RuleExample("<div><p>第一行<br>↓　　第二行</p></div>"),
        ],
        nonTriggering: [
            RuleExample("<div><p>正文　中间的全角空格</p></div>"),
            RuleExample("<div><p>　　</p></div>"),
            RuleExample("<div><pre>　　代码缩进</pre></div>"),
        ],
        corrections: [
            RuleCorrection(RuleExample("<div><p>　　原标题：外交部官员</p></div>"), "<div><p>原标题：外交部官员</p></div>"),
            RuleCorrection(RuleExample("<div><p>　 \u{00A0}　正文</p></div>"), "<div><p>正文</p></div>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        guard let body = context.body else { return [] }
        let widgets = PromoWidgets(context)
        return FullwidthIndentRule.indentedTexts(in: body).filter { !widgets.contains($0) }.map { text in
            Violation(at: context.location(of: "\u{3000}", from: text),
                      "paragraph indented with U+3000 ideographic spaces",
                      fix: Fix("remove the indentation") {
                          text.setText(String(text.text.drop(while: TextClasses.isBlank)))
                      })
        }
    }
}

private extension FullwidthIndentRule {
    /// Text nodes that begin a line of a block (its start, or after `<br>`) with U+3000.
    static func indentedTexts(in body: Node) -> [Node] {
        var result: [Node] = []
        var atLineStart = true
        for node in body.descendants {
            if node.isElement {
                if node.isElement(TextClasses.blockElements) || node.isElement(named: "br") {
                    atLineStart = true
                } else if node.isElement(TextClasses.replacedElements) {
                    atLineStart = false
                }
                continue
            }
            guard node.isText, !node.hasAncestor(named: TextClasses.codeContainers) else { continue }
            if let previous = node.previousSibling, previous.isElement(TextClasses.blockElements) { atLineStart = true }
            let text = node.text
            // Most text starts with a visible character: it is neither blank nor indented.
            if let first = text.unicodeScalars.first, !first.isWhiteSpace {
                atLineStart = false
                continue
            }
            // Layout between tags (line feeds and spaces) is blank, which ASCII bytes tell without characters.
            if text.utf8.allSatisfy(\.isASCIIWhiteSpace) { continue }
            // Layout before a visible character that is no indent (see `LayoutThenVisible`): neither blank nor
            // indented, as the two walks over characters below would find.
            if LayoutThenVisible.startsWithLayoutThenVisible(text) {
                atLineStart = false
                continue
            }
            if text.allSatisfy({ $0.isWhitespace && $0 != "\u{3000}" && $0 != "\u{00A0}" }) { continue }
            let indented = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{00A0}" }.first == "\u{3000}"
            if atLineStart, indented, !lineIsBlank(after: node) { result.append(node) }
            atLineStart = false
        }
        return result
    }

    /// True when the line that starts with `node` holds no visible text (an empty paragraph, not an indent).
    static func lineIsBlank(after node: Node) -> Bool {
        guard node.text.allSatisfy(TextClasses.isBlank) else { return false }
        var sibling = node.nextSibling
        while let current = sibling {
            if current.isElement(named: "br") || current.isElement(TextClasses.blockElements) { return true }
            if current.isElement(TextClasses.replacedElements) { return false }
            if !current.textContent.allSatisfy(TextClasses.isBlank) { return false }
            sibling = current.nextSibling
        }
        return true
    }
}
