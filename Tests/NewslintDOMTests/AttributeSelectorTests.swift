import Foundation
import NewslintDOM
import Testing

/// Attribute and class tests read an ASCII value in place, as bytes; they must answer as comparing the value as a
/// `String` did (characters, canonical equivalence, `\r\n` as one character) on any value, words of an ASCII
/// value excepted: those were always compared as bytes.
@Suite struct AttributeSelectorTests {
    static let values = [
        "", "a", "K", "\u{212A}", "hidden", "Hidden", "a\r", "a\r\n", "a\rb", "center", "text-align: center;",
        "width:undefinedpx;display:none;", "strong-Bold font-L", "é", "e\u{301}", "字", " a  b\t", "a\nb",
    ]

    @Test func inPlaceTestsAnswerAsStringTests() throws {
        let operators = ["=", "~=", "^=", "*="]
        for actual in Self.values {
            let escaped = Self.escaped(actual)
            let document = try HTMLDocument(html: "<div data-x=\"\(escaped)\" class=\"\(escaped)\"></div>")
            let node = try #require(document.body.descendants.first { $0.name == "div" })
            let read = try #require(node.attribute("data-x"))
            #expect(try Selector("[data-x]").matches(node))
            #expect(!(try Selector("[data-y]").matches(node)))
            for value in Self.values {
                for op in operators {
                    let selector = try Selector("[data-x\(op)\"\(value)\"]")
                    #expect(selector.matches(node) == Self.reference(read, op, value),
                            "\(read.debugDescription) \(op) \(value.debugDescription)")
                }
                guard let word = value.split(whereSeparator: \.isWhitespace).first else { continue }
                let expected = Self.reference(read, "~=", String(word))
                if word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                    #expect(try Selector(".\(word)").matches(node) == expected,
                            "class \(read.debugDescription) has \(word)")
                }
            }
        }
    }

    /// The tests on the value as a string.
    static func reference(_ actual: String, _ op: String, _ value: String) -> Bool {
        switch op {
        case "=": actual == value
        // An ASCII value is split and compared as bytes (so the Kelvin sign is no word of "K"), as it always was.
        case "~=" where actual.utf8.allSatisfy { $0 < 0x80 }:
            actual.utf8.split { $0 == 0x20 || (0x09...0x0D).contains($0) }.contains { $0.elementsEqual(value.utf8) }
        case "~=": actual.split(whereSeparator: \.isWhitespace).contains { $0 == value }
        case "^=": actual.hasPrefix(value)
        default: !value.isEmpty && actual.utf8.indices.contains { actual.utf8[$0...].starts(with: value.utf8) }
        }
    }

    /// `\r` and `\n` as character references, so that the parser keeps them in the value.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(of: "\n", with: "&#10;")
    }
}
