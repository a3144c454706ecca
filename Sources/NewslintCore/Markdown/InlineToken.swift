/// A span of inline content with an opening and a closing side.
enum InlineMark: Equatable {
    case strong
    case emphasis
    /// Boxed, like the image below: tokens are copied at every stage, and a word should not carry room for
    /// a link's two strings or an image's four.
    indirect case link(url: String, title: String?)
    /// A raw HTML tag such as `sup`, written without attributes.
    case tag(String)
}

/// Inline content that is written as a unit.
enum InlineAtom {
    /// Inline code; the text still holds its newlines.
    case code(String)
    /// Boxed: see `InlineMark.link`.
    indirect case image(InlineImage)
    /// Raw HTML written as is (embedded content inside a heading or cell).
    case html(String)
}

struct InlineImage {
    var source: String
    var alt: String
    var title: String?
    var referrerPolicy: String?
}

/// The flat form of inline content. `open` and `close` pairs share an identifier.
enum InlineToken {
    /// Text as the DOM holds it, before whitespace collapsing.
    case text(String)
    /// A word: text without collapsible whitespace, after collapsing.
    case word(String)
    /// One collapsed whitespace run; `newline` when the source run held a line break.
    case space(newline: Bool)
    case lineBreak
    /// The end of one paragraph and the start of the next, inside one run of inline content.
    case paragraphBreak
    case comment(String)
    case atom(InlineAtom)
    case open(Int, InlineMark)
    case close(Int)

    /// True for the opening of strong or emphasis: the pairs `EmphasisResolver` writes.
    var opensEmphasis: Bool {
        switch self {
        case .open(_, .strong), .open(_, .emphasis): true
        default: false
        }
    }

    var isContent: Bool {
        switch self {
        case .text, .word, .atom: true
        default: false
        }
    }
}
