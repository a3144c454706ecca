import Foundation
import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct PrintableEndsTrimmingTests {
    /// Trimming spaces answered from printable ASCII ends gives what trimming the characters gave, over random
    /// texts with tabs, space separators, Prepend scalars, combining marks and line breaks at either end.
    @Test func trimmingFromPrintableEndsAgreesWithTrimmingCharacters() throws {
        let pieces = ["a", "~", "!", "/", " ", "\t", "\u{3000}", "\u{A0}", "\u{600}", "\u{301}", "\r\n", "\n", "中",
                      "\u{7F}", "\u{1F}", "é", "\u{200D}", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        var quick = 0
        for _ in 0..<8_000 {
            let text = pieces.randomText(count: 0...5, using: &generator)
            if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
               (0x21...0x7E).contains(last) { quick += 1 }
            #expect(text.trimmingSpacesReadingEnds == text.trimmingSpaces, "\(text.debugDescription)")
        }
        #expect(quick > 200)
        for value in try RepositoryImageAddresses.all() {
            #expect(value.trimmingSpacesReadingEnds == value.trimmingSpaces, "\(value.debugDescription)")
        }
    }
}
