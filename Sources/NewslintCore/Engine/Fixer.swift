import Foundation
import NewslintDOM

/// The outcome of fixing one post.
public struct FixResult: Sendable {
    /// Findings of the post as read.
    public let findings: [Finding]
    /// Findings of the fixed output, checked again from its text.
    public let remaining: [Finding]
    /// The fixed file, with the original line endings.
    public let output: String
    /// The file as read (original line endings), for diffs.
    public let original: String
    /// The visible text of the body before and after the fixes, block by block.
    public var textBefore: [String] = []
    public var textAfter: [String] = []
    public let changed: Bool

    init(findings: [Finding], remaining: [Finding], output: String, original: String) {
        self.findings = findings
        self.remaining = remaining
        self.output = output
        self.original = original
        changed = output != original
    }

    /// The result without the file texts, for keeping many results in memory.
    var withoutTexts: FixResult {
        FixResult(findings: findings, remaining: remaining, output: "", original: "", changed: changed)
    }

    private init(findings: [Finding], remaining: [Finding], output: String, original: String, changed: Bool) {
        self.findings = findings
        self.remaining = remaining
        self.output = output
        self.original = original
        self.changed = changed
    }
}

/// Why fixing stopped without a result. The file is left as it was.
public enum FixError: Error, CustomStringConvertible {
    case didNotConverge(rules: [String])

    public var description: String {
        switch self {
        case .didNotConverge(let rules):
            "fixes did not converge after \(Linter.maximumFixPasses) passes (still changing: \(rules.joined(separator: ", ")))"
        }
    }
}

extension Linter {
    /// How many passes over all rules the fixer makes before giving up.
    public static let maximumFixPasses = 10

    /// Applies the fixes of every rule, one rule at a time over the whole post, until a pass changes
    /// nothing; then writes the body (as Markdown, when `html-body` asks for it) and re-checks the output.
    /// With `captureText`, the result also holds the visible text before and after, for `fix --diff`.
    public func fix(_ post: Post, original: String, unsafe: Bool = false, captureText: Bool = false) throws -> FixResult {
        let context = try makeContext(for: post)
        let before = findings(in: context)
        let textBefore = captureText ? visibleText(context) : []
        var convertToMarkdown = false
        var pass = 0
        while true {
            var changedBy: [String] = []
            for rule in rules where rule.description.formats.contains(post.bodyFormat) {
                var applied = false
                for violation in rule.check(context) {
                    guard let fix = violation.fix, unsafe || fix.applicability == .safe else { continue }
                    switch fix.action {
                    case .edit(let apply):
                        apply()
                        applied = true
                    case .convertBodyToMarkdown:
                        convertToMarkdown = true
                    }
                }
                context.markdown?.commitEdits()
                if applied { changedBy.append(rule.id) }
            }
            if changedBy.isEmpty { break }
            pass += 1
            if pass >= Linter.maximumFixPasses { throw FixError.didNotConverge(rules: changedBy) }
        }
        let fixedText = context.post.assembled(body: renderedBody(context, asMarkdown: convertToMarkdown))
        let output = post.withOriginalLineEndings(fixedText)
        let reread = try PostReader.read(text: fixedText, path: post.path, usesCRLF: post.usesCRLF)
        let remaining = try check(reread)
        var result = FixResult(findings: before, remaining: remaining, output: output, original: original)
        result.textBefore = textBefore
        result.textAfter = captureText ? visibleText(context) : []
        return result
    }

    private func visibleText(_ context: RuleContext) -> [String] {
        if let body = context.body { return VisibleText.blocks(of: body) }
        return VisibleText.blocks(ofMarkdown: context.markdown?.text ?? context.post.body)
    }

    private func renderedBody(_ context: RuleContext, asMarkdown: Bool) -> String {
        if let markdown = context.markdown { return markdown.text }
        guard let body = context.body else { return context.post.body }
        let separator = context.post.frontMatter == nil ? "" : "\n"
        if asMarkdown { return separator + MarkdownWriter().markdown(for: body) }
        let html = body.innerHTML.trimmingCharacters(in: .whitespacesAndNewlines)
        return separator + html + "\n"
    }
}
