import Foundation
import NewslintCore
import NewslintDOM

/// `&#123;` and `&#125;` that a reader sees literally instead of `{` and `}`.
///
/// Check: reports text in raw-text elements (`<style>`, `<script>`), double-escaped text (`&amp;#123;`,
/// e.g. in code) and the front-matter title where the entities would be shown as typed.
/// Fix (safe): decodes them to braces.
struct EscapedBracesRule: Rule {
    let description = RuleDescription(
        id: "escaped-braces",
        summary: "Brace entities &#123; and &#125; that are shown literally",
        rationale: """
            The feed generator escaped every `{` and `}` as `&#123;` `&#125;` to keep Hexo's Nunjucks away from \
            them. A browser decodes entities in ordinary text, but not inside `<style>` or `<script>`, not \
            when they were escaped twice (`&amp;#123;`, common in code), and not in a YAML title, where \
            `js中__、&#123;&#125;` is shown as typed. Template syntax is protected per publishing target \
            instead, by the Markdown writer.
            """,
        kind: .markup,
        fixAvailability: .safe,
        severity: .error,
        formats: [.html, .markdown],
        triggering: [
            RuleExample("<div><style>.appendQr_wrap↓&#123;border:1px solid #E6E6E6;&#125;</style></div>"),
            RuleExample("<div><pre><code>function f() ↓&amp;#123; return 1; &amp;#125;</code></pre></div>"),
            RuleExample("---\ntitle: 'js中__、↓&#123;&#125;、()的区别'\n---\n<p>正文</p>\n"),
        ],
        nonTriggering: [
            RuleExample("<div><pre><code>function f() &#123; return 1; &#125;</code></pre></div>"),
            RuleExample("---\ntitle: 'js中的{}'\n---\n<p>正文</p>\n"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample("<div><pre><code>if (a) &amp;#123; b(); &amp;#125;</code></pre></div>"),
                "<div><pre><code>if (a) { b(); }</code></pre></div>"),
            RuleCorrection(
                RuleExample("---\ntitle: 'js中__、&#123;&#125;、()的区别'\nauthor: 掘金\n---\n<p>正文</p>\n"),
                "---\ntitle: 'js中__、{}、()的区别'\nauthor: 掘金\n---\n\n<p>正文</p>\n"),
        ]
    )

    func check(_ context: RuleContext) -> [Violation] {
        var violations: [Violation] = []
        if let title = context.frontMatter?.string("title"), EscapedBracesRule.containsEntity(title) {
            violations.append(Violation(
                at: context.location(of: EscapedBracesRule.firstEntity(in: title), inKey: "title"),
                "escaped braces in the title are shown literally",
                fix: Fix("decode the braces in the title") {
                    context.editFrontMatter { $0.setString("title", to: EscapedBracesRule.decode(title)) }
                }))
        }
        guard let body = context.body else { return violations }
        for node in body.descendants where node.isText && EscapedBracesRule.containsEntity(node.text) {
            let entity = EscapedBracesRule.firstEntity(in: node.text)
            let needle = node.kind == .cdata ? entity : "&amp;" + entity.dropFirst()
            let place = node.parent.map { "<\($0.name)>" } ?? "text"
            violations.append(Violation(
                at: context.location(of: needle, from: node), "escaped braces shown literally in \(place)",
                fix: Fix("decode the braces", removing: [node]) { node.setText(EscapedBracesRule.decode(node.text)) }))
        }
        return violations
    }
}

private extension EscapedBracesRule {
    static let entities: [(entity: String, brace: String)] = [
        ("&#123;", "{"), ("&#125;", "}"), ("&#x7b;", "{"), ("&#x7d;", "}"), ("&#x7B;", "{"), ("&#x7D;", "}"),
        ("&lbrace;", "{"), ("&rbrace;", "}"),
    ]

    static func containsEntity(_ text: String) -> Bool {
        text.containsByte(UInt8(ascii: "&")) && entities.contains { text.containsBytes($0.entity) }
    }

    static func firstEntity(in text: String) -> String {
        entities.compactMap { entry in text.byteRange(of: entry.entity).map { (entry.entity, $0.lowerBound) } }
            .min { $0.1 < $1.1 }?.0 ?? "&#123;"
    }

    static func decode(_ text: String) -> String {
        entities.reduce(text) { $0.replacingOccurrences(of: $1.entity, with: $1.brace) }
    }
}
