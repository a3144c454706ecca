import NewslintTestSupport
import Testing
@testable import NewslintCore

/// `TextAutolinks.matches(in:)` reads a text whose scalars all stand alone as bytes; these tests hold that path to
/// the character path it replaces.
@Suite struct TextAutolinksBytesTests {
    /// Random texts of URLs, words, every HTML white space and its look-alikes, and scalars that join others (for
    /// which the byte path steps aside): the same URLs at the same places.
    @Test func bytesFindTheURLsCharactersFind() {
        let pieces = ["https://a.b/c", "http://例子.中国/路径?q=1", "ftp://x.y", "://", "https://", "www.a.b", "a", "中文",
                      "，", "。", "(", ")", "<", ">", "\"", "'", ".", " ", "\t", "\n", "\r", "\r\n", "\u{0C}", "\u{0B}",
                      "\u{A0}", "\u{3000}", "\u{301}", "\u{200D}", "é", "👍", "https://e.f/g#h", "mailto:x@y.z"]
        var generator = SystemRandomNumberGenerator()
        var found = 0
        var byBytes = 0
        for _ in 0..<10_000 {
            let text = pieces.randomText(count: 0...12, using: &generator)
            let expected = TextAutolinks.matchesByCharacters(in: text)
            found += expected.count
            if let bytes = TextAutolinks.matchesByBytes(in: text) {
                byBytes += 1
                #expect(bytes.map(\.url) == expected.map(\.url), "\(text.debugDescription)")
                #expect(bytes.map { offsets($0.range, in: text) } == expected.map { offsets($0.range, in: text) },
                        "\(text.debugDescription)")
            }
            #expect(TextAutolinks.matches(in: text).map(\.url) == expected.map(\.url))
        }
        #expect(found > 1_000)
        #expect(byBytes > 2_000)
    }

    private func offsets(_ range: Range<String.Index>, in text: String) -> [Int] {
        [text.utf8.distance(from: text.startIndex, to: range.lowerBound),
         text.utf8.distance(from: text.startIndex, to: range.upperBound)]
    }
}
