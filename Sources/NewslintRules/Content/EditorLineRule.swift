import NewslintCore
import NewslintDOM

/// The editor's credit line (`责任编辑：刘万里 SF014`): kept as the post's last paragraph, trimmed, and required
/// where the site always prints one.
///
/// Check: reports a credit line that is not the last paragraph or carries surrounding whitespace, and a post
/// whose site requires the line but has none.
/// Fix (safe): moves the line to the end of the body and trims it. A missing line cannot be fixed.
struct EditorLineRule: Rule {
    let description = RuleDescription(
        id: "editor-line",
        summary: "The editor's credit line is missing, misplaced or padded",
        rationale: """
            Chinese news sites end every article with the responsible editor (`责任编辑：刘万里 SF014`). \
            Republishing without it drops the attribution the source requires, and cleaning must never \
            remove it with the boilerplate around it. The line belongs at the end of the post, as its last \
            paragraph. The pattern and whether it is required come from the site profile (`editor_line`); the \
            option `required` overrides the latter, e.g. `rules: {editor-line: {required: false}}`.
            """,
        kind: .content,
        fixAvailability: .safe,
        formats: [.html, .markdown],
        triggering: [
            RuleExample(#"<div>↓<p class="article-editor">责任编辑：刘万里 SF014</p><p>正文的最后一段。</p></div>"#, site: "sina-finance"),
            RuleExample(#"<div><p>正文。</p>↓<p class="article-editor">责任编辑：刘玄逸 </p></div>"#, site: "sina-finance"),
            RuleExample("---\ntitle: '新闻'\nauthor: 新浪财经\n---\n↓<div><p>正文。</p></div>\n"),
        ],
        nonTriggering: [
            RuleExample(#"<div><p>正文。</p><p class="article-editor">责任编辑：刘万里 SF014</p><!-- 编辑姓名及工作代码--></div>"#,
                        site: "sina-finance"),
            RuleExample("<div><p>没有编辑署名要求的站点。</p></div>"),
            RuleExample("---\nauthor: 新浪财经\n---\n\n正文。\n\n责任编辑：刘万里 SF014\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample(#"<div><p class="article-editor"> 责任编辑：刘玄逸 </p><p>正文。</p></div>"#, site: "sina-finance"),
                "<div><p>正文。</p></div>\n<p class=\"article-editor\">责任编辑：刘玄逸</p>"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        let profile = context.profile
        guard !profile.editorLinePatterns.isEmpty else { return [] }
        let required = context.option("required", for: id)?.bool ?? profile.requiresEditorLine
        if let markdown = context.markdown {
            let hasLine = markdown.text.linesCutAtLineFeeds.contains { line in
                !line.isEmpty && EditorLineRule.matches(String(line), profile: profile)
            }
            return hasLine || !required ? [] : [missing(context)]
        }
        guard let body = context.body else { return [] }
        guard let line = EditorLineRule.editorLine(in: body, profile: profile) else {
            return required ? [missing(context)] : []
        }
        let isLast = EditorLineRule.isLastContent(line, in: body)
        let isTrimmed = EditorLineRule.isTrimmed(line)
        guard !isLast || !isTrimmed else { return [] }
        let text = String(line.textContent.trimmingWhitespace)
        let problem = isLast ? "has surrounding whitespace" : "is not the post's last paragraph"
        return [Violation(at: context.location(of: line), "editor line '\(TextClasses.snippet(text))' \(problem)",
                          fix: Fix(isLast ? "trim the editor line" : "move the editor line to the end") {
                              TextClasses.trimEdges(of: line)
                              if !EditorLineRule.isLastContent(line, in: body) { body.appendChild(line) }
                          })]
    }
}

extension EditorLineRule {
    /// True when `text` is an editor line of the profile (`责任编辑：…`); `credit-line` asks too.
    static func matches(_ text: String, profile: SiteProfile) -> Bool {
        // Most profiles have no pattern: then the text is not even trimmed (`credit-line` asks for every line).
        let patterns = profile.editorLinePatterns
        guard !patterns.isEmpty else { return false }
        let trimmed = String(text.drop(while: TextClasses.isBlank))
        return patterns.contains { $0.matches(trimmed) }
    }
}

private extension EditorLineRule {
    static let lineElements: TagNames = ["p", "div", "span", "section"]

    /// The last paragraph-like element whose text matches the profile's pattern.
    static func editorLine(in body: Node, profile: SiteProfile) -> Node? {
        body.descendants.filter { node in
            node.isElement(lineElements)
                && !node.descendants.contains { $0.isElement(TextClasses.blockElements) }
                && matches(node.textContent, profile: profile)
        }.last
    }

    /// Nothing visible follows the line in document order.
    static func isLastContent(_ line: Node, in body: Node) -> Bool {
        var passed = false
        for node in body.descendants {
            if node == line { passed = true; continue }
            guard passed, !node.isInside(line) else { continue }
            if node.isText, !TextClasses.isBlank(node.text) { return false }
            if node.isElement(TextClasses.replacedElements) { return false }
        }
        return true
    }

    static func isTrimmed(_ line: Node) -> Bool {
        let text = line.textContent
        guard let first = text.first, let last = text.last else { return true }
        return !TextClasses.isBlank(first) && !TextClasses.isBlank(last)
    }

    func missing(_ context: RuleContext) -> Violation {
        Violation(at: firstContentLocation(context),
                  "post has no editor line, which \(context.profile.name) articles carry (e.g. 责任编辑：…)")
    }

    func firstContentLocation(_ context: RuleContext) -> Location {
        guard let first = context.body?.descendants.first(where: \.isElement) else { return context.bodyStart }
        return context.location(of: first)
    }
}
