import NewslintTestSupport
import Testing
@testable import NewslintCore

/// `UTF8Scalar.allStandAlone` tells from lead bytes what asking every scalar answers.
@Suite struct UTF8ScalarTests {
    /// On random texts of ASCII (the carriage return and DEL among it), CJK ideographs at both ends of their lead
    /// bytes, and scalars that stand alone or join others: the answer of `alwaysStandsAlone` for every scalar, with
    /// and without the carriage return allowed.
    @Test func allStandAloneAnswersAsEveryScalar() {
        let pieces = ["a", " ", "\t", "\n", "\r", "\r\n", "\u{7F}", "\u{0}", "丁", "鿿", "䀀", "é", "—", "，", "ｶ", "😀",
                      "\u{301}", "\u{200D}", "\u{FE0F}", "\u{3099}", "\u{2060}", "\u{A0}", "\u{3000}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = pieces.randomText(count: 0...8, using: &generator)
            let strict = text.unicodeScalars.allSatisfy(\.alwaysStandsAlone)
            let allowing = text.unicodeScalars.allSatisfy { $0.alwaysStandsAlone || $0 == "\r" }
            let shown = "\(text.unicodeScalars.map(\.value))"
            var bytes = text
            bytes.withUTF8 { bytes in
                #expect(UTF8Scalar.allStandAlone(bytes) == strict, "\(shown)")
                #expect(UTF8Scalar.allStandAlone(bytes, allowingCarriageReturn: true) == allowing, "\(shown)")
            }
        }
    }
}
