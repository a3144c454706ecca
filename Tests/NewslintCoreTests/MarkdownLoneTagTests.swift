import Foundation
import Testing
@testable import NewslintCore

@Suite struct MarkdownLoneTagTests {
    /// The pattern the reader replaced, kept as its reference.
    static let loneTag = try! NSRegularExpression(pattern: #"^(?:<([A-Za-z][A-Za-z0-9-]*)"#
        + #"(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>"#
        + #"|</([A-Za-z][A-Za-z0-9-]*)\s*>)[ \t]*$"#)

    static func referenceName(in text: String) -> String? {
        guard let match = loneTag.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) ?? Range(match.range(at: 2), in: text) else { return nil }
        return String(text[range])
    }

    /// Over random lines built from the pieces of tags (names, attributes, every kind of value, the white space
    /// ICU's `\s` knows, line terminators at the end and inside), the reader finds a tag exactly when the pattern
    /// does, with the same name.
    @Test func readsWhatThePatternMatches() {
        let pieces = [
            "<", "</", ">", "/>", "/", "div", "a", "h1", "my-tag", "X9", "1a", " ", "  ", "\t", "\u{3000}", "\u{A0}",
            "\u{85}", "\u{0B}", "\u{0C}", "\u{2028}", "\r", "\r\n", "=", " = ", "\"x y\"", "'q'", "''", "\"", "'", "val",
            "x/", "`", "data-x", ":a", "_b", ".c", "é", "中", "referrerpolicy=\"no-referrer\"", "src=https://a.b/c.png",
            "<img", "\u{200B}",
        ]
        let spaces = ["", " ", "\t", "  ", "\u{3000}", "\u{A0}", "\u{85}", "\u{0B}", "\u{2028}", "\n"]
        let names = ["div", "a", "h1", "my-tag", "X9", "1a", "", "é"]
        let attributes = ["data-x", ":a", "_b", ".c", "src", "x", "-y", ""]
        let values = ["=val", " = \"x y\"", "='q'", "=''", "=", "=x/", "=`", "=\"", "= a", ""]
        let ends = ["", " ", "\t", "\r", "\r\n", "\n", "\u{0C}", "\u{2029}", "\u{85}", " x", "\n\n"]
        var generator = SystemRandomNumberGenerator()
        func any(_ list: [String]) -> String { list.randomElement(using: &generator)! }
        /// A tag built from its parts, sometimes with a stray piece inside: about one in ten matches.
        func tag() -> String {
            var parts = ["<", Bool.random(using: &generator) ? "" : "/", any(names)]
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                parts += [any(spaces), any(attributes), any(values)]
            }
            parts += [any(spaces), Bool.random(using: &generator) ? "/" : "", ">", any(ends)]
            if Int.random(in: 0..<4, using: &generator) == 0 {
                parts.insert(any(pieces), at: Int.random(in: 0...parts.count, using: &generator))
            }
            return parts.joined()
        }
        var matched = 0
        for _ in 0..<20_000 {
            let line = Bool.random(using: &generator) ? tag()
                : (0..<Int.random(in: 1...9, using: &generator)).map { _ in any(pieces) }.joined()
            let expected = Self.referenceName(in: line)
            if expected != nil { matched += 1 }
            #expect(MarkdownLoneTag.name(in: Array(line.utf8)) == expected, "\(line.debugDescription)")
        }
        #expect(matched > 500)
    }

    @Test func readsTheTagsTheWriterWrites() {
        #expect(MarkdownLoneTag.name(in: Array(#"<img src="https://n.sinaimg.cn/a.jpg" alt="图" referrerpolicy="no-referrer">"#.utf8)) == "img")
        #expect(MarkdownLoneTag.name(in: Array("</div>  ".utf8)) == "div")
        #expect(MarkdownLoneTag.name(in: Array("<div> text".utf8)) == nil)
        #expect(MarkdownLoneTag.name(in: Array("<a href=>".utf8)) == nil)
    }
}
