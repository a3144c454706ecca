import NewslintCore
import NewslintDOM

/// The `<img>` elements of the context's HTML body, in document order, found once per state of the post: the
/// image rules each walked the whole body for them.
enum HTMLImageElements {
    static func all(_ context: RuleContext) -> [Node] {
        guard let body = context.body else { return [] }
        return context.derived("html-img-elements") { body.descendants.filter { $0.isElement(named: "img") } }
    }
}
