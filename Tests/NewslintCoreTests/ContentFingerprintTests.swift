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

    /// The shortcut that counts only the changed middle of the texts answers "is a character lost?" exactly as
    /// counting the whole texts does: on random edits of random texts (shared scalars with equal first or last
    /// bytes, so the common start and end fall inside scalars), with random declared removals.
    @Test func changedMiddleTellsALossAsTheWholeTextsDo() {
        let pieces = ["a", "b", "中", "丰", "😀", "😁", "é", "è", "—", "あ", "ab", "中文"]
        var generator = SystemRandomNumberGenerator()
        var losses = 0
        for _ in 0..<6_000 {
            let before = pieces.randomText(count: 0...12, using: &generator)
            var after = Array(before.unicodeScalars)
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let piece = Array(pieces.randomElement(using: &generator)!.unicodeScalars)
                let at = Int.random(in: 0...after.count, using: &generator)
                if Bool.random(using: &generator) || after.isEmpty {
                    after.insert(contentsOf: piece, at: at)
                } else {
                    after.removeSubrange(min(at, after.count - 1)..<min(after.count, at + piece.count))
                }
            }
            let declared = pieces.randomText(count: 0...2, using: &generator)
            let bytes = (before: Array(before.utf8), after: Array(String(String.UnicodeScalarView(after)).utf8),
                         declared: Array(declared.utf8))
            let whole = !ContentFingerprint.loss(before: fingerprint(bytes.before), after: fingerprint(bytes.after),
                                                 declared: fingerprint(bytes.declared)).characters.isEmpty
            // Held to the count over the whole texts, the path the guard took before (and still takes to list).
            var counts: [Unicode.Scalar: Int] = [:]
            for scalar in before.unicodeScalars { counts[scalar, default: 0] += 1 }
            for scalar in after { counts[scalar, default: 0] -= 1 }
            for scalar in declared.unicodeScalars { counts[scalar, default: 0] -= 1 }
            let expected = counts.values.contains { $0 > 0 }
            if expected { losses += 1 }
            #expect(ContentFingerprint.mayLoseCharacters(before: bytes.before, after: bytes.after,
                                                         declared: bytes.declared) == expected,
                    "\(before.debugDescription) → \(String(String.UnicodeScalarView(after)).debugDescription)")
            #expect(whole == expected)
        }
        #expect(losses > 500)
    }

    /// The fingerprint of a paragraph holding the text (the pieces hold no markup and no white space).
    private func fingerprint(_ bytes: [UInt8]) -> ContentFingerprint {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let document = try? HTMLBody.parse("<p>\(text)</p>") else { return ContentFingerprint() }
        return ContentFingerprint(of: document.body)
    }
}
