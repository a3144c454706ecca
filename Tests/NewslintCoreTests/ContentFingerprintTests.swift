import NewslintTestSupport
import Testing
@testable import NewslintCore

/// The content-loss guard's record of visible text.
@Suite struct ContentFingerprintTests {
    /// The byte-run copy keeps exactly the scalars `isIgnorable` keeps: on random texts of every ignorable
    /// scalar, and of visible ones that share their first UTF-8 byte (`©` with U+00A0, `—` with U+2000, `あ`
    /// with U+3000, `！` with U+FEFF).
    @Test func visibleBytesAreTheScalarsNotIgnored() {
        let pieces = ["a", "中", "😀", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
                      "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}",
                      "\u{FEFF}", "©", "—", "\u{2061}", "あ", "！", "\u{1681}", "é", "\u{301}", "\u{1C}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = pieces.randomText(count: 0...10, using: &generator)
            var visible: [UInt8] = Array("x".utf8)
            ContentFingerprint.appendVisible(text, to: &visible)
            let expected = "x" + String(String.UnicodeScalarView(text.unicodeScalars.filter {
                !ContentFingerprint.isIgnorable($0)
            }))
            #expect(visible == Array(expected.utf8), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// A fix that drops a character the rule did not declare is a loss; one that only moves text is not.
    @Test func lossCountsCharactersNotTheirOrder() throws {
        let document = try HTMLBody.parse("<p>新闻 正文</p><p>责任编辑：刘万里</p>")
        let body = document.body
        let before = ContentFingerprint(of: body)
        let paragraphs = body.descendants.filter { $0.isElement(named: "p") }
        paragraphs[0].remove()
        body.appendChild(paragraphs[0])
        #expect(body.textContent == "责任编辑：刘万里新闻 正文")
        #expect(ContentFingerprint.loss(before: before, after: ContentFingerprint(of: body),
                                        declared: ContentFingerprint()).isEmpty)
        paragraphs[0].remove()
        let loss = ContentFingerprint.loss(before: before, after: ContentFingerprint(of: body),
                                           declared: ContentFingerprint())
        #expect(String(String.UnicodeScalarView(loss.characters)) == "新闻正文")
    }
}
