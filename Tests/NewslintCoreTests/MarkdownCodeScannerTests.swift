import NewslintTestSupport
import Testing
@testable import NewslintCore

/// What the Markdown scanner takes as literal.
@Suite struct MarkdownCodeScannerTests {
    /// The escapes found by jumping from backslash to backslash are those a walk over every byte finds: a
    /// backslash outside the code spans escapes the ASCII punctuation after it, unless that is in a span.
    @Test func escapesAreThoseOfAByteWalk() {
        let pieces = ["a", "`", "``", "\\", "\\\\", "\\`", "\\*", "*", " ", "中", "\\中", "_", "\\\\`"]
        var generator = SystemRandomNumberGenerator()
        var escapes = 0
        for _ in 0..<5_000 {
            // One line that starts with a letter: no fence and no HTML block, so the whole text is prose.
            let text = "x " + pieces.randomText(count: 0...14, using: &generator)
            let literals = MarkdownCodeScanner.literals(in: text)
            let expected = Self.escapesByWalking(Array(text.utf8), spans: literals.code)
            #expect(literals.escaped == expected, "\(text.debugDescription)")
            escapes += expected.count
        }
        #expect(escapes > 2_000)
    }

    /// The byte walk the scanner made before it used `memchr`.
    static func escapesByWalking(_ bytes: [UInt8], spans: [Range<Int>]) -> Set<Int> {
        var escaped: Set<Int> = []
        var index = 0
        var nextSpan = 0
        while index < bytes.count {
            if nextSpan < spans.count, spans[nextSpan].contains(index) {
                index = spans[nextSpan].upperBound
                nextSpan += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
               bytes[index + 1] < 0x80, UInt8(ascii: "!")...UInt8(ascii: "~") ~= bytes[index + 1],
               !(bytes[index + 1].isASCIILetterOrDigit), !spans.contains(where: { $0.contains(index + 1) }) {
                escaped.insert(index + 1)
                index += 2
                continue
            }
            index += 1
        }
        return escaped
    }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
