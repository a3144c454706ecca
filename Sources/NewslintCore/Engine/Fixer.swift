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
        changed = !output.hasSameBytes(as: original)
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
    ///
    /// Before anything is written, the content-loss guard compares the article's text, links and images
    /// with what they were: if a fix removed anything its rule did not declare as boilerplate, the result
    /// is the original file and a `content-loss` finding that names the text and the rule.
    /// With `captureText`, the result also holds the visible text before and after, for `fix --diff`.
    /// With `checkingOutput` false the caller wants only the fixed text (`check`'s reports carry it as edits):
    /// `remaining` is then left empty, and the output is checked again only when the post has a suppression
    /// directive, which the output loses if the fixes left it unused.
    public func fix(_ post: Post, original: String, unsafe: Bool = false, captureText: Bool = false,
                    checkingOutput: Bool = true) throws -> FixResult {
        let context = try makeContext(for: post)
        let initial = checks(in: context)
        let before = findings(of: initial.map { $0?.violations }, in: context)
        let textBefore = captureText ? visibleText(context) : []
        let fingerprintBefore = context.body.map(ContentFingerprint.init(of:))
        var declared = ContentFingerprint()
        let suppressions = SuppressionDirectives.of(post)
        let applied = try applyFixes(in: context, unsafe: unsafe, suppressions: suppressions, declared: &declared,
                                     initial: initial)
        if let fingerprintBefore, let body = context.body {
            let loss = ContentFingerprint.loss(before: fingerprintBefore, after: ContentFingerprint(of: body),
                                               declared: declared)
            if !loss.isEmpty {
                let finding = try contentLossFinding(post, unsafe: unsafe, suppressions: suppressions, loss: loss)
                return FixResult(findings: before, remaining: before + [finding], output: original, original: original)
            }
        }
        // With nothing to apply the file stays as it was, byte for byte: writing the body again would rewrite its
        // HTML (with `html-body` off) though no finding asked for it, and the result cache counts on a file
        // without fixable findings being left alone.
        if !applied.changedPost, !applied.convertToMarkdown,
           !before.contains(where: { $0.ruleID == Suppressions.unusedID && $0.isFixable }) {
            var result = FixResult(findings: before, remaining: before, output: original, original: original)
            result.textBefore = textBefore
            result.textAfter = textBefore
            return result
        }
        var fixedText = context.post.assembled(body: renderedBody(context, asMarkdown: applied.convertToMarkdown))
        if !checkingOutput, suppressions == nil {
            return FixResult(findings: before, remaining: [], output: post.withOriginalLineEndings(fixedText),
                             original: original)
        }
        // A file the fixes leave as it was has the findings it was read with: checking it again would find them.
        let unchanged = post.withOriginalLineEndings(fixedText).hasSameBytes(as: original)
        // The fixed text's front matter is most often the post's, untouched: it is not read again.
        let readFixed = { (text: String) in
            try PostReader.read(text: text, path: post.path, usesCRLF: post.usesCRLF, reusing: post.frontMatter)
        }
        var remaining = unchanged ? before : try check(readFixed(fixedText))
        if remaining.contains(where: { $0.ruleID == Suppressions.unusedID && $0.isFixable }) {
            fixedText = Suppressions.removingUnused(remaining, from: fixedText, usesCRLF: post.usesCRLF)
            remaining = try check(readFixed(fixedText))
        }
        let output = post.withOriginalLineEndings(fixedText)
        var result = FixResult(findings: before, remaining: remaining, output: output, original: original)
        result.textBefore = textBefore
        result.textAfter = captureText ? visibleText(context) : []
        return result
    }

    /// What `applyFixes` did: whether a fix changed the post, and whether `html-body` asked for Markdown.
    private struct AppliedFixes {
        var changedPost = false
        var convertToMarkdown = false
    }

    /// Runs the rules' fixes to a fixed point, leaving alone the violations that `suppressions`, the post's, suppress
    /// (a suppressed finding is not reported, so it is not fixed either).
    /// `initial`, when given, is what `checks(in:)` found for the context before any fix.
    /// `afterRule` is called after each rule's fixes with the rule's id and the removals declared so far, for
    /// attributing a content loss; returning true stops the fixes there.
    ///
    /// A rule is asked again only when an edit since its last check touched a part of the post that check read
    /// (`RuleCheck.isCurrent`): otherwise it would report the same. So the pass that confirms the fixed point
    /// skips the rules the last changes could not concern: after a fix of the front matter, the rules that read
    /// only the body. A check that offered nothing to apply is kept as settled; one whose fixes were applied is
    /// dropped, since its own edits may have changed what it reads.
    private func applyFixes(in context: RuleContext, unsafe: Bool, suppressions: SuppressionDirectives?,
                            declared: inout ContentFingerprint,
                            initial: [RuleCheck?]? = nil,
                            afterRule: (String, ContentFingerprint) -> Bool = { _, _ in false }) throws -> AppliedFixes {
        var result = AppliedFixes()
        var pass = 0
        let format = context.bodyFormat
        // Each rule's last check, and whether it offered nothing to apply.
        var known: [(check: RuleCheck, settled: Bool)?] = initial?.map { $0.map { ($0, false) } }
            ?? Array(repeating: nil, count: rules.count)
        while true {
            var changedBy: [String] = []
            for (index, rule) in rules.enumerated() where ruleReads(index, format) {
                let check: RuleCheck
                if reusesChecks, let last = known[index], last.check.isCurrent(in: context) {
                    if last.settled { continue }
                    check = last.check
                } else {
                    check = RuleCheck(rule, in: context)
                }
                var applied = false
                for violation in check.violations {
                    guard let fix = violation.fix, unsafe || fix.applicability == .safe else { continue }
                    if let suppressions, suppressions.suppressor(ofRule: descriptions[index].id,
                                                                 line: violation.location.line) != nil { continue }
                    switch fix.action {
                    case .edit(let apply):
                        for node in fix.declaredRemovals where node.isAttached {
                            declared.declare(ContentFingerprint(of: node))
                        }
                        apply()
                        context.postDidChange()
                        applied = true
                        result.changedPost = true
                    case .convertBodyToMarkdown:
                        result.convertToMarkdown = true
                    }
                }
                context.markdown?.commitEdits()
                guard applied else {
                    known[index] = (check, true)
                    continue
                }
                known[index] = nil
                context.postDidChange()
                changedBy.append(descriptions[index].id)
                if afterRule(descriptions[index].id, declared) { return result }
            }
            if changedBy.isEmpty { return result }
            pass += 1
            if pass >= Linter.maximumFixPasses { throw FixError.didNotConverge(rules: changedBy) }
        }
    }

    /// Replays the fixes on a fresh document, checking after each rule, to name the rule that lost content.
    private func contentLossFinding(_ post: Post, unsafe: Bool, suppressions: SuppressionDirectives?,
                                    loss: ContentFingerprint.Loss) throws -> Finding {
        let replay = try makeContext(for: post)
        guard let body = replay.body else { throw FixError.didNotConverge(rules: []) }
        let start = ContentFingerprint(of: body)
        let textNodes = body.descendants.filter(\.isText)
        var declared = ContentFingerprint()
        var culprit = "an unknown rule"
        var firstLoss = loss
        _ = try applyFixes(in: replay, unsafe: unsafe, suppressions: suppressions, declared: &declared) { ruleID, declaredSoFar in
            let current = ContentFingerprint.loss(before: start, after: ContentFingerprint(of: body),
                                                  declared: declaredSoFar)
            guard !current.isEmpty else { return false }
            culprit = ruleID
            firstLoss = current
            return true
        }
        let (text, location) = locate(firstLoss, textNodes: textNodes, context: replay)
        firstLoss.text = text
        return Finding(
            ruleID: ContentLoss.id, severity: .error,
            message: "fixing would lose \(firstLoss.description) (removed by \(culprit)); the file was not changed",
            location: location, utf8Offset: post.source.fileOffset(line: location.line, column: location.column))
    }

    /// The text node that held the lost text (removed, and not declared), and its location in the file.
    private func locate(_ loss: ContentFingerprint.Loss, textNodes: [Node], context: RuleContext)
        -> (text: String?, location: Location) {
        let lost = Set(loss.characters)
        let holder = textNodes.first { node in
            let characters = node.text.unicodeScalars.filter { !ContentFingerprint.isIgnorable($0) }
            return !characters.isEmpty && !node.isAttached && characters.allSatisfy(lost.contains)
        } ?? textNodes.first { node in node.text.unicodeScalars.contains { lost.contains($0) } }
        guard let holder, let first = holder.text.unicodeScalars.first(where: { lost.contains($0) }) else {
            return (nil, context.bodyStart)
        }
        let text = holder.isAttached ? nil : String(holder.text.trimmingWhitespace)
        return (text, context.location(of: String(first), from: holder))
    }

    private func visibleText(_ context: RuleContext) -> [String] {
        if let body = context.body { return VisibleText.blocks(of: body) }
        return VisibleText.blocks(ofMarkdown: context.markdown?.text ?? context.post.body)
    }

    private func renderedBody(_ context: RuleContext, asMarkdown: Bool) -> String {
        if let markdown = context.markdown { return markdown.text }
        guard let body = context.body else { return context.post.body }
        let separator = context.post.frontMatter == nil ? "" : "\n"
        if asMarkdown { return separator + MarkdownWriter(target: target).markdown(for: body) }
        let html = String(body.innerHTML.trimmingWhitespace)
        return separator + html + "\n"
    }
}
