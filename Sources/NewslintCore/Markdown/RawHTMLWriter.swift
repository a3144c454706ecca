import NewslintDOM

/// Serialises elements that Markdown cannot express as HTML that survives inside a CommonMark HTML block:
/// no blank lines, attribute names CommonMark accepts, and stable output under re-parsing.
struct RawHTMLWriter {
    enum AttributePolicy {
        /// Every attribute (embedded content needs `src`, `width`, …).
        case all
        /// Table elements keep only `colspan`, `rowspan` and `align`; content inside keeps what carries meaning.
        case table
    }

    var policy: AttributePolicy
    var target = PublishingTarget.commonmark

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
        "track", "wbr",
    ]
    private static let tableStructure: Set<String> = [
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th",
    ]
    private static let tableAttributes: Set<String> = ["colspan", "rowspan", "align"]
    private static let contentAttributes: Set<String> = ["href", "src", "alt", "title", "referrerpolicy"]
    private static let rowContainers: Set<String> = ["table", "thead", "tbody", "tfoot", "tr", "colgroup"]
    private static let rawText: Set<String> = ["script", "style"]
    private static let preserveWhitespace: Set<String> = ["pre", "textarea", "listing", "xmp", "plaintext"]

    /// The HTML of `node` on as few lines as possible.
    func html(for node: Node) -> String {
        var output = ""
        write(node, into: &output, preserving: false, topLevel: true)
        return output
    }

    /// The start tag of `node` alone.
    func startTag(for node: Node) -> String {
        var tag = "<" + node.name
        for (name, value) in keptAttributes(of: node) {
            tag += " \(name)=\"\(protection.text(HTMLEscaping.attribute(value)))\""
        }
        return tag + ">"
    }

    private func write(_ node: Node, into output: inout String, preserving: Bool, topLevel: Bool) {
        if node.isText {
            output += text(node, preserving: preserving)
        } else if node.isComment {
            output += "<!--" + protection.text(collapsingWhitespace(node.text)) + "-->"
        } else if node.isElement {
            let name = node.name
            output += startTag(for: node)
            if Self.voidElements.contains(name) {
                // libxml2 2.9 nests the content after `<embed>`, `<source>` … inside them.
                for child in node.children {
                    write(child, into: &output, preserving: preserving, topLevel: false)
                }
                return
            }
            if Self.rawText.contains(name) {
                let content = node.children.map(\.text).joined()
                // Only a top-level script or style block may span blank lines (CommonMark HTML block type 1).
                output += topLevel ? content : withoutBlankLines(content)
            } else {
                let keepsWhitespace = preserving || Self.preserveWhitespace.contains(name)
                for child in node.children {
                    write(child, into: &output, preserving: keepsWhitespace, topLevel: false)
                }
            }
            output += "</\(name)>"
        }
    }

    private func text(_ node: Node, preserving: Bool) -> String {
        let raw = node.text
        if preserving {
            return protection.text(HTMLEscaping.text(raw)).replacing("\r\n", with: "&#10;")
                .replacing("\n", with: "&#10;").replacing("\r", with: "&#10;")
        }
        if let parent = node.parent, Self.rowContainers.contains(parent.name), raw.allSatisfy(\.isHTMLWhitespace) {
            return ""
        }
        return protection.text(HTMLEscaping.text(collapsingWhitespace(raw)))
    }

    private var protection: TemplateProtection { TemplateProtection(target: target) }

    private func keptAttributes(of node: Node) -> [(String, String)] {
        node.attributes.filter { name, _ in
            guard Self.isValidAttributeName(name) else { return false }
            switch policy {
            case .all: return true
            case .table:
                if Self.tableStructure.contains(node.name) { return Self.tableAttributes.contains(name) }
                return Self.contentAttributes.contains(name)
            }
        }
    }

    /// CommonMark's attribute name: `[A-Za-z_:][A-Za-z0-9_.:-]*`; other names would turn the tag into text.
    static func isValidAttributeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII else { return false }
        let firstAllowed = (first.properties.isAlphabetic) || first == "_" || first == ":"
        guard firstAllowed else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "." || scalar == ":" || scalar == "-")
        }
    }

    private func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var inWhitespace = false
        for character in text {
            if character.isHTMLWhitespace {
                if !inWhitespace { result += " " }
                inWhitespace = true
            } else {
                result.append(character)
                inWhitespace = false
            }
        }
        return result
    }

    private func withoutBlankLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy(\.isHTMLWhitespace) }
            .joined(separator: "\n")
    }
}

/// Escaping for HTML written by the writer.
enum HTMLEscaping {
    static func text(_ text: String) -> String {
        // Most text has nothing to escape: then every character would be copied as it is.
        guard text.containsByte(where: HTMLEscaping.isSpecialInText) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    static func attribute(_ value: String) -> String {
        guard value.containsByte(where: HTMLEscaping.isSpecialInAttribute) else { return value }
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "<": result += "&lt;"
            // A bare `>` in a value would end the tag for readers that scan for it, such as the Markdown-body rules.
            case ">": result += "&gt;"
            // A newline in an attribute could put a blank line inside an HTML block.
            case "\n", "\r\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The bytes that `text(_:)` may escape.
    private static func isSpecialInText(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }

    /// The bytes that `attribute(_:)` may escape.
    private static func isSpecialInAttribute(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0A, 0x0D: true
        default: false
        }
    }
}

extension Character {
    /// ASCII whitespace as HTML defines it; NBSP and U+3000 are not whitespace here.
    var isHTMLWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" || self == "\u{0C}"
    }
}
