/// A check over one post. Rules never print and never write: they return violations, and a violation's
/// fix changes the post only when the fixer applies it.
///
/// Check and fix share one code path: `check` finds the offending nodes and attaches to each violation
/// the fix for exactly those nodes, so what is reported and what is fixed can never disagree.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: RuleContext) -> [Violation]
}

extension Rule {
    public var id: String { description.id }
}
