import NewslintCore
import NewslintDOM

/// The promo widgets of a body, for rules that must not report on markup that `promo-block` removes whole.
struct PromoWidgets {
    let nodes: [Node]

    init(_ context: RuleContext) {
        nodes = PromoBlockRule.widgets(context).map(\.node)
    }

    init(nodes: [Node]) {
        self.nodes = nodes
    }

    func contains(_ node: Node) -> Bool {
        nodes.contains { node.isInside($0) }
    }
}
