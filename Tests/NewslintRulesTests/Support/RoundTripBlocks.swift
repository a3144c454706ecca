import Foundation

/// One block of an article as a reader sees it: its kind, the lists, quotes and table cells around it, its
/// whitespace-normalised text (a hard break is `⏎`, an image `￼`), and the link targets and image sources
/// in it. Code keeps its text byte for byte.
struct ArticleBlock: Equatable, CustomStringConvertible {
    enum Kind: Equatable, CustomStringConvertible {
        case paragraph
        case heading(Int)
        case code
        case cell
        case rule

        var description: String {
            switch self {
            case .paragraph: "paragraph"
            case .heading(let level): "h\(level)"
            case .code: "code"
            case .cell: "table cell"
            case .rule: "rule"
            }
        }
    }

    var kind: Kind
    /// `list`, `quote` and `cell`, outermost first.
    var containers: [String]
    var text: String
    var links: [String] = []
    var images: [String] = []

    var description: String {
        let place = containers.isEmpty ? "" : " in " + containers.joined(separator: ">")
        let shown = kind == .code ? String(reflecting: text) : "«\(text)»"
        var result = "\(kind)\(place) \(shown)"
        if !links.isEmpty { result += " links \(links)" }
        if !images.isEmpty { result += " images \(images)" }
        return result
    }
}

/// Compares the blocks of two renderings of one article.
enum ArticleComparison {
    /// Nil when the blocks are equal; otherwise the first block that differs, with its neighbours.
    static func firstDifference(expected: [ArticleBlock], actual: [ArticleBlock]) -> String? {
        guard expected != actual else { return nil }
        let index = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expected.count, actual.count)
        let want = index < expected.count ? expected[index].description : "(no block)"
        let got = index < actual.count ? actual[index].description : "(no block)"
        var message = "block \(index + 1) of \(expected.count) differs\n  cleaned DOM: \(want)\n  rendered:    \(got)"
        if index > 0 { message += "\n  after: \(expected[index - 1])" }
        return message
    }
}
