/// One rule's check of a post: what it reported, and which parts of the post it read at which revisions.
///
/// A rule is a function of what it reads, so while no edit touches those parts, checking it again would report
/// the same: the fixer then uses the check it has instead of asking the rule again.
struct RuleCheck {
    let violations: [Violation]
    let parts: PostParts
    let frontMatterRevision: Int
    let bodyRevision: Int

    /// Checks `rule` on the context as it is now, recording what the rule read.
    init(_ rule: any Rule, in context: RuleContext) {
        context.startReading()
        violations = rule.check(context)
        parts = context.partsRead
        frontMatterRevision = context.frontMatterRevision
        bodyRevision = context.bodyRevision
    }

    /// True while no edit since the check touched a part it read.
    func isCurrent(in context: RuleContext) -> Bool {
        (!parts.contains(.frontMatter) || frontMatterRevision == context.frontMatterRevision)
            && (!parts.contains(.body) || bodyRevision == context.bodyRevision)
    }
}
