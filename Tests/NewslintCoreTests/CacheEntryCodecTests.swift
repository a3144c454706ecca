import Testing
@testable import NewslintCore

/// The cache's entry text: what is written is read back exactly, and anything else is refused as corrupt.
@Suite struct CacheEntryCodecTests {
    static let finding = Finding(ruleID: "ad-comment", severity: .warning, message: "HTML comment 'ad' left in article body",
                                 location: Location(line: 14, column: 3), utf8Offset: 331, fixTitle: "remove the comment",
                                 fixApplicability: .safe)
    static let entry = ResultCache.Entry(findings: [finding], lines: [14: "<p>a<!-- ad --></p>"])

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func writesOneLinePerFindingAndSourceLine() {
        #expect(CacheEntryCodec.encode(Self.entry) == """
            newslint-cache 3
            f\tad-comment\twarning\t14\t3\t331\tsafe\tremove the comment\tHTML comment 'ad' left in article body
            l\t14\t<p>a<!-- ad --></p>
            end\t2

            """)
    }

    @Test func textsWithEscapesAndAbsentFixesRoundTrip() {
        let awkward = "tab\there, line\nfeed, \r return, back\\slash, \\N, \\t literal, 新浪 e\u{301}"
        let entry = ResultCache.Entry(findings: [
            Finding(ruleID: "x", severity: .error, message: awkward, location: Location(line: 1, column: 1)),
            Finding(ruleID: "y", severity: .warning, message: "", location: Location(line: 2, column: 9), utf8Offset: 7,
                    fixTitle: "", fixApplicability: .unsafe),
            Finding(ruleID: "z", severity: .warning, message: "\\N", location: Location(line: 0, column: -1),
                    fixTitle: "\\N", fixApplicability: nil),
        ], lines: [1: awkward, 2: "", 3: "\t\\"])
        #expect(CacheEntryCodec.decode(bytes(CacheEntryCodec.encode(entry))) == entry)
    }

    /// Edits known to be none differ from edits not worked out.
    @Test func editsRoundTripAndNoneDiffersFromUnknown() {
        let edits = [TextEdit(startLine: 1, startOffset: 0, endLine: 3, endOffset: 40, content: "a\tb\n新\\\n")]
        let entry = ResultCache.Entry(findings: [Self.finding], lines: [:], edits: edits)
        #expect(CacheEntryCodec.encode(entry).hasSuffix("k\ne\t1\t0\t3\t40\ta\\tb\\n新\\\\\\n\nend\t3\n"))
        #expect(CacheEntryCodec.decode(bytes(CacheEntryCodec.encode(entry))) == entry)
        let none = ResultCache.Entry(findings: [], lines: [:], edits: [])
        let unknown = ResultCache.Entry(findings: [], lines: [:])
        #expect(CacheEntryCodec.decode(bytes(CacheEntryCodec.encode(none)))?.edits == [])
        #expect(CacheEntryCodec.decode(bytes(CacheEntryCodec.encode(unknown)))?.edits == nil)
    }

    @Test func emptyEntryRoundTrips() {
        let empty = ResultCache.Entry(findings: [], lines: [:])
        #expect(CacheEntryCodec.decode(bytes(CacheEntryCodec.encode(empty))) == empty)
    }

    @Test func randomEntriesRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "\t", "\n", "\r", "\\", "N", "t", "新", "e\u{301}", " ", "'", "\\N", "end", "f", "l"]
        func text() -> String { (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement()! }.joined() }
        for _ in 0..<500 {
            let findings = (0..<Int.random(in: 0...5)).map { _ in
                Finding(ruleID: text(), severity: Bool.random() ? .warning : .error, message: text(),
                        location: Location(line: Int.random(in: 1...9999), column: Int.random(in: 1...999)),
                        utf8Offset: Int.random(in: 0...1_000_000), fixTitle: Bool.random() ? text() : nil,
                        fixApplicability: [nil, .safe, .unsafe].randomElement()!)
            }
            var lines: [Int: String] = [:]
            for _ in 0..<Int.random(in: 0...5) { lines[Int.random(in: 1...50)] = text() }
            let edits = Bool.random() ? nil : (0..<Int.random(in: 0...3)).map { _ in
                TextEdit(startLine: Int.random(in: 1...99), startOffset: Int.random(in: 0...9_999),
                         endLine: Int.random(in: 1...99), endOffset: Int.random(in: 0...9_999), content: text())
            }
            let entry = ResultCache.Entry(findings: findings, lines: lines, edits: edits)
            #expect(CacheEntryCodec.decode(bytes(CacheEntryCodec.encode(entry))) == entry)
        }
    }

    @Test(arguments: [
        "",
        "{\"findings\":[],\"lines\":{}}",
        "newslint-cache 1\nend\t0\n",
        "newslint-cache 2\nend\t0\n",
        "newslint-cache 3\ne\t1\t0\t2\t5\tx\nend\t1\n",
        "newslint-cache 3\nk\nk\nend\t2\n",
        "newslint-cache 3\nk\tx\nend\t1\n",
        "newslint-cache 3\nk\ne\t1\t0\t2\tx\nend\t2\n",
        "newslint-cache 3\nk\ne\t1\t0\t2\t5\tx\\q\nend\t2\n",
        "newslint-cache 3\n",
        "newslint-cache 3\nend\t0",
        "newslint-cache 3\nend\t1\n",
        "newslint-cache 3\nl\t1\ta\nend\t2\n",
        "newslint-cache 3\nl\t1\ta\nl\t1\tb\nend\t2\n",
        "newslint-cache 3\nl\tx\ta\nend\t1\n",
        "newslint-cache 3\nl\t1\ta\\x\nend\t1\n",
        "newslint-cache 3\nl\t1\ta\\\nend\t1\n",
        "newslint-cache 3\nl\t1\ta\tb\nend\t1\n",
        "newslint-cache 3\nq\t1\ta\nend\t1\n",
        "newslint-cache 3\nf\tr\tfatal\t1\t1\t0\t\\N\t\\N\tm\nend\t1\n",
        "newslint-cache 3\nf\tr\twarning\t1\t1\t0\tmaybe\t\\N\tm\nend\t1\n",
        "newslint-cache 3\nf\tr\twarning\t1\t1\t0\t\\N\t\\N\nend\t1\n",
        "newslint-cache 3\nf\tr\twarning\t1\t\t0\t\\N\t\\N\tm\nend\t1\n",
        "newslint-cache 3\nf\tr\twarning\t1\t1\t99999999999999999999\t\\N\t\\N\tm\nend\t1\n",
    ])
    func malformedEntriesAreRefused(_ text: String) {
        #expect(CacheEntryCodec.decode(bytes(text)) == nil)
    }

    @Test func everyCutOfAnEntryIsRefused() {
        let whole = bytes(CacheEntryCodec.encode(Self.entry))
        for length in 0..<whole.count {
            #expect(CacheEntryCodec.decode(Array(whole[..<length])) == nil, "cut at \(length)")
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        var text = bytes(CacheEntryCodec.encode(Self.entry))
        text[text.count - 12] = 0xFF
        #expect(CacheEntryCodec.decode(text) == nil)
    }
}
