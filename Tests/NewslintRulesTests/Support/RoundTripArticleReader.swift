import Foundation
import NewslintDOM

/// Reads the blocks of an article from a DOM, the same way for the cleaned DOM newslint writes from and for
/// the HTML a renderer makes of newslint's Markdown, so the two can be compared.
///
/// Besides block elements, two things end a paragraph, as they did when the scraped `.md` file was rendered
/// (a blank line ended the HTML block): a blank line in text directly inside a block container other than
/// `<p>`, and two or more `<br>` in a row. Neither applies inside table cells and headings, which hold one
/// paragraph. Whitespace collapses as CSS says: a run holding a line break vanishes between two Chinese or
/// Japanese characters. A link whose text is its own URL counts as text, since a bare URL may be written as
/// an autolink.
struct ArticleReader {
    static func blocks(of root: Node) -> [ArticleBlock] {
        var reader = ArticleReader()
        reader.visitChildren(of: root)
        reader.flush()
        return reader.blocks
    }

    private enum Mode: Equatable {
        case normal
        case heading(Int)
        case cell
    }

    private enum Piece {
        case text(String)
        case lineBreak
        case paragraphBreak
        case image(String)
        case linkOpen(String)
        case linkClose
    }

    private static let skipped: Set<String> = [
        "script", "style", "template", "meta", "link", "title", "base", "head", "param", "col", "colgroup", "area",
        "input",
    ]
    private static let containers: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "center", "figure", "figcaption",
        "address", "dl", "dt", "dd", "nav", "details", "summary", "form", "fieldset", "legend", "hgroup", "body",
        "html", "noscript", "caption", "search", "dialog",
    ]
    /// Containers whose bare text splits into paragraphs at blank lines.
    private static let blankLineContainers: Set<String> = containers.subtracting(["p", "caption"])
        .union(["blockquote", "li"])
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    private static let lists: Set<String> = ["ul", "ol", "menu", "dir"]
    private static let preformatted: Set<String> = ["pre", "listing", "xmp", "plaintext"]
    private static let embedded: Set<String> = [
        "video", "audio", "iframe", "embed", "object", "svg", "canvas", "math", "frame", "frameset", "applet",
    ]

    private(set) var blocks: [ArticleBlock] = []
    private var pieces: [Piece] = []
    private var mode = Mode.normal
    private var containers: [String] = []
    private var link: String?
    private var cellPending = false

    // MARK: Walking

    private mutating func visitChildren(of node: Node) {
        for child in node.children { visit(child) }
    }

    private mutating func visit(_ node: Node) {
        if node.isText {
            appendText(node)
            return
        }
        guard node.isElement else { return }
        let name = node.name
        guard !Self.skipped.contains(name) else { return }
        switch name {
        case "br":
            pieces.append(isHeading ? .text(" ") : .lineBreak)
        case "img":
            if let image = Self.image(node) { pieces.append(.image(image)) }
        case "a":
            visitLink(node)
        case _ where Self.headings.contains(name):
            guard !isHeading else { return separated(node) }
            flush()
            let outer = mode
            mode = .heading(Int(String(name.dropFirst()))!)
            visitChildren(of: node)
            flush()
            mode = outer
        case _ where Self.preformatted.contains(name):
            codeBlock(node, stripsLeadingNewline: true)
        case "code":
            let text = Self.codeText(node)
            if text.contains("\n"), mode == .normal {
                codeBlock(node, stripsLeadingNewline: false)
            } else {
                pieces.append(.text(text.replacingOccurrences(of: "\n", with: " ")))
            }
        case "hr":
            guard !isFlattening else { return pieces.append(.text(" ")) }
            flush()
            blocks.append(ArticleBlock(kind: .rule, containers: containers, text: ""))
        case "table":
            visitTable(node)
        case _ where Self.lists.contains(name):
            structural(node, container: "list")
        case "blockquote":
            structural(node, container: "quote")
        case "li":
            structural(node, container: nil)
        case _ where Self.embedded.contains(name):
            guard !isFlattening else { return visitChildren(of: node) }
            flush()
            if let source = node.attribute("src") { pieces.append(.image(Self.normalisedURL(source))) }
            visitChildren(of: node)
            flush()
        case _ where Self.containers.contains(name):
            guard !isFlattening else { return separated(node) }
            flush()
            visitChildren(of: node)
            flush()
        default:
            if name == "source", let source = node.attribute("src") {
                pieces.append(.image(Self.normalisedURL(source)))
            }
            visitChildren(of: node)
        }
    }

    private var isHeading: Bool {
        if case .heading = mode { return true }
        return false
    }

    /// In headings and table cells, block elements only separate words.
    private var isFlattening: Bool { mode != .normal }

    private mutating func separated(_ node: Node) {
        pieces.append(.text(" "))
        visitChildren(of: node)
        pieces.append(.text(" "))
    }

    private mutating func structural(_ node: Node, container: String?) {
        guard !isHeading else { return separated(node) }
        flush()
        let outer = mode
        mode = .normal
        if let container { containers.append(container) }
        visitChildren(of: node)
        flush()
        if container != nil { containers.removeLast() }
        mode = outer
    }

    private mutating func appendText(_ node: Node) {
        let text = node.text
        guard mode == .normal, !containers.contains("cell"), let parent = node.parent,
            Self.blankLineContainers.contains(parent.name)
        else {
            pieces.append(.text(text))
            return
        }
        for (index, part) in Self.splitAtBlankLines(text).enumerated() {
            if index > 0 { pieces.append(.paragraphBreak) }
            pieces.append(.text(part))
        }
    }

    private mutating func visitLink(_ node: Node) {
        guard link == nil, let raw = node.attribute("href") else { return visitChildren(of: node) }
        let href = Self.normalisedURL(raw)
        let text = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text != href, Self.normalisedURL(text) != href else { return visitChildren(of: node) }
        link = href
        pieces.append(.linkOpen(href))
        visitChildren(of: node)
        pieces.append(.linkClose)
        link = nil
    }

    private mutating func visitTable(_ table: Node) {
        let cells = table.descendants.filter { node in
            node.isElement && (node.name == "td" || node.name == "th")
                && node.ancestors.first { $0.name == "table" } == table
        }
        guard cells.count > 1, !isHeading else { return visitChildren(of: table) }
        flush()
        visitRows(of: table)
        flush()
    }

    private mutating func visitRows(of node: Node) {
        for child in node.children {
            guard child.isElement else {
                visit(child)
                continue
            }
            switch child.name {
            case "td", "th":
                flush()
                let outer = mode
                mode = .cell
                containers.append("cell")
                cellPending = true
                visitChildren(of: child)
                flush()
                containers.removeLast()
                mode = outer
            case "tr", "thead", "tbody", "tfoot":
                visitRows(of: child)
            default:
                visit(child)
            }
        }
    }

    private mutating func codeBlock(_ node: Node, stripsLeadingNewline: Bool) {
        var text = Self.codeText(node).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        guard !isHeading else { return pieces.append(.text(text)) }
        if stripsLeadingNewline, let first = node.firstChild, first.isText, text.hasPrefix("\n") {
            text.removeFirst()
        }
        if text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else { return }
        flush()
        blocks.append(ArticleBlock(kind: .code, containers: containers, text: text))
    }

    // MARK: Blocks

    /// Ends the current block: splits it at paragraph breaks and normalises each part.
    private mutating func flush() {
        let kind: ArticleBlock.Kind = switch mode {
        case .normal: .paragraph
        case .heading(let level): .heading(level)
        case .cell: .cell
        }
        // A table cell is a block even when empty, so a lost cell shows.
        let keepsEmpty = cellPending && mode == .cell
        if keepsEmpty { cellPending = false }
        let parts = split(collapsingBreakRuns(pieces))
        var openLink: String?
        var kept = false
        for part in parts.isEmpty && keepsEmpty ? [[]] : parts {
            let block = Self.block(part, kind: kind, containers: containers, openLink: &openLink)
            if !block.text.isEmpty || (keepsEmpty && !kept) { blocks.append(block) }
            kept = true
        }
        pieces = link.map { [.linkOpen($0)] } ?? []
    }

    /// A run of two or more `<br>` is a paragraph break, or in a table cell one break.
    private func collapsingBreakRuns(_ input: [Piece]) -> [Piece] {
        var result: [Piece] = []
        var index = 0
        while index < input.count {
            guard case .lineBreak = input[index] else {
                result.append(input[index])
                index += 1
                continue
            }
            var count = 0
            var links: [Piece] = []
            scan: while index < input.count {
                switch input[index] {
                case .lineBreak: count += 1
                case .text(let text) where text.allSatisfy(\.isCollapsibleWhitespace): break
                case .linkOpen, .linkClose: links.append(input[index])
                default: break scan
                }
                index += 1
            }
            result.append(count >= 2 && mode == .normal ? .paragraphBreak : .lineBreak)
            result += links
        }
        return result
    }

    private func split(_ input: [Piece]) -> [[Piece]] {
        var parts: [[Piece]] = [[]]
        for piece in input {
            if case .paragraphBreak = piece {
                parts.append([])
            } else {
                parts[parts.count - 1].append(piece)
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    private static func block(
        _ part: [Piece], kind: ArticleBlock.Kind, containers: [String], openLink: inout String?
    ) -> ArticleBlock {
        var text = ""
        var links: [String] = []
        var images: [String] = []
        var linkRecorded = false
        func noteContent() {
            guard let openLink, !linkRecorded else { return }
            if links.last != openLink { links.append(openLink) }
            linkRecorded = true
        }
        for piece in part {
            switch piece {
            case .text(let value):
                if value.contains(where: { !$0.isCollapsibleWhitespace }) { noteContent() }
                text += value
            case .lineBreak:
                text += "\u{2028}"
            case .paragraphBreak:
                break
            case .image(let source):
                noteContent()
                images.append(source)
                text += "\u{FFFC}"
            case .linkOpen(let href):
                openLink = href
                linkRecorded = false
            case .linkClose:
                openLink = nil
            }
        }
        return ArticleBlock(kind: kind, containers: containers, text: WhitespaceNormaliser.normalise(text),
                            links: links, images: images)
    }

    // MARK: Helpers

    private static func image(_ node: Node) -> String? {
        guard let source = node.attribute("src"), !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            return nil
        }
        let alt = (node.attribute("alt") ?? "").split(whereSeparator: \.isCollapsibleWhitespace)
            .joined(separator: " ")
        return normalisedURL(source) + (alt.isEmpty ? "" : " \"\(alt)\"")
    }

    /// Renderers percent-encode destinations; compare them decoded.
    static func normalisedURL(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}"))
        return trimmed.removingPercentEncoding ?? trimmed
    }

    /// Every text node below, with `<br>` as a newline, as in a `<pre>`.
    static func codeText(_ node: Node) -> String {
        var result = ""
        for child in node.children {
            if child.isText {
                result += child.text
            } else if child.isElement {
                result += child.name == "br" ? "\n" : codeText(child)
            }
        }
        return result
    }
}

extension ArticleReader {
    /// Splits text at blank lines: whitespace runs holding two line breaks.
    static func splitAtBlankLines(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var run = ""
        for character in text {
            if character.isCollapsibleWhitespace {
                run.append(character)
                continue
            }
            if run.filter(\.isLineBreak).count >= 2 {
                parts.append(current)
                current = ""
            } else {
                current += run
            }
            run = ""
            current.append(character)
        }
        if run.filter(\.isLineBreak).count >= 2 {
            parts.append(current)
            current = ""
        } else {
            current += run
        }
        parts.append(current)
        return parts
    }
}

/// Whitespace as a browser collapses it, with hard breaks and block edges trimmed.
enum WhitespaceNormaliser {
    static func normalise(_ text: String) -> String {
        var result = ""
        var run = ""
        for character in text {
            if character.isCollapsibleWhitespace {
                run.append(character)
                continue
            }
            if !run.isEmpty, let previous = result.last {
                let joinsCJK = run.contains(where: \.isLineBreak) && previous.isWideCJK && character.isWideCJK
                if !joinsCJK { result.append(" ") }
            }
            run = ""
            result.append(character)
        }
        result = result.replacingOccurrences(of: " \u{2028}", with: "\u{2028}")
            .replacingOccurrences(of: "\u{2028} ", with: "\u{2028}")
        while result.first == "\u{2028}" || result.first == " " { result.removeFirst() }
        while result.last == "\u{2028}" || result.last == " " { result.removeLast() }
        return result.replacingOccurrences(of: "\u{2028}", with: "⏎")
    }
}

extension Character {
    /// HTML's ASCII whitespace; NBSP and U+3000 are text.
    var isCollapsibleWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" || self == "\u{0C}"
    }

    var isLineBreak: Bool { self == "\n" || self == "\r" || self == "\r\n" }

    /// East Asian Wide or Fullwidth, Hangul excepted (CSS Text 3 segment breaks).
    var isWideCJK: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        let ranges: [ClosedRange<UInt32>] = [
            0x2E80...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xF900...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B16F,
            0x1F200...0x1F2FF, 0x20000...0x3FFFD,
        ]
        return ranges.contains { $0.contains(scalar.value) }
    }
}
