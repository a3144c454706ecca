import Foundation
import NewslintCore
import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct LazyImagePlaceholderBytesTests {
    /// `lazy-image`'s placeholder test reads an ASCII address from its bytes; it gives what reading the
    /// characters gave, over random addresses and over every quoted value and destination in the repository.
    @Test func placeholderBytesAgreeWithCharacters() throws {
        let pieces = ["https://a.com", "/", "loading", ".gif", "LOADING.GIF", "blank-1.png", "data:", "DATA:",
                      "undefined", "/undefined", "/NULL", "null", "about:blank", "#", "?", "x", " ", "\t", "\n",
                      "\r\n", "\u{1C}", "\u{85}", "é", "\u{301}", "placeholder", ".png", "_", "-", ".", "JPEG", "webp",
                      "\u{212A}", "pixel", "\u{0B}"]
        var generator = SystemRandomNumberGenerator()
        var placeholders = 0
        for _ in 0..<8_000 {
            let src = pieces.randomText(count: 0...6, using: &generator)
            let expected = LazyImageRule.isPlaceholderReadingCharacters(src)
            if expected { placeholders += 1 }
            #expect(LazyImageRule.isPlaceholder(src) == expected, "\(src.debugDescription)")
        }
        #expect(placeholders > 1_000)
        #expect(LazyImageRule.isPlaceholder(nil))
        for value in try RepositoryImageAddresses.all() {
            #expect(LazyImageRule.isPlaceholder(value) == LazyImageRule.isPlaceholderReadingCharacters(value),
                    "\(value.debugDescription)")
        }
    }
}
