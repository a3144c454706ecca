import Foundation
import Testing
@testable import NewslintCore

/// The workflow-command escapes, byte for byte, give what the chain of Foundation replacements gave, and also
/// escape a line break that a combining mark follows.
@Suite struct GitHubEscapingTests {
    /// The escapes as they were made before.
    private func escapedByReplacing(_ text: String, property: Bool) -> String {
        let data = text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        return property ? data.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") : data
    }

    private func escaped(_ text: String, property: Bool) -> String {
        var bytes: [UInt8] = []
        GitHubReporter.appendEscaped(text, property: property, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func escapesAreAsBeforeOnRandomTexts() {
        // No combining mark: the one case where the replacements, which compare characters, missed a match.
        let pieces = ["%", "\r", "\n", "\r\n", ":", ",", "%25", "a", "中文", "🇨🇳", " ", "=", "::", "é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            for property in [false, true] {
                #expect(escaped(text, property: property) == escapedByReplacing(text, property: property),
                        "\(text.debugDescription)")
            }
        }
    }

    @Test func aLineBreakBeforeACombiningMarkIsEscaped() {
        #expect(escaped("a\n\u{301}b,c", property: false) == "a%0A\u{301}b,c")
        #expect(escaped("a:\u{301}", property: true) == "a%3A\u{301}")
        #expect(!escaped("x\r\n\u{301}", property: false).contains("\n"))
    }
}
