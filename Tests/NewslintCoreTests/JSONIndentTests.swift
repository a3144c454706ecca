import Foundation
import Testing
@testable import NewslintCore

/// The JSON report indents the encoder's lines by bytes exactly as splitting the text into characters did, and
/// writes the file entries without the encoder exactly as the encoder does.
@Suite struct JSONIndentTests {
    /// The way entries were indented before: the text cut into lines at `Character` line feeds.
    private func indentedByCharacters<Value: Encodable>(_ value: Value, indent: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }
            .joined(separator: "\n")
    }

    // Every ASCII character (all the control characters among them), and what else strings hold.
    private static let pieces = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        + ["中文", "\r\n", "é", "e\u{301}", "\u{301}", "🇨🇳", "</script>", "\u{2028}", "\u{85}", "\u{FEFF}", "\\u0041"]

    private func randomText(using generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func entriesAreIndentedAsBeforeOnRandomValues() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_500 {
            let findings = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                JSONReporter.FindingEntry(
                    rule: randomText(using: &generator), severity: "error", message: randomText(using: &generator),
                    location: JSONReporter.LocationEntry(line: Int.random(in: 1...900, using: &generator), column: 1,
                                                         offset: Int.random(in: 0...90_000, using: &generator)),
                    fix: Bool.random(using: &generator) ? nil : JSONReporter.FixEntry(
                        applicability: "safe", title: randomText(using: &generator),
                        edits: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                            JSONReporter.EditEntry(TextEdit(
                                startLine: 1, startOffset: 0, endLine: 2, endOffset: Int.random(in: 0...99, using: &generator),
                                content: randomText(using: &generator)))
                        }))
            }
            let entry = JSONReporter.FileEntry(path: randomText(using: &generator),
                                               error: Bool.random(using: &generator) ? nil : randomText(using: &generator),
                                               findings: findings)
            let indent = ["", "  ", "    ", "\t"].randomElement(using: &generator)!
            let expected = indentedByCharacters(entry, indent: indent)
            #expect(JSONReporter.encoded(entry, indent: indent) == expected, "\(entry)")
            #expect(JSONEntryWriter.text(of: entry, indent: indent) == expected, "\(entry)")
        }
    }

    @Test func plainValuesAreIndentedAsBefore() {
        for value in ["", "x\ny", "\r\n", "0.7.0"] {
            #expect(JSONReporter.encoded(value, indent: "  ") == indentedByCharacters(value, indent: "  "))
        }
        #expect(JSONReporter.encoded([[String]](), indent: "    ") == indentedByCharacters([[String]](), indent: "    "))
        #expect(JSONReporter.encoded(["a": [1, 2]], indent: "  ") == "  {\n    \"a\" : [\n      1,\n      2\n    ]\n  }")
    }
}
