import NewslintTestSupport
import Testing
@testable import NewslintRules

@Suite struct URLRewritingPartsTests {
    /// `URLRewriting.Parts` cuts an address at its first `#`, then what comes before at its first `?`, by bytes:
    /// over random addresses of separators, CJK, combining marks (also after `#` and `?`) and percent escapes,
    /// its parts are the bytes an independent cut of the UTF-8 gives.
    @Test func partsAreTheBytesAroundTheFirstSeparators() {
        let pieces = ["https://a.cn/", "b", "中文", "?", "#", "?x=1", "&y=2", "#top", "#\u{301}", "?\u{301}", "e\u{301}",
                      "%23", "/", "=", "??", "##", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let url = pieces.randomText(count: 0...8, using: &generator)
            let parts = URLRewriting.Parts(url)
            let expected = cut(Array(url.utf8))
            #expect(Array(parts.base.utf8) == expected.base, "\(url.debugDescription)")
            #expect(parts.query.map { Array($0.utf8) } == expected.query, "\(url.debugDescription)")
            #expect(parts.fragment.map { Array($0.utf8) } == expected.fragment, "\(url.debugDescription)")
        }
    }

    private func cut(_ bytes: [UInt8]) -> (base: [UInt8], query: [UInt8]?, fragment: [UInt8]?) {
        var rest = bytes[...]
        var fragment: [UInt8]?
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Array(rest[(hash + 1)...])
            rest = rest[..<hash]
        }
        var query: [UInt8]?
        if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = Array(rest[(mark + 1)...])
            rest = rest[..<mark]
        }
        return (Array(rest), query, fragment)
    }
}
