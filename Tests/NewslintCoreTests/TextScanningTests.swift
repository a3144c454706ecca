import Foundation
import NewslintTestSupport
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
        #expect("\u{600} a ".trimmingSpaces == "\u{600} a", "a Prepend scalar joins the space after it")
    }

    /// The ASCII-ends shortcut of both trims gives what the character search gives: on random texts whose ends
    /// are ASCII, spaces, line breaks, Prepend scalars (`\u{600}` joins the scalar after it) and combining marks.
    @Test func trimsMatchTheCharacterSearch() {
        let pieces = ["a", "1", ".", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{7F}",
                      "\u{0}", "\u{600}", "\u{301}", "\u{200D}", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}", "é",
                      "中", "🇨🇳", "x"]
        var generator = SystemRandomNumberGenerator()
        var shortcut = 0
        for _ in 0..<20_000 {
            let text = pieces.randomText(count: 0...5, using: &generator)
            let spaces = text.trimming { $0 == "\t" || $0.unicodeScalars.first?.properties.generalCategory == .spaceSeparator }
            #expect(text.trimmingSpaces == spaces, "\(text.unicodeScalars.map(\.value))")
            #expect(text.trimmingWhitespace == text.trimming(\.isWhitespace), "\(text.unicodeScalars.map(\.value))")
            let tail = text.dropFirst()
            #expect(tail.trimmingWhitespace == tail.trimming(\.isWhitespace), "\(text.unicodeScalars.map(\.value))")
            if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80 { shortcut += 1 }
        }
        // About half of the texts have ASCII at both ends; a tenth would do.
        #expect(shortcut > 2_000)
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

    /// A position counted on from a known one is the position counted from the line's start, for every pair of
    /// offsets of texts with CJK text, carriage returns and blank lines; and the column `utf8Position` reports is
    /// the column of the offset it returns, also past a line's end.
    /// The line index (line feeds found with `memchr`) gives the lines a split at line feeds gives.
    @Test func linesAreTheTextCutAtLineFeeds() {
        let pieces = ["a", "\n", "\n\n", "中", "\r", " ", "\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = pieces.randomText(count: 0...12, using: &generator)
            let source = SourceText(text)
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            #expect(source.lineCount == lines.count, "\(text.debugDescription)")
            for (index, line) in lines.enumerated() {
                let expected = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
                #expect(Array(source.line(index + 1).utf8) == Array(expected), "\(text.debugDescription)")
            }
        }
    }

    @Test func positionsCountedOnAgreeWithPositionsCountedFromTheLineStart() {
        let pieces = ["a", "正文", "\n", "\r\n", " ", "é", "👍🏽", "\n\n", "<p>"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = pieces.randomText(count: 0...25, using: &generator)
            let source = SourceText(text)
            for base in 0...source.utf8.count {
                let basePosition = source.position(ofUTF8Offset: base)
                for offset in base...source.utf8.count {
                    #expect(source.position(ofUTF8Offset: offset, after: base, at: basePosition)
                                == source.position(ofUTF8Offset: offset), "\(text.debugDescription) \(base) \(offset)")
                }
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for line in 1...lines {
                for column in 1...8 {
                    let (offset, found) = source.utf8Position(line: line, column: column)
                    #expect(found.map { (line, $0) } ?? (0, 0) == source.position(ofUTF8Offset: offset),
                            "\(text.debugDescription) \(line):\(column)")
                }
            }
        }
    }

    /// The scalars read as characters of their own are not canonically equivalent to one another: none
    /// decomposes to a text made only of them. So comparing such texts by scalars compares them as characters.
    @Test func scalarsThatStandAloneHaveNoEquivalentAmongThem() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x2FF, 0x2000...0x206F, 0x3000...0x9FFF, 0xFF00...0xFFEF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), scalar.alwaysStandsAlone else { continue }
            let text = String(scalar)
            let decomposed = text.decomposedStringWithCanonicalMapping
            guard decomposed != text else { continue }
            let decomposesAmongThem = decomposed.unicodeScalars.allSatisfy { $0.alwaysStandsAlone }
            #expect(!decomposesAmongThem, "U+\(String(value, radix: 16))")
        }
    }

    @Test func prefixesOfCharactersAreComparedAsHasPrefixCompares() {
        let cases: [(String, String)] = [
            ("推荐阅读：文章", "推荐阅读"), ("推荐阅读", "推荐阅读"), ("推荐", "推荐阅读"), ("相关阅读", "推荐阅读"),
            ("e\u{301}x", "e"), ("\u{E9}x", "e\u{301}"), ("Read more", "Read"), ("", "a"), ("a", ""),
            ("推荐阅读\u{301}", "推荐阅读"),
        ]
        for (text, prefix) in cases {
            #expect(text[...].hasPrefixOfCharacters(prefix) == text.hasPrefix(prefix),
                    "\(text.debugDescription) \(prefix)")
        }
        let pieces = ["推", "荐", "e", "\u{E9}", "\u{301}", "\u{3099}", "か", "：", " ", "\r", "\n", "\u{FE0F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...5, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }
            let prefix = (0..<Int.random(in: 0...3, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }
            let (whole, start) = (text.joined(), prefix.joined())
            #expect(whole[...].hasPrefixOfCharacters(start) == whole.hasPrefix(start),
                    "\(whole.debugDescription) \(start.debugDescription)")
        }
    }

    /// The contiguous scan answers what the UTF-8 view answers, on strings and on substrings cut anywhere.
    @Test func containsByteAgreesWithTheUTF8View() {
        let pieces = ["a", "[", "]", "{", "}", "*", "_", "中文", "\u{3000}", "é", "👍", " ", "\\"]
        let tests: [(UInt8) -> Bool] = [
            { $0 == UInt8(ascii: "[") }, { $0 == UInt8(ascii: "}") }, { $0 >= 0x80 }, { $0 == UInt8(ascii: "\\") },
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = pieces.randomText(count: 0...12, using: &generator)
            let part = text.dropFirst(Int.random(in: 0...text.count, using: &generator))
            for test in tests {
                #expect(text.containsByte(where: test) == text.utf8.contains(where: test), "\(text.debugDescription)")
                #expect(part.containsByte(where: test) == part.utf8.contains(where: test), "\(part.debugDescription)")
            }
        }
    }

    /// Counting `\n` bytes not after `\r` counts the characters that are a line feed alone.
    @Test func lineFeedCountAgreesWithCharacters() {
        let pieces = ["a", "\n", "\r", "\r\n", "\n\u{301}", "\u{301}", "中文", " ", "\n\n", "\u{200D}", "👍"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = pieces.randomText(count: 0...12, using: &generator)
            #expect(text.lineFeedCount == text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }, "\(text.debugDescription)")
        }
        #expect("a\r\nb\nc\rd\n".lineFeedCount == 2)
    }

    /// The writer's verbatim marks are found from their bytes, among CJK punctuation that shares their lead byte.
    @Test func verbatimMarksAreFoundByTheirBytes() {
        // Noncharacters cannot be written in a literal.
        let marks = [0xFDD0, 0xFDD1, 0xFDD2, 0xFDCF].map { String(Unicode.Scalar(UInt32($0))!) }
        let pieces = ["a", "，", "（", "中", "{", "\u{EFB7}"] + marks
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = pieces.randomText(count: 0...8, using: &generator)
            let expected = text.unicodeScalars.contains { $0.value == 0xFDD0 || $0.value == 0xFDD1 }
            #expect(TemplateProtection.hasVerbatimMark(text) == expected, "\(text.debugDescription)")
        }
    }
}
