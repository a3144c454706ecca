import NewslintDOM

/// What the block walk carries down the tree.
struct BlockContext {
    /// Inline elements (`<a>`, `<strong>` …) that enclose the blocks being written; every paragraph and
    /// heading inside is wrapped in them, as a browser would render it.
    var wrappers: [Node] = []
}
