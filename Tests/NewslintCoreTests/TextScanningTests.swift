import Testing
@testable import NewslintCore

/// The byte-level helpers that replaced Foundation's string search on hot paths.
@Suite struct TextScanningTests {
    @Test func byteRangeFindsTheFirstOccurrence() throws {
        let text = "正文 &#123; 与 &#125; 和 &#123;"
        let range = try #require(text.byteRange(of: "&#123;"))
        #expect(text[..<range.lowerBound] == "正文 ")
        #expect(text[range] == "&#123;")
        #expect(text.byteRange(of: "&#x7b;") == nil)
        #expect("ab".byteRange(of: "abc") == nil)
        #expect("".byteRange(of: "a") == nil)
        #expect(text.containsBytes("与 &#125;"))
        let substring = text.dropFirst(3)
        #expect(substring.byteRange(of: "&#123;").map { substring[$0] } == "&#123;")
    }

    @Test func byteSearchRetriesAfterAFalseStart() {
        #expect(ByteSearch.firstOffset(of: Array("aab".utf8), in: Array("aaab".utf8)) == 1)
        #expect(ByteSearch.firstOffset(of: Array("://".utf8), in: Array("https:/x://".utf8)) == 8)
    }

    @Test func trimmingSpacesKeepsLineBreaks() {
        #expect("\t https://a.cn/x \u{3000}".trimmingSpaces == "https://a.cn/x")
        #expect("  \n a".trimmingSpaces == "\n a")
        #expect("   ".trimmingSpaces == "")
    }

    @Test func offsetsAndPositionsCountScalars() {
        let source = SourceText("title\n正文 x\r\nab")
        #expect(source.utf8Offset(line: 2, column: 1) == 6)
        #expect(source.utf8Offset(line: 2, column: 3) == 12)
        #expect(source.utf8Offset(line: 2, column: 99) == 14)
        #expect(source.utf8Offset(line: 2, column: 0) == 6)
        #expect(source.utf8Offset(line: 9, column: 1) == source.utf8.count)
        #expect(source.position(ofUTF8Offset: 12) == (2, 3))
        #expect(source.position(ofUTF8Offset: 16) == (3, 1))
    }
}
