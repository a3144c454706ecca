import NewslintCore
import NewslintDOM

/// The promo widgets of a body, for rules that must not report on markup that `promo-block` removes whole.
struct PromoWidgets {
    let nodes: [Node]

    init(body: Node, profile: SiteProfile) {
        nodes = PromoBlockRule.widgets(in: body, profile: profile).map(\.node)
    }

    func contains(_ node: Node) -> Bool {
        nodes.contains { node.isInside($0) }
    }
}
