import Foundation
import NewslintTestSupport
import Testing
@testable import NewslintCore

/// `ScalarStarts` counts eight bytes at a time where the column code counted byte by byte; the byte-by-byte
/// counts below are that code, kept as the reference.
@Suite struct ScalarStartsTests {
    /// Any byte at all, with continuation bytes and lead bytes as likely as ASCII.
    @Test func wordCountsAreByteCounts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...70, using: &generator)).map { _ in
                [UInt8.random(in: 0...0x7F, using: &generator), UInt8.random(in: 0x80...0xBF, using: &generator),
                 UInt8.random(in: 0xC0...0xFF, using: &generator)].randomElement(using: &generator)!
            }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let end = Int.random(in: start...bytes.count, using: &generator)
            let reference = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
            #expect(bytes.withUnsafeBufferPointer { ScalarStarts.count(in: $0, from: start, to: end) } == reference,
                    "\(bytes) \(start)..<\(end)")
            let wanted = Int.random(in: 0...(end - start + 1), using: &generator)
            let (index, counted) = bytes.withUnsafeBufferPointer {
                ScalarStarts.skipWords(in: $0, from: start, to: end, counted: 0, atMost: wanted)
            }
            #expect(counted <= wanted && counted == bytes[start..<index].filter { $0 & 0xC0 != 0x80 }.count)
            #expect(index == end || end - index < 8 || counted + bytes[index..<(index + 8)].filter { $0 & 0xC0 != 0x80 }.count > wanted)
        }
    }

    @Test func generatedTextsGetTheOffsetsAndColumnsOfTheByteWalk() {
        let pieces = ["a", " ", "<p>", "中文", "é", "e\u{301}", "😀", "\n", "\r\n", "\t", "新浪财经要闻快讯", "abcdefgh"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            compare(pieces.randomText(count: 0...60, using: &generator))
        }
    }

    @Test func repositoryPostsGetTheOffsetsAndColumnsOfTheByteWalk() {
        var compared = 0
        for folder in ["../shared/corpus/posts", "Examples", "Tests/Fixtures/hostile", "Fuzz/seeds"] {
            let directory = RepositoryPaths.path(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().prefix(40) {
                guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
                compare(text)
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// Every line and column (and a few past the line's end), and every offset, of `text`.
    private func compare(_ text: String) {
        let source = SourceText(text)
        let bytes = Array(text.utf8)
        for line in 0...(source.lineCount + 1) {
            let length = source.line(line).unicodeScalars.count
            for column in Set([0, 1, 2, length, length + 1, length + 2] + Array(1...max(1, min(length, 200)))) {
                let found = source.utf8Position(line: line, column: column)
                let expected = Self.referencePosition(source, bytes, line: line, column: column)
                #expect(found.offset == expected.offset && found.column == expected.column, "\(line):\(column)")
            }
        }
        for offset in stride(from: -1, through: bytes.count + 1, by: max(1, bytes.count / 60)) {
            let found = source.position(ofUTF8Offset: offset)
            let expected = Self.referencePosition(bytes, ofUTF8Offset: offset)
            #expect(found.line == expected.line && found.column == expected.column, "\(offset)")
        }
    }

    /// `SourceText.utf8Position(line:column:)` as it walked every byte.
    static func referencePosition(_ source: SourceText, _ utf8: [UInt8], line: Int, column: Int) -> (offset: Int, column: Int?) {
        guard line >= 1, line <= source.lineCount else { return (utf8.count, nil) }
        var range = source.byteRange(ofLine: line)
        if range.upperBound > range.lowerBound, utf8[range.upperBound - 1] == UInt8(ascii: "\r") {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let wanted = max(0, column - 1)
        var scalars = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            if utf8[offset] & 0xC0 != 0x80 {
                if scalars == wanted { return (offset, scalars + 1) }
                scalars += 1
            }
            offset += 1
        }
        return (range.upperBound, scalars + 1)
    }

    /// `SourceText.position(ofUTF8Offset:)` as it counted the line's bytes one by one.
    static func referencePosition(_ utf8: [UInt8], ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, utf8.count))
        let lineStart = utf8[..<clamped].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = utf8[..<lineStart].filter { $0 == UInt8(ascii: "\n") }.count + 1
        return (line, utf8[lineStart..<clamped].reduce(1) { count, byte in byte & 0xC0 != 0x80 ? count + 1 : count })
    }
}
