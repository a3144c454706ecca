import NewslintCore
import NewslintDOM

/// One visual line of the body: a paragraph, or the run of a paragraph between `<br>`s.
struct CreditTextLine {
    let nodes: [Node]

    /// Whether the line shows an image or other replaced element, found once: the classification asks for
    /// each line and its neighbour.
    let hasMedia: Bool

    /// How the line's text starts, found without making the text: most lines are told apart from a credit line
    /// by their first character, and their text is never needed.
    let lead: Lead

    enum Lead {
        /// Every scalar is white space: the text is blank.
        case whiteSpace
        /// The first scalar that is not white space, one that is always a character of its own
        /// (`alwaysStandsAlone`) and not zero-width: the text is not blank, and trimmed it starts with it.
        case scalar(Unicode.Scalar)
        /// Any other first scalar (a zero-width or joining one): only the text's characters tell.
        case unknown
    }

    init(nodes: [Node]) {
        self.nodes = nodes
        var hasMedia = false
        var lead: Lead?
        // The text is the concatenation of the nodes' `textContent`: the text and CDATA nodes below, in order.
        func read(_ textNode: Node) {
            guard lead == nil, let first = CreditTextLine.firstNonWhiteSpace(textNode.text) else { return }
            lead = first.alwaysStandsAlone && !TextClasses.isZeroWidth(first) ? .scalar(first) : .unknown
        }
        for node in nodes {
            if node.isText {
                read(node)
            } else if node.isElement {
                if node.isElement(TextClasses.replacedElements) { hasMedia = true }
                for descendant in node.descendants {
                    if descendant.isText {
                        read(descendant)
                    } else if !hasMedia, descendant.isElement(TextClasses.replacedElements) {
                        hasMedia = true
                    }
                }
            } else if lead == nil {
                // Another kind of node, whose content libxml2 reads in its own way: the text decides.
                lead = .unknown
            }
        }
        self.hasMedia = hasMedia
        self.lead = lead ?? .whiteSpace
    }

    /// The line's text, made when asked: for the lines that may be credit lines, and for messages.
    var text: String {
        nodes.count == 1 ? nodes[0].textContent : nodes.map(\.textContent).joined()
    }

    var isBlank: Bool {
        switch lead {
        case .whiteSpace: true
        case .scalar: false
        case .unknown: TextClasses.isBlank(text)
        }
    }

    var isVisible: Bool { hasMedia || !isBlank }

    /// The first scalar of `text` that is not white space (`Unicode.Scalar.isWhiteSpace`).
    static func firstNonWhiteSpace(_ text: String) -> Unicode.Scalar? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Unicode.Scalar? in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte.isASCIIWhiteSpace {
                    index += 1
                    continue
                }
                let (scalar, width) = UTF8Scalar.decode(bytes, at: index)
                if !scalar.isWhiteSpace { return scalar }
                index += width
            }
            return nil
        }
        return found ?? text.unicodeScalars.first { !$0.isWhiteSpace }
    }
}
