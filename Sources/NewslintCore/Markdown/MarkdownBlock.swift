/// One rendered block, before blocks are joined.
enum MarkdownBlock {
    enum Kind: Equatable {
        case paragraph, heading, code, html, rule, table
    }

    /// A block whose lines are final, apart from the prefix of the containers around it.
    case leaf(Kind, [String])
    /// A list, whose markers are chosen when it is joined with its neighbours.
    case list(MarkdownList)
    /// A block quote, whose lines get their `>` when it is joined.
    case quote([MarkdownBlock])
}

/// A list whose items hold their own blocks.
struct MarkdownList {
    var ordered: Bool
    var start: Int
    var items: [[MarkdownBlock]]

    /// True when the list may follow a paragraph line directly, without a blank line, and stay a list.
    var canInterruptParagraph: Bool {
        guard let first = items.first, !first.isEmpty else { return false }
        return !ordered || start == 1
    }
}
